/**
 * Relations between real channels (segments), resolved through Local pairs:
 * - dialling: A dials B directly; or A dials `Local;1` and `;2` dials B (both legs up); or A is the
 *   only real party bridged with `Local;1` while `;2` dials B (an Atxfer's consultation);
 * - linked: A and B are the only two real parties of one bridge, counting through Local pairs,
 *   never in a conference room, a holding bridge or a bridge of 3+ real parties.
 * All functions take Uniqueids and return Uniqueids of real channels.
 */
import { isLocalChannel } from './channel-kind.js';
import type { SegmentState } from './state.js';

export interface ResolvedRelations {
  readonly dialingTo: readonly string[];
  readonly dialingFrom: readonly string[];
  readonly linkedTo: string | null;
}

const NO_RELATIONS: ResolvedRelations = { dialingTo: [], dialingFrom: [], linkedTo: null };

/** A live channel that is a call segment (not a Local half nor a ConfBridge helper). */
export function isSegment(state: SegmentState, uniqueid: string): boolean {
  const channel = state.channels.get(uniqueid);
  return channel !== undefined && !channel.plumbing;
}

interface Parties {
  readonly parties: Set<string>;
  /** A conference or holding bridge on the way: nobody is linked. */
  blocked: boolean;
}

/** Real parties of a bridge, following Local pairs into the bridges of their other halves. */
function collectParties(
  state: SegmentState,
  bridgeId: string,
  skip: ReadonlySet<string>,
  seenBridges: Set<string>,
  into: Parties,
): void {
  if (seenBridges.has(bridgeId)) return;
  seenBridges.add(bridgeId);
  const bridge = state.bridges.get(bridgeId);
  if (bridge === undefined) return;
  if (bridge.conference || bridge.type === 'holding') into.blocked = true;
  for (const member of bridge.members) {
    if (skip.has(member)) continue;
    const channel = state.channels.get(member);
    if (channel === undefined) continue;
    if (channel.conference !== null) into.blocked = true;
    if (!channel.plumbing) {
      into.parties.add(member);
      continue;
    }
    if (!isLocalChannel(channel.name)) continue;
    const peer = state.localPeers.get(member);
    const peerBridge = peer === undefined ? null : (state.channels.get(peer)?.bridge ?? null);
    if (peerBridge !== null) collectParties(state, peerBridge, skip, seenBridges, into);
  }
}

export function bridgeParties(state: SegmentState, bridgeId: string, skip: ReadonlySet<string> = new Set()): Parties {
  const into: Parties = { parties: new Set(), blocked: false };
  collectParties(state, bridgeId, skip, new Set(), into);
  return into;
}

/** The segment `uniqueid` is linked (talking) to, or null. */
export function linkedTo(state: SegmentState, uniqueid: string): string | null {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined || channel.plumbing || channel.conference !== null || channel.bridge === null) return null;
  const { parties, blocked } = bridgeParties(state, channel.bridge);
  if (blocked || parties.size !== 2 || !parties.has(uniqueid)) return null;
  for (const party of parties) if (party !== uniqueid) return party;
  return null;
}

/** Real channels on the calling side of a dial placed by `caller` (a real channel or a Local half). */
function callersBehind(state: SegmentState, caller: string, seen: Set<string>): string[] {
  if (seen.has(caller)) return [];
  seen.add(caller);
  const channel = state.channels.get(caller);
  if (channel === undefined) return [];
  if (!channel.plumbing) return [caller];
  if (!isLocalChannel(channel.name)) return [];
  const peer = state.localPeers.get(caller);
  if (peer === undefined || seen.has(peer)) return [];
  seen.add(peer);
  const peerCaller = state.dialedBy.get(peer);
  if (peerCaller !== undefined) return peerCaller === null ? [] : callersBehind(state, peerCaller, seen);
  // No dial to the other half: the one real party bridged with it dials through the pair (Atxfer).
  const peerBridge = state.channels.get(peer)?.bridge ?? null;
  if (peerBridge === null) return [];
  const { parties, blocked } = bridgeParties(state, peerBridge, new Set([peer]));
  return !blocked && parties.size === 1 ? [...parties] : [];
}

/** Segments dialling `uniqueid` (usually 0 or 1). */
export function dialingFrom(state: SegmentState, uniqueid: string): string[] {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined || channel.plumbing) return [];
  const caller = state.dialedBy.get(uniqueid);
  if (caller === undefined || caller === null) return [];
  return callersBehind(state, caller, new Set([uniqueid])).filter((id) => id !== uniqueid);
}

/** Real channels reached by following the dials of `caller` through Local pairs (a superset). */
function calleesAhead(state: SegmentState, caller: string, seen: Set<string>, into: Set<string>): void {
  for (const callee of state.dialing.get(caller) ?? []) {
    const channel = state.channels.get(callee);
    if (channel === undefined) continue;
    if (!channel.plumbing) {
      into.add(callee);
      continue;
    }
    const peer = state.localPeers.get(callee);
    if (peer !== undefined && !seen.has(peer)) {
      seen.add(peer);
      calleesAhead(state, peer, seen, into);
    }
  }
}

/** Segments `uniqueid` is dialling; symmetric with dialingFrom by construction. */
export function dialingTo(state: SegmentState, uniqueid: string): string[] {
  const channel = state.channels.get(uniqueid);
  if (channel === undefined || channel.plumbing) return [];
  const seen = new Set([uniqueid]);
  const candidates = new Set<string>();
  calleesAhead(state, uniqueid, seen, candidates);
  const bridge = channel.bridge === null ? undefined : state.bridges.get(channel.bridge);
  for (const member of bridge?.members ?? []) {
    const peer = state.localPeers.get(member);
    if (peer !== undefined && !seen.has(peer)) {
      seen.add(peer);
      calleesAhead(state, peer, seen, candidates);
    }
  }
  return [...candidates].filter((candidate) => dialingFrom(state, candidate).includes(uniqueid));
}

export function relationsOf(state: SegmentState, uniqueid: string): ResolvedRelations {
  if (!isSegment(state, uniqueid)) return NO_RELATIONS;
  return {
    dialingTo: dialingTo(state, uniqueid),
    dialingFrom: dialingFrom(state, uniqueid),
    linkedTo: linkedTo(state, uniqueid),
  };
}
