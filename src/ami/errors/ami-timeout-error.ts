/** No response (or no list end) arrived for an action within its time limit. */
export class AmiTimeoutError extends Error {
  override readonly name = 'AmiTimeoutError';

  constructor(
    readonly action: string,
    readonly actionId: string,
    readonly timeoutMs: number,
  ) {
    super(`AMI action ${action} (ActionID ${actionId}) got no answer within ${timeoutMs} ms`);
  }
}
