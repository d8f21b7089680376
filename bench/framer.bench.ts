/**
 * Framer throughput: N pre-serialised call events (Newchannel / DialBegin / BridgeEnter / Hangup,
 * 17–31 headers) framed from memory in socket-sized chunks; prints events/s, median and range of
 * R interleaved runs, against a baseline in the same run: a naive framer doing what the
 * `asterisk-manager` 0.2.0 package does (split on /\r?\n/, per-line split(': '), lower-cased keys).
 * Run: npx tsx bench/framer.bench.ts [events] [chunkBytes] [runs]
 */
import { StringDecoder } from 'node:string_decoder';
import { AmiFramer } from '../src/ami/framer.js';
import { sampleEvent } from '../test/unit/ami/sample-events.js';
import { wire } from '../test/unit/ami/wire.js';
import { NaiveFramer } from './support/naive-framer.js';
import { argInt, header, int, interleaved, noisePercent, rangeText, secondsSince, spread } from './support/stats.js';

const events = argInt(2, 200_000);
const chunkSize = argInt(3, 65_536);
const runs = argInt(4, 5);

const parts: string[] = ['Asterisk Call Manager/11.0.0\r\n'];
for (let n = 0; n < events; n++) parts.push(wire(sampleEvent(n)));
const text = parts.join('');
const bytes = Buffer.from(text, 'utf8');

function timed(label: string, frame: () => number): { label: string; run: () => number } {
  return {
    label,
    run: () => {
      const started = process.hrtime.bigint();
      const framed = frame();
      const seconds = secondsSince(started);
      if (framed !== events) throw new Error(`${label}: framed ${framed} of ${events}`);
      return events / seconds;
    },
  };
}

const AMI_STRING = 'AmiFramer, string chunks';
const AMI_BYTES = 'AmiFramer, bytes via StringDecoder';
const NAIVE = 'baseline: naive (asterisk-manager)';

const cases = [
  timed(AMI_STRING, () => {
    const framer = new AmiFramer();
    let framed = 0;
    for (let pos = 0; pos < text.length; pos += chunkSize) framed += framer.push(text.slice(pos, pos + chunkSize)).length;
    return framed;
  }),
  timed(AMI_BYTES, () => {
    const framer = new AmiFramer();
    const decoder = new StringDecoder('utf8');
    let framed = 0;
    for (let pos = 0; pos < bytes.length; pos += chunkSize) {
      framed += framer.push(decoder.write(bytes.subarray(pos, pos + chunkSize))).length;
    }
    return framed;
  }),
  timed(NAIVE, () => {
    const framer = new NaiveFramer();
    let framed = 0;
    for (let pos = 0; pos < text.length; pos += chunkSize) framed += framer.push(text.slice(pos, pos + chunkSize)).length;
    return framed;
  }),
];

header('framer', {
  events,
  MB: (bytes.length / 1e6).toFixed(1),
  'avg bytes/event': Math.round(bytes.length / events),
  chunk: chunkSize,
  runs,
});
const results = await interleaved(cases, runs);
const bytesPerEvent = bytes.length / events;
for (const [label, rates] of results) {
  const s = spread(rates);
  console.log(
    `${label.padEnd(36)} ${rangeText(s).padStart(30)} events/s  ±${noisePercent(s).toFixed(0).padStart(2)}%  ${((s.median * bytesPerEvent) / 1e6).toFixed(0)} MB/s`,
  );
}
const ratio = (label: string): string => {
  const ours = spread(results.get(label) ?? []).median;
  const naive = spread(results.get(NAIVE) ?? []).median;
  return `${(ours / naive).toFixed(2)}x`;
};
console.log(`ratio AmiFramer / naive baseline: string chunks ${ratio(AMI_STRING)}, bytes ${ratio(AMI_BYTES)} (medians)`);
console.log(`(${int(events)} events framed per run; ${runs} timed rounds after one warm-up round)`);
