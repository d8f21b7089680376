import type { AmiEvent } from '../events/ami-event.js';

/** The first (or only) value of an event header, or undefined. */
export function field(event: AmiEvent, name: string): string | undefined {
  const value = (event as { readonly [key: string]: string | readonly string[] | undefined })[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[0];
}
