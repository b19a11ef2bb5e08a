// Compiles cue phrases from data/ into token-key sequences and finds them in a provision.
// Synonyms from the lexicon are folded into one concept key ("@ict-system") on both
// sides, so "protected computer" in a draft meets the cue "computer system".
import type { ConventionData, Cues } from './data/types';
import { detached } from './text';
import { tokenize, type Token } from './tokens';

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


/** Distinct token keys pooled before the pool starts afresh. */
const KEY_POOL_LIMIT = 100_000;

/** A memoised token stream, compact: keys, and [start, end) of token i at offsets[2i], offsets[2i + 1]. */
interface TokenRun {
  keys: string[];
  offsets: Int32Array;
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
  private readonly tokenCache = new Map<string, TokenRun>();
  private tokenCacheChars = 0;
  /** One string per distinct token key, shared by the memoised token runs. */
  private readonly keyPool = new Map<string, string>();

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
    const root = this.tries.get(lang);
    if (!root || root.next.size === 0) return tokens;
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; ) {
      let node: TrieNode | undefined = root;
      let bestEnd = -1;
      let bestConcept = '';
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next.get(tokens[j].key);
        if (node?.concept) {
          bestEnd = j;
          bestConcept = node.concept;
        }
      }
      if (bestEnd >= 0) {
        out.push({ key: bestConcept, start: tokens[i].start, end: tokens[bestEnd].end });
        i = bestEnd + 1;
      } else {
        out.push(tokens[i]);
        i++;
      }
    }
    return out;
  }

  /**
   * Tokens of a span of text, stemmed and folded, ready for matching. Memoised by the span's
   * text (a re-analysis after an edit tokenises again only the provisions that changed).
   */
  analyze(text: string, lang: DraftLanguage, span?: Span): Token[] {
    const start = span?.start ?? 0;
    const end = span?.end ?? text.length;
    if (end - start < TOKEN_CACHE_MIN || end - start > TOKEN_CACHE_MAX_ENTRY) return this.fold(tokenize(text, lang, span), lang);
    const slice = text.slice(start, end);
    let key = lang + slice;
    let rel = this.tokenCache.get(key);
    if (!rel) {
      // Cached: key and tokens must not hold on to the draft the slice was cut from.
      key = detached(key);
      const tokens = this.fold(tokenize(key.slice(lang.length), lang), lang);
      rel = { keys: new Array<string>(tokens.length), offsets: new Int32Array(2 * tokens.length) };
      for (let i = 0; i < tokens.length; i++) {
        rel.keys[i] = this.intern(tokens[i].key);
        rel.offsets[2 * i] = tokens[i].start;
        rel.offsets[2 * i + 1] = tokens[i].end;
      }
      this.tokenCache.set(key, rel);
      this.tokenCacheChars += key.length;
      // Oldest first: drop entries until the cache is back under its bound.
      for (const [k] of this.tokenCache) {
        if (this.tokenCacheChars <= TOKEN_CACHE_CHARS) break;
        this.tokenCache.delete(k);
        this.tokenCacheChars -= k.length;
      }
    }
    const { keys, offsets } = rel;
    const out: Token[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = { key: keys[i], start: offsets[2 * i] + start, end: offsets[2 * i + 1] + start };
    return out;
  }

  /** The pooled copy of a token key (stems repeat: one string each instead of one per token). */
  private intern(key: string): string {
    const pooled = this.keyPool.get(key);
    if (pooled !== undefined) return pooled;
    if (this.keyPool.size >= KEY_POOL_LIMIT) this.keyPool.clear();
    this.keyPool.set(key, key);
    return key;
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

  /** The tokens that carry meaning: stop words and tokens inside any of `skip` spans dropped. */
  content(tokens: Token[], lang: DraftLanguage, skip: Span[] = []): Token[] {
    const stop = this.stop[lang];
    let j = 0;
    return tokens.filter((t) => {
      if (stop.has(t.key)) return false;
      while (j < skip.length && skip[j].end <= t.start) j++;
      return !(j < skip.length && skip[j].start <= t.start && t.end <= skip[j].end);
    });
  }

  isStopWord(key: string, lang: DraftLanguage): boolean {
    return this.stop[lang].has(key);
  }
}

/** A provision's tokens with an index from key to positions, built once per provision text. */
export class TokenIndex {
  readonly positions = new Map<string, number[]>();

  constructor(readonly tokens: Token[]) {
    tokens.forEach((t, i) => {
      const list = this.positions.get(t.key);
      if (list) list.push(i);
      else this.positions.set(t.key, [i]);
    });
  }

  has(key: string): boolean {
    return this.positions.has(key);
  }

  /** First occurrence of the cue's keys in order, each within MAX_GAP tokens of the previous. */
  find(cue: CompiledCue): CueHit | undefined {
    if (cue.keys.length === 0) return undefined;
    for (const k of cue.keys) if (!this.positions.has(k)) return undefined;
    const starts = this.positions.get(cue.keys[0])!;
    for (const s of starts) {
      let prev = s;
      let ok = true;
      for (let i = 1; i < cue.keys.length && ok; i++) {
        const list = this.positions.get(cue.keys[i])!;
        const next = firstAfter(list, prev);
        if (next < 0 || next - prev > MAX_GAP) ok = false;
        else prev = next;
      }
      if (ok) {
        return {
          cue: cue.text,
          span: { start: this.tokens[s].start, end: this.tokens[prev].end },
          length: cue.keys.length,
        };
      }
    }
    return undefined;
  }

  /** The best (longest, then earliest) hit among cues. */
  findAny(cues: CompiledCue[]): CueHit | undefined {
    let best: CueHit | undefined;
    for (const c of cues) {
      const hit = this.find(c);
      if (hit && betterHit(hit, best)) best = hit;
    }
    return best;
  }
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
  return !best || hit.length > best.length || (hit.length === best.length && hit.span.start < best.span.start);
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

  /** Every hit of every cue that occurs, as `visit(slot, hit)`. */
  private each(index: TokenIndex, visit: (slot: number, hit: CueHit) => void): void {
    for (const key of index.positions.keys()) {
      const candidates = this.byAnchor.get(key);
      if (!candidates) continue;
      for (const { cue, slot } of candidates) {
        const hit = index.find(cue);
        if (hit) visit(slot, hit);
      }
    }
  }

  /** The best hit (as TokenIndex.findAny would give) of each slot with any. */
  best(index: TokenIndex): Map<number, CueHit> {
    const out = new Map<number, CueHit>();
    this.each(index, (slot, hit) => {
      if (betterHit(hit, out.get(slot))) out.set(slot, hit);
    });
    return out;
  }

  /** How many of each slot's cues occur. */
  count(index: TokenIndex): Map<number, number> {
    const out = new Map<number, number>();
    this.each(index, (slot) => out.set(slot, (out.get(slot) ?? 0) + 1));
    return out;
  }
}
