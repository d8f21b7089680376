/**
 * Whether a segment's link runs through a Local pair, read from the segment graph's bridge state
 * (pure). The snapshot hides Local halves; the graph's state still has them: the segment's
 * channel sits in a bridge, and its bridge peer is either the other real party (direct link) or a
 * Local half (`Local/…;1|;2`, a link through a pair: queues, ring groups, follow-me, Dial(Local/…)).
 * Typed structurally on the few fields read (src/segments' SegmentState satisfies it).
 */

export interface BridgeStateView {
  readonly channels: { get(uniqueid: string): { readonly name: string; readonly bridge: string | null } | undefined };
  readonly bridges: { get(bridgeId: string): { readonly members: readonly string[] } | undefined };
}

/**
 * true: a bridge peer of the channel is a Local half; false: its only bridge peer is a real
 * channel; undefined: not known (channel or bridge missing, or no peer).
 */
export function linkedThroughLocal(state: BridgeStateView, uniqueid: string): boolean | undefined {
  const bridgeId = state.channels.get(uniqueid)?.bridge ?? null;
  if (bridgeId === null) return undefined;
  const peers = (state.bridges.get(bridgeId)?.members ?? []).filter((member) => member !== uniqueid);
  const names = peers.map((member) => state.channels.get(member)?.name);
  if (names.some((name) => name?.startsWith('Local/') === true)) return true;
  if (names.length === 1 && names[0] !== undefined) return false;
  return undefined;
}
