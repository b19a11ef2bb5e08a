// Drafter-readable views of one article: plain text (CLI), Markdown (hovers and the
// read-only article document) and a JSON record (`concordance article N --format json`).
// Everything shown is our paraphrase; the views say so.

import { codeFence, escapeMarkdownSource } from '../markdown';
import { articleByNumber, budapestArticle, modelClauseFor, safeguardById } from './load';
import type { Article, ConventionData, ModelClause, Safeguard } from './types';

export interface ArticleRecord extends Article {
  chapterTitle?: string;
  resolvedSafeguards: Safeguard[];
  readWithTitles: { article: number; title: string }[];
  budapestTitles: { article: string; title: string }[];
  modelClause?: ModelClause;
}

function need(data: ConventionData, n: number): Article {
  const a = articleByNumber(data, n);
  if (!a) throw new Error(`Article ${n} does not exist: the Convention has articles 1 to ${data.articles.length}.`);
  return a;
}

export function articleRecord(data: ConventionData, n: number): ArticleRecord {
  const a = need(data, n);
  return {
    ...a,
    chapterTitle: data.chapters.find((c) => c.chapter === a.chapter)?.title,
    resolvedSafeguards: a.safeguards.map((id) => safeguardById(data, id)).filter((s): s is Safeguard => !!s),
    readWithTitles: a.readWith.map((r) => ({ article: r, title: articleByNumber(data, r)?.title ?? '?' })),
    budapestTitles: a.budapest.map((b) => ({ article: b, title: budapestArticle(data, b)?.title ?? '?' })),
    modelClause: modelClauseFor(data, n),
  };
}

/** The lines both views share; `md` switches on Markdown emphasis. */
function lines(data: ConventionData, n: number, md: boolean): string[] {
  const r = articleRecord(data, n);
  // Markdown: data text is escaped (a data folder may come from anyone), our markup is not.
  const t = (s: string) => (md ? escapeMarkdownSource(s) : s);
  const b = (s: string) => (md ? `**${s}**` : s);
  const h = (s: string) => (md ? `### ${s}` : `${s}:`);
  const item = (s: string) => (md ? `- ${s}` : `  - ${s}`);
  const out: string[] = [];
  out.push(md ? `## Article ${r.article}. ${t(r.title)}` : `Article ${r.article}. ${r.title}`);
  out.push(`Chapter ${r.chapter}${r.chapterTitle ? ` (${t(r.chapterTitle)})` : ''}. Kind: ${t(r.kind)}; obligation: ${t(r.obligation)}${r.needsDomesticProvision ? '; needs a domestic provision' : ''}.`);
  out.push(md ? '_Summaries are our paraphrases, not treaty text; read the official text of A/RES/79/243 where wording matters._' : 'Summaries are our paraphrases, not treaty text; read the official text of A/RES/79/243 where wording matters.');
  out.push('');
  out.push(h('Paragraphs'));
  for (const p of r.paragraphs) {
    const label = p.verified ? 'summary' : 'unverified summary';
    out.push(item(`${b(p.n === 'unnumbered' ? 'Unnumbered paragraph' : `Para ${t(p.n)}`)} [${t(p.obligation)}] ${label}: ${t(p.summary)}${p.note ? ` Note: ${t(p.note)}` : ''}`));
  }
  if (r.elements.length) {
    out.push('');
    out.push(h('Elements a domestic provision needs'));
    for (const e of r.elements) {
      const where = e.paragraph ? `, para ${e.paragraph}` : '';
      out.push(item(`${t(e.label)} (${e.required ? 'required' : 'optional'}${t(where)})`));
    }
  }
  if (r.resolvedSafeguards.length) {
    out.push('');
    out.push(h('Safeguards'));
    for (const s of r.resolvedSafeguards) out.push(item(`${b(t(s.title))} (Art ${t(s.citations.join(', '))}; ${t(s.obligation)}): ${t(s.requirement)}`));
  }
  // The definitions' notes (the interpretative notes annexed to the resolution, e.g. on "service provider").
  const notes = data.definitions.filter((d) => d.note && d.citation.startsWith(`${r.article}(`));
  if (notes.length) {
    out.push('');
    out.push(h('Notes on the defined terms'));
    for (const d of notes) out.push(item(`${b(t(`${d.term} (${d.citation})`))}: ${t(d.note!)}`));
  }
  out.push('');
  out.push(h('Read with'));
  out.push(r.readWithTitles.length ? r.readWithTitles.map((x) => item(`Art ${x.article} ${t(x.title)}`)).join('\n') : item('none'));
  out.push('');
  out.push(h('Budapest Convention (ETS 185)'));
  if (r.budapestTitles.length) for (const x of r.budapestTitles) out.push(item(`Budapest Art ${t(x.article)} ${t(x.title)}`));
  else out.push(item('no Budapest counterpart'));
  if (r.options) {
    out.push('');
    out.push(h('Options and reservations'));
    out.push(t(r.options));
  }
  return out;
}

export function formatArticleText(data: ConventionData, n: number): string {
  return lines(data, n, false).join('\n') + '\n';
}

export function formatArticleMarkdown(data: ConventionData, n: number): string {
  const out = lines(data, n, true);
  const clause = modelClauseFor(data, n);
  if (clause) {
    out.push('');
    out.push('### Model clause (our drafting, not treaty text)');
    // A fence the clause's own backticks cannot close.
    const fence = codeFence(clause.text);
    out.push(fence);
    out.push(clause.text);
    out.push(fence);
  }
  return out.join('\n') + '\n';
}
