/** Renders a snapshot by channel names so tests read like the spec's worked examples. */
import type { GraphSnapshot } from '../../../../src/segments/selectors.js';

export interface SegmentView {
  incoming: boolean;
  did: string | null;
  onHold: boolean;
  recording: boolean;
  answered: boolean;
  dialingTo: string[];
  dialingFrom: string[];
  linkedTo: string | null;
  conference: string | null;
  queue: string | null;
}

/** Endpoint of a channel name: PJSIP/200-0000000a → 200. */
export function endpointOf(channel: string): string {
  return channel.replace(/^[^/]+\//, '').replace(/-[0-9a-f]+$/, '');
}

export function viewOf(snapshot: GraphSnapshot): Record<string, SegmentView> {
  const nameOf = (id: string): string => endpointOf(snapshot.segments.get(id)?.channel ?? `?${id}`);
  const out: Record<string, SegmentView> = {};
  for (const record of snapshot.segments.values()) {
    out[endpointOf(record.channel)] = {
      incoming: record.incoming,
      did: record.did,
      onHold: record.onHold,
      recording: record.recording,
      answered: record.answered,
      dialingTo: record.dialingTo.map(nameOf).sort(),
      dialingFrom: record.dialingFrom.map(nameOf).sort(),
      linkedTo: record.linkedTo === null ? null : nameOf(record.linkedTo),
      conference: record.conference,
      queue: record.queue,
    };
  }
  return out;
}

/** Compact relation lines: "100 -> 200", "100 <-> 200", sorted. */
export function relationLines(snapshot: GraphSnapshot): string[] {
  const view = viewOf(snapshot);
  const lines = new Set<string>();
  for (const [name, segment] of Object.entries(view)) {
    for (const target of segment.dialingTo) lines.add(`${name} -> ${target}`);
    for (const source of segment.dialingFrom) lines.add(`${source} -> ${name}`);
    if (segment.linkedTo !== null) lines.add([name, segment.linkedTo].sort().join(' <-> '));
  }
  return [...lines].sort();
}
