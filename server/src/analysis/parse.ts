// Draft parser: splits a national draft into a tree of provisions with exact
// spans, and collects defined terms and references.
//
// Conventions (see also the report in the commit history):
//  - Every provision starts at the start of its line (indentation included),
//    except subdivisions opened inline ("14. (1) …", "§ 1030(a)(2)", "(a) Whoever— (1) …"),
//    which start at their marker. A section with a marginal heading starts at
//    the heading line.
//  - ownSpans of all provisions, in document order, tile the text exactly;
//    children tile their parent's span after its ownSpan.
//  - Text before the first provision is a `preamble` provision (id "preamble")
//    when it contains something other than white space; white space alone is
//    folded into the first provision. Text after the last provision belongs to
//    the last provision (no `trailing` provision is produced).
//  - Ids are path-based: "part-2/s-14/1/a", "chapter-ii/art-12-bis/1",
//    "h-definitions" (Markdown heading without a number), duplicates get "~2", "~3" ….
//
// Linear time: lines are classified from a bounded prefix (HEAD_MAX chars);
// whole-text scans use regular expressions without nested unbounded quantifiers.

import { detached, execAt, isSpace, lastAtOrBefore, ListMap } from './text';
import { bundledVocabulary, NUM, SEP, type ParserVocabulary } from './vocabulary';
import type {
  ConventionReference,
  CrossReference,
  DefinedTerm,
  ParsedDraft,
  Provision,
  ProvisionKind,
  Reference,
  Span,
} from './types';

const HEAD_MAX = 400;
const MAX_DEPTH = 100;
const MAX_ID_PART = 40;

// ---------------------------------------------------------------------------
// Lines

interface Lines {
  /** Start offset of each line. */
  start: Int32Array;
  /** End offset of each line's content (line break excluded). */
  end: Int32Array;
}

/** Lines ended by "\n", "\r\n" or a lone "\r"; after the last line break comes one more (maybe empty) line. */
function splitLines(text: string): Lines {
  const n = text.length;
  const crlf = text.indexOf('\r') >= 0;
  let breaks = 0;
  if (!crlf) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        breaks++;
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  const start = new Int32Array(breaks + 1);
  const end = new Int32Array(breaks + 1);
  let k = 0;
  let s = 0;
  if (!crlf) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      start[k] = s;
      end[k++] = i;
      s = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        start[k] = s;
        end[k++] = i;
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        s = i + 1;
      }
    }
  }
  start[k] = s;
  end[k] = n;
  return { start, end };
}

// ---------------------------------------------------------------------------
// Line classification

interface Marker {
  /** Offset of the marker's first character. */
  offset: number;
  /** As written: "(1)", "(a)", "a)", "1" (for "1."), "1.2.3". */
  label: string;
  /** Without brackets: "1", "a", "1.2.3". */
  core: string;
  form: 'paren' | 'half' | 'degree' | 'dot' | 'decimal';
}

type EntryType = 'division' | 'section' | 'numbered' | 'sub';

interface Entry {
  type: EntryType;
  line: number;
  /** Where the provision starts (line start, or heading line start). */
  start: number;
  label: string;
  heading?: string;
  /** Division: normalised keyword ("part", "chapter" …) or "#" for Markdown. */
  key?: string;
  /** Division: Markdown heading level. */
  mdLevel?: number;
  /** Section: id prefix ("s" or "art"). */
  prefix?: string;
  /** Section / division: [start, end) of the "Section 14" / "PART 2" marker, skipped by the reference scan. */
  marker?: Span;
  /** True when the heading was not on the line itself (division: may claim next line). */
  wantsHeading?: boolean;
  /** Subdivisions opened on this line; for a 'sub' entry, subs[0] is the line's own marker. */
  subs: Marker[];
}

const INDENT_RE = /^[ \t\u00A0\uFEFF\u3000\u2000-\u200B\u202F\u205F]*/;

const SIGN_RE = /^§[ \t\u00A0]*(\d{1,6}(?:[.-]\d{1,6}){0,4}[A-Za-z]{0,2})(?![\p{L}\p{N}])/u;
const NUMBERED_RE = /^(\d{1,4}[A-Z]{0,2})\.(?=[ \t\u00A0]|$|[—–\-(])/;
const DECIMAL_RE = /^(\d{1,4}(?:\.\d{1,4})+)\.?(?=[ \t\u00A0]|$)/;
const PAREN_RE = /^\((\d{1,4}[A-Za-z]{0,2}|[a-z]{1,5}|[A-Z]{1,5})\)(?![\p{L}\p{N}])/u;
const HALF_RE = /^(?:(\d{1,3}|[a-z]{1,2}|[ivx]{1,5})\)|(\d{1,3})[°º]\)?)(?=[ \t\u00A0])/;
// Lead-in words after a line-initial marker that show the marker is a wrapped cross-reference: "(b) and (c)".
const WRAPPED_REF_RE = /^[ \t]*(?:,[ \t]*\(|(?:and|or|to|y|o|et|ou|à)[ \t]+\([0-9a-zA-Z]{1,5}\)|of[ \t]+(?:this|the|that)\b)/;


/** Does a line end in a function word ("… of the"), so that it is a sentence wrapped, not a heading? */
function endsInFunctionWord(v: ParserVocabulary, line: string): boolean {
  // The last word after whitespace, as a pattern ending /(?:^|\s)(?:the|of|…)$/i would read it
  // (a pattern tried at every position of every candidate heading cost more than the parse around it).
  let i = line.length;
  while (i > 0 && !isSpace(line.charCodeAt(i - 1))) i--;
  return line.length - i <= v.headingEndMax && v.headingEndWords.has(line.slice(i).toLowerCase());
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function startsUpper(s: string): boolean {
  return /^[\p{Lu}]/u.test(s);
}

/** A short, title-like phrase: capitalised, few words, no verb. */
function titleLike(v: ParserVocabulary, s: string, maxWords: number): boolean {
  if (s.length === 0 || s.length > 120) return false;
  // "24/7 point of contact" is a heading too: a leading number joined to a word by "/" or "-".
  if (!startsUpper(s) && !/^\d+[/-]\d*\s*\p{L}/u.test(s)) return false;
  if (wordCount(s) > maxWords) return false;
  if (v.verbRe.test(s)) return false;
  return true;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from) {
    const c = text.charCodeAt(to - 1);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff) to--;
    else break;
  }
  return to;
}

/** Skips a separator after a number: ". ", ".-", ".—", " — ", ":", "–". Returns the new position. */
function skipSeparator(text: string, p: number, end: number): { pos: number; sep: string } {
  const m = /^[ \t\u00A0]*((?:[.:][ \t\u00A0]*)?(?:[-—–]{1,2})?)[ \t\u00A0]*/.exec(text.slice(p, Math.min(end, p + 16)));
  if (!m) return { pos: p, sep: '' };
  return { pos: p + m[0].length, sep: m[1] };
}

/** Reads a chain of "(x)" markers starting at p (white space allowed between them). */
function readMarkerChain(text: string, p: number, end: number, out: Marker[]): number {
  for (let guard = 0; guard < 12 && p < end; guard++) {
    let q = p;
    while (q < end && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
    const m = PAREN_RE.exec(text.slice(q, Math.min(end, q + 12)));
    if (!m) break;
    out.push({ offset: q, label: m[0], core: m[1], form: 'paren' });
    p = q + m[0].length;
  }
  return p;
}

/** US style "(a) Whoever— (1) …": a marker right after a dash or colon opens a provision inline. */
function readDashMarkers(text: string, p: number, end: number, out: Marker[]): void {
  const limit = Math.min(end, p + HEAD_MAX);
  const head = text.slice(p, limit);
  const re = /[—–:][ \t\u00A0]*(?=\((?:\d{1,4}|[a-zA-Z]{1,5})\)[ \t\u00A0])/g;
  for (let m = re.exec(head); m !== null; m = re.exec(head)) {
    const q = p + m.index + m[0].length;
    const before = out.length;
    const after = readMarkerChain(text, q, limit, out);
    if (out.length === before) continue;
    re.lastIndex = after - p;
  }
}

interface TailInfo {
  heading?: string;
}

/**
 * Looks at the text after a section number: a heading ("Illegal access", "Acceso ilícito."),
 * and inline subdivision markers.
 */
function readSectionTail(v: ParserVocabulary, text: string, p: number, lineEnd: number, subs: Marker[], lenient: boolean): TailInfo {
  const { pos, sep } = skipSeparator(text, p, lineEnd);
  const chainEnd = readMarkerChain(text, pos, lineEnd, subs);
  if (subs.length > 0) {
    readDashMarkers(text, chainEnd, lineEnd, subs);
    return {};
  }
  if (pos >= lineEnd) return {};
  const windowEnd = Math.min(lineEnd, pos + 300);
  const rest = text.slice(pos, windowEnd);
  // first sentence break: ". " / ".-" / ".—" / "." at end
  const dot = /\.(?=[ \t\u00A0]|[-—–]|$)/.exec(rest);
  const info: TailInfo = {};
  if (!dot) {
    if (windowEnd < lineEnd) return info;
    const h = rest.trim();
    if (/[,;:—–-]$/.test(h)) return info;
    if (titleLike(v, h, 12) && !endsInFunctionWord(v, h)) info.heading = h;
    else if (lenient && sep !== '' && /[-—–:]/.test(sep) && h.length <= 120 && !v.verbRe.test(h)) info.heading = h;
  } else {
    const h = rest.slice(0, dot.index).trim();
    if (titleLike(v, h, 10) && !endsInFunctionWord(v, h)) {
      info.heading = h;
      const afterDot = pos + dot.index + 1;
      const s2 = skipSeparator(text, afterDot, lineEnd);
      const before = subs.length;
      const e2 = readMarkerChain(text, s2.pos, lineEnd, subs);
      if (subs.length > before) readDashMarkers(text, e2, lineEnd, subs);
    }
  }
  if (subs.length === 0) readDashMarkers(text, pos, lineEnd, subs);
  return info;
}

function isIndentChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f;
}

function mayOpenProvision(v: ParserVocabulary, text: string, q: number, end: number): boolean {
  const c = text.charCodeAt(q);
  if (c === 35 /* # */ || c === 0xa7 /* § */ || c === 40 /* ( */ || (c >= 48 && c <= 57)) return true;
  if (v.keywordInitials.has(c)) return v.keywordPrefixRe.test(text.slice(q, Math.min(end, q + 3)));
  if (c >= 97 && c <= 122) {
    // "a) …", "iv) …"
    for (let i = q + 1; i < end && i <= q + 5; i++) {
      const d = text.charCodeAt(i);
      if (d === 41 /* ) */) return true;
      if (d < 97 || d > 122) return false;
    }
  }
  return false;
}

function classifyLine(v: ParserVocabulary, text: string, lines: Lines, li: number): Entry | undefined {
  const ls = lines.start[li];
  const le = lines.end[li];
  if (ls === le) return undefined;
  const headEnd = Math.min(le, ls + HEAD_MAX);
  // Cheap filter on the first visible character: most body lines cannot open a provision.
  let q = ls;
  while (q < headEnd && isIndentChar(text.charCodeAt(q))) q++;
  if (q >= headEnd) return undefined;
  if (!mayOpenProvision(v, text, q, headEnd)) return undefined;
  const head = text.slice(ls, headEnd);
  const indent = q - ls;
  let p = ls + indent;
  let s = head.slice(indent);

  // Markdown heading
  let mdLevel = 0;
  const md = s.charCodeAt(0) === 35 /* # */ ? /^(#{1,6})[ \t]+/.exec(s) : null;
  if (md) {
    mdLevel = md[1].length;
    p += md[0].length;
    s = s.slice(md[0].length);
  }
  const contentEnd = mdLevel > 0 ? stripClosingHashes(text, p, le) : le;

  // Each pattern below is tried only where its first character can start it (most lines are
  // "(1) …" subsections, which every other pattern would turn down one by one).
  const first = s.charCodeAt(0);
  const div = v.divisionInitials.has(first) ? v.divisionRe.exec(s) : null;
  if (div) {
    const keyword = div[1].toLowerCase();
    const key = v.divisionKeys.get(keyword) ?? keyword;
    const after = p + div[0].length;
    const tail = readDivisionTail(v, text, after, contentEnd, mdLevel > 0);
    if (tail.ok) {
      return {
        type: 'division',
        line: li,
        start: ls,
        label: div[2],
        heading: tail.heading,
        key,
        mdLevel: mdLevel || undefined,
        marker: { start: p, end: after },
        wantsHeading: tail.heading === undefined,
        subs: [],
      };
    }
  }

  const sec = v.sectionInitials.has(first) ? v.sectionRe.exec(s) : first === 0xa7 /* § */ ? SIGN_RE.exec(s) : null;
  const art = sec || !v.articleInitials.has(first) ? null : v.articleRe.exec(s);
  if (sec || art) {
    const m = (sec ?? art)!;
    let label: string;
    let prefix: string;
    let key: string;
    if (art) {
      label = (art[2] ?? '') + art[3] + (art[4] ? ' ' + art[4] : '');
      prefix = 'art';
      key = 'article';
    } else if (m[0].startsWith('§')) {
      label = m[1];
      prefix = 's';
      key = 'sign';
    } else {
      label = m[2];
      prefix = 's';
      key = 'section';
    }
    const after = p + m[0].length;
    // "Section 3 applies …", "Article 7 of the Convention …": a sentence, not a heading.
    const rest = text.slice(after, Math.min(contentEnd, after + 40));
    const sentence = /^[ \t\u00A0]+[\p{Ll}]/u.test(rest) || /^[ \t\u00A0]*,/.test(rest);
    if (!sentence) {
      const subs: Marker[] = [];
      const tail = readSectionTail(v, text, after, contentEnd, subs, true);
      return {
        type: 'section',
        line: li,
        start: ls,
        label,
        heading: tail.heading,
        key,
        prefix,
        mdLevel: mdLevel || undefined,
        marker: { start: p, end: after },
        wantsHeading: tail.heading === undefined && subs.length === 0,
        subs,
      };
    }
  }

  const digit = first >= 48 && first <= 57;
  const dec = digit ? DECIMAL_RE.exec(s) : null;
  if (dec) {
    const subs: Marker[] = [{ offset: p, label: dec[1], core: dec[1], form: 'decimal' }];
    const after = p + dec[0].length;
    const tail = readSectionTail(v, text, after, contentEnd, subs, false);
    return { type: 'sub', line: li, start: ls, label: dec[1], heading: tail.heading, subs };
  }

  const num = digit ? NUMBERED_RE.exec(s) : null;
  if (num) {
    const subs: Marker[] = [];
    const after = p + num[0].length;
    const tail = readSectionTail(v, text, after, contentEnd, subs, true);
    return {
      type: 'numbered',
      line: li,
      start: ls,
      label: num[1],
      heading: tail.heading,
      key: 'numbered',
      prefix: 's',
      mdLevel: mdLevel || undefined,
      marker: { start: p, end: p + num[1].length },
      wantsHeading: tail.heading === undefined && subs.length === 0,
      subs,
    };
  }

  if (mdLevel > 0) {
    const h = text.slice(p, contentEnd).trim();
    return {
      type: 'division',
      line: li,
      start: ls,
      label: '',
      heading: h || undefined,
      key: '#',
      mdLevel,
      subs: [],
    };
  }

  const paren = first === 40 /* ( */ ? PAREN_RE.exec(s) : null;
  const half = paren || !(digit || (first >= 97 && first <= 122)) ? null : HALF_RE.exec(s);
  if (paren || half) {
    const m = (paren ?? half)!;
    const after = p + m[0].length;
    if (WRAPPED_REF_RE.test(text.slice(after, Math.min(le, after + 8)))) return undefined;
    if (li > 0) {
      const pe = lines.end[li - 1];
      const prevTail = text.slice(Math.max(lines.start[li - 1], pe - 30), pe);
      if (v.referenceLeadRe.test(prevTail)) return undefined;
    }
    const subs: Marker[] = [{ offset: p, label: m[0], core: m[1] ?? m[2], form: paren ? 'paren' : m[1] !== undefined ? 'half' : 'degree' }];
    const chainEnd = paren ? readMarkerChain(text, after, le, subs) : after;
    readDashMarkers(text, chainEnd, le, subs);
    return { type: 'sub', line: li, start: ls, label: m[0], subs };
  }
  return undefined;
}

function stripClosingHashes(text: string, from: number, to: number): number {
  let e = trimEnd(text, from, to);
  let h = e;
  while (h > from && text.charCodeAt(h - 1) === 35 /* # */) h--;
  if (h < e && (h === from || text.charCodeAt(h - 1) === 32 || text.charCodeAt(h - 1) === 9)) e = trimEnd(text, from, h);
  return e;
}

function readDivisionTail(v: ParserVocabulary, text: string, p: number, end: number, markdown: boolean): { ok: boolean; heading?: string } {
  if (p >= end) return { ok: true };
  const { pos, sep } = skipSeparator(text, p, end);
  const windowEnd = Math.min(end, pos + 200);
  let h = text.slice(pos, windowEnd).trim();
  if (h.length === 0) return { ok: sep !== '' || true };
  if (windowEnd < end) return { ok: markdown };
  h = h.replace(/[.:]$/, '').trim();
  if (sep !== '' && sep !== '.') return { ok: true, heading: h || undefined };
  if (markdown) return { ok: true, heading: h || undefined };
  if (titleLike(v, h, 12) || (sep === '.' && !v.verbRe.test(h) && wordCount(h) <= 12)) return { ok: true, heading: h };
  return { ok: false };
}

// ---------------------------------------------------------------------------
// Headings on their own line

function lineText(text: string, lines: Lines, li: number): string {
  const s = lines.start[li];
  const e = Math.min(lines.end[li], s + HEAD_MAX + 1);
  return text.slice(s, e).trim();
}

function isBlank(text: string, lines: Lines, li: number): boolean {
  return lineText(text, lines, li).length === 0;
}

function headingLine(v: ParserVocabulary, text: string, lines: Lines, li: number, maxWords: number): string | undefined {
  if (lines.end[li] - lines.start[li] > HEAD_MAX) return undefined;
  let t = lineText(text, lines, li);
  if (t.length === 0) return undefined;
  t = t.replace(/^\*\*(.+)\*\*$/, '$1').replace(/^_(.+)_$/, '$1').trim();
  if (/[.;:,—–-]$/.test(t)) return undefined;
  if (!titleLike(v, t, maxWords)) return undefined;
  if (endsInFunctionWord(v, t)) return undefined;
  return t;
}

// ---------------------------------------------------------------------------
// Tree

/** Bookkeeping the tree builder keeps beside each provision. */
interface Meta {
  prov: Provision;
  /** Division rank (smaller = higher). */
  rank: number;
  /** Subdivision type key ("num", "lower", "roman", …, "dec"); '' for divisions and sections. */
  subType: string;
  /** Decimal components (for "dec"). */
  comps: number;
  /** The marker without brackets (for the "(i) after (h)" rule). */
  core: string;
  /** Number of subdivision ancestors + 1 (0 for sections, divisions and the preamble). */
  subLevel: number;
  hasChild: boolean;
}

const ROMAN_LOWER_RE = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
const ROMAN_UPPER_RE = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

function prevLetter(core: string): string {
  if (core.length === 0) return '';
  const last = core.charCodeAt(core.length - 1);
  const prev = String.fromCharCode(last - 1);
  // "(ii)" after "(hh)" in doubled-letter lists
  if (core.length > 1 && /^(.)\1*$/.test(core)) return prev.repeat(core.length);
  return core.slice(0, -1) + prev;
}

function slug(s: string, lower = true): string {
  if (/^[A-Za-z0-9]{1,12}$/.test(s)) return lower ? s.toLowerCase() : s;
  let t = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (lower) t = t.toLowerCase();
  t = t.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  if (t.length > MAX_ID_PART) t = t.slice(0, MAX_ID_PART).replace(/-+$/, '');
  return t;
}

class TreeBuilder {
  readonly provisions: Provision[] = [];
  /** Each provision's index in `provisions`, by id. */
  readonly indexOf = new Map<string, number>();
  private readonly stack: Meta[] = [];
  private readonly typeIdx = new Map<string, number[]>();
  private readonly decIdx: number[] = [];
  /** Last "~n" suffix handed out for an id that occurred more than once. */
  private readonly dupCount = new Map<string, number>();
  private readonly ranks = new Map<string, number>();
  private lastStart = 0;

  private pop(at: number): void {
    const m = this.stack.pop()!;
    m.prov.span.end = at;
    // A leaf's own text is all of it: one span object serves as both (thousands fewer objects kept).
    if (!m.hasChild) {
      if (m.prov.ownSpan.start === m.prov.span.start) m.prov.ownSpan = m.prov.span;
      else m.prov.ownSpan.end = at;
    }
    if (m.subType !== '') {
      const idx = this.stack.length;
      const arr = this.typeIdx.get(m.subType);
      if (arr !== undefined && arr.length > 0 && arr[arr.length - 1] === idx) arr.pop();
      if (m.subType === 'dec' && this.decIdx.length > 0 && this.decIdx[this.decIdx.length - 1] === idx) this.decIdx.pop();
    }
  }

  private popTo(len: number, at: number): void {
    while (this.stack.length > len) this.pop(at);
  }

  private uniqueId(id: string): string {
    if (!this.indexOf.has(id)) return id;
    let k = this.dupCount.get(id) ?? 1;
    let u: string;
    do {
      k++;
      u = `${id}~${k}`;
    } while (this.indexOf.has(u));
    this.dupCount.set(id, k);
    return u;
  }

  private push(
    start: number,
    kind: ProvisionKind,
    label: string,
    idPart: string,
    heading: string | undefined,
    rank: number,
    subType: string,
    comps: number,
    core: string,
    subLevel: number,
  ): void {
    if (start < this.lastStart) start = this.lastStart;
    this.lastStart = start;
    if (this.stack.length >= MAX_DEPTH) this.pop(start);
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    // Joined, not concatenated: one flat string per id (a concatenation is a chain of pieces,
    // kept for good and compared piece by piece as a map key).
    const id = this.uniqueId(parent !== undefined ? [parent.prov.id, '/', idPart].join('') : idPart);
    const prov: Provision = {
      id,
      kind,
      label,
      span: { start, end: start },
      ownSpan: { start, end: start },
      // Most provisions are leaves: they share one empty list until they get a child.
      children: NO_CHILDREN,
      depth: parent !== undefined ? parent.prov.depth + 1 : 0,
      // Always present, if undefined: every provision has the same shape, which keeps the code
      // that reads them (per section, per edit) on one fast path. JSON leaves undefined out.
      heading: heading !== undefined && heading !== '' ? heading : undefined,
      parent: parent?.prov.id,
    };
    if (parent !== undefined) {
      if (parent.prov.children === NO_CHILDREN) parent.prov.children = [];
      parent.prov.children.push(id);
      if (!parent.hasChild) {
        parent.hasChild = true;
        parent.prov.ownSpan.end = start;
      }
    }
    const idx = this.stack.length;
    this.stack.push({ prov, rank, subType, comps, core, subLevel, hasChild: false });
    if (subType !== '') {
      let arr = this.typeIdx.get(subType);
      if (arr === undefined) this.typeIdx.set(subType, (arr = []));
      arr.push(idx);
      if (subType === 'dec') this.decIdx.push(idx);
    }
    this.indexOf.set(id, this.provisions.length);
    this.provisions.push(prov);
  }

  preamble(end: number): void {
    this.push(0, 'preamble', '', 'preamble', undefined, 0, '', 0, '', 0);
    this.pop(end);
  }

  division(start: number, key: string, label: string, heading: string | undefined, mdLevel: number | undefined): void {
    let rank: number;
    if (mdLevel !== undefined) rank = mdLevel;
    else {
      const known = this.ranks.get(key);
      if (known !== undefined) rank = known;
      else {
        // First time this kind of division is seen: it ranks below every division open now.
        let deepest = 0;
        for (const m of this.stack) if (m.prov.kind === 'division') deepest = Math.max(deepest, m.rank);
        rank = deepest + 1;
        this.ranks.set(key, rank);
      }
    }
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1];
      if (top.prov.kind === 'division' && top.rank < rank) break;
      this.pop(start);
    }
    const idPart = key === '#' ? `h-${slug(heading ?? '') || 'heading'}` : `${key}-${slug(label) || 'x'}`;
    this.push(start, 'division', label, idPart, heading, rank, '', 0, '', 0);
  }

  section(start: number, prefix: string, label: string, heading: string | undefined): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].prov.kind !== 'division') this.pop(start);
    this.push(start, 'section', label, `${prefix}-${slug(label) || 'x'}`, heading, 0, '', 0, '', 0);
  }

  sub(start: number, m: Marker, heading: string | undefined): void {
    const type = this.subTypeOf(m);
    let comps = 0;
    if (type === 'dec') {
      comps = 1;
      for (let i = 0; i < m.core.length; i++) if (m.core.charCodeAt(i) === 46) comps++;
      let target = -1;
      for (let j = this.decIdx.length - 1; j >= 0; j--) {
        if (this.stack[this.decIdx[j]].comps >= comps) target = this.decIdx[j];
        else break;
      }
      if (target >= 0) this.popTo(target, start);
    } else {
      const arr = this.typeIdx.get(type);
      if (arr !== undefined && arr.length > 0) this.popTo(arr[arr.length - 1], start);
    }
    const depthCapped = this.stack.length >= MAX_DEPTH;
    const parent = this.stack.length > 0 ? this.stack[(depthCapped ? MAX_DEPTH - 1 : this.stack.length) - 1] : undefined;
    const subLevel = parent === undefined ? 1 : depthCapped ? Math.max(parent.subLevel, 1) : parent.subLevel > 0 ? parent.subLevel + 1 : 1;
    const kind: ProvisionKind = subLevel <= 1 ? 'subsection' : subLevel === 2 ? 'paragraph' : 'subparagraph';
    this.push(start, kind, m.label, slug(m.core, false) || 'x', heading, 0, type, comps, m.core, subLevel);
  }

  private subTypeOf(m: Marker): string {
    if (m.form === 'decimal') return 'dec';
    if (m.form === 'dot') return 'dot';
    if (m.form === 'degree') return 'deg';
    const pre = m.form === 'half' ? 'h:' : '';
    const c = m.core;
    const c0 = c.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) return pre + 'num';
    const lower = c === c.toLowerCase();
    const letterType = pre + (lower ? 'lower' : 'upper');
    const romanRe = lower ? ROMAN_LOWER_RE : ROMAN_UPPER_RE;
    if (!romanRe.test(c)) return letterType;
    // Roman-looking: a letter when it continues an open lettered level ("(i)" after "(h)").
    const letters = this.typeIdx.get(letterType);
    if (letters !== undefined && letters.length > 0 && this.stack[letters[letters.length - 1]].core === prevLetter(c)) return letterType;
    return pre + (lower ? 'roman' : 'ROMAN');
  }

  finish(end: number): void {
    this.popTo(0, end);
  }
}

// ---------------------------------------------------------------------------
// Definitions

/** A complete sentence followed by a blank line ends a definition. */
const END_OF_DEFINITION_RE = /[^\s.;][^\S\r\n]*[.;](?:[^\S\r\n]*(?:and|or|y|o|et|ou))?[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)/;

const CLOSING: Record<string, string> = { '"': '"', '“': '”', '”': '”', "'": "'", '‘': '’', '’': '’', '«': '»' };

// ---------------------------------------------------------------------------
// References

// A reference is found by the vocabulary's referenceRe (its word from the language files), tried
// only where referenceStartRe finds a start (see execAt): its word must be followed by a number
// or "(", so that "s." ending a sentence or "section" inside "intersection" is no candidate.
/** The numbers of a reference's list and what joins them. */
const ITEM_RE = new RegExp(String.raw`(${NUM}|\((?:\d{1,4}|[a-z]{1,5})\))|(${SEP})`, 'giu');
const RANGE_SEP_RE = /^[ \t\u00A0]*(?:to|through|à|au|a|–|—)[ \t\u00A0]*$/i;

const NAMED_TITLE_RE = /^[ \t\u00A0]*\(([^()\r\n]{2,80})\)/;

/** The children of every leaf (never added to: a provision gets its own list with its first child). */
const NO_CHILDREN: string[] = Object.freeze([]) as unknown as string[];

function normLabel(s: string): string {
  const lower = s.toLowerCase();
  // Most labels ("12", "3A") have nothing to strip: no pattern is run for them.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 46 || c === 0xb0 || c === 0xba || isSpace(c)) return lower.replace(/[\s°º.]/g, '');
  }
  return lower;
}

function subCore(label: string): string {
  return label.replace(/^\(/, '').replace(/[)°º.]+$/, '').toLowerCase();
}

// ---------------------------------------------------------------------------
// Main

/**
 * Parses a draft into provisions, defined terms and references. Never throws. `v`: the words
 * of the languages read (an Analyzer passes the one compiled from its data; by default the
 * shipped data's).
 */
export function parseProvisions(text: string, v: ParserVocabulary = bundledVocabulary().parser): ParsedDraft {
  if (typeof text !== 'string') text = '';
  try {
    return parseUnsafe(v, text);
  } catch {
    // Last resort: the whole text as one preamble (keeps the tiling property).
    const provisions: Provision[] =
      text.length === 0
        ? []
        : [
            {
              id: 'preamble',
              kind: 'preamble',
              label: '',
              span: { start: 0, end: text.length },
              ownSpan: { start: 0, end: text.length },
              children: [],
              depth: 0,
              heading: undefined,
              parent: undefined,
            },
          ];
    return { provisions, byId: new Map(provisions.map((p) => [p.id, p] as const)), definitions: [], references: [] };
  }
}

// ---------------------------------------------------------------------------
// Incremental parsing

/** What a parse keeps beside its result so that the next version can be parsed incrementally. */
interface ParseState {
  /** The words the version was parsed with. */
  vocabulary: ParserVocabulary;
  lines: Lines;
  /** Each provision's index, by id (shared by the versions parsed incrementally from this one). */
  indexOf: ReadonlyMap<string, number>;
  /** Markers of numbering lines, skipped by the reference scan. */
  skip: Marks;
  articleStyle: boolean;
  /** Start of the first provision (after headings were attached), -1 when there is none. */
  firstEntryStart: number;
  sectionsByLabel: Map<string, Provision>;
  trace: RefTrace;
  /** The defined terms found, in order (the edited line is scanned again, the others are kept or shifted). */
  candidates: DefinitionCandidate[];
  /** The same for every version whose tree was carried over from an earlier one by shifting offsets. */
  tree: number;
  /** When this version's tree is the tree `from` with one provision's heading rewritten: that provision. */
  retitled?: { from: number; id: string };
}

let treeCount = 0;

/**
 * Whether two parses have the same provision tree (ids, kinds, labels, headings, parents and
 * children), their offsets aside: one was parsed incrementally from the other (or both from a
 * third). False when unknown.
 */
export function sameTree(x: ParsedDraft, y: ParsedDraft): boolean {
  const sx = states.get(x);
  return sx !== undefined && sx.tree === states.get(y)?.tree;
}

/**
 * The provision whose heading differs when `next` was parsed incrementally from `previous` by
 * rewriting one heading; otherwise the trees are the same (sameTree) or unrelated.
 */
export function retitledProvision(next: ParsedDraft, previous: ParsedDraft): string | undefined {
  const r = states.get(next)?.retitled;
  return r !== undefined && r.from === states.get(previous)?.tree ? r.id : undefined;
}

const states = new WeakMap<ParsedDraft, ParseState>();

/** Context a reference's conversion reads around its match: 300 before, 160 + 300 after; with room to spare. */
const REF_CONTEXT = 1000;
/** Characters other than spaces and tabs the reference pattern may read past the end of a match before it fails (generously). */
const REF_LOOKAHEAD = 256;

/**
 * The parse of `text`, reusing the parse of an earlier version `prevText` of the same draft
 * when the edit between them cannot change the structure: it lies inside one line, adds and
 * removes no line break, does not change how that line or the next one is classified, nor
 * anything the heading rules read of that line. Then the provision tree is the earlier one with
 * offsets after the edit shifted, and only the definitions and the references near the edit are
 * looked for again. Otherwise (and whenever in doubt) it is a full parse. Always equal to
 * `parseProvisions(text)`. Never throws.
 */
export function reparseProvisions(
  previous: ParsedDraft,
  prevText: string,
  text: string,
  edit?: TextEdit,
  v: ParserVocabulary = bundledVocabulary().parser,
): ParsedDraft {
  if (typeof text !== 'string') text = '';
  try {
    const r = typeof prevText === 'string' ? reparseUnsafe(v, previous, prevText, text, edit ?? findEdit(prevText, text)) : undefined;
    if (r) return r;
  } catch {
    // fall through to the full parse
  }
  return parseProvisions(text, v);
}

/** Length of the common prefix of two strings (compared in chunks first). */
function commonPrefix(x: string, y: string): number {
  const max = Math.min(x.length, y.length);
  let i = 0;
  for (let step = 65536; step >= 64; step >>= 4) {
    while (i + step <= max && x.slice(i, i + step) === y.slice(i, i + step)) i += step;
  }
  while (i < max && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, not reaching into the first `floor` characters of either. */
function commonSuffix(x: string, y: string, floor: number): number {
  const max = Math.min(x.length, y.length) - floor;
  let i = 0;
  for (let step = 65536; step >= 64; step >>= 4) {
    while (i + step <= max && x.slice(x.length - i - step, x.length - i) === y.slice(y.length - i - step, y.length - i)) i += step;
  }
  while (i < max && x.charCodeAt(x.length - 1 - i) === y.charCodeAt(y.length - 1 - i)) i++;
  return i;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Whether [from, to) holds at least `n` characters other than space, tab and no-break space. */
function hasSolidChars(text: string, from: number, to: number, n: number): boolean {
  for (let i = from; i < to && n > 0; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) n--;
  }
  return n <= 0;
}

/** Line index holding offset (lines.start is sorted). */
function lineAt(lines: Lines, offset: number): number {
  return Math.max(0, lastAtOrBefore(lines.start.length, (i) => lines.start[i], offset));
}

function sameMarker(x: Marker, y: Marker, f: (n: number) => number): boolean {
  return f(x.offset) === y.offset && x.label === y.label && x.core === y.core && x.form === y.form;
}

/** Is `y` (from the new text) the entry `x` (from the old text) with its offsets mapped by f, marker words included? */
function sameEntry(x: Entry | undefined, y: Entry | undefined, f: (n: number) => number, oldText: string, newText: string): boolean {
  if (x === undefined || y === undefined) return x === y;
  if (
    x.type !== y.type ||
    x.line !== y.line ||
    f(x.start) !== y.start ||
    x.label !== y.label ||
    x.heading !== y.heading ||
    x.key !== y.key ||
    x.mdLevel !== y.mdLevel ||
    x.prefix !== y.prefix ||
    x.wantsHeading !== y.wantsHeading ||
    x.subs.length !== y.subs.length
  )
    return false;
  if ((x.marker === undefined) !== (y.marker === undefined)) return false;
  if (x.marker && y.marker) {
    if (f(x.marker.start) !== y.marker.start || f(x.marker.end) !== y.marker.end) return false;
    if (oldText.slice(x.marker.start, x.marker.end) !== newText.slice(y.marker.start, y.marker.end)) return false;
  }
  for (let i = 0; i < x.subs.length; i++) if (!sameMarker(x.subs[i], y.subs[i], f)) return false;
  return true;
}

/**
 * Everything the heading rules (step 2 of the parse) read of a line. They never take a numbering
 * line (`entry`) as a heading: of such a line they read only whether it is blank or ends a sentence.
 */
function headingFacts(v: ParserVocabulary, text: string, lines: Lines, li: number, entry: boolean): string {
  const blank = isBlank(text, lines, li);
  const stop = /[.;:]$/.test(lineText(text, lines, li));
  if (entry) return `${blank}\u0000${stop}`;
  const h12 = headingLine(v, text, lines, li, 12);
  const h8 = headingLine(v, text, lines, li, 8);
  return `${blank}\u0000${h12 ?? '\u0001'}\u0000${h8 ?? '\u0001'}\u0000${stop}`;
}

/** What changed between two versions of a text: old[start, oldEnd) became new[start, newEnd). */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The edit between two versions: their common prefix and suffix (not overlapping) left out. */
export function findEdit(old: string, text: string): TextEdit {
  const start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, start);
  return { start, oldEnd: old.length - suffix, newEnd: text.length - suffix };
}

function reparseUnsafe(v: ParserVocabulary, previous: ParsedDraft, old: string, text: string, edit: TextEdit): ParsedDraft | undefined {
  const st = states.get(previous);
  // A version parsed with other words is parsed again in full.
  if (!st || st.vocabulary !== v || old.length === 0 || text.length === 0) return undefined;
  if (old === text) return previous;
  const a = edit.start;
  const bOld = edit.oldEnd;
  const bNew = edit.newEnd;
  const delta = text.length - old.length;
  if (bOld - a - (bNew - a) !== -delta || a > bOld || a > bNew) return undefined;
  if (hasLineBreak(old, a, bOld) || hasLineBreak(text, a, bNew)) return undefined;
  const L = lineAt(st.lines, a);
  const nLines = st.lines.start.length;
  // Inside line L's content: its line break is untouched.
  if (!(a >= st.lines.start[L] && bOld <= st.lines.end[L])) return undefined;
  // At the very start of the line, a provision starting there (a heading line above a section)
  // would start there still, not after the inserted text: the offset mapping cannot tell.
  const atLineStart = a === st.lines.start[L];
  // Text before the first provision decides whether there is a preamble.
  if (st.firstEntryStart < 0 || a <= st.firstEntryStart) return undefined;

  const f = (x: number): number => (x < a ? x : x >= bOld ? x + delta : NaN);
  const start = st.lines.start.slice();
  const end = st.lines.end.slice();
  if (delta !== 0) {
    for (let i = L + 1; i < nLines; i++) start[i] += delta;
    for (let i = L; i < nLines; i++) end[i] += delta;
  }
  const lines: Lines = { start, end };

  // Classification of line L and of the next line (which reads the tail of L) must not change,
  // but for the heading written on line L itself ("Section 3 — Heading"), which only that
  // provision carries (not in its id, unless a Markdown heading, left out here).
  const x = classifyLine(v, old, st.lines, L);
  const y = classifyLine(v, text, lines, L);
  let retitled: { start: number; label: string; from: string; to: string } | undefined;
  if (!sameEntry(x, y, f, old, text)) {
    if (!x || !y || !x.heading || !y.heading || x.mdLevel !== undefined || y.mdLevel !== undefined) return undefined;
    if (!sameEntry({ ...x, heading: y.heading }, y, f, old, text)) return undefined;
    retitled = { start: y.start, label: x.label, from: x.heading, to: y.heading };
  }
  if (L + 1 < nLines && !sameEntry(classifyLine(v, old, st.lines, L + 1), classifyLine(v, text, lines, L + 1), f, old, text)) return undefined;
  // Nor may anything the heading rules read of line L.
  if (headingFacts(v, old, st.lines, L, x !== undefined) !== headingFacts(v, text, lines, L, y !== undefined)) return undefined;

  // Same entries, same headings: the same tree, with offsets mapped. The previous version's
  // id → index map serves this one too.
  const before = previous.provisions;
  /** A provision with its offsets mapped, or undefined where the edit swallowed one. */
  const moved = (p: Provision): Provision | undefined => {
    const span = { start: f(p.span.start), end: f(p.span.end) };
    const ownSpan = p.ownSpan === p.span ? span : { start: f(p.ownSpan.start), end: f(p.ownSpan.end) };
    if (Number.isNaN(span.start) || Number.isNaN(span.end) || Number.isNaN(ownSpan.start) || Number.isNaN(ownSpan.end)) return undefined;
    return { id: p.id, kind: p.kind, label: p.label, span, ownSpan, children: p.children, depth: p.depth, heading: p.heading, parent: p.parent };
  };
  if (atLineStart) {
    for (let k = 0; k < before.length; k++) {
      const p = before[k];
      if (p.span.start === a || p.span.end === a || p.ownSpan.end === a) return undefined;
    }
  }
  // Provisions start in document order. Those starting before the edit are kept (the same
  // objects), but for those reaching it: the last of them and its ancestors (any other ended
  // before the last began). Every provision after it moves.
  const firstAfter = lastAtOrBefore(before.length, (k) => before[k].span.start, a - 1) + 1;
  const provisions = before.slice(0, firstAfter);
  for (let k = firstAfter - 1; k >= 0; k = before[k].parent === undefined ? -1 : st.indexOf.get(before[k].parent!)!) {
    if (before[k].span.end < a) continue;
    const q = moved(before[k]);
    if (q === undefined) return undefined;
    provisions[k] = q;
  }
  // (An indexed loop: run cold on the first edits, for…of allocates per step.)
  for (let k = firstAfter; k < before.length; k++) {
    const q = moved(before[k]);
    if (q === undefined) return undefined;
    provisions.push(q);
  }
  let retitledId: string | undefined;
  if (retitled) {
    // The provision line L opens: it starts there, with that label and the old heading (a
    // numbered line that became a subsection dropped its heading: then there is none).
    let at = -1;
    for (let i = 0; i < provisions.length; i++) {
      const p = provisions[i];
      if (p.span.start > retitled.start) break;
      if (p.span.start === retitled.start && p.label === retitled.label && p.heading === retitled.from) {
        if (at >= 0) return undefined;
        at = i;
      }
    }
    if (at < 0) return undefined;
    // Carried into later versions: a copy, not a piece of this version's text.
    const q: Provision = { ...provisions[at], heading: detached(retitled.to) };
    provisions[at] = q;
    retitledId = q.id;
  }
  const skip = st.skip.slice();
  for (let i = 0; i < skip.length; i++) {
    if (skip[i] < a) continue;
    const m = f(skip[i]);
    if (Number.isNaN(m)) return undefined;
    skip[i] = m;
  }

  const owner = new OwnerIndex(provisions);
  // Defined terms: those on the lines before and after the edited one are the previous version's (shifted after it).
  const lineStart = lines.start[L];
  const candidates: DefinitionCandidate[] = [];
  let c = 0;
  for (; c < st.candidates.length && st.candidates[c].quoteStart < lineStart; c++) candidates.push(st.candidates[c]);
  const kept = c;
  definitionCandidates(v, text, lineStart, lines.end[L], candidates);
  const lineDone = candidates.length;
  const oldLineEnd = st.lines.end[L];
  while (c < st.candidates.length && st.candidates[c].quoteStart <= oldLineEnd) c++;
  const oldAfter = c;
  for (; c < st.candidates.length; c++) {
    const r = st.candidates[c];
    candidates.push({ term: r.term, quoteStart: r.quoteStart + delta, termStart: r.termStart + delta, termEnd: r.termEnd + delta });
  }
  // A definition runs to the next term or the end of its provision. Those before the line whose
  // next term is before it too are the previous version's; those after it, moved by the edit;
  // the rest (the last before the line, and those on it) are read again.
  const definitions = previous.definitions.slice(0, Math.max(kept - 1, 0));
  definitionsFrom(text, candidates, owner, Math.max(kept - 1, 0), lineDone, definitions);
  for (let k = oldAfter; k < previous.definitions.length; k++) {
    const d = previous.definitions[k];
    const q: DefinedTerm = {
      term: d.term,
      span: { start: d.span.start + delta, end: d.span.end + delta },
      definitionSpan: { start: d.definitionSpan.start + delta, end: d.definitionSpan.end + delta },
    };
    if (d.provision !== undefined) q.provision = d.provision;
    definitions.push(q);
  }

  // References: keep those found well before the edit, scan again from there until the scan
  // is back in step with the old one well after the edit, and keep the old ones after that.
  const tr = st.trace;
  let keep = -1;
  for (let i = tr.ends.length - 1; i >= 0; i--) {
    if (tr.ends[i] + REF_CONTEXT > a) continue;
    if (hasSolidChars(old, tr.ends[i], a, REF_LOOKAHEAD)) keep = i;
    break;
  }
  const references: Reference[] = keep >= 0 ? previous.references.slice(0, tr.counts[keep]) : [];
  const trace: RefTrace = keep >= 0 ? { ends: tr.ends.slice(0, keep + 1), counts: tr.counts.slice(0, keep + 1) } : { ends: [], counts: [] };
  let resumeAt = -1;
  const resync = (e: number): boolean => {
    const eo = e - delta;
    if (eo < bOld + REF_CONTEXT) return false;
    let lo = keep + 1;
    let hi = tr.ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tr.ends[mid] < eo) lo = mid + 1;
      else if (tr.ends[mid] > eo) hi = mid - 1;
      else {
        resumeAt = mid;
        return true;
      }
    }
    return false;
  };
  const byId = new ListMap(provisions, st.indexOf);
  const ctx: RefContext = { vocabulary: v, skip, articleStyle: st.articleStyle, owner, byId, sectionsByLabel: st.sectionsByLabel };
  const fresh = references.length;
  const stopped = scanReferences(text, ctx, keep >= 0 ? tr.ends[keep] : 0, references, trace, resync);
  // References found again are carried into later versions: their words are copies.
  for (let i = fresh; i < references.length; i++) {
    const r = references[i];
    if (r.kind === 'section') r.target = detached(r.target);
    else {
      if (r.paragraph !== undefined) r.paragraph = detached(r.paragraph);
      if (r.namedTitle !== undefined) r.namedTitle = detached(r.namedTitle);
    }
  }
  if (stopped >= 0 && resumeAt >= 0) {
    // Shift the rest of the old scan: the same matches, delta further on.
    const base = references.length - tr.counts[resumeAt];
    for (let i = tr.counts[resumeAt]; i < previous.references.length; i++) {
      const r = previous.references[i];
      references.push({ ...r, span: { start: r.span.start + delta, end: r.span.end + delta } });
    }
    for (let i = resumeAt + 1; i < tr.ends.length; i++) {
      trace.ends.push(tr.ends[i] + delta);
      trace.counts.push(tr.counts[i] + base);
    }
  }

  const parsed: ParsedDraft = { provisions, byId, definitions, references };
  // A new heading changes the context of the provisions below it: not the same tree.
  const tree = retitledId !== undefined ? ++treeCount : st.tree;
  states.set(parsed, {
    vocabulary: v,
    lines,
    indexOf: st.indexOf,
    skip,
    articleStyle: st.articleStyle,
    firstEntryStart: st.firstEntryStart,
    sectionsByLabel: st.sectionsByLabel,
    trace,
    candidates,
    tree,
    retitled: retitledId !== undefined ? { from: st.tree, id: retitledId } : undefined,
  });
  return parsed;
}

/** For tests only: like parseProvisions, but lets an internal error through instead of falling back. */
export function parseProvisionsStrict(text: string, v: ParserVocabulary = bundledVocabulary().parser): ParsedDraft {
  return parseUnsafe(v, text);
}

function parseUnsafe(v: ParserVocabulary, text: string): ParsedDraft {
  if (text.length === 0) return { provisions: [], byId: new Map(), definitions: [], references: [] };
  const lines = splitLines(text);
  const nLines = lines.start.length;

  // 1. classify lines
  const entries: Entry[] = [];
  let nArticle = 0;
  let nKeywordSection = 0;
  for (let li = 0; li < nLines; li++) {
    const e = classifyLine(v, text, lines, li);
    if (!e) continue;
    if (e.type === 'section') {
      if (e.key === 'article') nArticle++;
      else nKeywordSection++;
    }
    entries.push(e);
  }
  const articleStyle = nArticle > 0;
  const numberedAreSections = nArticle === 0 && nKeywordSection === 0;

  // In Article-style drafts, "Section N" lines are divisions (Chapter > Section > Article);
  // "N." lines are sections only when no other section style is present.
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (articleStyle && e.type === 'section' && e.key === 'section' && v.sectionWordRe.test(text.slice(e.marker!.start, e.marker!.end))) {
      e.type = 'division';
      e.subs = [];
    } else if (e.type === 'numbered') {
      if (numberedAreSections) e.type = 'section';
      else {
        e.type = 'sub';
        e.subs.unshift({ offset: e.marker!.start, label: e.label, core: e.label, form: 'dot' });
        e.heading = undefined;
        e.marker = undefined;
      }
    }
  }

  // 2. headings on their own line
  const entryAtLine = new Map<number, Entry>();
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    entryAtLine.set(e.line, e);
  }
  const claimed = new Set<number>();
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (e.type === 'division' && e.wantsHeading && e.key !== '#') {
      // next non-empty line, if short and title-like
      let j = e.line + 1;
      while (j < nLines && j <= e.line + 3 && isBlank(text, lines, j)) j++;
      if (j < nLines && !entryAtLine.has(j)) {
        const h = headingLine(v, text, lines, j, 12);
        if (h !== undefined) {
          e.heading = h;
          claimed.add(j);
        }
      }
    }
  }
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (e.type !== 'section' || e.heading !== undefined) continue;
    // marginal heading on the line directly above
    const j = e.line - 1;
    if (j >= 0 && !entryAtLine.has(j) && !claimed.has(j)) {
      const h = headingLine(v, text, lines, j, 12);
      const k = j - 1;
      const prevOk =
        k < 0 ||
        isBlank(text, lines, k) ||
        claimed.has(k) ||
        (entryAtLine.get(k)?.type === 'division' && entryAtLine.get(k)!.subs.length === 0) ||
        /[.;:]$/.test(lineText(text, lines, k));
      if (h !== undefined && prevOk) {
        e.heading = h;
        e.start = lines.start[j];
        claimed.add(j);
        continue;
      }
    }
    // heading on the next line ("Article 5" / "Illegal access" / body)
    if (e.wantsHeading) {
      let n = e.line + 1;
      while (n < nLines && n <= e.line + 2 && isBlank(text, lines, n)) n++;
      // A title-like line directly above the next numbered provision is that provision's marginal heading.
      const nextIsEntry = entryAtLine.get(n + 1)?.type === 'section';
      if (n < nLines && n + 1 < nLines && !entryAtLine.has(n) && !claimed.has(n) && !nextIsEntry) {
        const h = headingLine(v, text, lines, n, 8);
        if (h !== undefined) {
          e.heading = h;
          claimed.add(n);
        }
      }
    }
  }

  // 3. tree
  const tb = new TreeBuilder();
  let firstStart = entries.length > 0 ? entries[0].start : text.length;
  if (firstStart > 0) {
    if (/\S/.test(text.slice(0, firstStart).replace(/\uFEFF/g, '')) || entries.length === 0) tb.preamble(firstStart);
    else firstStart = 0;
  }
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const start = i === 0 ? firstStart : e.start;
    if (e.type === 'division') {
      tb.division(start, e.key ?? 'division', e.label, e.heading, e.mdLevel);
    } else if (e.type === 'section') {
      tb.section(start, e.prefix ?? 's', e.label, e.heading);
      for (const m of e.subs) tb.sub(m.offset, m, undefined);
    } else {
      e.subs.forEach((m, k) => tb.sub(k === 0 ? start : m.offset, m, k === 0 ? e.heading : undefined));
    }
  }
  tb.finish(text.length);

  const provisions = tb.provisions;
  const byId = new ListMap(provisions, tb.indexOf);

  const owner = new OwnerIndex(provisions);
  const candidates: DefinitionCandidate[] = [];
  definitionCandidates(v, text, 0, text.length, candidates);
  const definitions = definitionsFrom(text, candidates, owner);
  let nMarks = 0;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (e.marker) nMarks++;
  }
  const skip: Marks = new Int32Array(2 * nMarks);
  nMarks = 0;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (!e.marker) continue;
    skip[nMarks++] = e.marker.start;
    skip[nMarks++] = e.marker.end;
  }
  const sectionsByLabel = sectionLabels(provisions);
  const trace: RefTrace = { ends: [], counts: [] };
  const references: Reference[] = [];
  scanReferences(text, { vocabulary: v, skip, articleStyle, owner, byId, sectionsByLabel }, 0, references, trace);
  const parsed: ParsedDraft = { provisions, byId, definitions, references };
  states.set(parsed, { vocabulary: v, lines, indexOf: tb.indexOf, skip, articleStyle, firstEntryStart: entries.length > 0 ? entries[0].start : -1, sectionsByLabel, trace, candidates, tree: ++treeCount });
  return parsed;
}

/**
 * Finds the provision whose ownSpan contains an offset (ownSpans tile the text). Provisions are
 * in document order, so their ownSpans start in order: a binary search over the list itself,
 * with nothing built per version.
 */
class OwnerIndex {
  constructor(private readonly provisions: readonly Provision[]) {}

  at(offset: number): Provision | undefined {
    const list = this.provisions;
    let at = lastAtOrBefore(list.length, (i) => list[i].ownSpan.start, offset);
    // A provision whose first child starts where it does owns no text of its own.
    while (at >= 0 && list[at].ownSpan.end <= list[at].ownSpan.start) at--;
    return at < 0 ? undefined : list[at];
  }
}

/** A defined term found in the text, before its definition's extent is worked out. */
interface DefinitionCandidate {
  term: string;
  quoteStart: number;
  termStart: number;
  termEnd: number;
}

/**
 * Adds to `out` the defined terms found at offsets in [from, to). A match of the definition pattern never spans a
 * line break, so whole lines can be scanned on their own: a reparse scans only the edited line.
 */
function definitionCandidates(v: ParserVocabulary, text: string, from: number, to: number, out: DefinitionCandidate[]): void {
  v.definitionRe.lastIndex = from;
  for (let m = v.definitionRe.exec(text); m !== null && m.index < to; m = v.definitionRe.exec(text)) {
    const open = m[1];
    let term: string;
    let termStart: number;
    if (open !== undefined) {
      if (CLOSING[open] !== m[3] && !(open === '”' && m[3] === '”')) {
        v.definitionRe.lastIndex = m.index + 1;
        continue;
      }
      term = m[2];
      termStart = m.index + m[0].indexOf(term, 1);
    } else {
      term = m[4];
      termStart = m.index + 2;
    }
    const verb = m[5];
    const trimmed = term.trim();
    if (!/\p{L}/u.test(trimmed) || wordCount(trimmed) > 8) {
      v.definitionRe.lastIndex = m.index + 1;
      continue;
    }
    if (verb === ':') {
      // list style «term»: … — the term must open its line (after indentation / marker)
      let ls = m.index;
      while (ls > 0 && text.charCodeAt(ls - 1) !== 10 && text.charCodeAt(ls - 1) !== 13 && m.index - ls < 40) ls--;
      if (!/^[ \t\u00A0]*(?:\(?[0-9a-zA-Z]{1,5}[).][ \t\u00A0]*|[-*•][ \t]+)?$/.test(text.slice(ls, m.index))) {
        v.definitionRe.lastIndex = m.index + 1;
        continue;
      }
    }
    termStart += term.indexOf(trimmed);
    out.push({ term: trimmed, quoteStart: m.index, termStart, termEnd: termStart + trimmed.length });
  }
}

/** The defined terms with the extent of each definition (to the next term, the end of its provision or a blank line). */
function definitionsFrom(text: string, raws: DefinitionCandidate[], owner: OwnerIndex, from = 0, to = raws.length, out: DefinedTerm[] = []): DefinedTerm[] {
  for (let i = from; i < to; i++) {
    const r = raws[i];
    const prov = owner.at(r.termStart);
    let end = prov ? prov.span.end : text.length;
    if (i + 1 < raws.length && raws[i + 1].quoteStart < end) {
      // the next term ends this definition; when it opens its own provision, at that provision's start
      const nextOwner = owner.at(raws[i + 1].quoteStart);
      end = raws[i + 1].quoteStart;
      if (nextOwner && nextOwner !== prov && nextOwner.span.start > r.termEnd) end = Math.min(end, nextOwner.span.start);
      // "…;\n- **next** means": stop at the end of the previous line when only a bullet or marker precedes the next term
      let lb = end;
      while (lb > r.termEnd && end - lb < 24 && text.charCodeAt(lb - 1) !== 10 && text.charCodeAt(lb - 1) !== 13) lb--;
      if (lb > r.termEnd && (text.charCodeAt(lb - 1) === 10 || text.charCodeAt(lb - 1) === 13)) {
        if (/^[ \t\u00A0]*(?:[-*•+]|\(?[0-9a-zA-Z]{1,5}[).°º]\)?)?[ \t\u00A0]*$/.test(text.slice(lb, end))) end = lb - 1;
      }
    }
    // a blank line after a complete sentence ends it too
    const region = text.slice(r.termEnd, end);
    const bm = END_OF_DEFINITION_RE.exec(region);
    if (bm) end = r.termEnd + bm.index + bm[0].search(/[\r\n]/);
    end = trimEnd(text, r.termEnd, end);
    while (end > r.termEnd && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end = trimEnd(text, r.termEnd, end - 1);
    const d: DefinedTerm = {
      term: r.term,
      span: { start: r.termStart, end: r.termEnd },
      definitionSpan: { start: r.quoteStart, end: Math.max(end, r.termEnd) },
    };
    if (prov) d.provision = prov.id;
    out.push(d);
  }
  return out;
}

function sentenceBounds(text: string, start: number, end: number): { from: number; to: number } {
  const lo = Math.max(0, start - 300);
  const before = text.slice(lo, start);
  const boundary = /[.;!?](?=[ \t\u00A0]+[\p{Lu}«"“(])|(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/gu;
  let from = lo;
  for (let m = boundary.exec(before); m !== null; m = boundary.exec(before)) from = lo + m.index + m[0].length;
  const hi = Math.min(text.length, end + 300);
  const after = text.slice(end, hi);
  boundary.lastIndex = 0;
  const m2 = boundary.exec(after);
  const to = m2 ? end + m2.index : hi;
  return { from, to };
}

function conventionIn(v: ParserVocabulary, text: string, from: number, to: number): boolean {
  const s = text.slice(from, to);
  v.conventionAnyRe.lastIndex = 0;
  for (let m = v.conventionAnyRe.exec(s); m !== null; m = v.conventionAnyRe.exec(s)) {
    if (!v.otherTreatyRe.test(s.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

/** The first section with each (normalised) label: what "section 14" resolves to. */
function sectionLabels(provisions: Provision[]): Map<string, Provision> {
  const sectionsByLabel = new Map<string, Provision>();
  for (let i = 0; i < provisions.length; i++) {
    const p = provisions[i];
    if (p.kind !== 'section') continue;
    const k = normLabel(p.label);
    if (!sectionsByLabel.has(k)) sectionsByLabel.set(k, p);
  }
  return sectionsByLabel;
}

/** Spans as [start0, end0, start1, end1, …], in document order. */
type Marks = Int32Array;

interface RefContext {
  vocabulary: ParserVocabulary;
  skip: Marks;
  articleStyle: boolean;
  owner: OwnerIndex;
  byId: ReadonlyMap<string, Provision>;
  sectionsByLabel: Map<string, Provision>;
}

/**
 * The state of the reference scan after each match of the reference pattern: where the scan goes on from
 * (`ends`) and how many references had been found (`counts`). The scan from a position
 * depends only on the text from one character before it, so an incremental parse can resume it.
 */
interface RefTrace {
  ends: number[];
  counts: number[];
}

/**
 * Scans for references from `from` (a position the scan reached, or 0), appending to `refs`
 * and `trace`. Stops early, returning the index in `trace` where it stopped, when `resync`
 * says the scan is back in step with an earlier one; -1 when it ran to the end.
 */
function scanReferences(text: string, ctx: RefContext, from: number, refs: Reference[], trace: RefTrace, resync?: (end: number) => boolean): number {
  const { vocabulary: v, skip, articleStyle, owner, byId, sectionsByLabel } = ctx;
  let skipIdx = 0;
  if (from > 0) {
    // first marker that does not end at or before `from`
    let lo = 0;
    let hi = skip.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (skip[2 * mid + 1] <= from) lo = mid + 1;
      else hi = mid;
    }
    skipIdx = 2 * lo;
  }
  for (let m = execAt(v.referenceStartRe, v.referenceRe, text, from); m !== null; ) {
    const end = m.index + m[0].length;
    referencesOf(v, m, text, articleStyle, owner, byId, sectionsByLabel, skip, skipIdx, refs);
    while (skipIdx < skip.length && skip[skipIdx + 1] <= m.index) skipIdx += 2;
    trace.ends.push(end);
    trace.counts.push(refs.length);
    if (resync && resync(end)) return trace.ends.length - 1;
    m = execAt(v.referenceStartRe, v.referenceRe, text, end);
  }
  return -1;
}

/** The references one match of the reference pattern gives (none when it is a provision's own marker). */
function referencesOf(v: ParserVocabulary, 
  m: RegExpExecArray,
  text: string,
  articleStyle: boolean,
  owner: OwnerIndex,
  byId: ReadonlyMap<string, Provision>,
  sectionsByLabel: Map<string, Provision>,
  skip: Marks,
  skipIdx: number,
  refs: Reference[],
): void {
  {
    const start = m.index;
    while (skipIdx < skip.length && skip[skipIdx + 1] <= start) skipIdx += 2;
    if (skipIdx < skip.length && skip[skipIdx] <= start && start < skip[skipIdx + 1]) return;
    const kind = m[1].charCodeAt(0) === 0xa7 /* § */ ? 'section' : (v.referenceKinds.get(m[1].toLowerCase()) ?? 'section');
    const end = m.index + m[0].length;
    const listStart = end - m[2].length;
    const isArticle = kind === 'article';
    const isSub = kind === 'subsection';

    // parse the list of numbers
    const items: { text: string; start: number; end: number; rangeFrom?: string }[] = [];
    ITEM_RE.lastIndex = 0;
    let pendingRange = false;
    for (let im = ITEM_RE.exec(m[2]); im !== null; im = ITEM_RE.exec(m[2])) {
      if (im[0].length === 0) {
        ITEM_RE.lastIndex++;
        continue;
      }
      if (im[1] !== undefined) {
        const it = { text: im[1], start: listStart + im.index, end: listStart + im.index + im[1].length } as {
          text: string;
          start: number;
          end: number;
          rangeFrom?: string;
        };
        if (pendingRange && items.length > 0) it.rangeFrom = items[items.length - 1].text;
        items.push(it);
        pendingRange = false;
      } else if (im[2] !== undefined) {
        pendingRange = RANGE_SEP_RE.test(im[2]);
      }
    }
    if (items.length === 0) return;

    let conv = false;
    let namedTitle: string | undefined;
    let paragraphAfter: string | undefined;
    if (isArticle) {
      let after = text.slice(end, Math.min(text.length, end + 160));
      let afterPos = end;
      const nt = NAMED_TITLE_RE.exec(after);
      if (nt && /^\p{L}/u.test(nt[1].trim()) && !/^[ivxlcdm]{1,5}$|^[a-z]$/i.test(nt[1].trim())) {
        namedTitle = nt[1].trim().replace(/^["“'‘«]\s*|\s*["”'’»]$/g, '');
        after = after.slice(nt[0].length);
        afterPos += nt[0].length;
      }
      const pa = v.paragraphAfterRe.exec(after);
      if (pa) {
        paragraphAfter = pa[1].replace(/[()]/g, '');
        after = after.slice(pa[0].length);
        afterPos += pa[0].length;
      }
      if (v.thisActAfterRe.test(after)) conv = false;
      else if (v.conventionAfterRe.test(after)) conv = true;
      else {
        const before = text.slice(Math.max(0, start - 100), start);
        if (v.conventionBeforeRe.test(before) && conventionIn(v, before, 0, before.length)) conv = true;
        else if (!articleStyle) {
          const b = sentenceBounds(text, start, afterPos);
          conv = conventionIn(v, text, b.from, b.to);
        }
      }
    }

    for (const it of items) {
      const spanStart = it === items[0] ? start : it.start;
      if (conv) {
        const num = /^(\d{1,6})/.exec(it.text);
        if (!num) continue;
        const article = parseInt(num[1], 10);
        const pin = /\(([^)]+)\)((?:\([^)]+\))*)/.exec(it.text);
        const articles: number[] = [];
        if (it.rangeFrom !== undefined && /^\d+/.test(it.rangeFrom)) {
          const from = parseInt(it.rangeFrom, 10);
          if (from < article && article - from <= 100) for (let a = from + 1; a < article; a++) articles.push(a);
        }
        for (const a of articles) refs.push({ kind: 'convention', article: a, span: { start: it.start, end: it.end } });
        const ref: ConventionReference = { kind: 'convention', article, span: { start: spanStart, end: it.end } };
        const paragraph = pin ? pin[1] + pin[2] : it === items[items.length - 1] ? paragraphAfter : undefined;
        if (paragraph !== undefined) ref.paragraph = paragraph;
        if (namedTitle !== undefined && it === items[items.length - 1]) ref.namedTitle = namedTitle;
        refs.push(ref);
      } else {
        const target = it.text.replace(/[ \t\u00A0]*[°º]/, '').replace(/[ \t\u00A0]+(?=\()/g, '').replace(/[ \t\u00A0]+/g, ' ');
        if (it.rangeFrom !== undefined && /^\d+$/.test(it.rangeFrom) && /^\d+$/.test(target)) {
          const from = parseInt(it.rangeFrom, 10);
          const to = parseInt(target, 10);
          if (from < to && to - from <= 50) {
            for (let a = from + 1; a < to; a++) {
              const r: CrossReference = { kind: 'section', target: String(a), span: { start: it.start, end: it.end } };
              const res = resolve(String(a), undefined, sectionsByLabel, byId);
              if (res) r.resolved = res;
              refs.push(r);
            }
          }
        }
        const r: CrossReference = { kind: 'section', target, span: { start: spanStart, end: it.end } };
        const res = resolve(target, isSub || target.startsWith('(') ? owner.at(start) : undefined, sectionsByLabel, byId);
        if (res) r.resolved = res;
        refs.push(r);
      }
    }
  }
}

/** Resolves "14", "14(2)(b)", "323-1", "(2)" (relative to the section containing `from`). */
function resolve(
  target: string,
  from: Provision | undefined,
  sectionsByLabel: Map<string, Provision>,
  byId: ReadonlyMap<string, Provision>,
): string | undefined {
  const paren = target.indexOf('(');
  const base = paren < 0 ? target : target.slice(0, paren);
  const pins: string[] = [];
  const pinRe = /\(([^)]+)\)/g;
  for (let m = pinRe.exec(target); m !== null; m = pinRe.exec(target)) pins.push(m[1].toLowerCase());
  let node: Provision | undefined;
  if (base.trim() === '') {
    // relative: the section containing the reference
    let p = from;
    while (p && p.kind !== 'section') p = p.parent ? byId.get(p.parent) : undefined;
    node = p;
  } else node = sectionsByLabel.get(normLabel(base));
  if (!node) return undefined;
  for (const pin of pins) {
    const child = findChild(node, pin, byId);
    if (!child) {
      // "section 14(2)" falls back to the section; a bare "subsection (2)" does not
      if (base.trim() === '' && node.kind === 'section') return undefined;
      break;
    }
    node = child;
  }
  return node.id;
}

const childCache = new WeakMap<Provision, Map<string, Provision>>();

function findChild(node: Provision, core: string, byId: ReadonlyMap<string, Provision>): Provision | undefined {
  let m = childCache.get(node);
  if (!m) {
    m = new Map();
    for (const cid of node.children) {
      const c = byId.get(cid);
      if (c && !m.has(subCore(c.label))) m.set(subCore(c.label), c);
    }
    childCache.set(node, m);
  }
  return m.get(core);
}
