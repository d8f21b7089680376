import { header } from '../events/ami-message.js';
import type { AmiHeaders } from '../events/ami-message.js';
import { defaultChannelPrefix } from '../store/extension-repository.js';

/** One PJSIP endpoint as the PBX reports it. */
export interface PbxEndpoint {
  /** `ObjectName` of the `EndpointList` item, e.g. `100` or `trunk`. */
  readonly name: string;
  /** `Callerid` of `PJSIPShowEndpoint`'s `EndpointDetail`, e.g. `"Alice" <100>`; null when not asked or absent. */
  readonly callerId: string | null;
}

export interface PlannedExtension {
  readonly number: string;
  readonly displayName: string;
  readonly channelPrefixes: readonly string[];
}

export interface ImportPlan {
  readonly add: readonly PlannedExtension[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

/** The endpoint names of `PJSIPShowEndpoints`' `EndpointList` items, in order, without duplicates. */
export function endpointNamesOf(items: readonly AmiHeaders[]): string[] {
  const names: string[] = [];
  for (const item of items) {
    if (header(item, 'Event') !== 'EndpointList') continue;
    const name = header(item, 'ObjectName');
    if (name !== undefined && name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `"Alice Smith" <100>` → `Alice Smith`; `Bob <200>` → `Bob`; `<300>`, empty, `<unknown>` → null. */
export function displayNameOfCallerId(callerId: string | null): string | null {
  if (callerId === null) return null;
  const withoutNumber = callerId.replace(/<[^>]*>\s*$/, '').trim();
  // eslint-disable-next-line no-control-regex
  const name = withoutNumber.replace(/^"(.*)"$/, '$1').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (name === '' || name === '<unknown>' || name === 'unknown') return null;
  return name.slice(0, 128);
}

const NUMERIC = /^[0-9]{1,32}$/;

/**
 * Which endpoints become extensions: numeric names only (a trunk such as `trunk` is skipped), not
 * those already configured. Display name from the caller id, else the number.
 */
export function planImport(endpoints: readonly PbxEndpoint[], existingNumbers: ReadonlySet<string>): ImportPlan {
  const add: PlannedExtension[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const endpoint of endpoints) {
    if (!NUMERIC.test(endpoint.name)) skipped.push({ name: endpoint.name, reason: 'not a number' });
    else if (existingNumbers.has(endpoint.name)) skipped.push({ name: endpoint.name, reason: 'exists already' });
    else if (add.some((planned) => planned.number === endpoint.name)) continue;
    else {
      add.push({
        number: endpoint.name,
        displayName: displayNameOfCallerId(endpoint.callerId) ?? endpoint.name,
        channelPrefixes: [defaultChannelPrefix(endpoint.name)],
      });
    }
  }
  return { add, skipped };
}
