/**
 * The live segment graph of one core server: holds the current state, applies events through the
 * pure reducer, keeps the segment records up to date incrementally (only the segments an event
 * touched are recomputed and diffed) and tells subscribers what changed.
 */
import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { AmiEvent } from '../events/ami-event.js';
import { reduceWithTouched } from './reducer.js';
import { callerIdId, segmentId } from './segment-id.js';
import type { GraphSnapshot, SegmentRecord } from './selectors.js';
import { sameRecord, selectConferences, selectQueues, selectRecord } from './selectors.js';
import type { SegmentState } from './state.js';
import { emptyState } from './state.js';

export interface GraphChange {
  /** Segment ids that appeared, changed or went away. */
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly conferencesChanged: boolean;
  readonly queuesChanged: boolean;
  /** The whole state was replaced (resync): consumers should re-read everything. */
  readonly reset: boolean;
}

export class SegmentGraph {
  private current: SegmentState = emptyState();
  private readonly records = new Map<string, SegmentRecord>();
  private readonly ids = new Map<string, string>();
  private memo: { readonly state: SegmentState; readonly snapshot: GraphSnapshot } | undefined;
  private readonly changes = new Subject<GraphChange>();
  readonly changes$: Observable<GraphChange> = this.changes.asObservable();
  private readonly idOf = (uniqueid: string): string =>
    this.ids.get(uniqueid) ?? segmentId(this.coreServerId, uniqueid);
  /** A known segment's caller-id id is its record's: no SHA-1 per segment per event on the hot path. */
  private readonly callerIdOf = (id: string): string => this.records.get(id)?.callerIdId ?? callerIdId(id);

  constructor(readonly coreServerId: string) {}

  get state(): SegmentState {
    return this.current;
  }

  apply(event: AmiEvent): void {
    const before = this.current;
    const { state, touched } = reduceWithTouched(before, event);
    if (state === before) return;
    this.current = state;
    const added: string[] = [];
    const updated: string[] = [];
    const removed: string[] = [];
    for (const uniqueid of touched) this.refresh(uniqueid, added, updated, removed);
    const conferencesChanged = state.conferences !== before.conferences;
    const queuesChanged = state.queues !== before.queues;
    if (added.length + updated.length + removed.length === 0 && !conferencesChanged && !queuesChanged) return;
    this.changes.next({ added, updated, removed, conferencesChanged, queuesChanged, reset: false });
  }

  /** Swap in a whole new state (after a resync) and recompute every segment. */
  replaceState(state: SegmentState): void {
    this.current = state;
    const added: string[] = [];
    const updated: string[] = [];
    const removed: string[] = [];
    const stale = new Set(this.ids.keys());
    for (const uniqueid of state.channels.keys()) {
      stale.delete(uniqueid);
      this.refresh(uniqueid, added, updated, removed);
    }
    for (const uniqueid of stale) this.refresh(uniqueid, added, updated, removed);
    this.changes.next({ added, updated, removed, conferencesChanged: true, queuesChanged: true, reset: true });
  }

  /** The graph as segments; the same object until the state changes. */
  snapshot(): GraphSnapshot {
    if (this.memo?.state === this.current) return this.memo.snapshot;
    const snapshot: GraphSnapshot = {
      coreServerId: this.coreServerId,
      segments: new Map(this.records),
      conferences: selectConferences(this.current, this.idOf),
      queues: selectQueues(this.current, this.idOf),
    };
    this.memo = { state: this.current, snapshot };
    return snapshot;
  }

  /** Stop telling subscribers anything (they get `complete`). */
  close(): void {
    this.changes.complete();
  }

  private refresh(uniqueid: string, added: string[], updated: string[], removed: string[]): void {
    const record = selectRecord(this.current, uniqueid, this.idOf, this.callerIdOf);
    if (record === undefined) {
      const id = this.ids.get(uniqueid);
      if (id !== undefined) {
        this.ids.delete(uniqueid);
        this.records.delete(id);
        removed.push(id);
      }
      return;
    }
    const previous = this.records.get(record.id);
    if (previous === undefined) {
      this.ids.set(uniqueid, record.id);
      added.push(record.id);
    } else if (sameRecord(previous, record)) {
      return;
    } else {
      updated.push(record.id);
    }
    this.records.set(record.id, record);
  }
}
