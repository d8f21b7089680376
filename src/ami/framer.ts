/**
 * Pure AMI framer: fed decoded string chunks in arrival order, returns the complete messages.
 *
 * Wire format (docs/ami-findings.md §1): a banner line `Asterisk Call Manager/<version>\r\n`, then
 * messages of `Key: Value\r\n` lines each ended by an empty line. Empty lines between messages
 * (after some TestEvents) are skipped. Parsing is `indexOf`-based with no regex, `split` or
 * per-line arrays: the event path is hot.
 */
import { AmiFramingError } from './errors/ami-framing-error.js';
import type { AmiMessage } from '../events/ami-message.js';

export const AMI_BANNER_PREFIX = 'Asterisk Call Manager/';
export const DEFAULT_MAX_BUFFERED_CHARS = 1024 * 1024;

const CRLF = '\r\n';
const MESSAGE_END = '\r\n\r\n';
const FOLLOWS_START = 'Response: Follows\r\n';
const FOLLOWS_END = '--END COMMAND--\r\n\r\n';
/** Header lines of a legacy `Response: Follows` reply; everything after them is command output. */
const FOLLOWS_HEADERS: ReadonlySet<string> = new Set(['Response', 'Privilege', 'ActionID', 'Message']);

export interface AmiFramerOptions {
  /** Expect the banner line first (default true). False frames a stream that starts with a message. */
  readonly banner?: boolean;
  /** Most characters kept without a complete message (default 1 MiB); more throws AmiFramingError. */
  readonly maxBufferedChars?: number;
}

type MutableMessage = Record<string, string | string[]>;

export class AmiFramer {
  private leftover = '';
  private bannerPending: boolean;
  private bannerVersion: string | undefined;
  private readonly maxBufferedChars: number;

  constructor(options: AmiFramerOptions = {}) {
    this.bannerPending = options.banner ?? true;
    this.maxBufferedChars = options.maxBufferedChars ?? DEFAULT_MAX_BUFFERED_CHARS;
  }

  /** The AMI version from the banner (`11.0.0` on Asterisk 22), once the banner has arrived. */
  get version(): string | undefined {
    return this.bannerVersion;
  }

  /** Characters held back waiting for the rest of a message. */
  get bufferedChars(): number {
    return this.leftover.length;
  }

  /** Feeds one chunk; returns every message it completed (often none, often several). */
  push(chunk: string): AmiMessage[] {
    let buffer = this.leftover.length === 0 ? chunk : this.leftover + chunk;
    const messages: AmiMessage[] = [];
    let start = 0;

    if (this.bannerPending) {
      const lineEnd = buffer.indexOf(CRLF);
      if (lineEnd === -1) {
        this.keep(buffer);
        return messages;
      }
      this.takeBanner(buffer.slice(0, lineEnd));
      start = lineEnd + 2;
    }

    for (;;) {
      // Empty lines between messages (Asterisk adds one after some TestEvents).
      while (buffer.startsWith(CRLF, start)) start += 2;
      if (start >= buffer.length) break;

      if (buffer.length - start < FOLLOWS_START.length) {
        if (FOLLOWS_START.startsWith(buffer.slice(start))) break;
      } else if (buffer.startsWith(FOLLOWS_START, start)) {
        const end = buffer.indexOf(FOLLOWS_END, start);
        if (end === -1) break;
        messages.push(parseFollows(buffer, start, end));
        start = end + FOLLOWS_END.length;
        continue;
      }

      const end = buffer.indexOf(MESSAGE_END, start);
      if (end === -1) break;
      messages.push(parseMessage(buffer, start, end));
      start = end + MESSAGE_END.length;
    }

    buffer = start === 0 ? buffer : buffer.slice(start);
    this.keep(buffer);
    return messages;
  }

  private takeBanner(line: string): void {
    if (!line.startsWith(AMI_BANNER_PREFIX)) {
      throw new AmiFramingError(`expected the AMI banner, got ${JSON.stringify(line.slice(0, 80))}`);
    }
    this.bannerVersion = line.slice(AMI_BANNER_PREFIX.length);
    this.bannerPending = false;
  }

  private keep(buffer: string): void {
    if (buffer.length > this.maxBufferedChars) {
      this.leftover = '';
      throw new AmiFramingError(
        `${buffer.length} characters without a complete AMI ${this.bannerPending ? 'banner' : 'message'} (limit ${this.maxBufferedChars})`,
      );
    }
    this.leftover = buffer;
  }
}

/** Parses the header lines in `buffer[start, end)`; `end` is the index of the message's `\r\n\r\n`. */
function parseMessage(buffer: string, start: number, end: number): AmiMessage {
  const message: MutableMessage = {};
  // Cached separator positions keep a run of colon-less lines linear instead of quadratic.
  let nextSeparator = -2;
  let nextColon = -2;
  let pos = start;
  while (pos <= end) {
    let lineEnd = buffer.indexOf(CRLF, pos);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    if (nextSeparator !== -1 && nextSeparator < pos) nextSeparator = buffer.indexOf(': ', pos);
    if (nextSeparator !== -1 && nextSeparator < lineEnd) {
      addHeader(message, buffer.slice(pos, nextSeparator), buffer.slice(nextSeparator + 2, lineEnd));
    } else {
      if (nextColon !== -1 && nextColon < pos) nextColon = buffer.indexOf(':', pos);
      if (nextColon !== -1 && nextColon < lineEnd) {
        addHeader(message, buffer.slice(pos, nextColon), buffer.slice(nextColon + 1, lineEnd));
      } else if (lineEnd > pos) {
        addHeader(message, buffer.slice(pos, lineEnd), '');
      }
    }
    pos = lineEnd + 2;
  }
  return message;
}

/**
 * Legacy `Response: Follows` reply (`Command` before Asterisk 14): header lines, then raw
 * output (any line endings, may hold empty lines), then `--END COMMAND--`. The output becomes one
 * `Output` value, kept as sent.
 */
function parseFollows(buffer: string, start: number, end: number): AmiMessage {
  const message: MutableMessage = {};
  let pos = start;
  while (pos < end) {
    const lineEnd = buffer.indexOf(CRLF, pos);
    if (lineEnd === -1 || lineEnd > end) break;
    const separator = buffer.indexOf(': ', pos);
    if (separator === -1 || separator > lineEnd || !FOLLOWS_HEADERS.has(buffer.slice(pos, separator))) break;
    addHeader(message, buffer.slice(pos, separator), buffer.slice(separator + 2, lineEnd));
    pos = lineEnd + 2;
  }
  let outputEnd = end;
  if (buffer.startsWith('\r\n', outputEnd - 2) && outputEnd - 2 >= pos) outputEnd -= 2;
  else if (buffer.startsWith('\n', outputEnd - 1) && outputEnd - 1 >= pos) outputEnd -= 1;
  addHeader(message, 'Output', buffer.slice(pos, outputEnd));
  return message;
}

function addHeader(message: MutableMessage, key: string, value: string): void {
  if (key === '__proto__') {
    // Never let a header name reach the prototype setter.
    Object.defineProperty(message, key, { value, enumerable: true, writable: true, configurable: true });
    return;
  }
  const existing = message[key];
  if (existing === undefined) message[key] = value;
  else if (typeof existing === 'string') message[key] = [existing, value];
  else existing.push(value);
}
