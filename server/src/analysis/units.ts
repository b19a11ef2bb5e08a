// The units the Analyzer matches (sections, or top-level provisions where a draft has none) and
// what an edit left untouched: read by the Analyzer (analyze.ts) and by the checks (checks.ts),
// which import it rather than each other.
import type { TextEdit } from './parse';
import type { DocumentAnalysis, ParsedDraft, Provision, Span } from './types';

/** What changed since the previous version, for the steps that reuse its results. */
export interface Revision {
  text: string;
  analysis: DocumentAnalysis;
  edit: TextEdit;
}

/** Does a provision's text lie wholly before or wholly after the edit (so that it is unchanged)? */
export function untouched(oldSpan: Span, newSpan: Span, edit: TextEdit, delta: number): boolean {
  if (oldSpan.end < edit.start) return newSpan.start === oldSpan.start && newSpan.end === oldSpan.end;
  return oldSpan.start >= edit.oldEnd && newSpan.start === oldSpan.start + delta && newSpan.end === oldSpan.end + delta;
}

const unitLists = new WeakMap<ParsedDraft, Provision[]>();

/** matchUnits, computed once per parse (not to be changed by the caller). */
export function unitsOf(parsed: ParsedDraft): Provision[] {
  let units = unitLists.get(parsed);
  if (!units) unitLists.set(parsed, (units = matchUnits(parsed)));
  return units;
}

/**
 * The provisions matched against the convention: sections (those of a table of contents at the
 * head of the draft aside: copies of the body's), or top-level provisions where a draft has none.
 */
export function matchUnits(parsed: ParsedDraft): Provision[] {
  // An indexed loop: this runs for every version, over every provision, cold on the first edits.
  const sections: Provision[] = [];
  const contents = parsed.contents;
  for (let k = 0; k < parsed.provisions.length; k++) {
    const p = parsed.provisions[k];
    if (p.kind === 'section' && !contents?.has(p.id)) sections.push(p);
  }
  if (sections.length > 0) return sections;
  const top = parsed.provisions.filter((p) => p.depth === 0 && p.kind !== 'division' && p.kind !== 'trailing');
  if (top.length > 0) return top;
  // A draft made only of Parts/headings: match the leaves.
  return parsed.provisions.filter((p) => p.children.length === 0 && p.kind !== 'preamble');
}
