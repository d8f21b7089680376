import type { SegmentRecord } from './ports.js';

/** Tells whether a real channel belongs to an extension bound to a licensed (`full`) user. */
export type LicensedChannel = (channel: string) => boolean;

/**
 * Spec 4.2: a segment is visible when its own channel belongs to a licensed extension, or when
 * it is or has been bound (dialling, dialled by, linked) to a channel of a licensed extension.
 * `boundChannels` is history, so visibility lasts for the segment's life; it does not chain
 * (a channel that is merely visible makes nobody visible).
 */
export function isSegmentVisible(
  segment: Pick<SegmentRecord, 'channel' | 'boundChannels'>,
  licensedChannel: LicensedChannel,
): boolean {
  return licensedChannel(segment.channel) || segment.boundChannels.some(licensedChannel);
}
