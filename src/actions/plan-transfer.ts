/**
 * Plans a transfer (spec §3.3), pure: which AMI action moves the segment *bound to* the
 * addressed one (its linked segment, else the segment dialling it) to the destination.
 *
 * Why these actions (docs/ami-findings.md §3 h, recorded on Asterisk 22):
 * - `Redirect` moves the channel it names; `BlindTransfer` and `Atxfer` take the *transferer*
 *   and move the party bridged to it. So BlindTransfer/Atxfer name the addressed segment's
 *   channel, Redirect names the bound party's channel.
 * - Blind transfer of a linked pair: `BlindTransfer Channel=<addressed>` is what a phone's own
 *   blind transfer does (same AMI picture as a SIP REFER, h4): Asterisk moves the bound party and
 *   hangs up the addressed one. But when the two are linked through a Local pair, the addressed
 *   channel's bridge peer is a Local half, so BlindTransfer would move that half and leave the
 *   plumbing (and a queue/ring-group Local member) in the middle of the new call. The snapshot does
 *   not show Local halves; unless the caller of this planner can tell that the link is direct
 *   (`linkedThroughLocal` answering false), we use `Redirect Channel=<bound party's real channel>
 *   Priority=1`, which always acts on the real channel (h1/h1b: the redirected channel keeps its
 *   Uniqueid and dials the destination; the other side is hung up when the bridge dissolves).
 * - Deflection (the bound segment is dialling the addressed one, which still rings): nothing is
 *   bridged yet, so there is no transferer for BlindTransfer; `Redirect` of the caller's real
 *   channel takes it out of its Dial (every ringing leg is cancelled) into the destination.
 * - Attended: `Atxfer Channel=<addressed>`: the addressed party consults the destination while
 *   its bound party hears hold music; completing (hanging up) connects them (h3). Asterisk
 *   accepts it even when the call has no transfer feature (Dial option t/T) and then does
 *   nothing (h3a): the plan carries what proves the consultation started, for the executor.
 */
import { ConflictError } from '../http/errors/conflict-error.js';
import { UnprocessableEntityError } from '../http/errors/unprocessable-entity-error.js';
import type { AmiPlan, PlanResult } from './plan.js';
import type { CoreServerInfo, GraphSnapshot, SegmentRecord } from './ports.js';
import type { TransferRequest } from './validate-transfer.js';

export interface TransferPlanInput {
  readonly snapshot: GraphSnapshot;
  /** The addressed segment. */
  readonly segment: SegmentRecord;
  readonly coreServer: CoreServerInfo;
  readonly request: TransferRequest;
  /** INTERNAL: the channel belongs to a configured extension of this core server. */
  readonly isInternal: (channel: string) => boolean;
  /**
   * Whether the addressed segment's link runs through a Local pair (its bridge peer is a Local
   * half). undefined or absent: not known, and Redirect of the bound party is used.
   */
  readonly linkedThroughLocal?: (segment: SegmentRecord) => boolean | undefined;
}

type Binding = { readonly kind: 'linked'; readonly bound: SegmentRecord } | { readonly kind: 'dialedBy'; readonly bound: SegmentRecord };

/** The segment bound to `segment`: its linked segment, else the (first) segment dialling it. */
export function boundSegment(snapshot: GraphSnapshot, segment: SegmentRecord): Binding | null {
  if (segment.linkedTo !== null) {
    const linked = snapshot.segments.get(segment.linkedTo);
    if (linked !== undefined) return { kind: 'linked', bound: linked };
  }
  for (const id of segment.dialingFrom) {
    const caller = snapshot.segments.get(id);
    if (caller !== undefined) return { kind: 'dialedBy', bound: caller };
  }
  return null;
}

export function planTransfer(input: TransferPlanInput): PlanResult {
  const { segment, request } = input;
  if (request.attended && !input.isInternal(segment.channel)) {
    return refuse(
      new UnprocessableEntityError(
        `attended transfer asked of segment ${segment.id}, which is EXTERNAL (${segment.channel} belongs to no extension): only an extension's party can consult`,
      ),
    );
  }
  const binding = boundSegment(input.snapshot, segment);
  if (binding === null) {
    return refuse(new ConflictError(`segment ${segment.id} is bound to no other segment (neither linked nor being dialled): nothing to transfer`));
  }
  const exten = request.destinationNumber;
  const context = input.coreServer.transferContext;

  if (request.attended) {
    if (binding.kind === 'dialedBy') {
      return refuse(
        new ConflictError(
          `segment ${segment.id} is still ringing (segment ${binding.bound.id} is dialling it): a ringing call can only be deflected by a blind transfer`,
        ),
      );
    }
    if (!segment.answered) {
      return refuse(new ConflictError(`segment ${segment.id} is not answered: attended transfer needs an answered call`));
    }
    return ok({
      action: 'Atxfer',
      headers: { Action: 'Atxfer', Channel: segment.channel, Exten: exten, Context: context },
      consultation: {
        transfererChannel: segment.channel,
        transfererUniqueid: segment.uniqueid,
        destinationNumber: exten,
        context,
      },
    });
  }

  if (binding.kind === 'linked' && input.linkedThroughLocal?.(segment) === false) {
    return ok({ action: 'BlindTransfer', headers: { Action: 'BlindTransfer', Channel: segment.channel, Exten: exten, Context: context } });
  }
  // Linked through a Local pair (or not known to be direct), or deflection: move the bound party's real channel.
  return ok({
    action: 'Redirect',
    headers: { Action: 'Redirect', Channel: binding.bound.channel, Exten: exten, Context: context, Priority: '1' },
  });
}

function ok(plan: AmiPlan): PlanResult {
  return { ok: true, plan };
}

function refuse(error: UnprocessableEntityError | ConflictError): PlanResult {
  return { ok: false, error };
}
