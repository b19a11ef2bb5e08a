// The analysis's fast scans give exactly what the regular expressions they stand in for give:
// references to other provisions, the titles of other instruments and the words of a clause,
// compared on many generated strings that mix unit words in every case with digits, brackets,
// accents, apostrophes, case-folding oddities, astral and lone surrogate characters and white
// space of every kind.
import * as assert from 'assert';
import fc from 'fast-check';
import { createAnalyzer } from '../../src/analysis/engine';
import { instrumentPattern, instrumentTitleSpans, referencePattern, referenceSpans, type ReferencePatterns } from '../../src/analysis/match';
import type { MatcherSettings } from '../../src/analysis/matcherSettings';
import { wordRunStart } from '../../src/analysis/text';
import { wordsOf } from '../../src/analysis/checks';
import { foldCase } from '../../src/analysis/tokens';

const { analyzer, problems } = createAnalyzer();
if (!analyzer) throw new Error('shipped data failed to load: ' + JSON.stringify(problems));
const shipped = analyzer.matcher.settings.references!;

type References = NonNullable<MatcherSettings['references']>;

/** The shipped reference words of English, with other unit words in their place. */
function withUnits(units: string[], deictic: string[] = []): References {
  return { ...shipped, units: { en: units }, deictic: { en: deictic }, connectors: { en: shipped.connectors.en }, trailers: { en: shipped.trailers.en } };
}

/** Characters the scans must read as the regular expressions do. */
const ODD = [
  ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u1680', '\u2028', '\u200b', '\u0085',
  '\u0345', // combining ypogegrammeni: folds to ι, so `iu` reads it as a letter
  '\u0301', 'e\u0301', 'é', 'É', 'ß', 'ẞ', 'İ', 'ı', 'ǅ', 'ſ', '\u212a', 'Ω', '\u2126', 'ω', 'ι',
  'Ⅳ', 'ⅳ', '①', '٣', '𝟏', '𝐀', '𐐀', '𐐨', '\ud835', '\udc00', '\ud801\udc00', '😀',
  "'", '’', '-', ',', '.', ';', '(', ')', '((', '§', '_',
];

const NUMBERS = ['1', '12', '3a', '4ABC', '0', '(a)', '(1)', '(iv)', '(a)(2)', '(abcdefg)', '( a)', '5 (b)'];

const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028'];

function stringsOf(words: string[]): fc.Arbitrary<string> {
  const cased = words.flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), 'sub' + w, w + 's', w.slice(1)]);
  const joining = ['and', 'or', 'to', 'through', 'above', 'below', 'of this Act', 'of that section', 'this', 'the', 'x', 'ab', 'Act', '(unauthorised access)', '(ab)'];
  const part = fc.oneof(
    { arbitrary: fc.constantFrom(...cased), weight: 4 },
    { arbitrary: fc.constantFrom(...SPACES), weight: 5 },
    { arbitrary: fc.constantFrom(...NUMBERS), weight: 4 },
    { arbitrary: fc.constantFrom(...ODD), weight: 3 },
    { arbitrary: fc.constantFrom(...joining), weight: 1 },
    // a reference whole, for the parts around it to cut into
    { arbitrary: fc.tuple(fc.constantFrom(...cased), fc.constantFrom(...SPACES), fc.constantFrom(...NUMBERS)).map((t) => t.join('')), weight: 3 },
  );
  return fc.array(part, { minLength: 3, maxLength: 40, size: 'max' }).map((parts) => parts.join(''));
}

/** Runs `patterns` both ways on every string and counts the references found (the test must see some). */
function compareReferences(patterns: ReferencePatterns, words: string[], runs: number): number {
  assert.ok(patterns.scan, 'these unit words allow the scan');
  let found = 0;
  fc.assert(
    fc.property(stringsOf(words), (text) => {
      const want = referenceSpans(patterns, text, true);
      assert.deepStrictEqual(referenceSpans(patterns, text, false), want, JSON.stringify(text));
      found += want.length;
    }),
    { numRuns: runs },
  );
  return found;
}

describe('reference scan', () => {
  it('wordRunStart gives the start of the run of letters and digits that a `iu` pattern reads before a place', () => {
    const run = /[\p{L}\p{N}]*$/iu;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ODD, 'a', 'Z', '7', 'section', 'Ab'), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (let end = 0; end <= text.length; end++) {
          // A place inside a surrogate pair is no place a code point run can end.
          const c = text.charCodeAt(end);
          if (end > 0 && c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(end - 1) >= 0xd800 && text.charCodeAt(end - 1) <= 0xdbff) continue;
          assert.strictEqual(wordRunStart(text, end), run.exec(text.slice(0, end))!.index, JSON.stringify([text, end]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  for (const lang of ['en', 'es', 'fr'] as const) {
    it(`finds the references the starts pattern finds, with the shipped ${lang} words`, () => {
      const words = shipped.units[lang] ?? shipped.units.en;
      const found = compareReferences(referencePattern(shipped, lang), words, 5000);
      assert.ok(found > 2000, `only ${found} references in the generated strings`);
    });
  }

  it('finds the same with unit words whose case folding reaches past ASCII (ι, k, ß, astral letters, digits)', () => {
    const words = ['ιδ', 'kapitel', 'straße', 'é', '𐐨𐐨', 'art2', 'ſ'];
    const found = compareReferences(referencePattern(withUnits(words), 'en'), words, 5000);
    assert.ok(found > 2000, `only ${found} references in the generated strings`);
  });

  it('starts no reference inside the one before, where a word runs on past its end', () => {
    // "Act" ends the first reference ("of this Act"), and "Acts 2" would be one on its own.
    const p = referencePattern(shipped, 'en');
    for (const text of ['see section 1 of this Acts 2 and', 'section 2 aboveparts 3']) {
      assert.deepStrictEqual(referenceSpans(p, text, false), referenceSpans(p, text, true));
    }
    assert.deepStrictEqual(referenceSpans(p, 'see section 1 of this Acts 2 and'), [{ start: 4, end: 25 }]);
  });

  it('keeps the starts pattern when a unit word is not only letters and digits, or there are deictic words', () => {
    assert.strictEqual(referencePattern(withUnits(['sub section', 'part']), 'en').scan, false);
    assert.strictEqual(referencePattern(withUnits(['part.', 'part']), 'en').scan, false);
    assert.strictEqual(referencePattern(withUnits(['part'], ['this']), 'en').scan, false);
    assert.strictEqual(referencePattern(withUnits(['part', 'rule']), 'en').scan, true);
    // and what it finds then: the deictic reference too
    const p = referencePattern(withUnits(['part'], ['this']), 'en');
    assert.deepStrictEqual(referenceSpans(p, 'under this part; part 2 and this PART'), [
      { start: 6, end: 15 },
      { start: 17, end: 23 },
      { start: 28, end: 37 },
    ]);
  });
});

describe('instrument title screen', () => {
  const patterns = instrumentPattern(shipped.instruments?.en)!;
  const instruments = ['Act', 'Code', 'Ordinance', 'Decree', 'Acts', 'act', 'Actor'];
  const small = ['the', 'of', 'in', 'and', 'for', 'a', 'abc', 'ß', 'é', 'ı', '𐐨', 'aB', 'ab-', "a'"];
  const longer = ['this', 'that', 'abcd', 'état', 'under', 'evidence'];
  const capitals = ['Evidence', 'Mutual', 'Assistance', 'Criminal', 'Matters', "O'Brien", 'Anti-Fraud', 'Crime’s', 'McDonald', 'ÉTAT', 'Ωmega', '𐐀bc', '𝐀ct', 'ǅx', 'X'];
  const long = ['Lorem Ipsum Dolor Sit Amet Consectetur ', 'a'.repeat(65), 'The Very Long Title Of Something In Particular ', ' '.repeat(60)];
  const part = fc.oneof(
    { arbitrary: fc.constantFrom(...capitals), weight: 4 },
    { arbitrary: fc.constantFrom(...SPACES), weight: 6 },
    { arbitrary: fc.constantFrom(...instruments), weight: 3 },
    { arbitrary: fc.constantFrom(...small), weight: 2 },
    { arbitrary: fc.constantFrom(...longer), weight: 2 },
    { arbitrary: fc.constantFrom(...ODD, '1', '(a)'), weight: 2 },
    { arbitrary: fc.constantFrom(...long), weight: 1 },
  );
  const strings = fc.array(part, { maxLength: 60, size: 'max' }).map((parts) => parts.join(''));

  it('finds the titles the title pattern finds when run after every instrument word', () => {
    let found = 0;
    fc.assert(
      fc.property(strings, (text) => {
        const want = instrumentTitleSpans(patterns, text, false);
        assert.deepStrictEqual(instrumentTitleSpans(patterns, text, true), want, JSON.stringify(text));
        found += want.length;
      }),
      { numRuns: 5000 },
    );
    assert.ok(found > 500, `only ${found} titles in the generated strings`);
  });

  it('a title of small and capitalised words, cut at the reach, and none after "this"', () => {
    const spans = (text: string) => instrumentTitleSpans(patterns, text).map((s) => text.slice(s.start, s.end));
    assert.deepStrictEqual(spans('under this Act, the Mutual Assistance in Criminal Matters Act'), ['Mutual Assistance in Criminal Matters Act']);
    assert.deepStrictEqual(spans('the Crime’s Code, an X Ordinance, the Decree'), ['Crime’s Code', 'X Ordinance']);
    assert.deepStrictEqual(spans('Long ' + 'x'.repeat(250) + ' of the Act'), []);
  });
});

describe('clause words', () => {
  /** What wordsOf gave before it read character codes. */
  const byPattern = (s: string) => {
    const out: { w: string; start: number; end: number }[] = [];
    const re = /[\p{L}\p{N}]+/gu;
    for (let m = re.exec(s); m; m = re.exec(s)) out.push({ w: foldCase(m[0]), start: m.index, end: m.index + m[0].length });
    return out;
  };
  const words = ['without', 'Warrant', 'NOT', 'autorización', 'AUTORIZACIÓN', 'sans', 'à', 'Ça', 'naïve', 'İstanbul', 'straße', 'ΣΟΦΟΣ', 'x1', '42', '1989', 'a9z', 'ǅemal', 'ﬁle', 'Ⅻ'];
  const strings = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 3 }, { arbitrary: fc.constantFrom(...SPACES, ...ODD), weight: 3 }), { maxLength: 30, size: 'max' }).map((p) => p.join(''));

  it('finds the words /[\\p{L}\\p{N}]+/gu finds, folded alike', () => {
    fc.assert(
      fc.property(fc.oneof(strings, fc.string({ unit: 'binary' })), (text) => {
        assert.deepStrictEqual(wordsOf(text), byPattern(text), JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });
});
