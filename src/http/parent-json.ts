import type { CoreServerInfo, ExtensionInfo } from './ports.js';

/** Spec 7: a core server is `{id, slug, name}`. */
export interface CoreServerJson {
  id: string;
  slug: string;
  name: string;
}

/** Spec 7: iSymphony's Extensions JSON `{id, extensionNumber, displayName}`. */
export interface ExtensionJson {
  id: string;
  extensionNumber: string;
  displayName: string;
}

export function coreServerJson(coreServer: CoreServerInfo): CoreServerJson {
  return { id: coreServer.id, slug: coreServer.slug, name: coreServer.name };
}

export function extensionJson(extension: ExtensionInfo): ExtensionJson {
  return { id: extension.id, extensionNumber: extension.number, displayName: extension.displayName };
}
