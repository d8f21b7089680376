/**
 * A small persistent (immutable) string-keyed map: 32 buckets, each a plain `Map`.
 * `set`/`delete` return a new PMap that shares every untouched bucket with the old one, so an
 * update copies one bucket (about size/32 entries) and a 32-slot array instead of the whole map.
 *
 * Why: the reducer must stay pure (old states stay valid: tests and the graph's change diff read
 * them) yet run on the hot event path with thousands of live channels; copying whole Maps per
 * event would be O(channels) per event, this is O(channels / 32) with tiny constants.
 */
const BUCKETS = 32;

function bucketOf(key: string): number {
  // FNV-1a over the last 8 UTF-16 code units: that is where keys differ (the sequence of a
  // Uniqueid like "1796398606.42", the hex counter of "Local/200@internal-0000000a;1", UUIDs).
  let hash = 0x811c9dc5;
  for (let i = Math.max(0, key.length - 8); i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

type Bucket<V> = ReadonlyMap<string, V>;

const EMPTY_BUCKET: Bucket<never> = new Map<string, never>();

export class PMap<V> implements Iterable<[string, V]> {
  private constructor(
    private readonly buckets: readonly Bucket<V>[],
    readonly size: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(new Array<Bucket<V>>(BUCKETS).fill(EMPTY_BUCKET), 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
    const buckets: Map<string, V>[] = Array.from({ length: BUCKETS }, () => new Map<string, V>());
    let size = 0;
    for (const [key, value] of entries) {
      const bucket = buckets[bucketOf(key)] as Map<string, V>;
      if (!bucket.has(key)) size++;
      bucket.set(key, value);
    }
    return new PMap<V>(buckets, size);
  }

  get(key: string): V | undefined {
    return (this.buckets[bucketOf(key)] as Bucket<V>).get(key);
  }

  has(key: string): boolean {
    return (this.buckets[bucketOf(key)] as Bucket<V>).has(key);
  }

  /** A map with `key` set to `value`; the same map when the value is already there (===). */
  set(key: string, value: V): PMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index] as Bucket<V>;
    const had = bucket.has(key);
    if (had && bucket.get(key) === value) return this;
    const copy = new Map(bucket);
    copy.set(key, value);
    const buckets = this.buckets.slice();
    buckets[index] = copy;
    return new PMap<V>(buckets, had ? this.size : this.size + 1);
  }

  /** A map without `key`; the same map when it was not there. */
  delete(key: string): PMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index] as Bucket<V>;
    if (!bucket.has(key)) return this;
    const buckets = this.buckets.slice();
    if (bucket.size === 1) {
      buckets[index] = EMPTY_BUCKET;
    } else {
      const copy = new Map(bucket);
      copy.delete(key);
      buckets[index] = copy;
    }
    return new PMap<V>(buckets, this.size - 1);
  }

  *entries(): IterableIterator<[string, V]> {
    for (const bucket of this.buckets) yield* bucket.entries();
  }

  *keys(): IterableIterator<string> {
    for (const bucket of this.buckets) yield* bucket.keys();
  }

  *values(): IterableIterator<V> {
    for (const bucket of this.buckets) yield* bucket.values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
