/** The AMI protocol layer: framing, serialising, and the client with actions and event streams. */
export {
  AmiClient,
  type AmiActionOptions,
  type AmiClientOptions,
  type AmiConnectionState,
  type AmiListActionOptions,
} from './client.js';
export type { AmiListResult, AmiResponse } from './response.js';
export { AmiFramer, type AmiFramerOptions } from './framer.js';
export { serializeAction, type AmiActionHeaders } from './serialize.js';
export * from './errors/index.js';
export * from '../events/ami-event.js';
export * from '../events/ami-message.js';
