import { describe, expect, it } from 'vitest';
import { PMap } from '../../../src/segments/pmap.js';

describe('PMap (persistent map)', () => {
  it('set and delete return new maps and leave the old ones untouched', () => {
    const empty = PMap.empty<number>();
    const one = empty.set('a', 1);
    const two = one.set('b', 2);
    const less = two.delete('a');
    expect([empty.size, one.size, two.size, less.size]).toEqual([0, 1, 2, 1]);
    expect(one.get('b')).toBeUndefined();
    expect(two.get('a')).toBe(1);
    expect(less.has('a')).toBe(false);
    expect(less.get('b')).toBe(2);
  });

  it('returns the same map when nothing changes', () => {
    const map = PMap.empty<number>().set('a', 1);
    expect(map.set('a', 1)).toBe(map);
    expect(map.delete('zz')).toBe(map);
  });

  it('keeps every entry of a large map and iterates all of them', () => {
    let map = PMap.empty<number>();
    for (let i = 0; i < 5000; i++) map = map.set(`1796398606.${i}`, i);
    for (let i = 0; i < 5000; i += 2) map = map.delete(`1796398606.${i}`);
    expect(map.size).toBe(2500);
    expect([...map.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 2500 }, (_, k) => 2 * k + 1));
    expect(PMap.from(map.entries()).size).toBe(2500);
    expect([...map.keys()]).toHaveLength(2500);
  });
});
