// Hover: over a convention reference, a defined term, or a provision.
// Its words are the server's messages (data/messages, in the editor's language): our own text,
// put in as Markdown; what comes from the draft or the data is escaped before it is filled in.
import type { Hover, Position } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { unitOf } from '../analysis/analyze';
import { provisionAt, referenceAt, definitionAt } from '../analysis/query';
import type { Messages } from '../analysis/messages';
import type { ArticleMatch, Provision } from '../analysis/types';
import type { AnalysedDocument } from './workspace';
import { escapeMarkdown as md } from '../analysis/markdown';
import { HOVER_COMMANDS } from './hoverCommands';

/** The data categories a hover names (data/messages `data.*`); another category shows as data has it. */
const DATA_CATEGORIES = new Set(['subscriber-information', 'traffic-data', 'content-data', 'electronic-data']);

function dataCategoryLabel(say: Messages, d: string): string {
  return DATA_CATEGORIES.has(d) ? say.t(`data.${d}` as 'data.traffic-data') : d;
}

export function computeHover(doc: AnalysedDocument, analyzer: Analyzer, position: Position): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const { analysis } = doc;
  const say = analyzer.messages;
  const ref = referenceAt(analysis, offset);
  if (ref && ref.kind === 'convention') {
    const a = analyzer.data.articles.find((x) => x.article === ref.article);
    const body = a
      ? [`**Art. ${a.article} — ${md(a.title)}** (${say.t('hover.chapter', a.chapter)})`, '', ...a.paragraphs.filter((p) => !ref.paragraph || p.n.startsWith(ref.paragraph)).map((p) => `- *${md(p.n)}* (${md(p.obligation)}) ${md(p.summary)}`), '', `_${say.t('hover.summaryNotTreaty')}_ [${say.t('hover.openArticle')}](${commandUri('concordance.openArticle', [a.article])})`]
      : [say.t('hover.noArticle', ref.article)];
    return { contents: { kind: 'markdown', value: body.join('\n') }, range: doc.lines.rangeOf(ref.span) };
  }
  const def = definitionAt(analysis, doc.text, offset);
  if (def) {
    const finding = analysis.findings.find((f) => f.code === 'definition.narrower' && f.span.start === def.span.start);
    // Draft text: escaped, so it shows as text (no image, link or HTML a hostile draft could carry).
    const lines = [`**"${md(def.term)}"** — ${say.t('hover.definedHere')}`, '', '> ' + md(doc.text.slice(def.definitionSpan.start, def.definitionSpan.end).replace(/\s+/g, ' ').slice(0, 400))];
    if (finding) lines.push('', `_${say.t('hover.definitionNarrower')}_`);
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: doc.lines.rangeOf(def.span) };
  }
  const p = provisionAt(analysis, offset);
  if (!p) return null;
  const unit = unitOf(p, analysis);
  if (!unit) return null;
  const matches = analysis.matches.get(unit.id)?.matches ?? [];
  if (matches.length === 0) return null;
  return { contents: { kind: 'markdown', value: provisionHover(doc, analyzer, unit, matches) }, range: doc.lines.rangeOf({ start: unit.span.start, end: Math.min(unit.span.end, unit.ownSpan.end) }) };
}

function strengthWords(say: Messages, m: ArticleMatch): string {
  return say.t(m.strength === 'strong' ? 'hover.strong' : m.strength === 'moderate' ? 'hover.moderate' : 'hover.weak');
}

/**
 * A provision's hover, summary first: one line with the article, how strong the match is and what
 * is missing; then the elements with their evidence; then the safeguards; then the references.
 * The findings' own messages are not repeated (the editor shows the diagnostic above the card).
 */
export function provisionHover(doc: AnalysedDocument, analyzer: Analyzer, unit: Provision, matches: ArticleMatch[]): string {
  const out: string[] = [];
  const say = analyzer.messages;
  const best = matches[0];
  const article = analyzer.data.articles.find((a) => a.article === best.article)!;
  const findings = doc.analysis.findings.filter((f) => f.provision === unit.id && f.code.startsWith('safeguard.'));
  const safeguardCodes = analyzer.data.checks.filter((c) => c.family === 'safeguard' && c.appliesTo.includes(best.article));
  const missingSafeguards = safeguardCodes.filter((c) => findings.some((f) => f.code === c.code));
  const missing = [
    ...best.elements.filter((e) => e.required && !e.present).map((e) => e.label),
    ...missingSafeguards.map((c) => lowerFirst(safeguardName(say, c))),
  ];
  out.push(
    `**Art. ${best.article} — ${md(best.title)}** · ${strengthWords(say, best)} · ${missing.length ? say.t('hover.missing', missing.map((m) => md(m)).join(', ')) : say.t('hover.nothingMissing')}`,
  );
  if (matches.length > 1) out.push('', say.t('hover.also', matches.slice(1).map((m) => `Art. ${m.article} ${md(m.title)} (${strengthWords(say, m)})`).join('; ')));
  out.push('', `**${say.t('hover.elements')}**`);
  for (const e of best.elements) {
    if (!e.required && !e.present) continue;
    out.push(`- ${e.present ? '✓' : '✗'} ${md(e.label)}${e.required ? '' : ` _${say.t('hover.optional')}_`}${e.evidence ? ` — “${md(e.evidence.replace(/\s+/g, ' '))}”` : ''}`);
  }
  if (safeguardCodes.length) {
    out.push('', `**${say.t('hover.safeguards')}** — ${say.t('hover.present', safeguardCodes.length - missingSafeguards.length, safeguardCodes.length)}`);
    for (const c of safeguardCodes) out.push(`- ${missingSafeguards.includes(c) ? '✗' : '✓'} ${md(safeguardName(say, c))} (Art. ${md(c.citations.join(', '))})`);
  }
  // The card's references on one line: chapter, data touched, read with, Budapest counterpart.
  const refs = [say.t('hover.chapter', article.chapter)];
  if (article.dataCategories?.length) refs.push(`**${say.t('hover.dataTouched')}** ${article.dataCategories.map((d) => md(dataCategoryLabel(say, d))).join(', ')}`);
  if (article.readWith.length) refs.push(`**${say.t('hover.readWith')}** ${article.readWith.map((n) => `[Art. ${n}](${articleLink(n)})`).join(', ')}`);
  refs.push(`**${say.t('hover.budapest')}** ${article.budapest.length ? article.budapest.map((b) => 'Art. ' + md(b)).join(', ') : say.t('hover.noCounterpart')}`);
  out.push('', refs.join(' · '));
  out.push('', `[${say.t('hover.compareWith', best.article)}](${commandUri('concordance.compareWithArticle', [doc.uri, unit.id, best.article])})`);
  return out.join('\n');
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The safeguard's own name ("Limits on duration"), not the check's problem title. */
function safeguardName(say: Messages, code: { code: string; title: string; presentLabel?: string }): string {
  return say.label(code);
}

function articleLink(n: number): string {
  return commandUri('concordance.openArticle', [n]);
}

/**
 * A `command:` link target. Its arguments (a document URI, a provision id from the draft) are
 * percent-encoded entirely, parentheses too, so they can never end the link or start another.
 */
export function commandUri(command: (typeof HOVER_COMMANDS)[number], args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
}
