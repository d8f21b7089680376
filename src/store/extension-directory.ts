import type { Extension, User } from './model.js';

/**
 * The extensions of one core server, indexed for the segment pipeline: which extension a channel
 * belongs to, and whether an extension is licensed. Pure: built from rows, no database access.
 */
export class ExtensionDirectory {
  private readonly byPrefix = new Map<string, Extension>();
  private readonly byIdMap = new Map<string, Extension>();
  private readonly byNumberMap = new Map<string, Extension>();
  private readonly usersById = new Map<string, Pick<User, 'id' | 'license'>>();

  constructor(
    extensions: readonly Extension[],
    users: readonly Pick<User, 'id' | 'license'>[],
  ) {
    for (const user of users) this.usersById.set(user.id, user);
    for (const extension of extensions) {
      this.byIdMap.set(extension.id, extension);
      this.byNumberMap.set(extension.number, extension);
      for (const prefix of extension.channelPrefixes) this.byPrefix.set(normalizePrefix(prefix), extension);
    }
  }

  /**
   * The extension a channel belongs to: `PJSIP/100-0000002a` belongs to the extension with
   * channel prefix `PJSIP/100` (the name before its last `-`). Local channels belong to nobody.
   */
  extensionOfChannel(channelName: string): Extension | null {
    const prefix = channelPrefixOf(channelName);
    if (prefix === null) return null;
    return this.byPrefix.get(normalizePrefix(prefix)) ?? null;
  }

  /** Bound to a user whose license is `full`. */
  isLicensed(extension: Extension): boolean {
    if (extension.userId === null) return false;
    return this.usersById.get(extension.userId)?.license === 'full';
  }

  /** Whether the channel belongs to a licensed extension ("related to a licensed extension"). */
  isChannelLicensed(channelName: string): boolean {
    const extension = this.extensionOfChannel(channelName);
    return extension !== null && this.isLicensed(extension);
  }

  byId(id: string): Extension | null {
    return this.byIdMap.get(id) ?? null;
  }

  byNumber(number: string): Extension | null {
    return this.byNumberMap.get(number) ?? null;
  }

  extensions(): readonly Extension[] {
    return [...this.byIdMap.values()];
  }
}

/** `PJSIP/100-0000002a` → `PJSIP/100`; null for Local channels and names without a sequence suffix. */
export function channelPrefixOf(channelName: string): string | null {
  const slash = channelName.indexOf('/');
  if (slash <= 0) return null;
  if (channelName.slice(0, slash).toLowerCase() === 'local') return null;
  const dash = channelName.lastIndexOf('-');
  if (dash <= slash + 1) return null;
  return channelName.slice(0, dash);
}

/** Technology names are case-insensitive in Asterisk (`pjsip/100` dials PJSIP); resources are not. */
function normalizePrefix(prefix: string): string {
  const slash = prefix.indexOf('/');
  return slash < 0 ? prefix : prefix.slice(0, slash).toLowerCase() + prefix.slice(slash);
}
