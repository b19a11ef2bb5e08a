// Word tokens with offsets, stemmed per language, for cue matching.
// Stemming is the costly step, so stems are memoised per language, in the Tokenizer that holds
// the spelling rules they depend on (one per CueMatcher, i.e. per Analyzer: no global rules).
import * as snowball from 'snowball-stemmers';
import { BASE_LANGUAGE } from './data/languages';
import { getConventionData } from './data/load';
import type { LanguageData } from './data/types';
import { stemEnglish } from './porter2';
import { detached } from './text';
import type { DraftLanguage, Span } from './types';

export interface Token {
  /** Normalised form used for matching: a stem, or a concept id such as "@ict-system". */
  key: string;
  start: number;
  end: number;
}

/** The stemmers by Snowball algorithm name; they hold no rules: shared by every Tokenizer. */
const stemmers = new Map<string, { stem(w: string): string }>();

/** A word as it is (lower-cased): the stem in a language the data has no file for. */
const AS_IS = { stem: (w: string) => w };

/** How a Tokenizer reads one language (from its file, data/languages/<code>.json). */
interface LanguageRules {
  stemmer: { stem(w: string): string };
  /** The English stemmer: British -ise and American -ize are folded before it. */
  english: boolean;
  /** An apostrophe between letters splits words (elision) rather than joining them. */
  elides: boolean;
}

export interface SpellingRules {
  /** Whole-word replacements applied before stemming, per language (e.g. "offence" → "offense"). */
  words: Partial<Record<DraftLanguage, Record<string, string>>>;
  /** Words kept whole, because their stem collides with another word ("willfully" → "will"). */
  whole?: Partial<Record<DraftLanguage, string[]>>;
}

/**
 * Tokenises and stems with one set of spelling rules (from data/matcher.json), memoising stems:
 * each CueMatcher (so each Analyzer) has its own, and two Analyzers with different rules in one
 * process do not affect each other.
 */
export class Tokenizer {
  private readonly spelling: SpellingRules;
  private readonly whole: Partial<Record<DraftLanguage, Set<string>>> = {};
  private readonly stemCache = new Map<DraftLanguage, Map<string, string>>();
  private readonly asciiStems = new Map<DraftLanguage, AsciiStems>();
  private readonly rules = new Map<DraftLanguage, LanguageRules>();

  /** `languages`: the language files whose stemmers and elision it reads (the shipped ones when not given). */
  constructor(
    rules: SpellingRules = { words: {} },
    private readonly languages?: readonly LanguageData[],
  ) {
    this.spelling = rules;
    for (const [lang, list] of Object.entries(rules.whole ?? {})) this.whole[lang as DraftLanguage] = new Set((list ?? []).map((w) => w.toLowerCase()));
  }

  /** Tokenises text[span] into stemmed word tokens with absolute offsets. */
  tokenize(text: string, lang: DraftLanguage, span: Span = { start: 0, end: text.length }): Token[] {
    const keys: string[] = [];
    const offsets: number[] = [];
    scan(this, text, lang, span.start, span.end, 0, keys, undefined, [], offsets);
    const out: Token[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = { key: keys[i], start: offsets[2 * i], end: offsets[2 * i + 1] };
    return out;
  }

  /**
   * Writes the words of text[start, end) as ids (their stems', from `stemIds`) to `ids`, their
   * [start, end) offsets (relative to `base`) to `offsets`; returns their number. (Scratch arrays
   * reused from one provision to the next are written over, not grown afresh.)
   */
  tokenizeIdsInto(text: string, lang: DraftLanguage, start: number, end: number, base: number, stemIds: StemIds, ids: number[], offsets: number[]): number {
    return scan(this, text, lang, start, end, base, [], stemIds, ids, offsets);
  }

  /** The stem of a word, with this tokenizer's spelling rules. */
  stem(word: string, lang: DraftLanguage): string {
    let cache = this.stemCache.get(lang);
    if (!cache) {
      cache = new Map();
      this.stemCache.set(lang, cache);
    }
    // Keyed by the lower-cased word: "Section" and "section" share one stemming.
    const lower = word.toLowerCase();
    const hit = cache.get(lower);
    if (hit !== undefined) return hit;
    const rules = this.rulesOf(lang);
    let w = lower;
    const variant = this.spelling.words[lang]?.[w];
    if (variant) w = variant;
    // British -ise/-isation and American -ize/-ization stem differently; fold to -ize.
    if (rules.english && w.includes('is')) w = w.replace(/(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$/, '$1iz$2');
    const s = foldCase(this.whole[lang]?.has(w) ? w : rules.stemmer.stem(w));
    // Bound the cache so a hostile document of unique words cannot grow it without limit.
    if (cache.size > STEM_CACHE_LIMIT) cache.clear();
    // The word (and a stem cut from it) come from the draft: cache copies, or the cache would keep the draft alive.
    const kept = detached(s);
    cache.set(detached(lower), kept);
    return kept;
  }

  /** How a language is read: its file's stemmer and elision; a language with no file is read as the base language is. */
  rulesOf(lang: DraftLanguage): LanguageRules {
    let r = this.rules.get(lang);
    if (r) return r;
    const languages = this.languages ?? getConventionData().languages;
    const file = languages.find((l) => l.language === lang) ?? languages.find((l) => l.language === BASE_LANGUAGE);
    const name = file?.stemmer;
    let stemmer = name === undefined ? AS_IS : stemmers.get(name);
    if (!stemmer) {
      // English, by far the most common, has a hand-written stemmer with the same output (porter2.ts).
      stemmer = name === 'english' ? { stem: stemEnglish } : newSnowball(name!);
      stemmers.set(name!, stemmer);
    }
    r = { stemmer, english: name === 'english', elides: file?.elision === true };
    this.rules.set(lang, r);
    return r;
  }

  /** The ASCII stem table of a language. */
  asciiTable(lang: DraftLanguage): AsciiStems {
    let table = this.asciiStems.get(lang);
    if (!table) this.asciiStems.set(lang, (table = new AsciiStems()));
    return table;
  }
}

/** A Snowball stemmer by name; words as they are for a name it does not know (the schema lists those it does). */
function newSnowball(name: string): { stem(w: string): string } {
  try {
    return snowball.newStemmer(name);
  } catch {
    return AS_IS;
  }
}

/** A tokenizer with no spelling rules, for the functions below (tests and tools; the Analyzer uses its own). */
const plain = new Tokenizer();

const COMBINING = /\p{M}/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Distinct words whose stems are memoised, per language, before the memo starts afresh. */
const STEM_CACHE_LIMIT = 200_000;

/** Longest word stemmed whole; longer runs (hashes, base64) are stemmed by their first letters. */
const MAX_STEMMED = 64;

// Character classes of the Basic Multilingual Plane, filled in on first sight: a word is a run
// of letters and digits (\p{L}\p{N}), optionally followed by an apostrophe and letters ("o'clock").
const UNSEEN = 0;
const LETTER_CLASS = 1;
const DIGIT_CLASS = 2;
const OTHER_CLASS = 3;
const classes = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  classes[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER_CLASS : c >= 48 && c <= 57 ? DIGIT_CLASS : OTHER_CLASS;
}

/** Class of the character at i, and its length in UTF-16 units (2 for an astral character). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const ch = text.slice(i, i + 2);
      return (LETTER.test(ch) ? LETTER_CLASS : WORD_CHAR.test(ch) ? DIGIT_CLASS : OTHER_CLASS) | 4;
    }
  }
  let k = classes[c];
  if (k === UNSEEN) classes[c] = k = LETTER.test(text[i]) ? LETTER_CLASS : WORD_CHAR.test(text[i]) ? DIGIT_CLASS : OTHER_CLASS;
  return k;
}

/**
 * Gives stems their ids (a CueMatcher's Vocabulary), so that tokenizeIdsInto writes ids, not
 * stems. The id of each ASCII word is remembered with its stem until `epoch` is replaced.
 */
export interface StemIds {
  readonly epoch: object;
  idOf(stem: string): number;
}

/** Where readRun stopped, the character there, and the word's hash so far (`ascii` until a character is not). */
const cursor = { i: 0, c: 0, hash: 0, ascii: true };

/**
 * Reads the run of word characters (letters and digits; only letters with `lettersOnly`) that
 * starts at cursor.i, whose first character is cursor.c, adding each to the word's hash as
 * AsciiStems keys it (lower-cased); leaves the cursor on the first character after the run.
 */
function readRun(text: string, end: number, lettersOnly: boolean): void {
  let { i, c, hash, ascii } = cursor;
  // ASCII classes are read from the table directly (no call per character).
  let k = c < 128 ? classes[c] : classAt(text, i);
  do {
    if (c < 128) hash = Math.imul(hash ^ lowerAscii(c), FNV_PRIME);
    else ascii = false;
    i += k & 4 ? 2 : 1;
    if (i >= end) break;
    c = text.charCodeAt(i);
    k = c < 128 ? classes[c] : classAt(text, i);
  } while (lettersOnly ? (k & 3) === LETTER_CLASS : (k & 3) !== OTHER_CLASS);
  cursor.i = i;
  cursor.c = c;
  cursor.hash = hash;
  cursor.ascii = ascii;
}

/** The word scanner behind both: stems to `keys`, or, with `stemIds`, ids to `ids`. */
function scan(tokenizer: Tokenizer, text: string, lang: DraftLanguage, start: number, end: number, base: number, keys: string[], stemIds: StemIds | undefined, ids: number[], offsets: number[]): number {
  let n = 0;
  // A language that elides articles and prepositions ("d'entraver", "l'accès"): there the apostrophe splits words.
  const joinsApostrophe = !tokenizer.rulesOf(lang).elides;
  const table = tokenizer.asciiTable(lang);
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    const k = c < 128 ? classes[c] : classAt(text, i);
    if ((k & 3) === OTHER_CLASS) {
      i += k & 4 ? 2 : 1;
      continue;
    }
    const wordStart = i;
    cursor.i = i;
    cursor.c = c;
    cursor.hash = FNV_OFFSET;
    cursor.ascii = true;
    readRun(text, end, false);
    i = cursor.i;
    c = cursor.c;
    let apostrophe = false;
    // Here c is text[i], the character that ended the word (when i < end).
    if (joinsApostrophe && i + 1 < end && (c === 39 || c === 0x2019) && (classAt(text, i + 1) & 3) === LETTER_CLASS) {
      apostrophe = c === 0x2019;
      cursor.hash = Math.imul(cursor.hash ^ c, FNV_PRIME);
      cursor.i = i + 1;
      cursor.c = text.charCodeAt(i + 1);
      readRun(text, end, true);
      i = cursor.i;
    }
    const e = apostrophe || !cursor.ascii || i - wordStart > MAX_STEMMED ? -1 : asciiEntry(tokenizer, table, text, wordStart, i, lang, cursor.hash);
    if (e >= 0) {
      if (stemIds) ids[n] = table.idOf(e, stemIds);
      else keys[n] = table.stems[e];
    } else {
      let word = text.slice(wordStart, Math.min(i, wordStart + MAX_STEMMED));
      if (apostrophe) word = word.replace(/\u2019/g, "'");
      const s = tokenizer.stem(word, lang);
      if (stemIds) ids[n] = stemIds.idOf(s);
      else keys[n] = s;
    }
    offsets[2 * n] = wordStart - base;
    offsets[2 * n + 1] = i - base;
    n++;
  }
  return n;
}

/**
 * Stems of ASCII words, found by their lower-cased characters in the text itself: most words of
 * a draft are seen many times, and a lookup that cuts no substring and hashes no new string is
 * several times cheaper than the Map behind stem(). Open addressing over a power-of-two table;
 * the words' characters, hashes and ids are kept in typed arrays (read for every word of a draft).
 * Each entry also remembers its stem's id for the StemIds (epoch) that last asked.
 */
class AsciiStems {
  /** Per slot: the entry's number + 1 (0: empty), then its hash (a probe reads one place). */
  private slots = new Int32Array(2 << 12);
  stems: string[] = [];
  private count = 0;
  /** Per entry: its hash (for rehashing). */
  private hashes = new Int32Array(1 << 11);
  /** Per entry, four numbers: where its lower-cased characters start in `chars`, its length, its stem's id and the epoch number of that id. */
  private meta = new Int32Array(4 << 11);
  private chars = new Uint8Array(1 << 14);
  private used = 0;
  /** The StemIds epoch seen last, and its number here (0: none yet). */
  private epoch: object | undefined;
  private epochNumber = 0;

  get size(): number {
    return this.count;
  }

  /** The entry of text[start, end) (ASCII, compared lower-cased), or -1; `hash` as scan computes it. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const n = end - start;
    const { meta, chars } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const e = slots[2 * slot] - 1;
      if (e < 0) return -1;
      if (slots[2 * slot + 1] !== hash || meta[4 * e + 1] !== n) continue;
      const at = meta[4 * e];
      let j = 0;
      while (j < n && lowerAscii(text.charCodeAt(start + j)) === chars[at + j]) j++;
      if (j === n) return e;
    }
  }

  /** Adds a word (ASCII, lower-cased) and its stem. */
  add(word: string, stem: string, hash: number): number {
    const e = this.count++;
    if (e >= this.hashes.length) {
      const hashes = new Int32Array(2 * this.hashes.length);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const meta = new Int32Array(2 * this.meta.length);
      meta.set(this.meta);
      this.meta = meta;
    }
    if (this.used + word.length > this.chars.length) {
      const chars = new Uint8Array(2 * Math.max(this.chars.length, this.used + word.length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    this.stems.push(stem);
    this.hashes[e] = hash;
    this.meta[4 * e] = this.used;
    this.meta[4 * e + 1] = word.length;
    this.meta[4 * e + 3] = 0;
    for (let j = 0; j < word.length; j++) this.chars[this.used++] = word.charCodeAt(j);
    if (this.count * 4 > this.slots.length) this.rehash(this.slots.length);
    else this.place(e);
    return e;
  }

  /** The id of entry e's stem. */
  idOf(e: number, stemIds: StemIds): number {
    if (stemIds.epoch !== this.epoch) this.newEpoch(stemIds);
    const meta = this.meta;
    if (meta[4 * e + 3] !== this.epochNumber) {
      meta[4 * e + 2] = stemIds.idOf(this.stems[e]);
      // Giving an id may have started a new epoch (the vocabulary dropped its unpinned ids): the id is of that one.
      if (stemIds.epoch !== this.epoch) this.newEpoch(stemIds);
      meta[4 * e + 3] = this.epochNumber;
    }
    return meta[4 * e + 2];
  }

  clear(): void {
    this.slots = new Int32Array(2 << 12);
    this.stems = [];
    this.count = 0;
    this.used = 0;
  }

  private newEpoch(stemIds: StemIds): void {
    this.epoch = stemIds.epoch;
    this.epochNumber++;
  }

  private place(e: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const hash = this.hashes[e];
    let slot = hash & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = e + 1;
    slots[2 * slot + 1] = hash;
  }

  /** A table of twice as many slots (`pairs`: the length of the current one, two numbers a slot). */
  private rehash(pairs: number): void {
    this.slots = new Int32Array(2 * pairs);
    for (let e = 0; e < this.count; e++) this.place(e);
  }
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** FNV-1a over the lower-cased characters of an ASCII word. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** The entry of the ASCII word text[start, end) (with its FNV hash) in the language's AsciiStems, stemmed when new. */
function asciiEntry(tokenizer: Tokenizer, table: AsciiStems, text: string, start: number, end: number, lang: DraftLanguage, hash: number): number {
  const known = table.find(text, start, end, hash);
  if (known >= 0) return known;
  const word = text.slice(start, end).toLowerCase();
  const s = tokenizer.stem(word, lang);
  // Bounded like the stem cache: a hostile draft of unique words starts the table afresh.
  if (table.size >= STEM_CACHE_LIMIT) table.clear();
  return table.add(word, s, hash);
}

/** Lower-cases and strips diacritics, so "autorización" and "autorizacion" meet. */
export function foldCase(word: string): string {
  const lower = word.toLowerCase();
  // Most words are ASCII, which has no diacritics to strip (and normalising is the costly part).
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING, '') : lower;
}

/** The stem of a word, with no spelling rules. */
export function stem(word: string, lang: DraftLanguage): string {
  return plain.stem(word, lang);
}

/** Tokenises text[span] into stemmed word tokens with absolute offsets, with no spelling rules. */
export function tokenize(text: string, lang: DraftLanguage, span: Span = { start: 0, end: text.length }): Token[] {
  return plain.tokenize(text, lang, span);
}
