// The full parse: classify lines, attach headings, build the tree, find definitions and references.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import { ListMap } from '../text';
import type { ParsedDraft, Provision, Reference } from '../types';
import { bundledVocabulary, type ParserVocabulary } from '../vocabulary';
import { type DefinitionCandidate, definitionCandidates, definitionsFrom } from './definitions';
import { contentsEntries } from './contents';
import { headingLine, isBlank, lineText } from './headings';
import { splitLines } from './lines';
import { type Entry, classifyLine } from './markers';
import { type Marks, type RefContext, type RefTrace, scanReferences, sectionLabels } from './references';
import { nextTree, states } from './state';
import { OwnerIndex, TreeBuilder } from './tree';

/**
 * Parses a draft into provisions, defined terms and references. Never throws. `v`: the words
 * of the languages read (an Analyzer passes the one compiled from its data; by default the
 * shipped data's).
 */
export function parseProvisions(text: string, v: ParserVocabulary = bundledVocabulary().parser): ParsedDraft {
  const steps = parseSteps(text, v);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same parse as a generator that yields between slices of work (every few thousand lines
 * and between its stages), so that a caller analysing in time slices can answer requests
 * during the parse of a large draft. Never throws.
 */
export function* parseSteps(text: string, v: ParserVocabulary = bundledVocabulary().parser): Generator<void, ParsedDraft> {
  if (typeof text !== 'string') text = '';
  try {
    return yield* parseUnsafeSteps(v, text);
  } catch {
    return fallbackParse(text);
  }
}

function fallbackParse(text: string): ParsedDraft {
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

/** For tests only: like parseProvisions, but lets an internal error through instead of falling back. */
export function parseProvisionsStrict(text: string, v: ParserVocabulary = bundledVocabulary().parser): ParsedDraft {
  return parseUnsafe(v, text);
}

export function parseUnsafe(v: ParserVocabulary, text: string): ParsedDraft {
  const steps = parseUnsafeSteps(v, text);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Lines (or entries) handled between two yields of the parse. */
const SLICE_LINES = 4096;
/** Matches of the reference pattern handled between two yields of the reference scan. */
export const SLICE_REFERENCE_MATCHES = 4096;

/**
 * The reference scan of the whole text, yielding every SLICE_REFERENCE_MATCHES matches: the scan
 * stops there (`resync`) and goes on from the end of its last match, as an incremental parse
 * resumes it, so the references and the trace are those of one scan in one go.
 */
function* scanReferenceSteps(text: string, ctx: RefContext, references: Reference[], trace: RefTrace): Generator<void, void> {
  for (let from = 0; ; ) {
    let matches = 0;
    const stopped = scanReferences(text, ctx, from, references, trace, () => ++matches >= SLICE_REFERENCE_MATCHES);
    if (stopped < 0) return;
    from = trace.ends[stopped];
    yield;
  }
}

function* parseUnsafeSteps(v: ParserVocabulary, text: string): Generator<void, ParsedDraft> {
  if (text.length === 0) return { provisions: [], byId: new Map(), definitions: [], references: [] };
  yield;
  const lines = splitLines(text);
  const nLines = lines.start.length;
  yield;

  // 1. classify lines
  const entries: Entry[] = [];
  let nArticle = 0;
  let nKeywordSection = 0;
  for (let li = 0; li < nLines; li++) {
    if (li % SLICE_LINES === SLICE_LINES - 1) yield;
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

  yield;
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
    if (k % SLICE_LINES === SLICE_LINES - 1) yield;
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

  yield;
  // 3. tree
  const tb = new TreeBuilder();
  let firstStart = entries.length > 0 ? entries[0].start : text.length;
  if (firstStart > 0) {
    if (/\S/.test(text.slice(0, firstStart).replace(/\uFEFF/g, '')) || entries.length === 0) tb.preamble(firstStart);
    else firstStart = 0;
  }
  for (let i = 0; i < entries.length; i++) {
    if (i % SLICE_LINES === SLICE_LINES - 1) yield;
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

  yield;
  const owner = new OwnerIndex(provisions);
  const candidates: DefinitionCandidate[] = [];
  definitionCandidates(v, text, 0, text.length, candidates);
  yield;
  const definitions = definitionsFrom(v, text, candidates, owner);
  yield;
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
  const contents = contentsEntries(text, provisions);
  const sectionsByLabel = sectionLabels(provisions, contents.ids);
  yield;
  const trace: RefTrace = { ends: [], counts: [] };
  const references: Reference[] = [];
  yield* scanReferenceSteps(text, { vocabulary: v, skip, articleStyle, owner, byId, sectionsByLabel }, references, trace);
  const parsed: ParsedDraft = { provisions, byId, definitions, references, ...(contents.ids.size ? { contents: contents.ids } : {}) };
  states.set(parsed, { vocabulary: v, lines, indexOf: tb.indexOf, skip, articleStyle, firstEntryStart: entries.length > 0 ? entries[0].start : -1, sectionsByLabel, contentsReadEnd: contents.readEnd, trace, candidates, tree: nextTree() });
  return parsed;
}
