/**
 * Pure AMI action serializer: `Key: Value\r\n` lines in the caller's order, a repeated key once
 * per value (several `Variable:`), then the empty line. Anything that could break the framing (CR
 * or LF anywhere, a colon or nothing in a name) is refused before a single byte is produced.
 */
import { AmiHeaderInjectionError } from './errors/ami-header-injection-error.js';

export type AmiActionHeaders = Readonly<Record<string, string | readonly string[]>>;

export function serializeAction(headers: AmiActionHeaders): string {
  let out = '';
  for (const [key, value] of Object.entries(headers)) {
    checkName(key);
    if (typeof value === 'string') {
      checkValue(key, value);
      out += `${key}: ${value}\r\n`;
    } else {
      for (const item of value) {
        checkValue(key, item);
        out += `${key}: ${item}\r\n`;
      }
    }
  }
  return `${out}\r\n`;
}

function checkName(key: string): void {
  if (key.length === 0 || /[\r\n:]/.test(key)) {
    throw new AmiHeaderInjectionError(`AMI header name ${JSON.stringify(key)} is empty or holds CR, LF or ':'`, key);
  }
}

function checkValue(key: string, value: string): void {
  if (typeof value !== 'string') {
    throw new AmiHeaderInjectionError(`AMI header ${key} has a value that is not a string`, key);
  }
  if (value.includes('\r') || value.includes('\n')) {
    throw new AmiHeaderInjectionError(`AMI header ${key} has a value holding CR or LF`, key);
  }
}
