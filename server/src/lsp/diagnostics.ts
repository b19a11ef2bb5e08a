// Findings → LSP diagnostics, capped per document with a visible note.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/types';
import { articleUri, codeDocUri, paragraphLine } from './virtualDocs';
import type { AnalysedDocument } from './workspace';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: AnalysedDocument, f: Finding, articleMarkdown: (n: number) => string | undefined): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const pin of f.articles) {
    const m = /^(\d+)(?:\((\d+)\))?/.exec(pin);
    if (!m) continue;
    const n = Number(m[1]);
    const md = articleMarkdown(n);
    if (md === undefined) continue;
    const line = paragraphLine(md, m[2]);
    related.push({
      location: { uri: articleUri(n), range: { start: { line, character: 0 }, end: { line, character: 0 } } },
      message: `Art. ${pin} of the Convention`,
    });
  }
  const d: Diagnostic = {
    range: doc.lines.rangeOf(f.span),
    severity: severities[f.severity],
    code: f.code,
    codeDescription: { href: codeDocUri(f.code) },
    source: 'concordance',
    message: f.message + (f.obligation === 'optional' ? ' (optional for States: information only)' : ''),
    data: { provision: f.provision, fix: f.fix, articles: f.articles },
  };
  if (related.length) d.relatedInformation = related;
  if (f.tags?.includes('unnecessary')) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function computeDiagnostics(doc: AnalysedDocument, articleMarkdown: (n: number) => string | undefined): Diagnostic[] {
  const findings = doc.analysis.findings;
  const max = Math.max(1, doc.settings.maxDiagnostics);
  const out = findings.slice(0, max).map((f) => toDiagnostic(doc, f, articleMarkdown));
  if (findings.length > max) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: 'concordance.capped',
      source: 'concordance',
      message: `Showing ${max} of ${findings.length} findings; raise "concordance.maxDiagnostics" to see more.`,
    });
  }
  for (const p of doc.analysis.problems) {
    out.push({
      range: doc.lines.rangeOf(p.span ?? { start: 0, end: 0 }),
      severity: DiagnosticSeverity.Information,
      code: 'concordance.input',
      source: 'concordance',
      message: p.message,
    });
  }
  return out;
}
