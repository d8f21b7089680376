export { AmiActionError } from './ami-action-error.js';
export { AmiDisconnectedError } from './ami-disconnected-error.js';
export { AmiFramingError } from './ami-framing-error.js';
export { AmiHeaderInjectionError } from './ami-header-injection-error.js';
export { AmiTimeoutError } from './ami-timeout-error.js';
