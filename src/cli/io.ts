import type { Readable } from 'node:stream';

/** The streams a CLI run talks to (process streams in production, in-memory ones in tests). */
export interface CliIo {
  readonly stdin: Readable & { readonly isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}
