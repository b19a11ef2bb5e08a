// Findings → LSP diagnostics, capped per document with a visible note.
//
// A calm Problems panel: a provision's missing safeguards are ONE diagnostic per provision and
// concern ("Production order lacks: judicial review, limits on duration (Art. 24(2))"), each
// safeguard a related-information entry and its own quick fix (codeActions.ts reads the members
// from `data.members`); the articles no provision implements are ONE draft-level diagnostic.
// Codes stay the checks' codes: a group carries the code of its most severe member (the first in
// data order among equals), and every member's code is in `data.members`. Severity settings and
// `concordance.checks` act per code before grouping (analysis/checks.ts): a code set to "off"
// is not in any group, and a group's severity is its most severe member's. Members at
// information level or below (safeguards asked only "as appropriate", or lowered by a setting)
// are never folded into a warning: they form a group of their own.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import type { CheckCode } from '../analysis/data/types';
import type { Messages } from '../analysis/messages';
import type { Finding, Severity, Span } from '../analysis/types';
import { articleUri, codeDocUri, paragraphLine } from './virtualDocs';
import type { AnalysedDocument } from './workspace';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** One finding folded into a grouped diagnostic (what codeActions.ts needs to fix or silence it). */
export interface MemberData {
  code: string;
  fix?: Finding['fix'];
  articles: readonly string[];
  severity: Severity;
  message: string;
}

/** What a diagnostic carries in `data`. */
export interface DiagnosticData {
  provision?: string;
  fix?: Finding['fix'];
  articles?: readonly string[];
  /** Present on grouped diagnostics: every finding behind it, most severe first. */
  members?: MemberData[];
}

type ArticleMarkdown = (n: number) => string | undefined;
type CheckInfo = Pick<CheckCode, 'code' | 'title' | 'presentLabel'>;
/** What diagnostics are written with: the checks (data order) and the messages in the server's language. */
type Speaker = { data: { checks: CheckInfo[] }; messages: Messages };

function articleLinks(pins: readonly string[], articleMarkdown: ArticleMarkdown, message: (pin: string) => string): DiagnosticRelatedInformation[] {
  const related: DiagnosticRelatedInformation[] = [];
  for (const pin of pins) {
    const m = /^(\d+)(?:\((\d+)\))?/.exec(pin);
    if (!m) continue;
    const n = Number(m[1]);
    const md = articleMarkdown(n);
    if (md === undefined) continue;
    const line = paragraphLine(md, m[2]);
    related.push({ location: { uri: articleUri(n), range: { start: { line, character: 0 }, end: { line, character: 0 } } }, message: message(pin) });
  }
  return related;
}

function messageOf(f: Finding, say: Messages): string {
  return f.message + (f.obligation === 'optional' ? say.t('diagnostic.optional') : '');
}

export function toDiagnostic(doc: AnalysedDocument, f: Finding, articleMarkdown: ArticleMarkdown, say: Messages): Diagnostic {
  const related = articleLinks(f.articles, articleMarkdown, (pin) => say.t('diagnostic.articleLink', pin));
  const d: Diagnostic = {
    range: doc.lines.rangeOf(f.span),
    severity: severities[f.severity],
    code: f.code,
    codeDescription: { href: codeDocUri(f.code, say.locale) },
    source: 'concordance',
    message: messageOf(f, say),
    data: { provision: f.provision, fix: f.fix, articles: f.articles } satisfies DiagnosticData,
  };
  if (related.length) d.relatedInformation = related;
  if (f.tags?.includes('unnecessary')) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/**
 * Where a provision's finding is underlined: its first line (checks.ts places it there), cut to
 * the heading or first sentence when that line is a whole paragraph.
 */
export function headRange(doc: AnalysedDocument, span: Span): Range {
  const text = doc.text;
  let end = span.end;
  const nl = text.slice(span.start, end).search(/[\r\n]/);
  if (nl >= 0) end = span.start + nl;
  if (end - span.start > 80) {
    const line = text.slice(span.start, end);
    // "5. Search of systems. An officer may …": the number and heading, or the first sentence.
    const sentence = /^.{12,}?[.;:—](?=\s)/.exec(line);
    let cut = sentence && sentence[0].length <= 80 ? sentence[0].length : 0;
    if (!cut) {
      const space = line.lastIndexOf(' ', 60);
      cut = space > 20 ? space : 60;
    }
    end = span.start + cut;
  }
  return doc.lines.rangeOf({ start: span.start, end });
}

/** The safeguard's own name, lower-cased for a list ("limits on duration"). */
function safeguardName(checks: CheckInfo[], code: string, say: Messages): string {
  const c = checks.find((x) => x.code === code);
  const name = c ? say.label(c) : code;
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The power's name from the article the provision implements ("Production order"). */
function powerName(doc: AnalysedDocument, provision: string, article: number | undefined, say: Messages): string {
  const match = doc.analysis.matches.get(provision)?.matches.find((m) => article === undefined || m.article === article);
  return match?.title ?? (article !== undefined ? say.t('diagnostic.power', article) : say.t('diagnostic.thisProvision'));
}

function groupDiagnostic(doc: AnalysedDocument, members: Finding[], articleMarkdown: ArticleMarkdown, { data: { checks }, messages: say }: Speaker): Diagnostic {
  // Most severe first; among equals, in the order of data/checks.json (so the group's code is stable).
  const order = (code: string) => {
    const i = checks.findIndex((c) => c.code === code);
    return i < 0 ? checks.length : i;
  };
  const sorted = [...members].sort((a, b) => RANK[a.severity] - RANK[b.severity] || order(a.code) - order(b.code));
  const lead = sorted[0];
  const pins = [...new Set(sorted.flatMap((f) => f.articles))];
  const names = sorted.map((f) => safeguardName(checks, f.code, say));
  const power = powerName(doc, lead.provision!, lead.fix?.article, say);
  const cited = pins.length ? say.t('diagnostic.cited', pins.join(', ')) : '';
  const info = RANK[lead.severity] >= RANK.information;
  const message = say.t(info ? 'diagnostic.consider' : 'diagnostic.lacks', power, names.join(', '), cited);
  const related: DiagnosticRelatedInformation[] = [];
  for (const f of sorted) {
    const [link] = articleLinks(f.articles.slice(0, 1), articleMarkdown, () => messageOf(f, say));
    if (link) related.push(link);
  }
  const data: DiagnosticData = {
    provision: lead.provision,
    fix: lead.fix,
    articles: pins,
    members: sorted.map((f) => ({ code: f.code, fix: f.fix, articles: f.articles, severity: f.severity, message: messageOf(f, say) })),
  };
  const d: Diagnostic = {
    range: headRange(doc, lead.span),
    severity: severities[lead.severity],
    code: lead.code,
    codeDescription: { href: codeDocUri(lead.code, say.locale) },
    source: 'concordance',
    message,
    data,
  };
  if (related.length) d.relatedInformation = related;
  return d;
}

function coverageDiagnostic(doc: AnalysedDocument, members: Finding[], articleMarkdown: ArticleMarkdown, say: Messages): Diagnostic {
  const lead = members[0];
  const numbers = members.map((f) => f.fix?.article ?? Number(f.articles[0]));
  const related = members.flatMap((f) => articleLinks(f.articles.slice(0, 1), articleMarkdown, () => f.message));
  const message =
    members.length === 1
      ? lead.message
      : say.t('diagnostic.coverage', members.length, numbers.join(', '));
  const d: Diagnostic = {
    range: headRange(doc, lead.span),
    severity: severities[members.reduce((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), lead.severity)],
    code: lead.code,
    codeDescription: { href: codeDocUri(lead.code, say.locale) },
    source: 'concordance',
    message,
    data: {
      fix: lead.fix,
      articles: members.flatMap((f) => f.articles),
      members: members.map((f) => ({ code: f.code, fix: f.fix, articles: f.articles, severity: f.severity, message: f.message })),
    } satisfies DiagnosticData,
  };
  if (related.length) d.relatedInformation = related;
  return d;
}

/** Findings → diagnostics, grouped (see the head of this file); in the order of their first finding. */
function grouped(doc: AnalysedDocument, findings: readonly Finding[], articleMarkdown: ArticleMarkdown, speaker: Speaker): Diagnostic[] {
  const groups = new Map<string, Finding[]>();
  const order: (Finding | string)[] = [];
  for (const f of findings) {
    let key: string | undefined;
    if (f.code === 'coverage.missing') key = 'coverage';
    else if (f.code.startsWith('safeguard.') && f.provision !== undefined) key = `safeguard\u0000${f.provision}\u0000${RANK[f.severity] >= RANK.information ? 'info' : 'warn'}`;
    if (key === undefined) {
      order.push(f);
      continue;
    }
    const g = groups.get(key);
    if (g) g.push(f);
    else {
      groups.set(key, [f]);
      order.push(key);
    }
  }
  return order.map((x) => {
    if (typeof x !== 'string') return toDiagnostic(doc, x, articleMarkdown, speaker.messages);
    const members = groups.get(x)!;
    if (x === 'coverage') return coverageDiagnostic(doc, members, articleMarkdown, speaker.messages);
    return groupDiagnostic(doc, members, articleMarkdown, speaker);
  });
}

/** `analyzer`: the one that analysed the document (its checks, and its messages' language). */
export function computeDiagnostics(doc: AnalysedDocument, articleMarkdown: ArticleMarkdown, analyzer: Pick<Analyzer, 'data' | 'messages'>): Diagnostic[] {
  const all = grouped(doc, doc.analysis.findings, articleMarkdown, analyzer);
  const max = Math.max(1, doc.settings.maxDiagnostics);
  const out = all.slice(0, max);
  if (all.length > max) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: 'concordance.capped',
      source: 'concordance',
      message: analyzer.messages.t('diagnostic.capped', max, all.length),
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
