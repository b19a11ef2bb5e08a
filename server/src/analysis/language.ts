// Guesses the language of a draft from stop-word counts on a sample.

import type { DraftLanguage } from './types';
import { bundledVocabulary, type LanguageDetector } from './vocabulary';

// The stop words are in data/languages/*.json ("stopWords"): words frequent in legislative
// prose and (mostly) exclusive to one language, compiled into a LanguageDetector.

const SAMPLE_CHARS = 20000;

/**
 * The parts of a text the language is guessed from, as [start, end) ranges: the whole text, or
 * its start, middle and end. Stop words are counted in each part on its own.
 */
export function languageWindows(length: number): [number, number][] {
  if (length <= SAMPLE_CHARS * 3) return [[0, length]];
  const mid = Math.floor(length / 2);
  return [
    [0, SAMPLE_CHARS],
    [mid - SAMPLE_CHARS / 2, mid + SAMPLE_CHARS / 2],
    [length - SAMPLE_CHARS, length],
  ];
}

/** Stop words counted per language (a language with none may be left out). */
export type LanguageCounts = Partial<Record<DraftLanguage, number>>;

const WORD_RE = /[\p{L}\p{M}]+/uy;

/** Stop words of each language in text[start, end): words of letters and marks, at most 10 long. */
export function stopWordCounts(text: string, start: number, end: number, detector: LanguageDetector = bundledVocabulary().detector): LanguageCounts {
  const lookup = detector.lookup;
  const counts: LanguageCounts = {};
  // Cut out, so that a surrogate pair split by the window's edge reads as it always has.
  const sample = text.slice(start, end);
  const n = sample.length;
  let i = 0;
  while (i < n) {
    const c = sample.charCodeAt(i);
    if (c < 128 && !isAsciiLetter(c)) {
      i++;
      continue;
    }
    // ASCII words, most of them, are read here; a word with any other character by the pattern.
    let j = i;
    while (j < n && isAsciiLetter(sample.charCodeAt(j))) j++;
    const ascii = !(j === i || (j < n && sample.charCodeAt(j) >= 128));
    if (!ascii) {
      WORD_RE.lastIndex = i;
      const m = WORD_RE.exec(sample);
      if (!m) {
        i++;
        continue;
      }
      j = i + m[0].length;
    }
    if (j - i <= 10) {
      // Normalising (so that a decomposed "é" meets the listed one) is the costly part: ASCII needs none.
      const word = sample.slice(i, j).toLowerCase();
      const lang = lookup.get(ascii ? word : word.normalize('NFC'));
      if (lang) counts[lang] = (counts[lang] ?? 0) + 1;
    }
    i = j;
  }
  return counts;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The detector's language with most stop words; ties and no stop words give its first (the base language). */
export function languageOf(parts: LanguageCounts[], detector: LanguageDetector = bundledVocabulary().detector): DraftLanguage {
  const languages = detector.languages;
  let best = languages[0];
  let most = -1;
  for (const lang of languages) {
    let n = 0;
    for (const c of parts) n += c[lang] ?? 0;
    if (n > most) {
      best = lang;
      most = n;
    }
  }
  return best;
}

/**
 * The language of a draft (a code of the detector's languages) from stop-word counts on a sample
 * of the text (its start, middle and end). Deterministic; ties and texts without stop words give
 * the first language (the base language).
 */
export function detectLanguage(text: string, detector: LanguageDetector = bundledVocabulary().detector): DraftLanguage {
  if (typeof text !== 'string' || text.length === 0) return detector.languages[0];
  return languageOf(
    languageWindows(text.length).map(([s, e]) => stopWordCounts(text, s, e, detector)),
    detector,
  );
}
