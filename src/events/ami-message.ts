/**
 * One AMI message as framed off the wire: header names keep Asterisk's case; a header that
 * appears more than once (ChanVariable, TestEvent's State) becomes an array in arrival order.
 */
export type AmiHeaderValue = string | readonly string[];

export type AmiMessage = Readonly<Record<string, AmiHeaderValue>>;

/** Anything with AMI headers: a framed message or a typed event (whose optional fields may be undefined). */
export type AmiHeaders = { readonly [key: string]: AmiHeaderValue | undefined };

/** The first (or only) value of a header, or undefined. */
export function header(message: AmiHeaders, name: string): string | undefined {
  const value = message[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[0];
}

/** Every value of a header (empty when absent). */
export function headers(message: AmiHeaders, name: string): readonly string[] {
  const value = message[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
