/**
 * Golden replays: recorded AMI transcripts (`test/fixtures/*.jsonl`, one JSON object per line:
 * a message's headers, maybe with a timestamp, or wrapped as `{message|headers: {...}}`) and
 * optional hand-checked expectations (`<name>.expected.json`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AmiEvent } from '../../../../src/events/ami-event.js';
import { NOISE_EVENTS } from '../../../../src/events/ami-event.js';

export const FIXTURES_DIR = new URL('../../../fixtures/', import.meta.url).pathname;

export interface GoldenCheckpoint {
  /** Number of (non-noise) events applied before checking. */
  readonly after: number;
  readonly relations?: readonly string[];
  /** Endpoint → fields of its view (see view.ts) that must match. */
  readonly segments?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Exactly these endpoints are segments. */
  readonly endpoints?: readonly string[];
  /** Endpoint → the Uniqueid of its segment's channel: the segment's id must be the one derived
   * from it, so the same Uniqueid at two checkpoints means the same segment id (e.g. across a
   * Local optimisation or a transfer). */
  readonly uniqueids?: Readonly<Record<string, string>>;
}

export interface GoldenExpectation {
  readonly checkpoints?: readonly GoldenCheckpoint[];
  readonly final?: Omit<GoldenCheckpoint, 'after'> & { readonly empty?: boolean };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(line: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof line['Event'] === 'string') return line;
  for (const key of ['message', 'headers', 'msg']) {
    const inner = line[key];
    if (isRecord(inner) && typeof inner['Event'] === 'string') return inner;
  }
  return undefined;
}

/** The events of a transcript that reach the reducer (noise and list items of our own actions dropped). */
export function parseTranscript(text: string): AmiEvent[] {
  const events: AmiEvent[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed)) continue;
    const message = messageOf(parsed);
    if (message === undefined) continue;
    const event: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(message)) {
      if (typeof value === 'string') event[key] = value;
      else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) event[key] = value as string[];
    }
    const name = event['Event'] as string;
    if (NOISE_EVENTS.has(name) || event['ActionID'] !== undefined) continue;
    events.push(event as unknown as AmiEvent);
  }
  return events;
}

export interface Fixture {
  readonly name: string;
  readonly events: AmiEvent[];
  readonly expected: GoldenExpectation | undefined;
}

export function loadFixtures(dir = FIXTURES_DIR): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.jsonl'.length);
      const expectedPath = join(dir, `${name}.expected.json`);
      return {
        name,
        events: parseTranscript(readFileSync(join(dir, file), 'utf8')),
        expected: existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as GoldenExpectation) : undefined,
      };
    });
}
