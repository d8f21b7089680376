import type { CliIo } from './io.js';

/** All of stdin, without one trailing line break. */
export async function readStdin(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads one line from a terminal with echo off (raw mode); Ctrl-C or Ctrl-D gives null. */
export function promptHidden(io: CliIo, prompt: string): Promise<string | null> {
  const { stdin } = io;
  return new Promise((resolve) => {
    io.stderr.write(prompt);
    let typed = '';
    const finish = (value: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer | string): void => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export interface SecretSource {
  /** `--…-stdin` was given: read stdin even from a terminal. */
  readonly fromStdin: boolean;
  /** Shown on the terminal, e.g. `Password for alice: `. */
  readonly prompt: string;
  /** Ask twice on a terminal and insist they match. */
  readonly confirm: boolean;
}

/**
 * A secret from stdin when piped (or when asked to), else from a prompt on the terminal with echo
 * off. Never from argv, where it would land in shell history and `ps`. null: cancelled / mismatch.
 */
export async function readSecret(io: CliIo, source: SecretSource): Promise<string | null> {
  if (source.fromStdin || io.stdin.isTTY !== true) return readStdin(io.stdin);
  const first = await promptHidden(io, source.prompt);
  if (first === null || !source.confirm) return first;
  const second = await promptHidden(io, 'Again: ');
  if (second !== first) {
    io.stderr.write('the two entries differ\n');
    return null;
  }
  return first;
}
