// The incremental parse: an edit inside one line that changes no structure keeps the tree.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import { detached, lastAtOrBefore, ListMap } from '../text';
import type { Building, DefinedTerm, ParsedDraft, Provision, Reference } from '../types';
import { bundledVocabulary, type ParserVocabulary } from '../vocabulary';
import { contentsEntries, NO_CONTENTS, sameIds } from './contents';
import { type DefinitionCandidate, definitionCandidates, definitionsFrom } from './definitions';
import { parseProvisions } from './full';
import { headingLine, isBlank, lineText } from './headings';
import type { Lines } from './lines';
import { type Entry, type Marker, classifyLine } from './markers';
import { type RefContext, type RefTrace, scanReferences } from './references';
import { nextTree, states } from './state';
import { OwnerIndex } from './tree';

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

/** Context a reference's conversion reads around its match: 300 before, 160 + 300 after; with room to spare. */
export const REF_CONTEXT = 1000;
/** Characters other than spaces and tabs the reference pattern may read past the end of a match before it fails (generously). */
export const REF_LOOKAHEAD = 256;

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
export function commonPrefix(x: string, y: string): number {
  const max = Math.min(x.length, y.length);
  let i = 0;
  for (let step = 65536; step >= 64; step >>= 4) {
    while (i + step <= max && x.slice(i, i + step) === y.slice(i, i + step)) i += step;
  }
  while (i < max && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, not reaching into the first `floor` characters of either. */
export function commonSuffix(x: string, y: string, floor: number): number {
  const max = Math.min(x.length, y.length) - floor;
  let i = 0;
  for (let step = 65536; step >= 64; step >>= 4) {
    while (i + step <= max && x.slice(x.length - i - step, x.length - i) === y.slice(y.length - i - step, y.length - i)) i += step;
  }
  while (i < max && x.charCodeAt(x.length - 1 - i) === y.charCodeAt(y.length - 1 - i)) i++;
  return i;
}

export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Whether [from, to) holds at least `n` characters other than space, tab and no-break space. */
export function hasSolidChars(text: string, from: number, to: number, n: number): boolean {
  for (let i = from; i < to && n > 0; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) n--;
  }
  return n <= 0;
}

/** Line index holding offset (lines.start is sorted). */
export function lineAt(lines: Lines, offset: number): number {
  return Math.max(0, lastAtOrBefore(lines.start.length, (i) => lines.start[i], offset));
}

export function sameMarker(x: Marker, y: Marker, f: (n: number) => number): boolean {
  return f(x.offset) === y.offset && x.label === y.label && x.core === y.core && x.form === y.form;
}

/** Is `y` (from the new text) the entry `x` (from the old text) with its offsets mapped by f, marker words included? */
export function sameEntry(x: Entry | undefined, y: Entry | undefined, f: (n: number) => number, oldText: string, newText: string): boolean {
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
export function headingFacts(v: ParserVocabulary, text: string, lines: Lines, li: number, entry: boolean): string {
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

export function reparseUnsafe(v: ParserVocabulary, previous: ParsedDraft, old: string, text: string, edit: TextEdit): ParsedDraft | undefined {
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
  definitionsFrom(v, text, candidates, owner, Math.max(kept - 1, 0), lineDone, definitions);
  for (let k = oldAfter; k < previous.definitions.length; k++) {
    const d = previous.definitions[k];
    const q: Building<DefinedTerm> = {
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
    const r = references[i] as Building<Reference>;
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

  // The table of contents is told from the text of the sections at the head of the draft and the
  // headings of all: an edit after that text which rewrites no heading leaves it as it was; one
  // that changes it changes which section "section 3" refers to, and is parsed in full.
  let contentsReadEnd = st.contentsReadEnd;
  if (retitledId !== undefined || a <= st.contentsReadEnd) {
    const contents = contentsEntries(text, provisions);
    if (!sameIds(contents.ids, previous.contents ?? NO_CONTENTS)) return undefined;
    contentsReadEnd = contents.readEnd;
  }
  const parsed: ParsedDraft = { provisions, byId, definitions, references, ...(previous.contents ? { contents: previous.contents } : {}) };
  // A new heading changes the context of the provisions below it: not the same tree.
  const tree = retitledId !== undefined ? nextTree() : st.tree;
  states.set(parsed, {
    vocabulary: v,
    lines,
    indexOf: st.indexOf,
    skip,
    articleStyle: st.articleStyle,
    firstEntryStart: st.firstEntryStart,
    sectionsByLabel: st.sectionsByLabel,
    contentsReadEnd,
    trace,
    candidates,
    tree,
    retitled: retitledId !== undefined ? { from: st.tree, id: retitledId } : undefined,
  });
  return parsed;
}
