// The bounded LRU cache (server/src/analysis/lru.ts) the match and definition caches use.
import * as assert from 'assert';
import fc from 'fast-check';
import { LruCache } from '../../src/analysis/lru';
import { check } from './check';

type Op = ['set', string, number] | ['get', string] | ['peek', string] | ['delete', string] | ['clear'];

/** Runs the operations on a cache of `limit`; returns what each returned and the keys left, least recent first. */
function run(limit: number, ops: Op[]): { results: unknown[]; keys: string[] } {
  const c = new LruCache<string, number>(limit);
  const results = ops.map((op) => {
    switch (op[0]) {
      case 'set':
        c.set(op[1], op[2]);
        return c.size;
      case 'get':
        return c.get(op[1]);
      case 'peek':
        return c.peek(op[1]);
      case 'delete':
        return c.delete(op[1]);
      case 'clear':
        c.clear();
        return c.size;
    }
  });
  return { results, keys: [...c.keys()] };
}

/** The same operations on a plain array, least recently used first: the reference the cache must agree with. */
function model(limit: number, ops: Op[]): { results: unknown[]; keys: string[] } {
  let entries: [string, number][] = [];
  const results = ops.map((op) => {
    const i = op[0] === 'clear' ? -1 : entries.findIndex(([k]) => k === op[1]);
    switch (op[0]) {
      case 'set':
        if (i >= 0) entries.splice(i, 1);
        entries.push([op[1], op[2]]);
        if (entries.length > limit) entries.shift();
        return entries.length;
      case 'get': {
        if (i < 0) return undefined;
        const [e] = entries.splice(i, 1);
        entries.push(e);
        return e[1];
      }
      case 'peek':
        return i < 0 ? undefined : entries[i][1];
      case 'delete':
        if (i >= 0) entries.splice(i, 1);
        return i >= 0;
      case 'clear':
        entries = [];
        return 0;
    }
  });
  return { results, keys: entries.map(([k]) => k) };
}

describe('LruCache', () => {
  check<{ limit: number; ops: Op[] }, { results: unknown[]; keys: string[] }>(
    'behaviour',
    [
      {
        name: 'evicts the least recently added past the limit',
        input: { limit: 2, ops: [['set', 'a', 1], ['set', 'b', 2], ['set', 'c', 3], ['get', 'a'], ['get', 'b']] },
        expected: { results: [1, 2, 2, undefined, 2], keys: ['c', 'b'] },
      },
      {
        name: 'get marks an entry used, so the other goes',
        input: { limit: 2, ops: [['set', 'a', 1], ['set', 'b', 2], ['get', 'a'], ['set', 'c', 3], ['get', 'b'], ['get', 'a']] },
        expected: { results: [1, 2, 1, 2, undefined, 1], keys: ['c', 'a'] },
      },
      {
        name: 'peek does not mark an entry used',
        input: { limit: 2, ops: [['set', 'a', 1], ['set', 'b', 2], ['peek', 'a'], ['set', 'c', 3], ['peek', 'a']] },
        expected: { results: [1, 2, 1, 2, undefined], keys: ['b', 'c'] },
      },
      {
        name: 'setting a present key updates it and marks it used, without growing',
        input: { limit: 2, ops: [['set', 'a', 1], ['set', 'b', 2], ['set', 'a', 10], ['set', 'c', 3], ['get', 'a']] },
        expected: { results: [1, 2, 2, 2, 10], keys: ['c', 'a'] },
      },
      {
        name: 'delete and clear',
        input: { limit: 3, ops: [['set', 'a', 1], ['set', 'b', 2], ['delete', 'a'], ['delete', 'a'], ['set', 'c', 3], ['clear'], ['set', 'd', 4]] },
        expected: { results: [1, 2, true, false, 2, 0, 1], keys: ['d'] },
      },
      {
        name: 'a limit of one keeps the last',
        input: { limit: 1, ops: [['set', 'a', 1], ['set', 'b', 2], ['get', 'a'], ['get', 'b']] },
        expected: { results: [1, 1, undefined, 2], keys: ['b'] },
      },
    ],
    ({ limit, ops }) => run(limit, ops),
  );

  it('agrees with a reference model on any sequence of operations', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.tuple(fc.constant('set' as const), key, fc.integer()),
      fc.tuple(fc.constant('get' as const), key),
      fc.tuple(fc.constant('peek' as const), key),
      fc.tuple(fc.constant('delete' as const), key),
      fc.constant(['clear'] as Op),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (limit, ops) => {
        assert.deepStrictEqual(run(limit, ops), model(limit, ops));
      }),
      { numRuns: 500 },
    );
  });

  it('never holds more than its limit, through many evictions', () => {
    const c = new LruCache<number, number>(1000);
    for (let i = 0; i < 200_000; i++) {
      c.set(i, i);
      if (i % 3 === 0) c.get(i - 500);
    }
    assert.strictEqual(c.size, 1000);
    const keys = [...c.keys()];
    assert.strictEqual(keys.length, 1000);
    assert.strictEqual(keys[keys.length - 1], 199_999, 'the last added is the most recent');
  });

  it('refuses a limit below one', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
