import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { readSecret } from '../../../src/cli/read-secret.js';

/**
 * A fake terminal: stdin is a TTY whose raw mode is recorded; each time a prompt (text ending in
 * ": ") is written, the next entry of `typed` is typed.
 */
function terminal(typed: string[]) {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      stdin.rawModes.push(mode);
      return stdin;
    },
  });
  let stderr = '';
  const io: CliIo = {
    stdin,
    stdout: { write: () => true },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        const next = chunk.endsWith(': ') ? typed.shift() : undefined;
        if (next !== undefined) setImmediate(() => stdin.write(next));
        return true;
      },
    },
  };
  return { io, stdin, stderr: () => stderr };
}

describe('readSecret', () => {
  it('reads piped stdin, without one trailing line break', async () => {
    const io: CliIo = { stdin: Readable.from([Buffer.from('pa ss\n')]), stdout: { write: () => true }, stderr: { write: () => true } };
    expect(await readSecret(io, { fromStdin: false, prompt: 'Password: ', confirm: true })).toBe('pa ss');
  });

  it('prompts on a terminal in raw mode (no echo), twice when confirming', async () => {
    const t = terminal(['secret1x\r', 'secret1x\r']);
    expect(await readSecret(t.io, { fromStdin: false, prompt: 'Password for ops: ', confirm: true })).toBe('secret1x');
    expect(t.stderr()).toContain('Password for ops: ');
    expect(t.stderr()).not.toContain('secret1x');
    expect(t.stdin.rawModes).toEqual([true, false, true, false]);
  });

  it('handles backspace', async () => {
    const t = terminal(['abcdx\u007fe\r']);
    expect(await readSecret(t.io, { fromStdin: false, prompt: 'Password: ', confirm: false })).toBe('abcde');
  });

  it('gives null when the two entries differ', async () => {
    const t = terminal(['abcdx\u007fe\r', 'abcdf\r']);
    expect(await readSecret(t.io, { fromStdin: false, prompt: 'Password: ', confirm: true })).toBeNull();
    expect(t.stderr()).toContain('the two entries differ');
  });

  it('gives null on Ctrl-C', async () => {
    const t = terminal(['ab\u0003']);
    expect(await readSecret(t.io, { fromStdin: false, prompt: 'Password: ', confirm: false })).toBeNull();
  });
});
