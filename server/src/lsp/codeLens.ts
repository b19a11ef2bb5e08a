// Code lenses above each matched provision:
//   "Art. 27 · Production order · 4/6 safeguards"  (opens the article)   "Compare"  (side by side)
// Offences count their required elements instead of safeguards.
import type { CodeLens } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { matchUnits } from '../analysis/analyze';
import type { Span } from '../analysis/types';
import type { AnalysedDocument } from './workspace';

export function computeCodeLenses(doc: AnalysedDocument, analyzer: Analyzer, isCancelled: () => boolean = () => false): CodeLens[] {
  const { analysis } = doc;
  const data = analyzer.data;
  const say = analyzer.messages;
  const out: CodeLens[] = [];
  const safeguardsOn = doc.settings.checks.safeguard !== false;
  for (const unit of matchUnits(analysis.parsed)) {
    if (isCancelled()) return [];
    const best = analysis.matches.get(unit.id)?.matches[0];
    if (!best) continue;
    const article = data.articles.find((a) => a.article === best.article);
    const parts = [`Art. ${best.article}`, best.title];
    if (article?.kind === 'offence') {
      const required = best.elements.filter((e) => e.required);
      if (required.length) parts.push(say.t('lens.elements', required.filter((e) => e.present).length, required.length));
    } else if (safeguardsOn) {
      const codes = data.checks.filter((c) => c.family === 'safeguard' && c.appliesTo.includes(best.article)).map((c) => c.code);
      if (codes.length) {
        const missing = new Set(analysis.findings.filter((f) => f.provision === unit.id && codes.includes(f.code)).map((f) => f.code));
        parts.push(say.t('lens.safeguards', codes.length - missing.size, codes.length));
      }
    }
    const range = doc.lines.rangeOf(firstLine(doc.text, unit.span));
    out.push(
      { range, command: { title: parts.join(' · '), command: 'concordance.openArticle', arguments: [best.article] } },
      { range, command: { title: say.t('lens.compare'), command: 'concordance.compareWithArticle', arguments: [doc.uri, unit.id, best.article] } },
    );
  }
  return out;
}

/** The first non-blank line of a span. */
export function firstLine(text: string, span: Span): Span {
  let start = span.start;
  while (start < span.end && /\s/.test(text[start])) start++;
  let end = start;
  while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}
