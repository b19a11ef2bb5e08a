// Go to definition: a convention reference opens the article (at the cited paragraph),
// a cross-reference to another section goes to that section, a defined term to its definition,
// a line of the table of contents at the head of the draft to the section it lists.
import type { Location, Position } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { formatArticleMarkdown } from '../analysis/data/articleView';
import { contentsTargetAt, definitionAt, referenceAt } from '../analysis/query';
import type { Span } from '../analysis/types';
import { firstLine } from './codeLens';
import { articleUri, paragraphLine } from './virtualDocs';
import type { AnalysedDocument } from './workspace';

export function computeDefinition(doc: AnalysedDocument, analyzer: Analyzer, position: Position): Location | null {
  const offset = doc.lines.offsetAt(position);
  const { analysis } = doc;
  const ref = referenceAt(analysis, offset);
  if (ref?.kind === 'convention') {
    if (!analyzer.data.articles.some((a) => a.article === ref.article)) return null;
    const line = ref.paragraph ? paragraphLine(formatArticleMarkdown(analyzer.data, ref.article), ref.paragraph) : 0;
    return { uri: articleUri(ref.article), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
  }
  if (ref?.kind === 'section') {
    const target = ref.resolved ? analysis.parsed.byId.get(ref.resolved) : undefined;
    if (!target) return null;
    return { uri: doc.uri, range: doc.lines.rangeOf(trimmed(doc.text, target.span)) };
  }
  const def = definitionAt(analysis, doc.text, offset);
  if (def) return { uri: doc.uri, range: doc.lines.rangeOf(def.span) };
  const listed = contentsTargetAt(analysis, doc.text, offset);
  if (listed) return { uri: doc.uri, range: doc.lines.rangeOf(trimmed(doc.text, listed.span)) };
  return null;
}

function trimmed(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  // A long provision: point at its first line so the editor reveals its start.
  return end - span.start > 2000 ? firstLine(text, span) : { start: span.start, end };
}
