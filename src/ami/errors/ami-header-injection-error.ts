/**
 * An action header name or value would break the `Key: Value\r\n` framing (CR, LF, or a colon in
 * a name). Raised before anything is written to the socket.
 */
export class AmiHeaderInjectionError extends Error {
  override readonly name = 'AmiHeaderInjectionError';

  constructor(
    message: string,
    readonly headerName: string,
  ) {
    super(message);
  }
}
