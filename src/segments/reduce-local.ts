/** Local pairs: LocalBridge names both halves (they are also paired by name on Newchannel). */
import type { LocalBridgeEvent } from '../events/ami-event.js';
import type { SegmentState } from './state.js';

export function onLocalBridge(state: SegmentState, event: LocalBridgeEvent): SegmentState {
  const one = event.LocalOneUniqueid;
  const two = event.LocalTwoUniqueid;
  if (!state.channels.has(one) || !state.channels.has(two)) return state;
  if (state.localPeers.get(one) === two && state.localPeers.get(two) === one) return state;
  return { ...state, localPeers: state.localPeers.set(one, two).set(two, one) };
}
