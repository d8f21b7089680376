/** An error that answers the request with `status` and the JSON body `{status, error, message}`. */
export abstract class HttpError extends Error {
  abstract readonly status: number;
  /** The HTTP reason phrase, e.g. `Not Found`. */
  abstract readonly error: string;

  toJSON(): { status: number; error: string; message: string } {
    return { status: this.status, error: this.error, message: this.message };
  }
}
