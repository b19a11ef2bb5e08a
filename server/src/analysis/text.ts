// Small text utilities shared by the analysis core.
// Offsets are UTF-16 code units, as everywhere in the core (see types.ts).

import type { Position, Range, Span } from './types';

/**
 * Maps offsets to 0-based line/character positions and back.
 * Line breaks: "\n", "\r\n" and a lone "\r" each end a line (as LSP does).
 * Built in one linear pass; lookups are a binary search over line starts.
 */
export class LineIndex {
  readonly text: string;
  /** Offset at which each line starts; lineStarts[0] === 0. */
  private readonly starts: number[];

  constructor(text: string, starts?: number[]) {
    this.text = text;
    if (!starts) {
      starts = [0];
      pushLineStarts(text, 0, text.length, starts);
    }
    this.starts = starts;
  }

  /**
   * The index of `text`, made from the index of the version before it and the edit between
   * them: lines before the edit are kept, lines after it shifted, only the edit is scanned.
   */
  static afterEdit(previous: LineIndex, text: string, edit: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const old = previous.starts;
    const delta = edit.newEnd - edit.oldEnd;
    // A line start s depends on the characters at s - 1 and s ("\r\n"): those before the edit are kept.
    const keep = lastAtOrBefore(old.length, (i) => old[i], edit.start - 1);
    const starts = keep >= 0 ? old.slice(0, keep + 1) : [0];
    const last = pushLineStarts(text, Math.max(0, edit.start - 1), edit.newEnd, starts);
    for (let i = lastAtOrBefore(old.length, (k) => old[k], edit.oldEnd) + 1; i < old.length; i++) {
      if (old[i] + delta > last) starts.push(old[i] + delta);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset just past the last character of `line`, not counting its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    const t = this.text;
    if (end > 0 && t.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && t.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line]);
  }

  /** 0-based line containing `offset` (clamped). */
  lineAt(offset: number): number {
    const starts = this.starts;
    if (!(offset > 0)) return 0;
    return Math.max(0, lastAtOrBefore(starts.length, (i) => starts[i], offset));
  }

  positionAt(offset: number): Position {
    return positionIn(this.starts, this.text.length, offset);
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    const ch = Number.isFinite(pos.character) ? Math.floor(pos.character) : 0;
    return clamp(start + ch, start, end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/**
 * The line and character of an offset (floored, clamped to [0, length]) in a text whose lines
 * start at `starts` (starts[0] === 0): what LineIndex gives, from the starts alone.
 */
export function positionIn(starts: ArrayLike<number>, length: number, offset: number): Position {
  const o = clamp(Math.floor(Number.isFinite(offset) ? offset : 0), 0, length);
  const line = o > 0 ? Math.max(0, lastAtOrBefore(starts.length, (i) => starts[i], o)) : 0;
  return { line, character: o - starts[line] };
}

/**
 * Appends the starts of the lines that begin after a line break found in text[from, to) (a
 * "\r\n" straddling `to` counts as one break); returns the last start appended, or -1.
 */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): number {
  const n = text.length;
  let last = -1;
  // Over a long stretch without a "\r", the "\n"s are found by indexOf (a whole draft, read as it
  // opens); an edit's few lines are read one character at a time.
  if (to - from > 4096) {
    const cr = text.indexOf('\r', from);
    if (cr < 0 || cr >= to) {
      for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push((last = i + 1));
      return last;
    }
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push((last = i + 1));
    } else if (c === 10 /* \n */) {
      starts.push((last = i + 1));
    }
  }
  return last;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** True when the text looks binary: a NUL character, or more than 10% control characters in a sample. */
export function looksBinary(text: string, sampleSize = 65536): boolean {
  const n = Math.min(text.length, sampleSize);
  if (n === 0) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) controls++;
  }
  if (text.length > n && text.indexOf('\u0000', n) >= 0) return true;
  return controls / n > 0.1;
}

/**
 * A copy of a string that does not keep the text it was cut from alive. A substring of a draft
 * (a word, a heading) can share the draft's memory; kept in a cache or carried into the analysis
 * of later versions, it would keep every old version of the draft in memory.
 */
export function detached(s: string): string {
  // Concatenating makes a new string; cutting it flattens that into a fresh copy.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Index of the last of `count` items, in ascending order of `keyAt`, whose key is at most `x`;
 * -1 when there is none. (Line starts, provision starts: "what stands at this offset".)
 */
export function lastAtOrBefore(count: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= x) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/**
 * The leftmost match of `pattern` (sticky) at or after `from`, trying it only where `starts`
 * (global) matches: the words every match begins with. Gives what a global search with the
 * pattern would, when its leading lookbehind or class would otherwise run at every character.
 */
export function execAt(starts: RegExp, pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  starts.lastIndex = from;
  for (let c = starts.exec(text); c !== null; c = starts.exec(text)) {
    pattern.lastIndex = c.index;
    const m = pattern.exec(text);
    if (m && m[0].length > 0) return m;
    // On past the start's first character; past both halves of a surrogate pair under `u`, where
    // a place between them would be read as the pair's start (and the same start found again).
    starts.lastIndex = c.index + (starts.unicode ? codePointLength(text, c.index) : 1);
  }
  return null;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** How many code units the code point at text[i] takes: 2 at a surrogate pair, else 1. */
export function codePointLength(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** Where the code point that ends at `end` starts: `end - 2` at a surrogate pair that starts after `floor`, else `end - 1`. */
export function codePointStart(text: string, end: number, floor = 0): number {
  const s = end - 1;
  return s > floor && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1)) ? s - 1 : s;
}

/** An ASCII letter or digit ([A-Za-z0-9]), by character code. */
export function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** One letter or digit, case folded as a regex with the `iu` flags reads `[\p{L}\p{N}]` (a lookbehind `(?<![\p{L}\p{N}])` under `iu` included). */
const WORD_CHAR_IU = /[\p{L}\p{N}]/iu;

/**
 * Where the run of letters and digits that ends at `end` starts (`end` itself when text[end - 1]
 * is none): read back by code point, each as `[\p{L}\p{N}]` with the flags `iu` reads it, so a
 * pattern starting `(?<![\p{L}\p{N}])` under `iu` can start at the returned place and nowhere
 * else in the run.
 */
export function wordRunStart(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c < 0x80) {
      if (!isAsciiLetterOrDigit(c)) break;
      i--;
      continue;
    }
    const s = codePointStart(text, i);
    if (!WORD_CHAR_IU.test(text.slice(s, i))) break;
    i = s;
  }
  return i;
}

/** What /\s/ matches, by character code (read per character of every provision's first line). */
export function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * One shared string for each text made over and over (reasons, messages): thousands of
 * provisions then hold one string, not thousands of equal ones. Bounded: a draft that makes
 * ever new texts starts the table afresh. Kept as copies, so no text holds on to a draft.
 */
export class Interner {
  private readonly seen = new Map<string, string>();
  constructor(private readonly limit = 10_000) {}

  get(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    if (this.seen.size >= this.limit) this.seen.clear();
    const kept = detached(text);
    this.seen.set(kept, kept);
    return kept;
  }
}

/**
 * A read-only map over a list, through a key → index map. Versions of a draft whose lists have
 * the same keys in the same order (an edit that left the provision tree alone) share the index
 * map: a new version makes a new list, not a new map of thousands of entries.
 */
export class ListMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly list: readonly V[],
    /** Where each key's value is in the list (shared, never changed). */
    readonly indexOf: ReadonlyMap<string, number>,
  ) {}

  get size(): number {
    return this.indexOf.size;
  }

  get(key: string): V | undefined {
    const i = this.indexOf.get(key);
    return i === undefined ? undefined : this.list[i];
  }

  has(key: string): boolean {
    return this.indexOf.has(key);
  }

  forEach(f: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.indexOf.forEach((i, key) => f.call(thisArg, this.list[i], key, this));
  }

  *entries(): IterableIterator<[string, V]> {
    for (const [key, i] of this.indexOf) yield [key, this.list[i]];
  }

  keys(): IterableIterator<string> {
    return this.indexOf.keys();
  }

  *values(): IterableIterator<V> {
    for (const i of this.indexOf.values()) yield this.list[i];
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
