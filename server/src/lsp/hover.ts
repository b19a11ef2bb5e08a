// Hover: over a convention reference, a defined term, or a provision.
import type { Hover, Position } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { unitOf } from '../analysis/analyze';
import { provisionAt, referenceAt, definitionAt } from '../analysis/query';
import type { ArticleMatch, Provision } from '../analysis/types';
import type { AnalysedDocument } from './workspace';
import { escapeMarkdown as md } from '../analysis/markdown';
import { HOVER_COMMANDS } from './hoverCommands';

const DATA_CATEGORY_LABELS: Record<string, string> = {
  'subscriber-information': 'subscriber information',
  'traffic-data': 'traffic data',
  'content-data': 'content data',
  'electronic-data': 'electronic data',
};

export function computeHover(doc: AnalysedDocument, analyzer: Analyzer, position: Position): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const { analysis } = doc;
  const ref = referenceAt(analysis, offset);
  if (ref && ref.kind === 'convention') {
    const a = analyzer.data.articles.find((x) => x.article === ref.article);
    const body = a
      ? [`**Art. ${a.article} — ${md(a.title)}** (Chapter ${a.chapter})`, '', ...a.paragraphs.filter((p) => !ref.paragraph || p.n.startsWith(ref.paragraph)).map((p) => `- *${md(p.n)}* (${md(p.obligation)}) ${md(p.summary)}`), '', `_Summary, not treaty text._ [Open article](${commandUri('concordance.openArticle', [a.article])})`]
      : [`The Convention has no Article ${ref.article}.`];
    return { contents: { kind: 'markdown', value: body.join('\n') }, range: doc.lines.rangeOf(ref.span) };
  }
  const def = definitionAt(analysis, doc.text, offset);
  if (def) {
    const finding = analysis.findings.find((f) => f.code === 'definition.narrower' && f.span.start === def.span.start);
    // Draft text: escaped, so it shows as text (no image, link or HTML a hostile draft could carry).
    const lines = [`**"${md(def.term)}"** — defined in this draft`, '', '> ' + md(doc.text.slice(def.definitionSpan.start, def.definitionSpan.end).replace(/\s+/g, ' ').slice(0, 400))];
    if (finding) lines.push('', '_Narrower than the Convention’s definition (see the finding)._');
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

function strengthWords(m: ArticleMatch): string {
  return `${m.strength} match`;
}

/**
 * A provision's hover, summary first: one line with the article, how strong the match is and what
 * is missing; then the elements with their evidence; then the safeguards; then the references.
 * The findings' own messages are not repeated (the editor shows the diagnostic above the card).
 */
export function provisionHover(doc: AnalysedDocument, analyzer: Analyzer, unit: Provision, matches: readonly ArticleMatch[]): string {
  const out: string[] = [];
  const best = matches[0];
  const article = analyzer.data.articles.find((a) => a.article === best.article)!;
  const findings = doc.analysis.findings.filter((f) => f.provision === unit.id && f.code.startsWith('safeguard.'));
  const safeguardCodes = analyzer.data.checks.filter((c) => c.family === 'safeguard' && c.appliesTo.includes(best.article));
  const missingSafeguards = safeguardCodes.filter((c) => findings.some((f) => f.code === c.code));
  const missing = [
    ...best.elements.filter((e) => e.required && !e.present).map((e) => e.label),
    ...missingSafeguards.map((c) => lowerFirst(safeguardName(c))),
  ];
  out.push(
    `**Art. ${best.article} — ${md(best.title)}** · ${strengthWords(best)} · ${missing.length ? `missing: ${missing.map((m) => md(m)).join(', ')}` : 'nothing missing'}`,
  );
  if (matches.length > 1) out.push('', 'Also: ' + matches.slice(1).map((m) => `Art. ${m.article} ${md(m.title)} (${strengthWords(m)})`).join('; '));
  out.push('', '**Elements**');
  for (const e of best.elements) {
    if (!e.required && !e.present) continue;
    out.push(`- ${e.present ? '✓' : '✗'} ${md(e.label)}${e.required ? '' : ' _(optional)_'}${e.evidence ? ` — “${md(e.evidence.replace(/\s+/g, ' '))}”` : ''}`);
  }
  if (safeguardCodes.length) {
    out.push('', `**Safeguards (Art. 24)** — ${safeguardCodes.length - missingSafeguards.length}/${safeguardCodes.length} present`);
    for (const c of safeguardCodes) out.push(`- ${missingSafeguards.includes(c) ? '✗' : '✓'} ${md(safeguardName(c))} (Art. ${md(c.citations.join(', '))})`);
  }
  // The card's references on one line: chapter, data touched, read with, Budapest counterpart.
  const refs = [`Chapter ${article.chapter}`];
  if (article.dataCategories?.length) refs.push(`**Data touched:** ${article.dataCategories.map((d) => md(DATA_CATEGORY_LABELS[d] ?? d)).join(', ')}`);
  if (article.readWith.length) refs.push(`**Read with:** ${article.readWith.map((n) => `[Art. ${n}](${articleLink(n)})`).join(', ')}`);
  refs.push(`**Budapest Convention:** ${article.budapest.length ? article.budapest.map((b) => 'Art. ' + md(b)).join(', ') : 'no counterpart'}`);
  out.push('', refs.join(' · '));
  out.push('', `[Compare with Art. ${best.article}](${commandUri('concordance.compareWithArticle', [doc.uri, unit.id, best.article])})`);
  return out.join('\n');
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The safeguard's own name ("Limits on duration"), not the check's problem title. */
function safeguardName(code: { title: string; presentLabel?: string }): string {
  return code.presentLabel ?? code.title;
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
