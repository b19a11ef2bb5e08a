// Findings in the analysed text of an Akoma Ntoso act point back at the element they stand in: the
// client sends where each element's text lies (SourceAnchorsNotification, shared/protocol.ts) and
// every diagnostic inside one gets a related-information entry at the element's start tag in the
// file ("Akoma Ntoso element sec_2", one click away in the Problems panel). For a PDF the client
// sends where each page begins, and hovers say on which page they stand.
import { MarkupContent, type Diagnostic, type DiagnosticRelatedInformation, type Hover } from 'vscode-languageserver';
import type { SourceAnchor, SourceAnchorsParams } from '../../../shared/protocol';
import type { Messages } from '../analysis/messages';
import { escapeMarkdown as md } from '../analysis/markdown';
import { AnchorIndex, pageAt } from '../analysis/report';
import { baseName } from '../analysis/table';
import type { LineIndex } from '../analysis/text';

const isNatural = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isAnchor(v: unknown): v is SourceAnchor {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return isNatural(a.start) && isNatural(a.end) && a.start <= a.end && typeof a.eId === 'string' && (a.line === undefined || isNatural(a.line)) && (a.column === undefined || isNatural(a.column));
}

/** The params when they have the notification's shape, else why not (a notification has no error reply). */
export function checkSourceAnchors(p: unknown): SourceAnchorsParams | string {
  if (typeof p !== 'object' || p === null) return 'params must be an object';
  const o = p as Record<string, unknown>;
  if (typeof o.uri !== 'string' || typeof o.source !== 'string') return 'uri and source must be strings';
  if (!isNatural(o.length)) return 'length must be a natural number';
  if (!Array.isArray(o.anchors) || !o.anchors.every(isAnchor)) return 'anchors must be a list of { start, end, eId, line?, column? }';
  const pages = o.pageStarts;
  if (pages !== undefined && (!Array.isArray(pages) || !pages.every((v, i) => isNatural(v) && (i === 0 || v >= (pages[i - 1] as number))))) return 'pageStarts must be a rising list of natural numbers';
  return o as unknown as SourceAnchorsParams;
}

/**
 * Adds to each diagnostic about a provision (`data.provision`) the innermost element that holds its
 * start (as the JSON and SARIF reports name it: AnchorIndex), at the element's start tag, when the
 * anchors were read from this text (same length). A draft-level diagnostic (the articles no
 * provision implements) stands at the start of the text, which may be inside the first section: it
 * concerns the whole act and gets none.
 */
export function addSourceElements(diagnostics: Diagnostic[], anchors: SourceAnchorsParams | undefined, text: string, lines: LineIndex, say: Messages): void {
  if (!anchors || anchors.length !== text.length || !anchors.anchors.length) return;
  // In text order, outer before inner where they start together, as AnchorIndex reads them; the client's order is not relied on.
  const index = new AnchorIndex([...anchors.anchors].sort((a, b) => a.start - b.start || b.end - a.end));
  for (const d of diagnostics) {
    if (typeof (d.data as { provision?: unknown } | undefined)?.provision !== 'string') continue;
    const inner = index.at(lines.offsetAt(d.range.start));
    if (inner?.line === undefined) continue;
    const position = { line: Math.max(0, inner.line - 1), character: Math.max(0, (inner.column ?? 1) - 1) };
    const element: DiagnosticRelatedInformation = { location: { uri: anchors.source, range: { start: position, end: position } }, message: say.t('diagnostic.sourceElement', inner.eId) };
    d.relatedInformation = [element, ...(d.relatedInformation ?? [])];
  }
}

/**
 * A hover in the analysed text of a PDF, with the page it stands on ("Page 12 of act.pdf") as its
 * last line, for those who cite the printed law; other hovers as they are.
 */
export function withPage(hover: Hover | null, anchors: SourceAnchorsParams | undefined, text: string, offset: number, say: Messages): Hover | null {
  const pages = anchors?.pageStarts;
  if (!hover || !pages?.length || anchors!.length !== text.length || !MarkupContent.is(hover.contents)) return hover;
  return { ...hover, contents: { kind: hover.contents.kind, value: `${hover.contents.value}\n\n_${md(say.t('hover.page', pageAt(pages, offset), baseName(anchors!.source)))}_` } };
}
