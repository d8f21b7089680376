/**
 * What kind of channel a name denotes. Local halves and the ConfBridge announcer/recorder are
 * plumbing: they carry relations but are never segments.
 */
const PLUMBING_PREFIXES = ['Local/', 'CBAnn/', 'CBRec/', 'Announcer/'] as const;

export function isLocalChannel(name: string): boolean {
  return name.startsWith('Local/');
}

/** True for channels that are not call segments (Local halves, ConfBridge helper channels). */
export function isPlumbingChannel(name: string): boolean {
  return PLUMBING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** `Local/200@internal-0000000a;1` ↔ `Local/200@internal-0000000a;2`; undefined for other names. */
export function localPeerName(name: string): string | undefined {
  if (!isLocalChannel(name)) return undefined;
  if (name.endsWith(';1')) return `${name.slice(0, -2)};2`;
  if (name.endsWith(';2')) return `${name.slice(0, -2)};1`;
  return undefined;
}

/** `''` and `<unknown>` (and QueueStatus's `unknown`) mean "no value". */
export function cleanCallerId(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === '<unknown>' || value === 'unknown') return null;
  return value;
}
