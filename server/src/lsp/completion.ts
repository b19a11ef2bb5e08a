// Completion of convention article numbers after "Article ", "Art. ", "Articles 5, ", "artículo ", …
// Needs only the line being typed, not the analysis: it runs on every trigger character.
import { escapeMarkdown as md } from '../analysis/markdown';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';

/** Characters that (re)open the completion list: the space after "Article", and list separators. */
export const COMPLETION_TRIGGERS = [' ', ','];

// "Article ", "Art. ", "art. ", "Articles 5, 6 and ", "artículo ", "article " … then the digits typed so far.
const BEFORE_CURSOR =
  /(?:^|[^\p{L}\p{N}])(?:articles?|arts?\.|art[íi]culos?)[ \t\u00A0]+(?:\d{1,3}(?:\([^)\s]{1,4}\))*[ \t\u00A0]*(?:,|and|or|to|y|o|a|et|ou|à|–|—|-)[ \t\u00A0]*)*(\d{0,3})$/iu;

/** How much of the line before the cursor the pattern needs to see. */
export const COMPLETION_LOOKBEHIND = 200;

/** `before`: the text of the cursor's line before the cursor (its last COMPLETION_LOOKBEHIND characters suffice). */
export function computeCompletion(before: string, analyzer: Analyzer, position: Position): CompletionList | null {
  const m = BEFORE_CURSOR.exec(before.slice(-COMPLETION_LOOKBEHIND));
  if (!m) return null;
  const typed = m[1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const chapters = new Map(analyzer.data.chapters.map((c) => [c.chapter, c.title]));
  const items: CompletionItem[] = [...analyzer.data.articles]
    .sort((a, b) => a.article - b.article)
    .map((a) => ({
      label: `${a.article} — ${a.title}`,
      kind: CompletionItemKind.Reference,
      detail: `Chapter ${a.chapter}${chapters.get(a.chapter) ? ' — ' + chapters.get(a.chapter) : ''}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: [
          // Data text, escaped: a data folder (CONCORDANCE_DATA_DIR) may come from anyone.
          `**Art. ${a.article} — ${md(a.title)}**`,
          '',
          ...a.paragraphs.map((p) => `- *${md(p.n)}* (${md(p.obligation)}) ${md(p.summary)}`),
          '',
          '_Summary, not treaty text._',
        ].join('\n'),
      },
      sortText: String(a.article).padStart(3, '0'),
      filterText: String(a.article),
      textEdit: { range, newText: String(a.article) },
    }));
  return { isIncomplete: false, items };
}
