// The word scanner: words, apostrophes and offsets as a plain pattern would find them, and
// each word stemmed as stem() stems it (the ASCII table is only a faster way to the same stem).
import * as assert from 'assert';
import fc from 'fast-check';
import { stem, tokenize } from '../../src/analysis/tokens';
import type { DraftLanguage } from '../../src/analysis/types';
import { check } from './check';

/** The rule tokenize implements, the slow and obvious way. */
function naiveTokens(text: string, lang: DraftLanguage): [string, number, number][] {
  // French elides ("l'accès"): there an apostrophe splits words.
  const word = lang === 'fr' ? /[\p{L}\p{N}]+/gu : /[\p{L}\p{N}]+(?:['\u2019]\p{L}+)?/gu;
  return [...text.matchAll(word)].map((m) => [stem(m[0].slice(0, 64).replace(/\u2019/g, "'"), lang), m.index, m.index + m[0].length]);
}

const plain = (text: string, lang: DraftLanguage) => tokenize(text, lang).map((t): [string, number, number] => [t.key, t.start, t.end]);

check<[string, DraftLanguage], [string, number, number][]>(
  'tokenize',
  [
    { name: 'ASCII words, any case, stemmed alike', input: ['Accesses ACCESS accessing', 'en'], expected: [['access', 0, 8], ['access', 9, 15], ['access', 16, 25]] },
    { name: 'an apostrophe joins an English word', input: ["o'clock", 'en'], expected: [["o'clock", 0, 7]] },
    { name: 'a French elision splits', input: ["l'accès", 'fr'], expected: [['l', 0, 1], ['acces', 2, 7]] },
    { name: 'digits are words, punctuation is not', input: ['s. 12(3)', 'en'], expected: [['s', 0, 1], ['12', 3, 5], ['3', 6, 7]] },
  ],
  ([text, lang]) => plain(text, lang),
);

describe('tokenize properties', () => {
  const chars = fc.constantFrom(...'aZé ÉxQ0 9\'\u2019-.\n\u0301ñß', '😀', 'İ');
  for (const lang of ['en', 'es', 'fr'] as DraftLanguage[]) {
    it(`finds and stems words as the plain pattern does (${lang})`, () => {
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (text) => {
          assert.deepStrictEqual(plain(text, lang), naiveTokens(text, lang));
          // The same text again (now from the table of known ASCII words) gives the same.
          assert.deepStrictEqual(plain(text, lang), naiveTokens(text, lang));
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('stems a very long word from its first 64 characters', () => {
    const long = 'a'.repeat(70) + 'ing';
    assert.deepStrictEqual(plain(long, 'en'), [[stem(long.slice(0, 64), 'en'), 0, 73]]);
  });
});
