// The read-only `concordance:` documents the client shows: articles and code documentation.
// The server produces their content; the client's TextDocumentContentProvider serves it.
import type { Analyzer } from '../analysis/analyze';
import { formatArticleMarkdown } from '../analysis/data/articleView';
import { escapeMarkdownSource as md } from '../analysis/markdown';
import { SCHEME } from '../../../shared/protocol';

export function articleUri(n: number): string {
  return `${SCHEME}:/article/${n}.md`;
}

export function codeDocUri(code: string): string {
  return `${SCHEME}:/codes/${code}.md`;
}

/** Line of a paragraph in an article's Markdown (0 for the title when not found). */
export function paragraphLine(markdown: string, paragraph: string | undefined): number {
  if (!paragraph) return 0;
  // Asked for every diagnostic citing the paragraph: remembered per article text (a few dozen).
  let lines = paragraphLines.get(markdown);
  if (!lines) {
    if (paragraphLines.size > 1000) paragraphLines.clear();
    paragraphLines.set(markdown, (lines = new Map()));
  }
  let line = lines.get(paragraph);
  if (line === undefined) {
    const re = new RegExp(`^\\W*(?:Para(?:graph)?\\.?\\s*)?\\(?${paragraph}\\b`, 'i');
    const i = markdown.split('\n').findIndex((l) => re.test(l.replace(/^[-*#\s]+/, '')));
    lines.set(paragraph, (line = i < 0 ? 0 : i));
  }
  return line;
}

const paragraphLines = new Map<string, Map<string, number>>();

/** Content of a `concordance:` URI, or undefined when it names nothing. */
export function virtualDocument(analyzer: Analyzer, uri: string): string | undefined {
  const article = /^concordance:\/article\/(\d+)\.md$/.exec(uri);
  if (article) {
    const n = Number(article[1]);
    return analyzer.data.articles.some((a) => a.article === n) ? formatArticleMarkdown(analyzer.data, n) : undefined;
  }
  const code = /^concordance:\/codes\/([a-z-]+\.[a-z-]+)\.md$/.exec(uri);
  if (code) {
    const c = analyzer.data.checks.find((x) => x.code === code[1]);
    if (!c) return undefined;
    return [
      `# \`${c.code}\` — ${md(c.title)}`,
      '',
      `Rests on: Art. ${md(c.citations.join(', Art. '))} · default severity: ${md(c.defaultSeverity)}`,
      '',
      md(c.description),
      '',
      '**Example that triggers it**',
      '',
      '> ' + md(c.example),
      '',
      `Silence it for one provision with a drafting note containing \`concordance-ignore ${c.code}\`; change its severity with the setting \`concordance.severity\`.`,
      '',
    ].join('\n');
  }
  return undefined;
}
