import { expectTypeOf, it } from 'vitest';
import type { GraphSnapshot, SegmentRecord } from '../../../src/http/ports.js';
import type { GraphSnapshot as GraphSnapshotOfSegments, SegmentRecord as SegmentRecordOfSegments } from '../../../src/segments/index.js';

// Checked by tsc (the CI gate): the segment graph's snapshots plug into the REST ports as they are.
it('the segment graph snapshot fits the REST port', () => {
  expectTypeOf<GraphSnapshotOfSegments>().toExtend<GraphSnapshot>();
  expectTypeOf<SegmentRecordOfSegments>().toExtend<SegmentRecord>();
});
