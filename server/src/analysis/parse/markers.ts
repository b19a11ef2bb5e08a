// Line classification: which lines open a provision (division and section keywords, numbered and lettered markers) and the heading written on the same line.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import { isSpace } from '../text';
import type { Span } from '../types';
import type { ParserVocabulary } from '../vocabulary';
import { HEAD_MAX, type Lines } from './lines';

export interface Marker {
  /** Offset of the marker's first character. */
  offset: number;
  /** As written: "(1)", "(a)", "a)", "1" (for "1."), "1.2.3". */
  label: string;
  /** Without brackets: "1", "a", "1.2.3". */
  core: string;
  form: 'paren' | 'half' | 'degree' | 'dot' | 'decimal';
}

export type EntryType = 'division' | 'section' | 'numbered' | 'sub';

export interface Entry {
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

export const INDENT_RE = /^[ \t\u00A0\uFEFF\u3000\u2000-\u200B\u202F\u205F]*/;

export const SIGN_RE = /^§[ \t\u00A0]*(\d{1,6}(?:[.-]\d{1,6}){0,4}[A-Za-z]{0,2})(?![\p{L}\p{N}])/u;
/**
 * "14.", "14A.", "10000. A person …". A number of five or six digits opens a section only with
 * text after it on the line: alone on a line ("… a fine not exceeding" / "10000.") it is an
 * amount or a year that wrapped, not a section number.
 */
export const NUMBERED_RE = /^(\d{1,4}[A-Z]{0,2}|\d{5,6}[A-Z]{0,2}(?=\.[ \t\u00A0]*[^\s]))\.(?=[ \t\u00A0]|$|[—–\-(])/;
export const DECIMAL_RE = /^(\d{1,4}(?:\.\d{1,4})+)\.?(?=[ \t\u00A0]|$)/;
export const PAREN_RE = /^\((\d{1,4}[A-Za-z]{0,2}|[a-z]{1,5}|[A-Z]{1,5})\)(?![\p{L}\p{N}])/u;
export const HALF_RE = /^(?:(\d{1,3}|[a-z]{1,2}|[ivx]{1,5})\)|(\d{1,3})[°º]\)?)(?=[ \t\u00A0])/;

/** Does a line end in a function word ("… of the"), so that it is a sentence wrapped, not a heading? */
export function endsInFunctionWord(v: ParserVocabulary, line: string): boolean {
  // The last word after whitespace, as a pattern ending /(?:^|\s)(?:the|of|…)$/i would read it
  // (a pattern tried at every position of every candidate heading cost more than the parse around it).
  let i = line.length;
  while (i > 0 && !isSpace(line.charCodeAt(i - 1))) i--;
  return line.length - i <= v.headingEndMax && v.headingEndWords.has(line.slice(i).toLowerCase());
}

export function wordCount(s: string): number {
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

export function startsUpper(s: string): boolean {
  return /^[\p{Lu}]/u.test(s);
}

/** A short, title-like phrase: capitalised, few words, no verb. */
export function titleLike(v: ParserVocabulary, s: string, maxWords: number): boolean {
  if (s.length === 0 || s.length > 120) return false;
  // "24/7 point of contact" is a heading too: a leading number joined to a word by "/" or "-".
  if (!startsUpper(s) && !/^\d+[/-]\d*\s*\p{L}/u.test(s)) return false;
  if (wordCount(s) > maxWords) return false;
  if (v.verbRe.test(s)) return false;
  return true;
}

export function trimEnd(text: string, from: number, to: number): number {
  while (to > from) {
    const c = text.charCodeAt(to - 1);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff) to--;
    else break;
  }
  return to;
}

/** Skips a separator after a number: ". ", ".-", ".—", " — ", ":", "–". Returns the new position. */
export function skipSeparator(text: string, p: number, end: number): { pos: number; sep: string } {
  const m = /^[ \t\u00A0]*((?:[.:][ \t\u00A0]*)?(?:[-—–]{1,2})?)[ \t\u00A0]*/.exec(text.slice(p, Math.min(end, p + 16)));
  if (!m) return { pos: p, sep: '' };
  return { pos: p + m[0].length, sep: m[1] };
}

/** Reads a chain of "(x)" markers starting at p (white space allowed between them). */
export function readMarkerChain(text: string, p: number, end: number, out: Marker[]): number {
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
export function readDashMarkers(text: string, p: number, end: number, out: Marker[]): void {
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

export interface TailInfo {
  heading?: string;
}

/**
 * Looks at the text after a section number: a heading ("Illegal access", "Acceso ilícito."),
 * and inline subdivision markers.
 */
export function readSectionTail(v: ParserVocabulary, text: string, p: number, lineEnd: number, subs: Marker[], lenient: boolean): TailInfo {
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

export function isIndentChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f;
}

export function mayOpenProvision(v: ParserVocabulary, text: string, q: number, end: number): boolean {
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

export function classifyLine(v: ParserVocabulary, text: string, lines: Lines, li: number): Entry | undefined {
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
    if (v.wrappedReferenceRe.test(text.slice(after, Math.min(le, after + 8)))) return undefined;
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

export function stripClosingHashes(text: string, from: number, to: number): number {
  let e = trimEnd(text, from, to);
  let h = e;
  while (h > from && text.charCodeAt(h - 1) === 35 /* # */) h--;
  if (h < e && (h === from || text.charCodeAt(h - 1) === 32 || text.charCodeAt(h - 1) === 9)) e = trimEnd(text, from, h);
  return e;
}

export function readDivisionTail(v: ParserVocabulary, text: string, p: number, end: number, markdown: boolean): { ok: boolean; heading?: string } {
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
