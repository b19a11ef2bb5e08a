// Position queries over an analysis: what stands at an offset.
import { bodyCopyOf } from './parse';
import { lastAtOrBefore } from './text';
import type { DefinedTerm, DocumentAnalysis, ElementEvidence, Provision, Reference, Span } from './types';

/** The deepest provision whose span contains the offset. */
export function provisionAt(analysis: DocumentAnalysis, offset: number): Provision | undefined {
  const list = analysis.parsed.provisions;
  // Provisions are in document order: the last one starting at or before offset, or an ancestor.
  const idx = lastAtOrBefore(list.length, (i) => list[i].span.start, offset);
  for (let p = idx >= 0 ? list[idx] : undefined; p; p = p.parent ? analysis.parsed.byId.get(p.parent) : undefined) {
    if (offset >= p.span.start && (offset < p.span.end || (offset === p.span.end && p === list[list.length - 1]))) return p;
  }
  return undefined;
}

/**
 * On the line of an entry of the table of contents at the head of the draft (not on what follows
 * its last entry, such as a bill's long title): the body's section it stands for.
 */
export function contentsTargetAt(analysis: DocumentAnalysis, text: string, offset: number): Provision | undefined {
  const p = provisionAt(analysis, offset);
  if (!p) return undefined;
  const pastItsLine = /[\r\n]\s*\S/.test(text.slice(p.span.start, offset));
  return pastItsLine ? undefined : bodyCopyOf(analysis.parsed, p);
}

export function referenceAt(analysis: DocumentAnalysis, offset: number): Reference | undefined {
  return analysis.parsed.references.find((r) => offset >= r.span.start && offset <= r.span.end);
}

/** A defined term at the offset: where it is defined, or a later use of it. */
export function definitionAt(analysis: DocumentAnalysis, text: string, offset: number): DefinedTerm | undefined {
  for (const d of analysis.parsed.definitions) {
    if (offset >= d.span.start && offset <= d.span.end) return d;
  }
  for (const d of analysis.parsed.definitions) {
    const n = d.term.length;
    if (n < 3) continue;
    const window = text.slice(Math.max(0, offset - n), offset + n).toLowerCase();
    const at = window.indexOf(d.term.toLowerCase());
    if (at < 0) continue;
    const start = Math.max(0, offset - n) + at;
    if (offset >= start && offset <= start + n && isWordBoundary(text, start - 1) && isWordBoundary(text, start + n)) return d;
  }
  return undefined;
}

function isWordBoundary(text: string, i: number): boolean {
  return i < 0 || i >= text.length || !/[\p{L}\p{N}]/u.test(text[i]);
}

/**
 * Where a matched element's evidence stands in the draft: the deepest provision holding its first
 * character (the matched unit itself, or one of its subdivisions) and its span in the draft. The
 * evidence span is relative to the unit (matches are shared by versions that move the unit).
 */
export function evidenceLocation(analysis: DocumentAnalysis, unit: Provision, evidence: ElementEvidence): { provision: Provision; span: Span } | undefined {
  if (!evidence.present || !evidence.span) return undefined;
  const span = { start: unit.span.start + evidence.span.start, end: unit.span.start + evidence.span.end };
  const at = provisionAt(analysis, span.start);
  // Inside the unit by construction; a provision outside it would be a stale pairing: say the unit.
  const provision = at && at.span.start >= unit.span.start && at.span.end <= unit.span.end ? at : unit;
  return { provision, span };
}
