/**
 * Runs a planned action on a core server's AMI port and turns the outcome into the spec's
 * answers: resolves (→ 204) once Asterisk accepted it and, for `Atxfer`, once the consultation
 * has visibly started; otherwise rejects with an HttpError:
 * - 503 the AMI link is down (nothing is sent) or drops while waiting;
 * - 502 Asterisk answered `Response: Error` (its `Message` is the error message);
 * - 504 Gateway Timeout: no answer within `actionTimeoutMs` — Asterisk is our upstream, so this is
 *   the gateway-timeout case; the action may or may not have run;
 * - 409 an Atxfer accepted ("Atxfer successfully queued") but with no sign of a consultation within
 *   `consultationTimeoutMs`: Asterisk does this when the party has no transfer feature (Dial t/T).
 *   A Local channel to the destination counts only with the Hold on the transferer: alone it may
 *   belong to another call dialling the same number.
 * - 502 an Atxfer whose transferer Asterisk put on hold (the feature answered) but with no
 *   consultation channel within the bound: Asterisk did not carry it out (the destination is not
 *   in the transfer context, or the transferer's channel gets no frames to read the digits from).
 */
import type { Subscription } from 'rxjs';
import { BadGatewayError } from '../http/errors/bad-gateway-error.js';
import { ConflictError } from '../http/errors/conflict-error.js';
import { ServiceUnavailableError } from '../http/errors/service-unavailable-error.js';
import { UnprocessableEntityError } from '../http/errors/unprocessable-entity-error.js';
import { consultationProof, holdsTransferer } from './consultation-proof.js';
import { GatewayTimeoutError } from './errors/gateway-timeout-error.js';
import type { AmiPlan, ConsultationWatch } from './plan.js';
import type { AmiActionPort } from './ports.js';

export interface ExecuteOptions {
  /** Bound on Asterisk's answer to the action (default 5 s). */
  readonly actionTimeoutMs?: number;
  /** Bound on the wait for proof that an Atxfer started a consultation (default 3 s). */
  readonly consultationTimeoutMs?: number;
}

export const DEFAULT_ACTION_TIMEOUT_MS = 5_000;
export const DEFAULT_CONSULTATION_TIMEOUT_MS = 3_000;

export const NO_TRANSFER_FEATURE_MESSAGE = 'this party may not transfer the call (no transfer feature on this call leg)';

export async function executePlan(port: AmiActionPort, plan: AmiPlan, options: ExecuteOptions = {}): Promise<void> {
  if (!port.connected) {
    throw new ServiceUnavailableError(`the core server's AMI connection is down: ${plan.action} was not sent`);
  }
  // Subscribe before sending, so no event of a quick consultation can be missed.
  const watcher = plan.consultation === undefined ? null : watchConsultation(port, plan.consultation);
  try {
    await send(port, plan, options.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS);
    if (watcher !== null && plan.consultation !== undefined) {
      await awaitConsultation(port, watcher, plan.consultation, options.consultationTimeoutMs ?? DEFAULT_CONSULTATION_TIMEOUT_MS);
    }
  } finally {
    watcher?.stop();
  }
}

async function send(port: AmiActionPort, plan: AmiPlan, timeoutMs: number): Promise<void> {
  let answer;
  try {
    answer = await port.action({ ...plan.headers }, { timeoutMs });
  } catch (error) {
    throw translateAmiError(error, plan, timeoutMs);
  }
  if (answer.response !== 'Success') {
    throw new BadGatewayError(answer.message ?? `Asterisk answered ${plan.action} with ${answer.response}`);
  }
}

/** Maps the AMI client's errors (recognised by `name`) to HTTP errors; anything else passes on. */
export function translateAmiError(error: unknown, plan: AmiPlan, timeoutMs: number): unknown {
  if (!(error instanceof Error)) return error;
  switch (error.name) {
    case 'AmiActionError':
      return new BadGatewayError(error.message || `Asterisk rejected ${plan.action}`, { cause: error });
    case 'AmiTimeoutError':
      return new GatewayTimeoutError(`Asterisk did not answer ${plan.action} within ${timeoutMs} ms; it may or may not have been carried out`, {
        cause: error,
      });
    case 'AmiDisconnectedError':
      return new ServiceUnavailableError(`the core server's AMI connection is down: ${plan.action} could not be completed`, { cause: error });
    case 'AmiHeaderInjectionError':
      return new UnprocessableEntityError(`the request would inject AMI headers into ${plan.action}: refused`, { cause: error });
    default:
      return error;
  }
}

type ConsultationOutcome = 'started' | 'link lost';

interface ConsultationWatcher {
  readonly outcome: Promise<ConsultationOutcome>;
  /** Whether Asterisk put the transferer on hold (its transfer feature answered). */
  readonly held: () => boolean;
  stop(): void;
}

/** The 502 message when the transferer was held but no consultation started within the bound. */
export function noConsultationMessage(watch: ConsultationWatch, timeoutMs: number): string {
  return (
    `Asterisk put the transferer on hold but started no consultation with ${watch.destinationNumber} in context ${watch.context} ` +
    `within ${timeoutMs} ms: the destination is not in that context, or the transferer's channel sends no media to read the transfer digits from`
  );
}

function watchConsultation(port: AmiActionPort, watch: ConsultationWatch): ConsultationWatcher {
  let settle: (outcome: ConsultationOutcome) => void = () => undefined;
  const outcome = new Promise<ConsultationOutcome>((resolve) => {
    settle = resolve;
  });
  let held = false;
  let localSeen = false;
  const subscription: Subscription = port.events$.subscribe({
    next: (event) => {
      if (holdsTransferer(event, watch)) held = true;
      const proof = consultationProof(event, watch);
      if (proof === 'local') localSeen = true;
      // Spec 3.3: the transferer put on hold and the consultation channel created (either order).
      if (proof === 'transferer' || (held && localSeen)) settle('started');
    },
    error: () => settle('link lost'),
    complete: () => settle('link lost'),
  });
  // The event stream outlives a drop (the client reconnects on the same stream): watch the link too.
  const link = port.connection$?.subscribe({
    next: (connection) => {
      if (connection.state !== 'connected') settle('link lost');
    },
    error: () => settle('link lost'),
    complete: () => settle('link lost'),
  });
  return {
    outcome,
    held: () => held,
    stop: () => {
      subscription.unsubscribe();
      link?.unsubscribe();
    },
  };
}

async function awaitConsultation(port: AmiActionPort, watcher: ConsultationWatcher, watch: ConsultationWatch, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeoutMs);
  });
  try {
    const result = await Promise.race([watcher.outcome, expired]);
    if (result === 'started') return;
    // A link lost during the wait (and not seen on connection$) tells nothing about the party's transfer right.
    if (result === 'link lost' || !port.connected) {
      throw new ServiceUnavailableError("the core server's AMI connection was lost while waiting for the attended transfer to start");
    }
    if (watcher.held()) throw new BadGatewayError(noConsultationMessage(watch, timeoutMs));
    throw new ConflictError(NO_TRANSFER_FEATURE_MESSAGE);
  } finally {
    clearTimeout(timer);
  }
}
