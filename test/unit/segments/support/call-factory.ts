/**
 * Stamps out many basic calls fast: the basic-call template is compiled once into per-header
 * rewriters (fresh Uniqueids, channel names and bridge ids per call), no regex per event.
 */
import type { AmiEvent } from '../../../../src/events/ami-event.js';
import { basicCall } from './scenarios.js';

type Rewrite = (call: number) => string;

function compileValue(value: string): Rewrite {
  const uniqueid = /^1796398606\.(\d+)$/.exec(value);
  if (uniqueid) {
    const seq = Number(uniqueid[1]);
    return (call) => `1700000000.${call * 2 + seq}`;
  }
  const channel = /^(.*)-0000000(\d)$/.exec(value);
  if (channel) {
    const [, prefix = '', n = '0'] = channel;
    return (call) => `${prefix}-${(call * 2 + Number(n)).toString(16).padStart(8, '0')}`;
  }
  if (value === 'b-1') return (call) => `bridge-${call}`;
  return () => value;
}

/** A function giving the events of basic call number `call` (the caller and callee are fresh). */
export function basicCallFactory(): { readonly size: number; events(call: number, from?: number, to?: number): AmiEvent[] } {
  const template = basicCall().pbx.events.map((event) =>
    Object.entries(event).flatMap(([key, value]) => (typeof value === 'string' ? [[key, compileValue(value)] as const] : [])),
  );
  return {
    size: template.length,
    events: (call, from = 0, to = template.length) =>
      template.slice(from, to).map((entries) => {
        const out: Record<string, string> = {};
        for (const [key, rewrite] of entries) out[key] = rewrite(call);
        return out as unknown as AmiEvent;
      }),
  };
}
