// Compiles cue phrases from data/ into token-key sequences and finds them in a provision.
// Synonyms from the lexicon are folded into one concept key ("@ict-system") on both
// sides, so "protected computer" in a draft meets the cue "computer system".
import type { ConventionData, Cues } from './data/types';
import { detached } from './text';
import { tokenize, tokenizeInto, type Token } from './tokens';

export { detached };
import type { DraftLanguage, Span } from './types';

export interface CompiledCue {
  text: string;
  keys: string[];
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
 * A span's tokens, compact: token i has key keys[i] and covers [offsets[2i], offsets[2i + 1])
 * relative to `base`; stop[i] is 1 for a stop word. No object per token: a 1 MB draft has ~170,000.
 */
export interface TokenRun {
  keys: string[];
  offsets: ArrayLike<number>;
  stop: Uint8Array;
  base: number;
}

/** How far apart (in tokens) consecutive words of a cue may stand in the draft. */
const MAX_GAP = 3;

interface TrieNode {
  next: Map<string, TrieNode>;
  concept?: string;
}

export class CueMatcher {
  private readonly tries = new Map<DraftLanguage, TrieNode>();
  private readonly stop: Record<DraftLanguage, Set<string>>;
  private readonly compiled = new Map<string, CompiledCue>();
  /** Folded tokens by language + text, offsets relative to the text (see analyze). */
  private readonly tokenCache = new Map<string, Omit<TokenRun, 'base'>>();
  private tokenCacheChars = 0;

  constructor(data: ConventionData, stopWords: Record<DraftLanguage, string[]>) {
    this.stop = { en: new Set(), es: new Set(), fr: new Set() };
    for (const lang of ['en', 'es', 'fr'] as DraftLanguage[]) {
      for (const w of stopWords[lang] ?? []) for (const t of tokenize(w, lang)) this.stop[lang].add(t.key);
      const root: TrieNode = { next: new Map() };
      for (const concept of data.lexicon) {
        for (const term of concept.terms[lang] ?? []) {
          const keys = tokenize(term, lang).map((t) => t.key);
          if (keys.length === 0) continue;
          let node = root;
          for (const k of keys) {
            let child = node.next.get(k);
            if (!child) {
              child = { next: new Map() };
              node.next.set(k, child);
            }
            node = child;
          }
          node.concept ??= '@' + concept.id;
        }
      }
      this.tries.set(lang, root);
    }
  }

  /** Replaces the longest lexicon terms in a token stream by their concept key. */
  fold(tokens: Token[], lang: DraftLanguage): Token[] {
    const keys = tokens.map((t) => t.key);
    const offsets = tokens.flatMap((t) => [t.start, t.end]);
    const folded = this.foldRun(keys, offsets, lang);
    return folded.keys.map((key, i) => ({ key, start: folded.offsets[2 * i], end: folded.offsets[2 * i + 1] }));
  }

  private foldRun(keys: string[], offsets: number[], lang: DraftLanguage): { keys: string[]; offsets: number[] } {
    const root = this.tries.get(lang);
    if (!root || root.next.size === 0) return { keys, offsets };
    const outKeys: string[] = [];
    const outOffsets: number[] = [];
    for (let i = 0; i < keys.length; ) {
      let node: TrieNode | undefined = root.next.get(keys[i]);
      let bestEnd = -1;
      let bestConcept = '';
      for (let j = i; node; ) {
        if (node.concept) {
          bestEnd = j;
          bestConcept = node.concept;
        }
        if (++j >= keys.length) break;
        node = node.next.get(keys[j]);
      }
      if (bestEnd >= 0) {
        outKeys.push(bestConcept);
        outOffsets.push(offsets[2 * i], offsets[2 * bestEnd + 1]);
        i = bestEnd + 1;
      } else {
        outKeys.push(keys[i]);
        outOffsets.push(offsets[2 * i], offsets[2 * i + 1]);
        i++;
      }
    }
    return { keys: outKeys, offsets: outOffsets };
  }

  /** Tokens of a span of text, stemmed and folded, as objects with absolute offsets. */
  analyze(text: string, lang: DraftLanguage, span?: Span): Token[] {
    const { keys, offsets, base } = this.run(text, lang, span);
    const out: Token[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = { key: keys[i], start: offsets[2 * i] + base, end: offsets[2 * i + 1] + base };
    return out;
  }

  /**
   * Tokens of a span of text, stemmed and folded, ready for matching. Memoised by the span's
   * text (a re-analysis after an edit tokenises again only the provisions that changed).
   */
  run(text: string, lang: DraftLanguage, span?: Span): TokenRun {
    const start = span?.start ?? 0;
    const end = span?.end ?? text.length;
    if (end - start < TOKEN_CACHE_MIN || end - start > TOKEN_CACHE_MAX_ENTRY) return { ...this.tokenRun(text, lang, start, end, false), base: 0 };
    const slice = text.slice(start, end);
    let key = lang + slice;
    let rel = this.tokenCache.get(key);
    if (!rel) {
      // Cached: key and tokens must not hold on to the draft the slice was cut from.
      key = detached(key);
      rel = this.tokenRun(key, lang, lang.length, key.length, true);
      this.tokenCache.set(key, rel);
      this.tokenCacheChars += key.length;
      // Oldest first: drop entries until the cache is back under its bound.
      for (const [k] of this.tokenCache) {
        if (this.tokenCacheChars <= TOKEN_CACHE_CHARS) break;
        this.tokenCache.delete(k);
        this.tokenCacheChars -= k.length;
      }
    }
    return { keys: rel.keys, offsets: rel.offsets, stop: rel.stop, base: start };
  }

  /**
   * The folded tokens of text[start, end), offsets relative to start (packed when kept in the
   * cache). Keys need no pooling: stems come from the stem memo, one string per word.
   */
  private tokenRun(text: string, lang: DraftLanguage, start: number, end: number, kept: boolean): Omit<TokenRun, 'base'> {
    const raw: string[] = [];
    const rawOffsets: number[] = [];
    tokenizeInto(text, lang, start, end, kept ? start : 0, raw, rawOffsets);
    const { keys, offsets } = this.foldRun(raw, rawOffsets, lang);
    const stopWords = this.stop[lang];
    const stop = new Uint8Array(keys.length);
    for (let i = 0; i < keys.length; i++) if (stopWords.has(keys[i])) stop[i] = 1;
    return { keys, offsets: kept ? Int32Array.from(offsets) : offsets, stop };
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
      const keys = this.fold(tokenize(cue, lang), lang)
        .map((t) => t.key)
        .filter((k) => verbatim || !this.stop[lang].has(k));
      c = { text: cue, keys };
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
    return this.stop[lang].has(key);
  }
}

/** Token positions by key, and [start, end) of indexed token i at spans[2i], spans[2i + 1] (relative to a base). */
interface IndexTable {
  positions: Map<string, number[]>;
  spans: number[];
}

/** The plain index of the run indexed last. */
let lastPlain: { keys: string[]; table: IndexTable } | undefined;

/** A provision's tokens with an index from key to positions, built once per provision text. */
export class TokenIndex {
  readonly positions: Map<string, number[]>;
  private readonly spans: number[];
  private readonly base: number;
  /** Set by locate: the last token of the hit it found. */
  private foundEnd = -1;

  /** Indexes tokens, or a run's tokens; with `content`, only those that carry meaning (not stop words, not inside `skip`). */
  constructor(tokens: Token[] | TokenRun, options: { content?: boolean; skip?: Span[] } = {}) {
    let table: IndexTable;
    if (Array.isArray(tokens)) {
      table = { positions: new Map(), spans: [] };
      for (const t of tokens) addToIndex(table, t.key, t.start, t.end);
      this.base = 0;
    } else if (!options.content && !options.skip?.length) {
      // The matcher and then the counterpart screen index the same provision's run, one after the other.
      if (lastPlain?.keys !== tokens.keys) lastPlain = { keys: tokens.keys, table: indexRun(tokens, false, []) };
      table = lastPlain.table;
      this.base = tokens.base;
    } else {
      table = indexRun(tokens, !!options.content, options.skip ?? []);
      this.base = tokens.base;
    }
    this.positions = table.positions;
    this.spans = table.spans;
  }

  has(key: string): boolean {
    return this.positions.has(key);
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
    const keys = cue.keys;
    if (keys.length === 0) return -1;
    for (const k of keys) if (!this.positions.has(k)) return -1;
    const starts = this.positions.get(keys[0])!;
    for (const s of starts) {
      let prev = s;
      let ok = true;
      for (let i = 1; i < keys.length && ok; i++) {
        const next = firstAfter(this.positions.get(keys[i])!, prev);
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

  /** Offset at which token s starts. */
  startOf(s: number): number {
    return this.spans[2 * s] + this.base;
  }

  /** The hit locate just found, starting at token s. */
  hit(cue: CompiledCue, s: number): CueHit {
    return { cue: cue.text, span: { start: this.spans[2 * s] + this.base, end: this.spans[2 * this.foundEnd + 1] + this.base }, length: cue.keys.length };
  }

  /** The best (longest, then earliest) hit among cues. */
  findAny(cues: CompiledCue[]): CueHit | undefined {
    let best: CueHit | undefined;
    for (const c of cues) {
      const s = this.locate(c);
      if (s >= 0 && betterThan(c.keys.length, this.startOf(s), best)) best = this.hit(c, s);
    }
    return best;
  }
}

function addToIndex(table: IndexTable, key: string, start: number, end: number): void {
  const i = table.spans.length >> 1;
  table.spans.push(start, end);
  const list = table.positions.get(key);
  if (list) list.push(i);
  else table.positions.set(key, [i]);
}

/** The index of a run's tokens (spans relative to its base), optionally only content tokens outside `skip` (absolute spans). */
function indexRun(run: TokenRun, content: boolean, skip: Span[]): IndexTable {
  const table: IndexTable = { positions: new Map(), spans: [] };
  const { keys, offsets, stop, base } = run;
  let j = 0;
  for (let i = 0; i < keys.length; i++) {
    if (content && stop[i]) continue;
    const start = offsets[2 * i];
    const end = offsets[2 * i + 1];
    if (j < skip.length) {
      while (j < skip.length && skip[j].end <= start + base) j++;
      if (j < skip.length && skip[j].start <= start + base && end + base <= skip[j].end) continue;
    }
    addToIndex(table, keys[i], start, end);
  }
  return table;
}

/** Smallest value in an ascending list that is greater than x, or -1. */
function firstAfter(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo] : -1;
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
 * Many cue lists at once, each under a numbered slot (an element, an article's heading cues …),
 * indexed by each cue's rarest word. A provision looks up only the cues whose rarest word it
 * contains instead of trying every cue of every list.
 */
export class AnchoredCues {
  private readonly byAnchor = new Map<string, { cue: CompiledCue; slot: number }[]>();

  constructor(entries: { cue: CompiledCue; slot: number }[]) {
    const df = new Map<string, number>();
    for (const { cue } of entries) for (const k of new Set(cue.keys)) df.set(k, (df.get(k) ?? 0) + 1);
    for (const entry of entries) {
      let anchor = entry.cue.keys[0];
      for (const k of entry.cue.keys) if ((df.get(k) ?? 0) < (df.get(anchor) ?? 0)) anchor = k;
      let list = this.byAnchor.get(anchor);
      if (!list) this.byAnchor.set(anchor, (list = []));
      list.push(entry);
    }
  }

  /** The best hit (as TokenIndex.findAny would give) of each slot with any. */
  best(index: TokenIndex): Map<number, CueHit> {
    const out = new Map<number, CueHit>();
    for (const key of index.positions.keys()) {
      const candidates = this.byAnchor.get(key);
      if (!candidates) continue;
      for (const { cue, slot } of candidates) {
        const s = index.locate(cue);
        if (s >= 0 && betterThan(cue.keys.length, index.startOf(s), out.get(slot))) out.set(slot, index.hit(cue, s));
      }
    }
    return out;
  }

  /** How many of each slot's cues occur. */
  count(index: TokenIndex): Map<number, number> {
    const out = new Map<number, number>();
    for (const key of index.positions.keys()) {
      const candidates = this.byAnchor.get(key);
      if (!candidates) continue;
      for (const { cue, slot } of candidates) if (index.locate(cue) >= 0) out.set(slot, (out.get(slot) ?? 0) + 1);
    }
    return out;
  }
}
