// The public JSON contract of `concordance check --format json`, and its text rendering.
// Both are plain functions of an analysis; the CLI only prints them.
import type { ConventionData } from './data/types';
import { LineIndex } from './text';
import type { DocumentAnalysis, Range, Span } from './types';

export interface JsonElement {
  id: string;
  label: string;
  required: boolean;
  present: boolean;
  evidence: string | null;
  range: Range | null;
}

export interface JsonReport {
  file: string;
  language: string;
  provisions: {
    id: string;
    label: string;
    heading: string | null;
    kind: string;
    range: Range;
    parent: string | null;
    matches: { article: number; title: string; score: number; strength: string; elements: JsonElement[]; reasons: string[] }[];
  }[];
  diagnostics: { code: string; severity: string; message: string; range: Range; provision: string | null; articles: string[]; obligation: string; lookedFor: string[] }[];
  coverage: { article: number; title: string; status: string; provisions: string[]; missingElements: string[]; missingSafeguards: string[] }[];
  problems: { message: string; range: Range | null }[];
}

export function toJsonReport(file: string, text: string, analysis: DocumentAnalysis, data: ConventionData): JsonReport {
  const lines = new LineIndex(text);
  const range = (s: Span): Range => lines.rangeOf(s);
  const title = (n: number) => data.articles.find((a) => a.article === n)?.title ?? '';
  return {
    file,
    language: analysis.language,
    provisions: analysis.parsed.provisions.map((p) => ({
      id: p.id,
      label: p.label,
      heading: p.heading ?? null,
      kind: p.kind,
      range: range(p.span),
      parent: p.parent ?? null,
      matches: (analysis.matches.get(p.id)?.matches ?? []).map((m) => ({
        article: m.article,
        title: m.title,
        score: m.score,
        strength: m.strength,
        elements: m.elements.map((e) => ({
          id: e.id,
          label: e.label,
          required: e.required,
          present: e.present,
          evidence: e.evidence ?? null,
          range: e.span ? range({ start: p.span.start + e.span.start, end: p.span.start + e.span.end }) : null,
        })),
        reasons: m.reasons,
      })),
    })),
    diagnostics: analysis.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: range(f.span),
      provision: f.provision ?? null,
      articles: f.articles,
      obligation: f.obligation,
      lookedFor: f.lookedFor,
    })),
    coverage: analysis.coverage.map((c) => ({ ...c, title: title(c.article) })),
    problems: analysis.problems.map((p) => ({ message: p.message, range: p.span ? range(p.span) : null })),
  };
}

/** A drafter-readable summary: each matched provision, then findings, then coverage. */
export function toTextReport(report: JsonReport): string {
  const out: string[] = [];
  out.push(`${report.file}  (language: ${report.language})`);
  for (const p of report.problems) out.push(`  ! ${p.message}`);
  const matched = report.provisions.filter((p) => p.matches.length > 0);
  out.push('', `Provisions matched to the Convention: ${matched.length}`);
  for (const p of matched) {
    const name = [p.label, p.heading].filter(Boolean).join(' ');
    const best = p.matches[0];
    const req = best.elements.filter((e) => e.required);
    const have = req.filter((e) => e.present).length;
    const others = p.matches.slice(1).map((m) => `Art. ${m.article}`).join(', ');
    out.push(`  ${pad(`line ${p.range.start.line + 1}`, 10)} ${name}`);
    out.push(`  ${' '.repeat(10)} → Art. ${best.article} ${best.title} (${best.strength} match, ${have}/${req.length} elements)${others ? `; also ${others}` : ''}`);
    const missing = req.filter((e) => !e.present).map((e) => e.label);
    if (missing.length) out.push(`  ${' '.repeat(10)}   missing: ${missing.join('; ')}`);
  }
  out.push('', `Findings: ${report.diagnostics.length}`);
  for (const d of report.diagnostics) {
    out.push(`  ${pad(`${d.range.start.line + 1}:${d.range.start.character + 1}`, 8)} ${pad(d.severity, 11)} ${pad(d.code, 28)} ${d.message}${d.articles.length ? ` [Art. ${d.articles.join(', ')}]` : ''}`);
  }
  const counted = report.coverage.filter((c) => c.status !== 'not-applicable');
  const implemented = counted.filter((c) => c.status === 'implemented').length;
  const partial = counted.filter((c) => c.status === 'partial').length;
  out.push('', `Coverage: ${implemented} implemented, ${partial} partial, ${counted.length - implemented - partial} missing, of ${counted.length} articles that call for domestic provisions.`);
  return out.join('\n') + '\n';
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
