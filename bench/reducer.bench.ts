/**
 * Reducer and segment graph throughput on synthetic calls (70 % basic, 20 % ring group, 10 %
 * queue through a Local member that is optimised away; bench/support/call-mix.ts), many in flight
 * at once, noise already dropped as AmiClient.events$ does. Three cases, interleaved, same events:
 *   baseline     a loop that only touches each event (iteration cost)
 *   reduce       the pure reducer alone (src/segments/reducer.ts)
 *   graph        SegmentGraph.apply: reducer + incremental records + changes$ with a subscriber
 * A sweep then shows how the graph's cost per event grows with the calls in flight (persistent
 * maps copy one of 32 buckets per update: O(live channels / 32)).
 * Then one untimed pass through a SegmentGraph measuring the heap before, with all calls up at
 * the peak, and after every call hung up (needs global.gc: tsx passes --expose-gc on to node).
 * Run: npx tsx --expose-gc bench/reducer.bench.ts [calls] [concurrent] [runs]
 *  (same: node --expose-gc --import tsx bench/reducer.bench.ts …; without the flag: no heap figures)
 */
import type { AmiEvent } from '../src/events/ami-event.js';
import { reduce } from '../src/segments/reducer.js';
import { SegmentGraph } from '../src/segments/graph.js';
import { emptyState, isEmptyState } from '../src/segments/state.js';
import { overlappingCalls } from './support/call-mix.js';
import { argInt, header, int, interleaved, mb, noisePercent, rangeText, secondsSince, spread } from './support/stats.js';

const calls = argInt(2, 10_000);
const concurrent = argInt(3, 1_000);
const runs = argInt(4, 5);
const CORE_SERVER_ID = '5f0c2d5e-3b7a-4c2e-9a51-0b8f1f6d2c11';

const { events, peakIndex } = overlappingCalls(calls, concurrent);

function timed(label: string, pass: (events: readonly AmiEvent[]) => void): { label: string; run: () => number } {
  return {
    label,
    run: () => {
      const started = process.hrtime.bigint();
      pass(events);
      return events.length / secondsSince(started);
    },
  };
}

let sink = 0;
const BASELINE_PASSES = 50;
const BASELINE = 'baseline: touch each event';
const REDUCE = 'reduce (pure reducer)';
const GRAPH = 'SegmentGraph.apply + changes$';

const cases = [
  {
    // A pass takes only milliseconds: time BASELINE_PASSES of them for a steadier figure.
    label: BASELINE,
    run: () => {
      const started = process.hrtime.bigint();
      for (let pass = 0; pass < BASELINE_PASSES; pass++) {
        let touched = 0;
        for (const event of events) touched += event.Event.length;
        sink += touched;
      }
      return (events.length * BASELINE_PASSES) / secondsSince(started);
    },
  },
  timed(REDUCE, (list) => {
    let state = emptyState();
    let peak = 0;
    for (const event of list) {
      state = reduce(state, event);
      if (state.channels.size > peak) peak = state.channels.size;
    }
    if (!isEmptyState(state)) throw new Error('reduce: state not empty after every call hung up');
    if (peak < concurrent * 2) throw new Error(`reduce: only ${peak} channels at the peak`);
  }),
  timed(GRAPH, (list) => {
    const graph = new SegmentGraph(CORE_SERVER_ID);
    let changed = 0;
    const subscription = graph.changes$.subscribe((change) => {
      changed += change.added.length + change.updated.length + change.removed.length;
    });
    for (const event of list) graph.apply(event);
    subscription.unsubscribe();
    graph.close();
    if (graph.snapshot().segments.size !== 0 || !isEmptyState(graph.state)) throw new Error('graph: segments left behind');
    if (changed < calls * 4) throw new Error(`graph: only ${changed} segment changes`);
  }),
];

const byKind = new Map<string, number>();
for (const event of events) byKind.set(event.Event, (byKind.get(event.Event) ?? 0) + 1);
header('reducer and segment graph', { calls, concurrent, events: events.length, 'events/call': (events.length / calls).toFixed(1), runs });

const results = await interleaved(cases, runs);
const medians = new Map<string, number>();
for (const [label, rates] of results) {
  const s = spread(rates);
  medians.set(label, s.median);
  console.log(`${label.padEnd(32)} ${rangeText(s).padStart(36)} events/s  ±${noisePercent(s).toFixed(0).padStart(2)}%`);
}
const per = (label: string): number => 1e9 / (medians.get(label) ?? Number.NaN);
console.log(
  `per event (medians): baseline ${per(BASELINE).toFixed(0)} ns, reduce ${per(REDUCE).toFixed(0)} ns, graph ${per(GRAPH).toFixed(0)} ns; ` +
    `graph/reduce cost ${(per(GRAPH) / per(REDUCE)).toFixed(2)}x, reduce/baseline cost ${(per(REDUCE) / per(BASELINE)).toFixed(0)}x`,
);
const callsPerSecond = (medians.get(GRAPH) ?? 0) / (events.length / calls);
console.log(`graph median = ${int(callsPerSecond)} calls/s of this mix (${(events.length / calls).toFixed(1)} call events each, noise excluded)`);

const SWEEP = [10, 100, 1_000, 2_000];
const sweep: string[] = [];
for (const inFlight of SWEEP) {
  const swept = overlappingCalls(Math.max(2_000, inFlight * 2), inFlight).events;
  const rates = (
    await interleaved(
      [
        {
          label: 'graph',
          run: () => {
            const graph = new SegmentGraph(CORE_SERVER_ID);
            graph.changes$.subscribe(() => undefined);
            const started = process.hrtime.bigint();
            for (const event of swept) graph.apply(event);
            return swept.length / secondsSince(started);
          },
        },
      ],
      3,
    )
  ).get('graph');
  sweep.push(`${int(inFlight)} in flight ${rangeText(spread(rates ?? []))}`);
}
console.log(`graph events/s by calls in flight (median of 3, range): ${sweep.join('; ')}`);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.log('heap: skipped (run npx tsx --expose-gc bench/reducer.bench.ts for heap figures)');
} else {
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const graph = new SegmentGraph(CORE_SERVER_ID);
  graph.changes$.subscribe(() => undefined);
  for (let i = 0; i < peakIndex; i++) graph.apply(events[i] as AmiEvent);
  const segments = graph.snapshot().segments.size;
  const channels = graph.state.channels.size;
  const peak = heap();
  for (let i = peakIndex; i < events.length; i++) graph.apply(events[i] as AmiEvent);
  // snapshot() memoises the last snapshot it made (here: the peak one) until asked again, as a
  // REST request would: ask, so that the figure is the graph's, not a stale snapshot's.
  const left = `${graph.state.channels.size} channels, ${graph.snapshot().segments.size} segments left`;
  const after = heap();
  graph.close();
  // Once more with a fresh graph: if the residual above were per call, it would double here.
  const again = new SegmentGraph(CORE_SERVER_ID);
  again.changes$.subscribe(() => undefined);
  for (const event of events) again.apply(event);
  const afterAgain = heap();
  again.close();
  console.log(
    `heap: before ${mb(before)}, peak ${mb(peak)} (+${mb(peak - before)} for ${int(segments)} segments, ${int(channels)} channels: ` +
      `${int((peak - before) / segments)} bytes/segment), after all hung up ${mb(after)} (${after - before >= 0 ? '+' : ''}${int((after - before) / 1024)} KiB, ${left}); ` +
      `after a second full pass ${mb(afterAgain)} (${afterAgain - after >= 0 ? '+' : ''}${int((afterAgain - after) / 1024)} KiB)`,
  );
}
console.log(`events by kind: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
if (sink < 0) console.log(sink);
