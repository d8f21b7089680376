import type { AmiResponse } from '../response.js';

/** Asterisk answered an action with `Response: Error`; `message` is its `Message:` header. */
export class AmiActionError extends Error {
  override readonly name = 'AmiActionError';

  constructor(
    message: string,
    readonly response: AmiResponse,
  ) {
    super(message);
  }
}
