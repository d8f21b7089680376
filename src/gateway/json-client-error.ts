import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

interface ClientError extends Error {
  readonly code?: string;
}

/** Node's own status for a request its parser refused (as its default answer would be). */
function statusOf(error: ClientError): { status: number; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'the request line and headers are too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'the request did not arrive in time' };
    default:
      return { status: 400, message: 'the request is malformed HTTP' };
  }
}

/** Whether an answer to an earlier request on this socket has started (then nothing may be written). */
function answerInFlight(socket: Duplex): boolean {
  const message = (socket as Duplex & { readonly _httpMessage?: { readonly headersSent?: boolean } | null })._httpMessage;
  return message?.headersSent === true;
}

/**
 * Spec 5: every error response is JSON. Requests that Node's HTTP parser refuses (a path over
 * the header size limit, a malformed header line) never reach Express; Node would answer them
 * with a bodyless 400/431/408. This answers them with the same `{status, error, message}` body.
 */
export function answerClientErrorsWithJson(server: Server): void {
  server.on('clientError', (error: ClientError, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable || answerInFlight(socket)) {
      socket.destroy();
      return;
    }
    const { status, message } = statusOf(error);
    const phrase = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ status, error: phrase, message });
    socket.end(
      `HTTP/1.1 ${status} ${phrase}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
