/**
 * Framer throughput: N pre-serialised call events (Newchannel / DialBegin / BridgeEnter / Hangup,
 * 17–31 headers) framed from memory in socket-sized chunks; prints events/s, median of 3 runs.
 * Run: npx tsx bench/framer.bench.ts [events] [chunkBytes]
 */
import { StringDecoder } from 'node:string_decoder';
import { AmiFramer } from '../src/ami/framer.js';
import { sampleEvent } from '../test/unit/ami/sample-events.js';
import { wire } from '../test/unit/ami/wire.js';

const events = Number(process.argv[2] ?? 200_000);
const chunkSize = Number(process.argv[3] ?? 65_536);

const parts: string[] = ['Asterisk Call Manager/11.0.0\r\n'];
for (let n = 0; n < events; n++) parts.push(wire(sampleEvent(n)));
const text = parts.join('');
const bytes = Buffer.from(text, 'utf8');

function run(label: string, frame: () => number): void {
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const framed = frame();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (framed !== events) throw new Error(`${label}: framed ${framed} of ${events}`);
    rates.push(events / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[1] ?? 0;
  console.log(`${label.padEnd(34)} ${Math.round(median).toLocaleString('en-US').padStart(10)} events/s  (${((median * bytes.length) / events / 1e6).toFixed(0)} MB/s)`);
}

console.log(`${events} events, ${(bytes.length / 1e6).toFixed(1)} MB, avg ${Math.round(bytes.length / events)} bytes, ${chunkSize}-unit chunks, median of 3`);

run('AmiFramer, string chunks', () => {
  const framer = new AmiFramer();
  let framed = 0;
  for (let pos = 0; pos < text.length; pos += chunkSize) framed += framer.push(text.slice(pos, pos + chunkSize)).length;
  return framed;
});

run('AmiFramer, bytes via StringDecoder', () => {
  const framer = new AmiFramer();
  const decoder = new StringDecoder('utf8');
  let framed = 0;
  for (let pos = 0; pos < bytes.length; pos += chunkSize) {
    framed += framer.push(decoder.write(bytes.subarray(pos, pos + chunkSize))).length;
  }
  return framed;
});
