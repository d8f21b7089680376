/**
 * Asks Asterisk for everything a resync needs, one list after the other (the machine is small
 * and the lists are short): channels, bridges with their members, ConfBridge rooms with theirs,
 * queue entries and channel status.
 */
import type {
  AmiEvent,
  BridgeInfoChannelEvent,
  BridgeListItemEvent,
  ConfbridgeListEvent,
  ConfbridgeListRoomsEvent,
  CoreShowChannelEvent,
  QueueEntryEvent,
  StatusEvent,
} from '../events/ami-event.js';
import { AmiActionError } from '../ami/errors/ami-action-error.js';
import type { ResyncBridge, ResyncLists } from '../segments/resync.js';
import type { AmiSessionPort } from './ami-session-port.js';

const NO_CONFERENCES = ['No active conferences.', 'No Conference by that name found.'];
const NO_BRIDGE = ['Specified BridgeUniqueid not found'];

function itemsOf<T extends AmiEvent>(items: readonly AmiEvent[], event: T['Event']): T[] {
  return items.filter((item): item is T => item.Event === event);
}

/** Asterisk's answer to an action no loaded module registers (app_confbridge, app_queue not loaded). */
function isUnknownCommand(error: unknown): boolean {
  return error instanceof AmiActionError && error.message.startsWith('Invalid/unknown command');
}

/** ConfBridge lists fail with "Invalid/unknown command" where app_confbridge is not loaded: no rooms then. */
async function conferenceLists(
  session: AmiSessionPort,
): Promise<{ rooms: ConfbridgeListRoomsEvent[]; members: ConfbridgeListEvent[] }> {
  let rooms: ConfbridgeListRoomsEvent[];
  try {
    const listed = await session.listAction({ Action: 'ConfbridgeListRooms' }, { emptyOnErrorMessages: NO_CONFERENCES });
    rooms = itemsOf<ConfbridgeListRoomsEvent>(listed.items, 'ConfbridgeListRooms');
  } catch (error) {
    if (isUnknownCommand(error)) return { rooms: [], members: [] };
    throw error;
  }
  const members: ConfbridgeListEvent[] = [];
  for (const room of rooms) {
    const listed = await session.listAction(
      { Action: 'ConfbridgeList', Conference: room.Conference },
      { emptyOnErrorMessages: NO_CONFERENCES },
    );
    members.push(...itemsOf<ConfbridgeListEvent>(listed.items, 'ConfbridgeList'));
  }
  return { rooms, members };
}

/** QueueStatus is app_queue's: where it is not loaded there are no queues (not a failed resync). */
async function queueEntryList(session: AmiSessionPort): Promise<QueueEntryEvent[]> {
  try {
    const listed = await session.listAction({ Action: 'QueueStatus' });
    return itemsOf<QueueEntryEvent>(listed.items, 'QueueEntry');
  } catch (error) {
    if (isUnknownCommand(error)) return [];
    throw error;
  }
}

export async function fetchResyncLists(session: AmiSessionPort): Promise<ResyncLists> {
  const channels = await session.listAction({ Action: 'CoreShowChannels' });
  const bridgeList = await session.listAction({ Action: 'BridgeList' });
  const bridges: ResyncBridge[] = [];
  for (const bridge of itemsOf<BridgeListItemEvent>(bridgeList.items, 'BridgeListItem')) {
    const info = await session.listAction(
      { Action: 'BridgeInfo', BridgeUniqueid: bridge.BridgeUniqueid },
      { emptyOnErrorMessages: NO_BRIDGE },
    );
    bridges.push({ bridge, channels: itemsOf<BridgeInfoChannelEvent>(info.items, 'BridgeInfoChannel') });
  }
  const conferences = await conferenceLists(session);
  const queueEntries = await queueEntryList(session);
  const status = await session.listAction({ Action: 'Status' });
  return {
    channels: itemsOf<CoreShowChannelEvent>(channels.items, 'CoreShowChannel'),
    bridges,
    rooms: conferences.rooms,
    conferenceMembers: conferences.members,
    queueEntries,
    status: itemsOf<StatusEvent>(status.items, 'Status'),
  };
}
