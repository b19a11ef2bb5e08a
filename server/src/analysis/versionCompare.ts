// Two versions of a draft compared: which provisions were added, removed or changed, and how
// coverage of the Convention and the findings moved. Pure core code over two analyses; the
// server request `concordance/compareVersions` runs the analyses, the client renders this.
import { diffArrays } from 'diff';
import { wordDiff, type DiffPart } from './compare';
import type { ConventionData } from './data/types';
import { LineIndex } from './text';
import type { CoverageStatus, DocumentAnalysis, Finding, Provision, Range } from './types';

export type ProvisionChange = 'added' | 'removed' | 'changed' | 'renumbered' | 'unchanged';

export interface ProvisionSide {
  id: string;
  label: string;
  heading?: string;
  range: Range;
  /** Best-matching articles (numbers), best first. */
  articles: number[];
}

export interface ProvisionDelta {
  change: ProvisionChange;
  /** The provision in version A (absent when added). */
  a?: ProvisionSide;
  /** The provision in version B (absent when removed). */
  b?: ProvisionSide;
  /** Word diff A → B for changed provisions (removed = only in A, added = only in B). */
  diff?: DiffPart[];
}

export interface CoverageDelta {
  article: number;
  title: string;
  before: CoverageStatus;
  after: CoverageStatus;
  /** better / worse by the order missing < partial < implemented (not applicable counts as missing). */
  direction: 'better' | 'worse' | 'same';
}

export interface FindingSummary {
  code: string;
  severity: string;
  message: string;
  /** Label (and heading) of the provision the finding is about, when it has one. */
  provision?: string;
  range: Range;
}

export interface VersionComparison {
  provisions: ProvisionDelta[];
  counts: Record<ProvisionChange, number>;
  coverage: CoverageDelta[];
  coverageSummary: { before: Record<CoverageStatus, number>; after: Record<CoverageStatus, number> };
  findings: { added: FindingSummary[]; removed: FindingSummary[]; before: number; after: number };
}

const RANK: Record<CoverageStatus, number> = { 'not-applicable': 0, missing: 0, partial: 1, implemented: 2 };

/** The matched units (sections) of an analysis, in document order. */
function units(analysis: DocumentAnalysis): Provision[] {
  return [...analysis.matches.keys()]
    .map((id) => analysis.parsed.byId.get(id))
    .filter((p): p is Provision => !!p)
    .sort((x, y) => x.span.start - y.span.start);
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Text of a provision without its own number, so that renumbering alone is not a change. */
function body(text: string, p: Provision): string {
  let t = norm(text.slice(p.span.start, p.span.end));
  const label = p.label.trim();
  const at = label ? t.indexOf(label) : -1;
  if (at >= 0 && at < 40) t = (t.slice(0, at) + t.slice(at + label.length)).trim();
  return t;
}

function describe(p: Provision): string {
  return p.heading ? `${p.label} ${p.heading}` : p.label;
}

export function compareVersions(analysisA: DocumentAnalysis, textA: string, analysisB: DocumentAnalysis, textB: string, data?: ConventionData): VersionComparison {
  const linesA = new LineIndex(textA);
  const linesB = new LineIndex(textB);
  const side = (analysis: DocumentAnalysis, lines: LineIndex, p: Provision): ProvisionSide => ({
    id: p.id,
    label: p.label,
    ...(p.heading ? { heading: p.heading } : {}),
    range: lines.rangeOf(p.span),
    articles: (analysis.matches.get(p.id)?.matches ?? []).map((m) => m.article),
  });
  const ua = units(analysisA);
  const ub = units(analysisB);

  const provisions: ProvisionDelta[] = [];
  const pendingRemoved: Provision[] = [];
  const pendingAdded: Provision[] = [];
  const changed = (p: Provision, q: Provision): ProvisionDelta => {
    const ta = textA.slice(p.span.start, p.span.end);
    const tb = textB.slice(q.span.start, q.span.end);
    if (norm(ta) === norm(tb)) return { change: 'unchanged', a: side(analysisA, linesA, p), b: side(analysisB, linesB, q) };
    if (p.id !== q.id && body(textA, p) === body(textB, q)) return { change: 'renumbered', a: side(analysisA, linesA, p), b: side(analysisB, linesB, q) };
    const d: ProvisionDelta = { change: 'changed', a: side(analysisA, linesA, p), b: side(analysisB, linesB, q) };
    // wordDiff(draft, model) marks the draft's own words "added": B plays the draft, A the model.
    const diff = wordDiff(tb, ta);
    if (diff) d.diff = diff;
    return d;
  };
  const flush = () => {
    // Within one run of removals and additions, pair provisions with the same id (the same
    // number, rewritten), then those with the same heading (rewritten and renumbered).
    const usedB = new Set<number>();
    const pairs = new Map<number, number>();
    pendingRemoved.forEach((p, i) => {
      const j = pendingAdded.findIndex((q, k) => !usedB.has(k) && q.id === p.id);
      if (j >= 0) {
        usedB.add(j);
        pairs.set(i, j);
      }
    });
    pendingRemoved.forEach((p, i) => {
      if (pairs.has(i) || !p.heading) return;
      const h = norm(p.heading).toLowerCase();
      const j = pendingAdded.findIndex((q, k) => !usedB.has(k) && norm(q.heading ?? '').toLowerCase() === h);
      if (j >= 0) {
        usedB.add(j);
        pairs.set(i, j);
      }
    });
    // Report in B's order where paired, keeping removals next to where they stood.
    pendingRemoved.forEach((p, i) => {
      const j = pairs.get(i);
      provisions.push(j !== undefined ? changed(p, pendingAdded[j]) : { change: 'removed', a: side(analysisA, linesA, p) });
    });
    pendingAdded.forEach((q, k) => {
      if (!usedB.has(k)) provisions.push({ change: 'added', b: side(analysisB, linesB, q) });
    });
    pendingRemoved.length = 0;
    pendingAdded.length = 0;
  };

  // Align the two versions on the provisions' text apart from their numbers, so that an
  // inserted section does not make every later (renumbered) section look changed.
  const bodiesA = new Map(ua.map((p) => [p, body(textA, p)]));
  const bodiesB = new Map(ub.map((p) => [p, body(textB, p)]));
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(
    ua.map((p) => bodiesA.get(p)!),
    ub.map((p) => bodiesB.get(p)!),
  )) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      // One by one: a part may hold more sections than a call takes arguments.
      for (let k = ia; k < ia + n; k++) pendingRemoved.push(ua[k]);
      ia += n;
    } else if (part.added) {
      for (let k = ib; k < ib + n; k++) pendingAdded.push(ub[k]);
      ib += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) provisions.push(changed(ua[ia + k], ub[ib + k]));
      ia += n;
      ib += n;
    }
  }
  flush();

  const counts: Record<ProvisionChange, number> = { added: 0, removed: 0, changed: 0, renumbered: 0, unchanged: 0 };
  for (const p of provisions) counts[p.change]++;

  const title = (n: number) => data?.articles.find((a) => a.article === n)?.title ?? '';
  const before = new Map(analysisA.coverage.map((c) => [c.article, c.status]));
  const after = new Map(analysisB.coverage.map((c) => [c.article, c.status]));
  const articles = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y);
  const coverage: CoverageDelta[] = [];
  const emptyCounts = (): Record<CoverageStatus, number> => ({ implemented: 0, partial: 0, missing: 0, 'not-applicable': 0 });
  const coverageSummary = { before: emptyCounts(), after: emptyCounts() };
  for (const n of articles) {
    const b = before.get(n) ?? 'missing';
    const a = after.get(n) ?? 'missing';
    if (before.has(n)) coverageSummary.before[b]++;
    if (after.has(n)) coverageSummary.after[a]++;
    if (a === b) continue;
    const direction = RANK[a] > RANK[b] ? 'better' : RANK[a] < RANK[b] ? 'worse' : 'same';
    coverage.push({ article: n, title: title(n), before: b, after: a, direction });
  }

  const summarize = (analysis: DocumentAnalysis, lines: LineIndex, f: Finding): FindingSummary => {
    const p = f.provision ? analysis.parsed.byId.get(f.provision) : undefined;
    return { code: f.code, severity: f.severity, message: f.message, ...(p ? { provision: describe(p) } : {}), range: lines.rangeOf(f.span) };
  };
  // A finding is "the same" in both versions when code, provision (by label and heading) and message agree.
  const key = (s: FindingSummary) => `${s.code}\u0000${s.provision ?? ''}\u0000${s.message}`;
  const fa = analysisA.findings.map((f) => summarize(analysisA, linesA, f));
  const fb = analysisB.findings.map((f) => summarize(analysisB, linesB, f));
  const remaining = new Map<string, number>();
  for (const s of fa) remaining.set(key(s), (remaining.get(key(s)) ?? 0) + 1);
  const added: FindingSummary[] = [];
  for (const s of fb) {
    const n = remaining.get(key(s)) ?? 0;
    if (n > 0) remaining.set(key(s), n - 1);
    else added.push(s);
  }
  const stillB = new Map<string, number>();
  for (const s of fb) stillB.set(key(s), (stillB.get(key(s)) ?? 0) + 1);
  const removed: FindingSummary[] = [];
  for (const s of fa) {
    const n = stillB.get(key(s)) ?? 0;
    if (n > 0) stillB.set(key(s), n - 1);
    else removed.push(s);
  }

  return { provisions, counts, coverage, coverageSummary, findings: { added, removed, before: fa.length, after: fb.length } };
}
