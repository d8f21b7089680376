/**
 * What proves that an `Atxfer` really started a consultation (pure). Recorded on Asterisk 22
 * (findings §3 h, h3_atxfer): `Hold` on the transferer, then `Newchannel`s of
 * `Local/<dest>@<context>-…;1/;2`, `LocalBridge`, the transferer leaving its bridge and entering
 * the consultation bridge. Without the transfer feature (h3a) none of these happens.
 *
 * `Hold` alone proves nothing more than the feature: Asterisk holds the transferer as soon as it
 * reads the feature code, before it reads the destination's digits and checks that the
 * destination exists. With a destination missing from the context, or a transferer channel that
 * gets no frames (the queued digits are read only from incoming frames), the `Hold` comes and no
 * consultation ever does (seen on Asterisk 22 in test/integration/actions-*.test.ts).
 */
import type { AmiEvent } from '../events/ami-event.js';
import type { ConsultationWatch } from './plan.js';

function field(event: AmiEvent, name: string): string | undefined {
  const value = event[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[0];
}

function isTransferer(event: AmiEvent, watch: ConsultationWatch, prefix = ''): boolean {
  return field(event, `${prefix}Channel`) === watch.transfererChannel || field(event, `${prefix}Uniqueid`) === watch.transfererUniqueid;
}

/** `Local/<dest>@<context>-` : the start of the consultation's Local channel names. */
export function consultationLocalPrefix(watch: ConsultationWatch): string {
  return `Local/${watch.destinationNumber}@${watch.context}-`;
}

/** `Hold` on the transferer: the transfer feature answered (the consultation may still not start). */
export function holdsTransferer(event: AmiEvent, watch: ConsultationWatch): boolean {
  return event.Event === 'Hold' && isTransferer(event, watch);
}

/**
 * What an event tells about the consultation: `transferer` (the transferer itself dials or moves
 * into the consultation bridge: proof on its own), `local` (a Local channel to the destination in
 * the transfer context appeared: proof only together with the Hold on the transferer, since
 * another call, e.g. a ring group or queue, may be dialling the same number at that moment), or
 * null (nothing).
 */
export function consultationProof(event: AmiEvent, watch: ConsultationWatch): 'transferer' | 'local' | null {
  const local = consultationLocalPrefix(watch);
  switch (event.Event) {
    case 'Newchannel':
      return field(event, 'Channel')?.startsWith(local) === true ? 'local' : null;
    case 'LocalBridge':
      return field(event, 'LocalOneChannel')?.startsWith(local) === true || field(event, 'LocalTwoChannel')?.startsWith(local) === true ? 'local' : null;
    case 'DialBegin':
      return isTransferer(event, watch) ? 'transferer' : null;
    case 'BridgeEnter':
      // The transferer is already bridged when the Atxfer is sent: entering a bridge again means
      // it moved into the consultation bridge. A Local-optimisation swap (SwapUniqueid) is not that.
      return isTransferer(event, watch) && field(event, 'SwapUniqueid') === undefined ? 'transferer' : null;
    default:
      return null;
  }
}

/** Whether the event is a sign of the consultation (see consultationProof for which count alone). */
export function provesConsultation(event: AmiEvent, watch: ConsultationWatch): boolean {
  return consultationProof(event, watch) !== null;
}
