// Cross-references ("section 14", "articles 7 and 8") and references to the Convention ("article 7 of the Convention"), resolved to provisions.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import { execAt, isSpace } from '../text';
import type { Building, ConventionReference, CrossReference, Provision, Reference } from '../types';
import type { ParserVocabulary } from '../vocabulary';
import { OwnerIndex } from './tree';

// A reference is found by the vocabulary's referenceRe (its word from the language files), tried
// only where referenceStartRe finds a start (see execAt): its word must be followed by a number
// or "(", so that "s." ending a sentence or "section" inside "intersection" is no candidate.
/** The numbers of a reference's list and what joins them. */

export const NAMED_TITLE_RE = /^[ \t\u00A0]*\(([^()\r\n]{2,80})\)/;

export function normLabel(s: string): string {
  const lower = s.toLowerCase();
  // Most labels ("12", "3A") have nothing to strip: no pattern is run for them.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 46 || c === 0xb0 || c === 0xba || isSpace(c)) return lower.replace(/[\s°º.]/g, '');
  }
  return lower;
}

export function subCore(label: string): string {
  return label.replace(/^\(/, '').replace(/[)°º.]+$/, '').toLowerCase();
}

export function sentenceBounds(text: string, start: number, end: number): { from: number; to: number } {
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

export function conventionIn(v: ParserVocabulary, text: string, from: number, to: number): boolean {
  const s = text.slice(from, to);
  v.conventionAnyRe.lastIndex = 0;
  for (let m = v.conventionAnyRe.exec(s); m !== null; m = v.conventionAnyRe.exec(s)) {
    if (!v.otherTreatyRe.test(s.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

/** The first section with each (normalised) label: what "section 14" resolves to. */
export function sectionLabels(provisions: Provision[], contents: ReadonlySet<string>): Map<string, Provision> {
  const sectionsByLabel = new Map<string, Provision>();
  for (let i = 0; i < provisions.length; i++) {
    const p = provisions[i];
    // "section 3" is the body's section 3, not its line in the table of contents.
    if (p.kind !== 'section' || contents.has(p.id)) continue;
    const k = normLabel(p.label);
    if (!sectionsByLabel.has(k)) sectionsByLabel.set(k, p);
  }
  return sectionsByLabel;
}

/** Spans as [start0, end0, start1, end1, …], in document order. */
export type Marks = Int32Array;

export interface RefContext {
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
export interface RefTrace {
  ends: number[];
  counts: number[];
}

/**
 * Scans for references from `from` (a position the scan reached, or 0), appending to `refs`
 * and `trace`. Stops early, returning the index in `trace` where it stopped, when `resync`
 * says the scan is back in step with an earlier one; -1 when it ran to the end.
 */
export function scanReferences(text: string, ctx: RefContext, from: number, refs: Reference[], trace: RefTrace, resync?: (end: number) => boolean): number {
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
export function referencesOf(
  v: ParserVocabulary,
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
    v.itemRe.lastIndex = 0;
    let pendingRange = false;
    for (let im = v.itemRe.exec(m[2]); im !== null; im = v.itemRe.exec(m[2])) {
      if (im[0].length === 0) {
        v.itemRe.lastIndex++;
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
        pendingRange = v.rangeSepRe.test(im[2]);
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
        const ref: Building<ConventionReference> = { kind: 'convention', article, span: { start: spanStart, end: it.end } };
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
              const r: Building<CrossReference> = { kind: 'section', target: String(a), span: { start: it.start, end: it.end } };
              const res = resolve(String(a), undefined, sectionsByLabel, byId);
              if (res) r.resolved = res;
              refs.push(r);
            }
          }
        }
        const r: Building<CrossReference> = { kind: 'section', target, span: { start: spanStart, end: it.end } };
        const res = resolve(target, isSub || target.startsWith('(') ? owner.at(start) : undefined, sectionsByLabel, byId);
        if (res) r.resolved = res;
        refs.push(r);
      }
    }
  }
}

/** Resolves "14", "14(2)(b)", "323-1", "(2)" (relative to the section containing `from`). */
export function resolve(
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

export const childCache = new WeakMap<Provision, Map<string, Provision>>();

export function findChild(node: Provision, core: string, byId: ReadonlyMap<string, Provision>): Provision | undefined {
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
