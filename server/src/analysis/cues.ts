// Compiles cue phrases from data/ into token-key sequences and finds them in a provision.
// Synonyms from the lexicon are folded into one concept key ("@ict-system") on both
// sides, so "protected computer" in a draft meets the cue "computer system".
import { draftLanguages } from './data/languages';
import type { ConventionData, Cues } from './data/types';
import { detached } from './text';
import { Tokenizer, type SpellingRules, type StemIds, type Token } from './tokens';

export { detached };
import type { DraftLanguage, Span } from './types';

export interface CompiledCue {
  text: string;
  keys: string[];
  /** The keys as vocabulary ids (see Vocabulary). */
  ids: Int32Array;
}

export interface CueHit {
  cue: string;
  span: Span;
  /** Number of tokens matched: longer cues are stronger evidence. */
  length: number;
}

/** Token memo bounds: spans shorter are cheap to redo; the total keeps memory bounded (~2.5 M chars ≈ 30 MB). */
const TOKEN_CACHE_MIN = 32;
const TOKEN_CACHE_MAX_ENTRY = 200_000;
const TOKEN_CACHE_CHARS = 2_500_000;

/**
 * A span's tokens, compact: token i has key id ids[i] and covers [offsets[2i], offsets[2i + 1])
 * relative to `base`; stop[i] is 1 for a stop word. No object per token: a 1 MB draft has ~170,000.
 */
export interface TokenRun {
  ids: Int32Array;
  offsets: ArrayLike<number>;
  stop: Uint8Array;
  base: number;
}

/** Scratch space for tokenRun (runs are made one at a time), grown as needed. */
const runScratch = { raw: [] as number[], offsets: [] as number[] };

/**
 * The token runs and indexes of a section, made for one look at it, are cut from shared blocks:
 * a buffer of their own cost more to make than the rest of them, and numbers in a plain array
 * are young garbage the collector copies. Parts of a block are never handed out twice; the
 * garbage collector frees a block once nothing cut from it is left. A memoised run has a buffer
 * of its own, so that the memo does not keep whole blocks alive.
 */
const BLOCK_BYTES = 1 << 16;
const block = { buffer: new ArrayBuffer(BLOCK_BYTES), used: 0 };

/** A buffer and the offset in it of `bytes` free bytes, 8-aligned; `own`: a buffer of their own. */
function blockSpace(bytes: number, own: boolean): { buffer: ArrayBuffer; at: number } {
  if (own || bytes > BLOCK_BYTES >> 2) return { buffer: new ArrayBuffer(bytes), at: 0 };
  if (block.used + bytes > BLOCK_BYTES) {
    block.buffer = new ArrayBuffer(BLOCK_BYTES);
    block.used = 0;
  }
  const at = block.used;
  block.used += (bytes + 7) & ~7;
  return { buffer: block.buffer, at };
}

/** Draft words outside every cue and profile, numbered before the numbering starts afresh. */
const UNPINNED_LIMIT = 200_000;

/**
 * Token keys as numbers: the matcher compares integers, not strings, and indexes a provision in
 * typed arrays. Keys of cues and profiles are pinned for good; other words of drafts get ids
 * too, dropped when there are too many of them (a hostile draft of unique words). Ids are never
 * reused, so a dropped word can never be mistaken for another.
 */
export class Vocabulary implements StemIds {
  /** Every key with an id, pinned or not: one lookup per new word of a draft. */
  private readonly ids = new Map<string, number>();
  /** Replaced when unpinned ids are dropped: ids remembered elsewhere (per ASCII word) are then stale. */
  epoch: object = {};
  /** Per id, its marks: PINNED, and per language a stop-word bit and a term-start bit (CueMatcher.flagsOf). */
  private readonly flags: number[] = [];
  private unpinned = 0;
  private next = 1;

  constructor(private readonly onDrop: () => void) {}

  /** The id of a key of a cue or profile (kept for good). */
  pin(key: string): number {
    return this.mark(key, PINNED);
  }

  /** Pins a key and marks it (a stop word, the first word of a lexicon term …). */
  mark(key: string, flag: number): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.next++));
    else if (!(this.flagsOf(id) & PINNED)) this.unpinned--;
    this.flags[id] = this.flagsOf(id) | PINNED | flag;
    return id;
  }

  /** The id of a key of a draft. */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    if (this.unpinned >= UNPINNED_LIMIT) this.dropUnpinned();
    this.ids.set(key, (id = this.next++));
    this.unpinned++;
    return id;
  }

  /** The id of a key, if it has one (no id is given). */
  find(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** The marks of an id (0 for a word only drafts have). */
  flagsOf(id: number): number {
    return id < this.flags.length ? (this.flags[id] ?? 0) : 0;
  }

  private dropUnpinned(): void {
    for (const [key, id] of this.ids) if (!(this.flagsOf(id) & PINNED)) this.ids.delete(key);
    this.unpinned = 0;
    this.epoch = {};
    this.onDrop();
  }
}

/**
 * Vocabulary marks: kept for good (bit 0); for the language of index i (of n, a CueMatcher's
 * languages), a stop word in it (bit 1 + i) and the first word of a lexicon term in it
 * (bit 1 + n + i). n is at most MAX_LANGUAGES (15), so the marks fit in 31 bits.
 */
const PINNED = 1;

/** How far apart (in tokens) consecutive words of a cue may stand in the draft. */
const MAX_GAP = 3;

/** Lexicon terms by the vocabulary ids of their keys (all pinned). */
interface TrieNode {
  next: Map<number, TrieNode>;
  concept?: string;
  conceptId?: number;
}

/** The trie of a language with no lexicon terms. */
const EMPTY_TRIE: TrieNode = Object.freeze({ next: new Map<number, TrieNode>() });

/** The longest lexicon term starting at ids[i] (of `count`): its last token and its trie node; undefined when none starts there. */
function longestTerm(root: TrieNode, ids: ArrayLike<number>, i: number, count: number): { last: number; node: TrieNode } | undefined {
  let found: { last: number; node: TrieNode } | undefined;
  let node = root.next.get(ids[i]);
  for (let j = i; node; ) {
    if (node.concept !== undefined) found = { last: j, node };
    if (++j >= count) break;
    node = node.next.get(ids[j]);
  }
  return found;
}

export class CueMatcher {
  /** Per language read so far: its stop words' keys and its lexicon terms' trie (wordsOf). */
  private readonly words = new Map<DraftLanguage, { stop: Set<string>; trie: TrieNode }>();
  /** The languages of the data (draftLanguages) and, per language, its two vocabulary marks. */
  readonly languages: readonly DraftLanguage[];
  private readonly marks = new Map<DraftLanguage, { stop: number; termStart: number }>();
  private readonly compiled = new Map<string, CompiledCue>();
  /** Folded tokens by text, offsets relative to the text's start; one language per text (a draft has one). */
  private readonly tokenCache = new Map<string, TokenRun & { lang: DraftLanguage }>();
  private tokenCacheChars = 0;
  /** Ids of token keys; memoised runs hold ids, so dropping unpinned ids drops the memo too. */
  readonly vocabulary = new Vocabulary(() => {
    this.tokenCache.clear();
    this.tokenCacheChars = 0;
  });

  /** Stems with this matcher's spelling rules (data/matcher.json), memoised here, not globally. */
  readonly tokenizer: Tokenizer;

  constructor(
    private readonly data: ConventionData,
    private readonly stopWords: Partial<Record<DraftLanguage, string[]>>,
    spelling: SpellingRules = { words: {} },
  ) {
    this.tokenizer = new Tokenizer(spelling, data.languages);
    this.languages = draftLanguages(data.languages);
    const n = this.languages.length;
    this.languages.forEach((lang, i) => this.marks.set(lang, { stop: 2 << i, termStart: 2 << (n + i) }));
  }

  /**
   * A language's stop words and lexicon terms, stemmed and marked in the vocabulary when the
   * language is first read (an English draft never stems the Spanish ones): undefined for a
   * language the data has no file for.
   */
  private wordsOf(lang: DraftLanguage): { stop: Set<string>; trie: TrieNode } | undefined {
    const known = this.words.get(lang);
    if (known || !this.marks.has(lang)) return known;
    const { data, stopWords } = this;
    const stop = new Set<string>();
    const { stop: stopFlag, termStart: termStartFlag } = this.marks.get(lang)!;
    for (const w of stopWords[lang] ?? []) {
      for (const t of this.tokenizer.tokenize(w, lang)) {
        stop.add(t.key);
        this.vocabulary.mark(t.key, stopFlag);
      }
    }
    const root: TrieNode = { next: new Map() };
    for (const concept of data.lexicon) {
      for (const term of concept.terms[lang] ?? []) {
        const keys = this.tokenizer.tokenize(term, lang).map((t) => t.key);
        if (keys.length === 0) continue;
        this.vocabulary.mark(keys[0], termStartFlag);
        let node = root;
        for (const k of keys) {
          const id = this.vocabulary.pin(k);
          let child = node.next.get(id);
          if (!child) {
            child = { next: new Map() };
            node.next.set(id, child);
          }
          node = child;
        }
        if (node.concept === undefined) {
          node.concept = '@' + concept.id;
          node.conceptId = this.vocabulary.pin(node.concept);
        }
      }
    }
    const words = { stop, trie: root };
    this.words.set(lang, words);
    return words;
  }

  /** Replaces the longest lexicon terms in a token stream by their concept key. */
  fold(tokens: Token[], lang: DraftLanguage): Token[] {
    const keys = tokens.map((t) => t.key);
    const offsets = tokens.flatMap((t) => [t.start, t.end]);
    const folded = this.foldRun(keys, offsets, lang);
    return folded.keys.map((key, i) => ({ key, start: folded.offsets[2 * i], end: folded.offsets[2 * i + 1] }));
  }

  private foldRun(keys: string[], offsets: number[], lang: DraftLanguage): { keys: string[]; offsets: number[] } {
    const root = this.wordsOf(lang)?.trie;
    if (!root || root.next.size === 0) return { keys, offsets };
    const outKeys: string[] = [];
    const outOffsets: number[] = [];
    // A key without an id is in no lexicon term (their keys are all pinned).
    const ids = keys.map((k) => this.vocabulary.find(k) ?? 0);
    for (let i = 0; i < keys.length; ) {
      const term = longestTerm(root, ids, i, ids.length);
      const last = term ? term.last : i;
      outKeys.push(term ? term.node.concept! : keys[i]);
      outOffsets.push(offsets[2 * i], offsets[2 * last + 1]);
      i = last + 1;
    }
    return { keys: outKeys, offsets: outOffsets };
  }

  /** Tokens of a span of text, stemmed and folded, as objects with absolute offsets (not memoised). */
  analyze(text: string, lang: DraftLanguage, span?: Span): Token[] {
    return this.fold(this.tokenizer.tokenize(text, lang, span), lang);
  }

  /**
   * Tokens of a span of text, stemmed and folded, ready for matching. Memoised by the span's
   * text (a feature that looks at a provision again does not tokenise it again).
   */
  run(text: string, lang: DraftLanguage, span?: Span): TokenRun {
    const start = span?.start ?? 0;
    const end = span?.end ?? text.length;
    if (end - start < TOKEN_CACHE_MIN || end - start > TOKEN_CACHE_MAX_ENTRY) return this.tokenRun(text, lang, start, end, false, false);
    const slice = start === 0 && end === text.length ? text : text.slice(start, end);
    let rel = this.tokenCache.get(slice);
    if (!rel || rel.lang !== lang) {
      const run = this.tokenRun(text, lang, start, end, true, true);
      rel = { ids: run.ids, offsets: run.offsets, stop: run.stop, base: 0, lang };
      if (this.tokenCache.delete(slice)) this.tokenCacheChars -= slice.length;
      // Kept in the memo, the key must not hold on to the draft it was cut from: a copy.
      const kept = detached(slice);
      this.tokenCache.set(kept, rel);
      this.tokenCacheChars += kept.length;
      // Oldest first: drop entries until the memo is back under its bound.
      for (const [k] of this.tokenCache) {
        if (this.tokenCacheChars <= TOKEN_CACHE_CHARS) break;
        this.tokenCache.delete(k);
        this.tokenCacheChars -= k.length;
      }
    }
    return { ids: rel.ids, offsets: rel.offsets, stop: rel.stop, base: start };
  }

  /**
   * Tokens of text[span] with offsets relative to the span's start, not memoised: for a text
   * tokenised once (the analyzer caches a section's match and checks, not its tokens, which
   * would only be more for the garbage collector to keep).
   */
  tokensOf(text: string, lang: DraftLanguage, span: Span): TokenRun {
    return this.tokenRun(text, lang, span.start, span.end, true, false);
  }

  /**
   * The folded tokens of text[start, end), offsets relative to start when `relative` (to be
   * memoised), else absolute. Each word's id (remembered per ASCII word, see tokenizeIdsInto)
   * says whether it is a stop word and whether a lexicon term may start with it (only then is
   * the term trie walked); it folds as foldRun does. Built in scratch arrays, then copied into
   * part of a shared block (see blockSpace), or into a buffer of its own when `memoised`.
   */
  private tokenRun(text: string, lang: DraftLanguage, start: number, end: number, relative: boolean, memoised: boolean): TokenRun {
    const raw = runScratch.raw;
    const rawOffsets = runScratch.offsets;
    const n = this.tokenizer.tokenizeIdsInto(text, lang, start, end, relative ? start : 0, this.vocabulary, raw, rawOffsets);
    // Written straight into their place: ids (4 bytes each), then offsets (8), then stop flags (1),
    // room for n tokens (folding lexicon terms leaves fewer; then the views are cut to their number).
    const { buffer, at } = blockSpace(13 * n, memoised);
    let runIds = new Int32Array(buffer, at, n);
    let runOffsets = new Int32Array(buffer, at + 4 * n, 2 * n);
    let runStop = new Uint8Array(buffer, at + 12 * n, n);
    // A language the data has no file for has no stop words or lexicon terms (marks 0).
    const root = this.wordsOf(lang)?.trie ?? EMPTY_TRIE;
    const vocabulary = this.vocabulary;
    const marks = this.marks.get(lang);
    const isStop = marks?.stop ?? 0;
    const startsTerm = marks?.termStart ?? 0;
    let out = 0;
    for (let i = 0; i < n; ) {
      let id = raw[i];
      let last = i;
      // The longest lexicon term from here, replaced by its concept (looked for only where one can start).
      const term = vocabulary.flagsOf(id) & startsTerm ? longestTerm(root, raw, i, n) : undefined;
      if (term) {
        last = term.last;
        id = term.node.conceptId!;
      }
      runIds[out] = id;
      runOffsets[2 * out] = rawOffsets[2 * i];
      runOffsets[2 * out + 1] = rawOffsets[2 * last + 1];
      runStop[out] = vocabulary.flagsOf(id) & isStop ? 1 : 0;
      out++;
      i = last + 1;
    }
    if (out < n) {
      runIds = runIds.subarray(0, out);
      runOffsets = runOffsets.subarray(0, 2 * out);
      runStop = runStop.subarray(0, out);
    }
    return { ids: runIds, offsets: runOffsets, stop: runStop, base: 0 };
  }

  /**
   * A cue as token keys. Stop words are dropped (they are dropped from the draft's content
   * index too), unless `verbatim`: wording markers such as "may issue" or "shall be an offence"
   * live in their function words and are matched against every token.
   */
  compile(cue: string, lang: DraftLanguage, verbatim = false): CompiledCue {
    const id = (verbatim ? 'v' : '') + lang + '\u0000' + cue;
    let c = this.compiled.get(id);
    if (!c) {
      const keys = this.fold(this.tokenizer.tokenize(cue, lang), lang)
        .map((t) => t.key)
        .filter((k) => verbatim || !this.isStopWord(k, lang));
      c = { text: cue, keys, ids: Int32Array.from(keys, (k) => this.vocabulary.pin(k)) };
      this.compiled.set(id, c);
    }
    return c;
  }

  compileAll(cues: Cues | undefined, lang: DraftLanguage, verbatim = false): CompiledCue[] {
    if (!cues) return [];
    const list = cues[lang] ?? [];
    return list.map((c) => this.compile(c, lang, verbatim)).filter((c) => c.keys.length > 0);
  }

  isStopWord(key: string, lang: DraftLanguage): boolean {
    return this.wordsOf(lang)?.stop.has(key) ?? false;
  }
}

/** The plain index (all tokens) of the run indexed last, by the run's ids. */
let lastPlain: { ids: Int32Array; table: Int32Array; size: number; n: number; distinct: number } | undefined;

/** Scratch arrays for building a TokenIndex, grown as needed. */
const scratch = { keep: [] as number[], keyOf: [] as number[], keyIds: [] as number[], counts: [] as number[], slots: new Int32Array(1024) };

/**
 * A provision's tokens indexed by key id, in one array of small integers (no Map, no array per
 * key: built for every provision, it is the matcher's main allocation). For n indexed tokens, d
 * distinct keys and a hash table of `size` slots:
 *   [0, size)     slot → the key's number + 1 (0: empty); numbers follow first occurrence
 *   then d each   per key number: its id, where its positions start, how many there are
 *   then n        positions (indexed token numbers), grouped by key, ascending within a key
 *   then n        (when tokens were left out) the run's token number of each indexed token
 * Offsets are read from the run itself.
 */
export class TokenIndex {
  private readonly table: Int32Array;
  private readonly size: number;
  private readonly n: number;
  /** Number of distinct keys. */
  readonly distinct: number;
  /** Whether indexed token numbers differ from the run's (stop words or skipped spans left out). */
  private readonly filtered: boolean;
  private readonly offsets: ArrayLike<number>;
  private readonly base: number;
  /** Set by locate: the last token of the hit it found. */
  private foundEnd = -1;

  /** Indexes a run's tokens; with `content`, only those that carry meaning (not stop words, not inside `skip`). */
  constructor(run: TokenRun, options: { content?: boolean; skip?: Span[] } = {}) {
    const { ids, offsets, stop, base } = run;
    const skip = options.skip ?? [];
    const content = !!options.content;
    this.base = base;
    this.offsets = offsets;
    // The matcher and then the counterpart screen index the same provision's run, one after the other.
    const plain = !content && skip.length === 0;
    if (plain && lastPlain?.ids === ids) {
      ({ table: this.table, size: this.size, n: this.n, distinct: this.distinct } = lastPlain);
      this.filtered = false;
      return;
    }
    // Which tokens are indexed (scratch space shared by all indexes: they are built one at a time).
    const keep = scratch.keep;
    let n = 0;
    let j = 0;
    for (let i = 0; i < ids.length; i++) {
      if (content && stop[i]) continue;
      if (j < skip.length) {
        const start = offsets[2 * i] + base;
        while (j < skip.length && skip[j].end <= start) j++;
        if (j < skip.length && skip[j].start <= start && offsets[2 * i + 1] + base <= skip[j].end) continue;
      }
      keep[n++] = i;
    }
    // At most four fifths full, even if every token is a different word (typically half).
    let size = 8;
    while (size < n + (n >> 2)) size <<= 1;
    if (scratch.slots.length < size) scratch.slots = new Int32Array(size);
    const slots = scratch.slots;
    slots.fill(0, 0, size);
    const mask = size - 1;
    const keyIds = scratch.keyIds;
    const counts = scratch.counts;
    const keyOf = scratch.keyOf;
    let distinct = 0;
    for (let k = 0; k < n; k++) {
      const id = ids[keep[k]];
      let slot = hashId(id) & mask;
      let d = -1;
      for (let v = slots[slot]; v !== 0; v = slots[slot]) {
        if (keyIds[v - 1] === id) {
          d = v - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (d < 0) {
        d = distinct++;
        slots[slot] = d + 1;
        keyIds[d] = id;
        counts[d] = 0;
      }
      counts[d]++;
      keyOf[k] = d;
    }
    const filtered = n !== ids.length;
    // Cut from a shared block (see blockSpace): made per provision, kept by none.
    const length = size + 3 * distinct + (filtered ? 2 * n : n);
    const { buffer, at: offset } = blockSpace(4 * length, false);
    const t = new Int32Array(buffer, offset, length);
    for (let i = 0; i < size; i++) t[i] = slots[i];
    const keyId = size;
    const keyStart = keyId + distinct;
    const keyCount = keyStart + distinct;
    const positions = keyCount + distinct;
    // Positions blocks in order of first occurrence, then filled in token order (ascending).
    let at = positions;
    for (let d = 0; d < distinct; d++) {
      t[keyId + d] = keyIds[d];
      t[keyStart + d] = at;
      t[keyCount + d] = counts[d];
      at += counts[d];
      counts[d] = 0;
    }
    for (let k = 0; k < n; k++) {
      const d = keyOf[k];
      t[t[keyStart + d] + counts[d]++] = k;
    }
    if (filtered) for (let k = 0; k < n; k++) t[positions + n + k] = keep[k];
    this.table = t;
    this.size = size;
    this.n = n;
    this.distinct = distinct;
    this.filtered = filtered;
    if (plain) lastPlain = { ids, table: t, size, n, distinct };
  }

  /** The number of a key id among the provision's keys, or -1 when the provision does not have it. */
  private keyNumber(id: number): number {
    const t = this.table;
    const size = this.size;
    const mask = size - 1;
    for (let slot = hashId(id) & mask; ; slot = (slot + 1) & mask) {
      const v = t[slot];
      if (v === 0) return -1;
      if (t[size + v - 1] === id) return v - 1;
    }
  }

  has(id: number): boolean {
    return this.keyNumber(id) >= 0;
  }

  /** The d-th distinct key (in order of first occurrence) and how often it occurs. */
  keyAt(d: number): number {
    return this.table[this.size + d];
  }

  countAt(d: number): number {
    return this.table[this.size + 2 * this.distinct + d];
  }

  /** First occurrence of the cue's keys in order, each within MAX_GAP tokens of the previous. */
  find(cue: CompiledCue): CueHit | undefined {
    const s = this.locate(cue);
    return s < 0 ? undefined : this.hit(cue, s);
  }

  /**
   * Where find's hit starts (the index of its first token), or -1; the index of its last token
   * is left in `foundEnd`. Callers that keep only the best hit allocate one only when it is better.
   */
  locate(cue: CompiledCue): number {
    const ids = cue.ids;
    const m = ids.length;
    if (m === 0) return -1;
    const t = this.table;
    const keyStart = this.size + this.distinct;
    const keyCount = keyStart + this.distinct;
    const first = this.keyNumber(ids[0]);
    if (first < 0) return -1;
    for (let i = 1; i < m; i++) if (this.keyNumber(ids[i]) < 0) return -1;
    const from = t[keyStart + first];
    const to = from + t[keyCount + first];
    for (let p = from; p < to; p++) {
      const s = t[p];
      let prev = s;
      let ok = true;
      for (let i = 1; i < m && ok; i++) {
        const d = this.keyNumber(ids[i]);
        const next = firstAfter(t, t[keyStart + d], t[keyStart + d] + t[keyCount + d], prev);
        if (next < 0 || next - prev > MAX_GAP) ok = false;
        else prev = next;
      }
      if (ok) {
        this.foundEnd = prev;
        return s;
      }
    }
    return -1;
  }

  /** Where the d-th key first occurs (an indexed token number): what locate finds for a one-word cue of it. */
  firstOf(d: number): number {
    const t = this.table;
    return t[t[this.size + this.distinct + d]];
  }

  /** Offset at which indexed token s ends. */
  endOf(s: number): number {
    return this.offsets[2 * this.tokenOf(s) + 1] + this.base;
  }

  /** The last token of the hit locate last found. */
  get lastFound(): number {
    return this.foundEnd;
  }

  /** Offset at which indexed token s starts. */
  startOf(s: number): number {
    return this.offsets[2 * this.tokenOf(s)] + this.base;
  }

  /** The run's token number of indexed token s. */
  private tokenOf(s: number): number {
    return this.filtered ? this.table[this.size + 3 * this.distinct + this.n + s] : s;
  }

  /** The hit locate just found, starting at token s. */
  hit(cue: CompiledCue, s: number): CueHit {
    return { cue: cue.text, span: { start: this.startOf(s), end: this.offsets[2 * this.tokenOf(this.foundEnd) + 1] + this.base }, length: cue.keys.length };
  }

  /** The best (longest, then earliest) hit among cues. */
  findAny(cues: CompiledCue[]): CueHit | undefined {
    let best: CueHit | undefined;
    for (let k = 0; k < cues.length; k++) {
      const c = cues[k];
      const s = this.locate(c);
      if (s >= 0 && betterThan(c.keys.length, this.startOf(s), best)) best = this.hit(c, s);
    }
    return best;
  }
}

/** Spreads consecutive ids over the table (a multiplicative hash, high bits folded into the low ones). */
function hashId(id: number): number {
  const h = Math.imul(id, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Smallest value in the ascending t[from, to) that is greater than x, or -1. */
function firstAfter(t: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < to ? t[lo] : -1;
}

/** Is `hit` better evidence than `best`: longer, then earlier? */
export function betterHit(hit: CueHit, best: CueHit | undefined): boolean {
  return betterThan(hit.length, hit.span.start, best);
}

/** Is a hit of `length` tokens starting at `start` better evidence than `best`? */
function betterThan(length: number, start: number, best: CueHit | undefined): boolean {
  return !best || length > best.length || (length === best.length && start < best.span.start);
}

/**
 * The best hit per slot (AnchoredCues.bestInto), kept as numbers: an object is made only for a
 * hit a caller asks for (most are only counted). Reused from one provision to the next.
 */
export class SlotHits {
  /** A slot has a hit when its stamp is the current generation. */
  private readonly stamp: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly lengths: Int32Array;
  /** The hit's cue, and its place among the cues (ties go to the earlier cue, as in findAny). */
  private readonly cues: (CompiledCue | undefined)[];
  private readonly orders: Int32Array;
  private generation = 1;
  /** The slots with a hit, in the order they were first hit. */
  readonly slots: Int32Array;
  count = 0;

  constructor(size: number) {
    this.stamp = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.lengths = new Int32Array(size);
    this.orders = new Int32Array(size);
    this.cues = new Array(size).fill(undefined);
    this.slots = new Int32Array(size);
  }

  reset(): void {
    this.count = 0;
    if (++this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  has(slot: number): boolean {
    return this.stamp[slot] === this.generation;
  }

  /** The slot's hit, if any (a new object). */
  get(slot: number): CueHit | undefined {
    if (!this.has(slot)) return undefined;
    return { cue: this.cues[slot]!.text, span: { start: this.starts[slot], end: this.ends[slot] }, length: this.lengths[slot] };
  }

  /** Where the slot's hit starts and ends (read only when it has one). */
  start(slot: number): number {
    return this.starts[slot];
  }

  end(slot: number): number {
    return this.ends[slot];
  }

  /** Would a hit of `length` tokens at `start`, of the order-th cue, be better than the slot's (longer, then earlier, then of an earlier cue)? */
  beats(slot: number, length: number, start: number, order: number): boolean {
    if (!this.has(slot) || length > this.lengths[slot]) return true;
    return length === this.lengths[slot] && (start < this.starts[slot] || (start === this.starts[slot] && order < this.orders[slot]));
  }

  set(slot: number, cue: CompiledCue, order: number, start: number, end: number): void {
    if (!this.has(slot)) {
      this.stamp[slot] = this.generation;
      this.slots[this.count++] = slot;
    }
    this.cues[slot] = cue;
    this.orders[slot] = order;
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.lengths[slot] = cue.keys.length;
  }
}

/**
 * Many cue lists at once, each under a numbered slot (an element, an article's heading cues …),
 * indexed by each cue's rarest word. A provision looks up only the cues whose rarest word it
 * contains instead of trying every cue of every list.
 *
 * Kept in flat arrays (read for every provision, several times): the entries of anchor id a are
 * [start[a], start[a + 1]) of the entry arrays. Entries with the same keys (an element's cues
 * shared by many articles) share one distinct-cue number, so that a provision looks each up once.
 */
export class AnchoredCues {
  /** All entries, in order, by anchor: for bestInto. */
  private readonly all: AnchorTable;
  /**
   * The same without a slot's later cues of the same keys as an earlier one ("intentionally",
   * "knowingly" … all read as one key): such a cue's hit is the earlier one's and loses the tie.
   * Elements share these lists across articles, so most lookups were of repeats.
   */
  private readonly first: AnchorTable;
  /** Per distinct cue (by keys): one of its cues (for locate), and what a look-up found in the current provision. */
  private readonly distinctCues: CompiledCue[] = [];
  private readonly memoStamp: Int32Array;
  private readonly memoStart: Int32Array;
  private readonly memoEnd: Int32Array;
  private generation = 0;

  /** `entries` in order: a slot's cues in the order findAny would try them. */
  constructor(entries: { cue: CompiledCue; slot: number }[]) {
    const df = new Map<number, number>();
    for (const { cue } of entries) for (const k of new Set(cue.ids)) df.set(k, (df.get(k) ?? 0) + 1);
    const seen = new Set<string>();
    const distinct = new Map<string, number>();
    const byAnchor: AnchorEntry[][] = [];
    const firstByAnchor: AnchorEntry[][] = [];
    entries.forEach(({ cue, slot }, order) => {
      let anchor = cue.ids[0];
      for (const k of cue.ids) if ((df.get(k) ?? 0) < (df.get(anchor) ?? 0)) anchor = k;
      const ids = cue.ids.join(',');
      let d = distinct.get(ids);
      if (d === undefined) {
        distinct.set(ids, (d = this.distinctCues.length));
        this.distinctCues.push(cue);
      }
      const entry = { cue, slot, order, distinct: d };
      (byAnchor[anchor] ??= []).push(entry);
      const key = slot + ':' + ids;
      if (seen.has(key)) return;
      seen.add(key);
      (firstByAnchor[anchor] ??= []).push(entry);
    });
    this.all = anchorTable(byAnchor);
    this.first = anchorTable(firstByAnchor);
    const n = this.distinctCues.length;
    this.memoStamp = new Int32Array(n);
    this.memoStart = new Int32Array(n);
    this.memoEnd = new Int32Array(n);
  }

  /**
   * Where distinct cue c first occurs in the index (its first indexed token, or -1), its last
   * token in memoEnd[c]: looked up once per provision and generation.
   */
  private locateDistinct(index: TokenIndex, c: number, d: number): number {
    if (this.memoStamp[c] === this.generation) return this.memoStart[c];
    const cue = this.distinctCues[c];
    let s: number;
    let end: number;
    // A one-word cue is anchored on its word, which is the d-th key: no lookup needed.
    if (cue.ids.length === 1) {
      s = index.firstOf(d);
      end = s;
    } else {
      s = index.locate(cue);
      end = index.lastFound;
    }
    this.memoStamp[c] = this.generation;
    this.memoStart[c] = s;
    this.memoEnd[c] = end;
    return s;
  }

  private nextGeneration(): void {
    if (++this.generation === 0x7fffffff) {
      this.memoStamp.fill(0);
      this.generation = 1;
    }
  }

  /** Puts in `out` the best hit (as TokenIndex.findAny would give) of each slot with any. */
  bestInto(index: TokenIndex, out: SlotHits): void {
    out.reset();
    this.nextGeneration();
    const { start: anchorStart, cues, slots, orders, lengths, distinct } = this.first;
    const anchors = anchorStart.length - 1;
    for (let d = 0; d < index.distinct; d++) {
      const a = index.keyAt(d);
      if (a >= anchors) continue;
      const to = anchorStart[a + 1];
      for (let k = anchorStart[a]; k < to; k++) {
        const c = distinct[k];
        const s = this.locateDistinct(index, c, d);
        if (s < 0) continue;
        const start = index.startOf(s);
        const slot = slots[k];
        if (out.beats(slot, lengths[k], start, orders[k])) out.set(slot, cues[k], orders[k], start, index.endOf(this.memoEnd[c]));
      }
    }
  }

  /** How many of each slot's cues occur. */
  count(index: TokenIndex): Map<number, number> {
    const out = new Map<number, number>();
    this.nextGeneration();
    const { start: anchorStart, slots, distinct } = this.all;
    const anchors = anchorStart.length - 1;
    for (let d = 0; d < index.distinct; d++) {
      const a = index.keyAt(d);
      if (a >= anchors) continue;
      const to = anchorStart[a + 1];
      for (let k = anchorStart[a]; k < to; k++) if (this.locateDistinct(index, distinct[k], d) >= 0) out.set(slots[k], (out.get(slots[k]) ?? 0) + 1);
    }
    return out;
  }
}

interface AnchorEntry {
  cue: CompiledCue;
  slot: number;
  order: number;
  distinct: number;
}

/** Entries by anchor id, flat: those of anchor a are [start[a], start[a + 1]). */
interface AnchorTable {
  start: Int32Array;
  cues: CompiledCue[];
  slots: Int32Array;
  orders: Int32Array;
  lengths: Int32Array;
  distinct: Int32Array;
}

function anchorTable(byAnchor: AnchorEntry[][]): AnchorTable {
  const anchors = byAnchor.length;
  const start = new Int32Array(anchors + 1);
  const flat: AnchorEntry[] = [];
  for (let a = 0; a < anchors; a++) {
    start[a] = flat.length;
    for (const e of byAnchor[a] ?? []) flat.push(e);
  }
  start[anchors] = flat.length;
  return {
    start,
    cues: flat.map((e) => e.cue),
    slots: Int32Array.from(flat, (e) => e.slot),
    orders: Int32Array.from(flat, (e) => e.order),
    lengths: Int32Array.from(flat, (e) => e.cue.keys.length),
    distinct: Int32Array.from(flat, (e) => e.distinct),
  };
}
