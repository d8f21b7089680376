/** The AMI link is not up (not connected yet, dropped while the action was pending, or stopped). */
export class AmiDisconnectedError extends Error {
  override readonly name = 'AmiDisconnectedError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
