import { ServiceUnavailableError } from './errors/index.js';
import type { CoreServerInfo, Directory, ExtensionInfo, GraphSnapshot, LiveGraphs, SegmentRecord } from './ports.js';
import { isSegmentVisible } from './visibility.js';

/** What one request knows about one core server's live state. */
export interface LiveContext {
  readonly coreServer: CoreServerInfo;
  readonly snapshot: GraphSnapshot;
  /** The extension a real channel belongs to (null: EXTERNAL); memoised for the request. */
  extensionOf(channel: string): ExtensionInfo | null;
  /** Spec 4.2 visibility of a segment. */
  isVisible(segment: SegmentRecord): boolean;
}

/** Opens the live state of a core server; 503 when its AMI link is down or not yet resynced. */
export function openLiveContext(directory: Directory, graphs: LiveGraphs, coreServer: CoreServerInfo): LiveContext {
  const snapshot = graphs.snapshot(coreServer.id);
  if (snapshot === null) {
    throw new ServiceUnavailableError(`the AMI connection of core server '${coreServer.id}' is down; its live state is unknown`);
  }
  const extensions = new Map<string, ExtensionInfo | null>();
  const extensionOf = (channel: string): ExtensionInfo | null => {
    let extension = extensions.get(channel);
    if (extension === undefined) {
      extension = directory.extensionOfChannel(coreServer.id, channel);
      extensions.set(channel, extension);
    }
    return extension;
  };
  const licensedChannel = (channel: string): boolean => extensionOf(channel)?.licensed === true;
  return {
    coreServer,
    snapshot,
    extensionOf,
    isVisible: (segment) => isSegmentVisible(segment, licensedChannel),
  };
}
