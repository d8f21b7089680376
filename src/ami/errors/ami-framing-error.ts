/** The byte stream from Asterisk cannot be framed (no banner, or too much data without a message end). */
export class AmiFramingError extends Error {
  override readonly name = 'AmiFramingError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
