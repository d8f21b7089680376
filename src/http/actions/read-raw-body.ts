/**
 * Reads an action's body as raw bytes (any Content-Type) with the 16 KiB limit, and never fails
 * the request itself: an oversize or unreadable body is reported as a reason, so the router can
 * answer 401/403/404/503 about the path first and the spec's 422 (not Express's 413/400) after.
 */
import express from 'express';
import type { Request, Response } from 'express';
import { MAX_ACTION_BODY_BYTES } from '../../actions/action-body.js';

export type RawBody = { readonly ok: true; readonly bytes: Uint8Array | string | undefined } | { readonly ok: false; readonly reason: string };

export type RawBodyReader = (req: Request, res: Response) => Promise<RawBody>;

export function createRawBodyReader(): RawBodyReader {
  const parse = express.raw({ type: () => true, limit: MAX_ACTION_BODY_BYTES });
  return (req, res) =>
    new Promise<RawBody>((resolve) => {
      void parse(req, res, (error?: unknown) => {
        resolve(error === undefined ? { ok: true, bytes: bodyOf(req) } : { ok: false, reason: describeReadError(error) });
      });
    });
}

/** The bytes body-parser left; a body already parsed upstream (e.g. by express.json) is re-serialised. */
function bodyOf(req: Request): Uint8Array | string | undefined {
  const body: unknown = req.body;
  if (body === undefined || body === null) return undefined;
  if (body instanceof Uint8Array || typeof body === 'string') return body;
  return JSON.stringify(body);
}

function describeReadError(error: unknown): string {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.too.large') return `request body is over the ${MAX_ACTION_BODY_BYTES}-byte (16 KiB) limit`;
  const detail = error instanceof Error ? error.message : String(error);
  return `request body could not be read: ${detail}`;
}
