import * as assert from 'assert';
import fc from 'fast-check';
import { AnchoredCues, SlotHits, TokenIndex, Vocabulary, type CompiledCue, type TokenRun } from '../../src/analysis/cues';
import { createAnalyzer } from '../../src/analysis/engine';
import { tokenize } from '../../src/analysis/tokens';

/** A run of key ids with made-up offsets (token i covers [10i, 10i + 5)). */
function runOf(ids: number[], stop: number[] = [], base = 0): TokenRun {
  return {
    ids: Int32Array.from(ids),
    offsets: ids.flatMap((_, i) => [10 * i, 10 * i + 5]),
    stop: Uint8Array.from(ids, (_, i) => (stop.includes(i) ? 1 : 0)),
    base,
  };
}

const cueOf = (ids: number[]): CompiledCue => ({ text: ids.join(' '), keys: ids.map(String), ids: Int32Array.from(ids) });

/** The rule TokenIndex.find implements, written the slow and obvious way over the kept tokens. */
function naiveFind(tokens: number[], cue: number[], maxGap = 3): [number, number] | undefined {
  for (let s = 0; s < tokens.length; s++) {
    if (tokens[s] !== cue[0]) continue;
    let prev = s;
    let ok = true;
    for (let i = 1; i < cue.length && ok; i++) {
      let next = -1;
      for (let j = prev + 1; j < tokens.length; j++) {
        if (tokens[j] === cue[i]) {
          next = j;
          break;
        }
      }
      if (next < 0 || next - prev > maxGap) ok = false;
      else prev = next;
    }
    if (ok) return [s, prev];
  }
  return undefined;
}

describe('TokenIndex', () => {
  it('finds a cue as the obvious scan does: first start, each word within three tokens of the last', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), (tokens, cue) => {
        const index = new TokenIndex(runOf(tokens));
        const hit = index.find(cueOf(cue));
        const want = naiveFind(tokens, cue);
        assert.deepStrictEqual(hit ? [hit.span.start, hit.span.end] : undefined, want ? [10 * want[0], 10 * want[1] + 5] : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('a content index leaves out stop words and tokens inside skipped spans, and offsets move with the base', () => {
    const run = runOf([1, 2, 3, 4, 5], [1], 1000);
    const index = new TokenIndex(run, { content: true, skip: [{ start: 1030, end: 1035 }] });
    assert.strictEqual(index.has(2), false, 'stop word');
    assert.strictEqual(index.has(4), false, 'inside a skipped span');
    assert.deepStrictEqual(index.find(cueOf([1, 3, 5]))?.span, { start: 1000, end: 1045 });
    const plain = new TokenIndex(run);
    assert.strictEqual(plain.has(2), true);
    assert.strictEqual(plain.distinct, 5);
  });

  it('AnchoredCues finds, per slot, the hit findAny finds among that slot\'s cues', () => {
    const hits = new SlotHits(4);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 40 }),
        fc.array(fc.record({ slot: fc.integer({ min: 0, max: 3 }), ids: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 12 }),
        (tokens, entries) => {
          const index = new TokenIndex(runOf(tokens));
          const cues = entries.map((e) => ({ cue: cueOf(e.ids), slot: e.slot }));
          new AnchoredCues(cues).bestInto(index, hits);
          for (let slot = 0; slot < 4; slot++) {
            const want = index.findAny(cues.filter((c) => c.slot === slot).map((c) => c.cue));
            assert.deepStrictEqual(hits.get(slot)?.span, want?.span, `slot ${slot}`);
            assert.strictEqual(hits.get(slot)?.length, want?.length);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts each distinct key in order of first occurrence', () => {
    const index = new TokenIndex(runOf([7, 3, 7, 9, 3, 7]));
    const seen = Array.from({ length: index.distinct }, (_, d) => [index.keyAt(d), index.countAt(d)]);
    assert.deepStrictEqual(seen, [
      [7, 3],
      [3, 2],
      [9, 1],
    ]);
  });
});

describe('Vocabulary', () => {
  it('gives a draft word and a cue word the same id, and never reuses the id of a dropped word', () => {
    let drops = 0;
    const v = new Vocabulary(() => drops++);
    const draftFirst = v.idOf('tamper');
    assert.strictEqual(v.pin('tamper'), draftFirst, 'pinning keeps the id a draft gave the word');
    const pinned = v.pin('intercept');
    assert.strictEqual(v.idOf('intercept'), pinned);
    const seen = new Set<number>([draftFirst, pinned]);
    // Enough unique draft words to make the vocabulary drop its unpinned ones.
    for (let i = 0; i < 200_001; i++) seen.add(v.idOf('w' + i));
    assert.strictEqual(drops, 1);
    assert.strictEqual(v.idOf('intercept'), pinned, 'pinned words survive');
    const again = v.idOf('w0');
    assert.ok(!seen.has(again), 'a dropped word comes back with a new id');
  });

  it('a run gives each word the id its stem has now, also after the draft words were dropped', () => {
    const cues = createAnalyzer().analyzer!.matcher.cues;
    const v = cues.vocabulary;
    // Draft words that are in no cue (unpinned), and one that is (pinned): ids as the vocabulary has them.
    const text = 'Zorblax and quuxification intercepted';
    const idsNow = () => tokenize(text, 'en').map((t) => v.find(t.key));
    const first = cues.run(text, 'en');
    assert.deepStrictEqual(Array.from(first.ids), idsNow());
    // Enough unique draft words to make the vocabulary drop its unpinned ones.
    for (let i = 0; i < 200_001; i++) v.idOf('dropme' + i);
    const second = cues.run(text, 'en');
    assert.deepStrictEqual(Array.from(second.ids), idsNow(), 'the ids remembered per word were given before the drop');
    assert.notStrictEqual(second.ids[0], first.ids[0], 'a dropped word has a new id');
    assert.strictEqual(second.ids[3], first.ids[3], 'a cue word keeps its id');
  });
});
