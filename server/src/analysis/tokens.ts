// Word tokens with offsets, stemmed per language, for cue matching.
// Stemming is the costly step, so stems are memoised per language.
import * as snowball from 'snowball-stemmers';
import { detached } from './text';
import type { DraftLanguage, Span } from './types';

export interface Token {
  /** Normalised form used for matching: a stem, or a concept id such as "@ict-system". */
  key: string;
  start: number;
  end: number;
}

const stemmerNames: Record<DraftLanguage, string> = { en: 'english', es: 'spanish', fr: 'french' };
const stemmers = new Map<DraftLanguage, { stem(w: string): string }>();
const stemCache = new Map<DraftLanguage, Map<string, string>>();

export interface SpellingRules {
  /** Whole-word replacements applied before stemming, per language (e.g. "offence" → "offense"). */
  words: Partial<Record<DraftLanguage, Record<string, string>>>;
  /** Words kept whole, because their stem collides with another word ("willfully" → "will"). */
  whole?: Partial<Record<DraftLanguage, string[]>>;
}

let spelling: SpellingRules = { words: {} };
let whole: Partial<Record<DraftLanguage, Set<string>>> = {};

/** Installs the spelling variants from data (called once when data is loaded). */
export function setSpellingRules(rules: SpellingRules): void {
  spelling = rules;
  whole = {};
  for (const [lang, list] of Object.entries(rules.whole ?? {})) whole[lang as DraftLanguage] = new Set(list.map((w) => w.toLowerCase()));
  stemCache.clear();
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** French elides articles and prepositions ("d'entraver", "l'accès"): the apostrophe splits words. */
const WORD_FR = /[\p{L}\p{N}]+/gu;
const COMBINING = /\p{M}/gu;

/** Lower-cases and strips diacritics, so "autorización" and "autorizacion" meet. */
export function foldCase(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(COMBINING, '');
}

export function stem(word: string, lang: DraftLanguage): string {
  let cache = stemCache.get(lang);
  if (!cache) {
    cache = new Map();
    stemCache.set(lang, cache);
  }
  // Keyed by the lower-cased word: "Section" and "section" share one stemming.
  const lower = word.toLowerCase();
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  let stemmer = stemmers.get(lang);
  if (!stemmer) {
    stemmer = snowball.newStemmer(stemmerNames[lang]);
    stemmers.set(lang, stemmer);
  }
  let w = lower;
  const variant = spelling.words[lang]?.[w];
  if (variant) w = variant;
  // British -ise/-isation and American -ize/-ization stem differently; fold to -ize.
  if (lang === 'en') w = w.replace(/(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$/, '$1iz$2');
  const s = foldCase(whole[lang]?.has(w) ? w : stemmer.stem(w));
  // Bound the cache so a hostile document of unique words cannot grow it without limit.
  if (cache.size > 200_000) cache.clear();
  // The word is cut from the draft: cache a copy, or the cache would keep the draft alive.
  cache.set(detached(lower), s);
  return s;
}

/** Tokenises text[span] into stemmed word tokens with absolute offsets. */
export function tokenize(text: string, lang: DraftLanguage, span: Span = { start: 0, end: text.length }): Token[] {
  const out: Token[] = [];
  const slice = text.slice(span.start, span.end);
  const re = lang === 'fr' ? WORD_FR : WORD;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const word = m[0].length > 64 ? m[0].slice(0, 64) : m[0];
    out.push({ key: stem(word.replace(/’/g, "'"), lang), start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}
