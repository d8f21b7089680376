/** The pure segment core: state, reducer, selectors, ids, resync builder and the live graph. */
export type { BridgeRecord, ChannelRecord, SegmentState } from './state.js';
export { emptyState, isEmptyState } from './state.js';
export { reduce, reduceWithTouched } from './reducer.js';
export type { Reduction } from './reducer.js';
export type { CallSegmentJson, GraphSnapshot, SegmentRecord } from './selectors.js';
export { didOf, realChannelOf, selectRecord, selectSnapshot, toCallSegmentJson } from './selectors.js';
export { callerIdId, segmentId, uuidV5 } from './segment-id.js';
export { SegmentGraph } from './graph.js';
export type { GraphChange } from './graph.js';
export { isPlumbingChannel, isLocalChannel } from './channel-kind.js';
