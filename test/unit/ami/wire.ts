/** Test helpers: AMI wire text from message objects, a seeded PRNG, and a random byte splitter. */
import { StringDecoder } from 'node:string_decoder';
import type { AmiFramer } from '../../../src/ami/framer.js';
import type { AmiMessage } from '../../../src/events/ami-message.js';

export const BANNER = 'Asterisk Call Manager/11.0.0\r\n';

/** One message as Asterisk writes it: repeated keys once per value, then the empty line. */
export function wire(message: AmiMessage): string {
  let out = '';
  for (const [key, value] of Object.entries(message)) {
    for (const item of typeof value === 'string' ? [value] : value) out += `${key}: ${item}\r\n`;
  }
  return `${out}\r\n`;
}

/** mulberry32: small, fast, good enough to pick split points reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts bytes into chunks of 1..maxChunk bytes (cuts may fall inside a UTF-8 sequence). */
export function splitBytes(bytes: Buffer, random: () => number, maxChunk: number): Buffer[] {
  const chunks: Buffer[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(bytes.subarray(pos, pos + size));
    pos += size;
  }
  return chunks;
}

/** Feeds byte chunks through a StringDecoder into the framer, as the socket layer does. */
export function frameChunks(framer: AmiFramer, chunks: readonly Buffer[]): AmiMessage[] {
  const decoder = new StringDecoder('utf8');
  const out: AmiMessage[] = [];
  for (const chunk of chunks) out.push(...framer.push(decoder.write(chunk)));
  return out;
}
