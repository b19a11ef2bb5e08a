// The reports of `concordance check`: the public JSON contract (docs/json.md), SARIF 2.1.0 and the
// text rendering. Plain functions of an analysis that write in pieces through a callback, so a
// report on hundreds of thousands of sections is never one string in memory.
import type { Messages } from './messages';
import type { ConventionData } from './data/types';
import { lastAtOrBefore, LineIndex } from './text';
import type { DocumentAnalysis, Finding, Range, Span } from './types';

/** One analysed document as the reports see it. */
export interface ReportDocument {
  /** How the document is named: a path, or "-" for standard input. */
  file: string;
  /** The analysed text (what line and character numbers refer to). */
  text: string;
  analysis: DocumentAnalysis;
  /** "text", "docx", "akn" or "pdf". */
  format?: string;
  /** How a plain-text file's bytes were decoded. */
  encoding?: string;
  /** What the reader decided that a user should know (an encoding guess, tracked changes accepted). */
  notices?: string[];
  /** Analysed-text spans → element ids of a structured source (Akoma Ntoso eId), in text order. */
  anchors?: Anchor[];
  /** A PDF's pages: where the text of each begins (page 1 first). */
  pageStarts?: number[];
}

/** A span of the analysed text that comes from one element of the source (with its place there). */
export interface Anchor {
  start: number;
  end: number;
  eId: string;
  line?: number;
  column?: number;
}

/** Where pieces of a report go; a returned promise is awaited (back-pressure). */
export type Write = (chunk: string) => unknown;

/** Collects small pieces into chunks of about 64 KB before writing them. */
export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly write: Write) {}
  async put(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 65536) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.write(chunk);
  }
}

/** The message a report gives for a document in which no provision was recognised. */
export const NO_PROVISIONS = 'no provisions found: no numbered section, article or paragraph was recognised, so nothing was matched to the Convention';

/** True when the parser found no provision besides the preamble and trailing text. */
export function hasNoProvisions(analysis: DocumentAnalysis): boolean {
  return !analysis.parsed.provisions.some((p) => p.kind !== 'preamble' && p.kind !== 'trailing');
}

/** The page (1-based) on which an offset of the text stands, given where each page begins. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(pageStarts.length, (i) => pageStarts[i], offset)) + 1;
}

/** Finds the innermost source element (eId) whose text holds an offset. */
export class AnchorIndex {
  constructor(private readonly anchors: readonly Anchor[]) {}
  eIdAt(offset: number): string | null {
    return this.at(offset)?.eId ?? null;
  }
  at(offset: number): Anchor | undefined {
    const a = this.anchors;
    const last = lastAtOrBefore(a.length, (i) => a[i].start, offset);
    for (let i = last, steps = 0; i >= 0 && steps < 10000; i--, steps++) {
      if (a[i].end > offset) return a[i];
    }
    return undefined;
  }
}

/** Gives each distinct value (by identity, then by content) a number in a shared table. */
class Table<T> {
  readonly values: T[] = [];
  private readonly byKey = new Map<unknown, number>();
  constructor(private readonly keyOf: (v: T) => unknown = (v) => v) {}
  id(v: T): number {
    let i = this.byKey.get(v);
    if (i === undefined) {
      const k = this.keyOf(v);
      i = k === v ? undefined : this.byKey.get(k);
      if (i === undefined) {
        i = this.values.length;
        this.values.push(v);
        this.byKey.set(k, i);
      }
      this.byKey.set(v, i);
    }
    return i;
  }
}

/** Identifies this version of the JSON contract (docs/json.md). */
export const JSON_REPORT_SCHEMA = 'concordance-report/2';

/**
 * Writes the JSON report of one document (docs/json.md). Provisions and diagnostics are written
 * one per line as they are made; what they share (article titles and element labels, reasons,
 * messages, the phrases looked for) is written once in top-level tables that they refer to by key.
 */
export async function writeJsonReport(doc: ReportDocument, data: ConventionData, w: ChunkWriter, indent = ''): Promise<void> {
  const { analysis } = doc;
  const lines = new LineIndex(doc.text);
  const range = (s: Span): Range => lines.rangeOf(s);
  const anchors = doc.anchors?.length ? new AnchorIndex(doc.anchors) : undefined;
  const pages = doc.pageStarts?.length ? doc.pageStarts : undefined;
  const reasons = new Table<string>();
  const messages = new Table<string>();
  const lookedFor = new Table<readonly string[]>((l) => l.join('\u0000'));
  const articles = new Map<number, { title: string; elements: Record<string, { label: string; required: boolean }> }>();
  const articleEntry = (n: number, title: string) => {
    let e = articles.get(n);
    if (!e) articles.set(n, (e = { title, elements: {} }));
    return e;
  };
  const i1 = indent + '  ';
  const i2 = i1 + '  ';
  const problems = analysis.problems.map((p) => ({ message: p.message, range: p.span ? range(p.span) : null }));
  if (hasNoProvisions(analysis)) problems.push({ message: NO_PROVISIONS, range: null });
  await w.put(`{\n${i1}"schema": ${JSON.stringify(JSON_REPORT_SCHEMA)},\n${i1}"file": ${JSON.stringify(doc.file)},\n`);
  await w.put(`${i1}"format": ${JSON.stringify(doc.format ?? 'text')},\n${i1}"encoding": ${JSON.stringify(doc.encoding ?? null)},\n`);
  await w.put(`${i1}"language": ${JSON.stringify(analysis.language)},\n${i1}"notices": ${JSON.stringify(doc.notices ?? [])},\n`);
  await w.put(`${i1}"provisions": [`);
  let first = true;
  for (const p of analysis.parsed.provisions) {
    const pm = analysis.matches.get(p.id);
    const matches = (pm?.matches ?? []).map((m) => {
      const entry = articleEntry(m.article, m.title);
      return {
        article: m.article,
        score: m.score,
        strength: m.strength,
        elements: m.elements.map((e) => {
          if (!entry.elements[e.id]) entry.elements[e.id] = { label: e.label, required: e.required };
          return e.present
            ? { id: e.id, present: true, evidence: e.evidence ?? null, range: e.span ? range({ start: p.span.start + e.span.start, end: p.span.start + e.span.end }) : null }
            : { id: e.id, present: false };
        }),
        reasons: m.reasons.map((r) => reasons.id(r)),
      };
    });
    const record: Record<string, unknown> = { id: p.id, label: p.label, heading: p.heading ?? null, kind: p.kind, range: range(p.span), parent: p.parent ?? null };
    if (anchors) record.eId = anchors.eIdAt(p.span.start);
    if (pages) record.page = pageAt(pages, p.span.start);
    // A line of the table of contents at the head of the draft: matched and checked as no provision.
    if (analysis.parsed.contents?.has(p.id)) record.contents = true;
    record.matches = matches;
    // Why it implements no article, when the matcher could say (docs/json.md).
    const none = matches.length === 0 ? pm?.none : undefined;
    if (none) {
      const at = none.span ? { start: p.span.start + none.span.start, end: p.span.start + none.span.end } : undefined;
      record.noArticle = { reason: none.reason, ...(at ? { words: doc.text.slice(at.start, at.end), range: range(at) } : {}), ...(none.nearest !== undefined ? { nearest: none.nearest } : {}) };
    }
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify(record)}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}],\n${i1}"diagnostics": [`);
  first = true;
  for (const f of analysis.findings) {
    const record: Record<string, unknown> = {
      code: f.code,
      severity: f.severity,
      message: messages.id(f.message),
      range: range(f.span),
      provision: f.provision ?? null,
      articles: f.articles,
      obligation: f.obligation,
      lookedFor: lookedFor.id(f.lookedFor),
    };
    if (anchors) record.eId = anchors.eIdAt(f.span.start);
    if (pages) record.page = pageAt(pages, f.span.start);
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify(record)}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}],\n${i1}"coverage": [`);
  first = true;
  for (const c of analysis.coverage) {
    const title = data.articles.find((a) => a.article === c.article)?.title ?? '';
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify({ ...c, title })}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}],\n${i1}"problems": ${JSON.stringify(problems)},\n`);
  const articleTable: Record<string, unknown> = {};
  for (const [n, e] of [...articles].sort((a, b) => a[0] - b[0])) articleTable[n] = e;
  await w.put(`${i1}"articles": {`);
  first = true;
  for (const [n, e] of Object.entries(articleTable)) {
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify(n)}: ${JSON.stringify(e)}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}},\n${i1}"reasons": [`);
  first = true;
  for (const r of reasons.values) {
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify(r)}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}],\n${i1}"messages": [`);
  first = true;
  for (const m of messages.values) {
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify(m)}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}],\n${i1}"lookedFor": [`);
  first = true;
  for (const l of lookedFor.values) {
    await w.put(`${first ? '' : ','}\n${i2}${JSON.stringify(l)}`);
    first = false;
  }
  await w.put(`${first ? '' : `\n${i1}`}]\n${indent}}`);
}

/** Writes one JSON report, or an array of them when several documents were given. */
export async function writeJsonReports(docs: ReportDocument[], data: ConventionData, write: Write, asArray = docs.length !== 1): Promise<void> {
  const w = new ChunkWriter(write);
  if (!asArray) await writeJsonReport(docs[0], data, w);
  else {
    await w.put('[');
    for (let i = 0; i < docs.length; i++) {
      await w.put(i ? ',\n  ' : '\n  ');
      await writeJsonReport(docs[i], data, w, '  ');
    }
    await w.put(docs.length ? '\n]' : ']');
  }
  await w.put('\n');
  await w.flush();
}

/** A drafter-readable summary: each matched provision, then findings, then coverage; its words in the language of `say`. */
export function toTextReport(doc: ReportDocument, say: Pick<Messages, 't'>): string {
  const { analysis } = doc;
  const lines = new LineIndex(doc.text);
  const out: string[] = [];
  const how = [
    analysis.language && say.t('report.language', analysis.language),
    doc.format && doc.format !== 'text' && say.t('report.readFrom', doc.format),
    doc.encoding && doc.encoding !== 'UTF-8' && say.t('report.encoding', doc.encoding),
  ].filter(Boolean);
  out.push(`${doc.file}  (${how.join(', ')})`);
  for (const n of doc.notices ?? []) out.push(`  i ${n}`);
  for (const p of analysis.problems) out.push(`  ! ${p.message}`);
  if (hasNoProvisions(analysis)) out.push(`  ! ${NO_PROVISIONS}`);
  const matched = analysis.parsed.provisions.filter((p) => (analysis.matches.get(p.id)?.matches.length ?? 0) > 0);
  out.push('', say.t('report.provisions', matched.length));
  for (const p of matched) {
    const ms = analysis.matches.get(p.id)!.matches;
    const name = [p.label, p.heading].filter(Boolean).join(' ');
    const best = ms[0];
    const req = best.elements.filter((e) => e.required);
    const have = req.filter((e) => e.present).length;
    const others = ms.slice(1).map((m) => `Art. ${m.article}`).join(', ');
    const strength = say.t(best.strength === 'strong' ? 'hover.strong' : best.strength === 'moderate' ? 'hover.moderate' : 'hover.weak');
    const page = doc.pageStarts?.length ? ` (${say.t('report.page', pageAt(doc.pageStarts, p.span.start))})` : '';
    out.push(`  ${pad(say.t('report.line', lines.positionAt(p.span.start).line + 1), 10)} ${name}${page}`);
    out.push(`  ${' '.repeat(10)} → ${say.t('report.match', `Art. ${best.article} ${best.title}`, strength, have, req.length)}${others ? say.t('report.also', others) : ''}`);
    const missing = req.filter((e) => !e.present).map((e) => e.label);
    if (missing.length) out.push(`  ${' '.repeat(10)}   ${say.t('hover.missing', missing.join('; '))}`);
  }
  out.push('', say.t('report.findings', analysis.findings.length));
  for (const d of analysis.findings) {
    const at = lines.positionAt(d.span.start);
    out.push(`  ${pad(`${at.line + 1}:${at.character + 1}`, 8)} ${pad(d.severity, 11)} ${pad(d.code, 28)} ${d.message}${d.articles.length ? ` [Art. ${d.articles.join(', ')}]` : ''}`);
  }
  const counted = analysis.coverage.filter((c) => c.status !== 'not-applicable');
  const implemented = counted.filter((c) => c.status === 'implemented').length;
  const partial = counted.filter((c) => c.status === 'partial').length;
  out.push('', say.t('report.coverage', implemented, partial, counted.length - implemented - partial, counted.length));
  return out.join('\n') + '\n';
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF levels for Concordance severities. */
export function sarifLevel(s: Finding['severity'] | string): 'error' | 'warning' | 'note' | 'none' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'information' || s === 'hint' ? 'note' : 'none';
}

export interface SarifOptions {
  /** The tool's version (package.json). */
  version: string;
  /** Link to a code's documentation, e.g. docs/checks.md#code. */
  helpUri: (code: string) => string;
  /** The artifact URI of a document (relative to the working folder, or "stdin"). */
  artifactUri: (file: string) => string;
}

/** The URI of a code's section in docs/checks.md (GitHub-style heading anchor). */
export function checksDocAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/**
 * Writes one SARIF 2.1.0 log with one run for all documents: a rule per diagnostic code (its
 * title, help and default level from data/checks.json), a result per finding with its physical
 * location (1-based lines and columns in UTF-16 code units of the analysed text) and the articles
 * it cites as properties. Results are written one per line as they are made.
 */
export async function writeSarif(docs: ReportDocument[], data: ConventionData, options: SarifOptions, write: Write): Promise<void> {
  const w = new ChunkWriter(write);
  const ruleIndex = new Map<string, number>();
  data.checks.forEach((c, i) => ruleIndex.set(c.code, i));
  const rules = data.checks.map((c) => ({
    id: c.code,
    name: c.code.replace(/(^|[.-])([a-z])/g, (_m, _s, l: string) => l.toUpperCase()),
    shortDescription: { text: c.title },
    fullDescription: { text: c.description },
    helpUri: options.helpUri(c.code),
    help: { text: [c.title + '.', c.advice].filter(Boolean).join(' ') },
    defaultConfiguration: { level: sarifLevel(c.defaultSeverity) },
    properties: { family: c.family, citations: c.citations, obligation: c.obligation ?? 'mandatory' },
  }));
  const artifacts = docs.map((d) => ({
    location: { uri: options.artifactUri(d.file) },
    ...(d.encoding && d.encoding !== 'binary' ? { encoding: d.encoding } : {}),
    properties: { format: d.format ?? 'text' },
  }));
  const notifications = docs.flatMap((d, i) => [
    ...(d.notices ?? []).map((n) => ({ level: 'note', message: { text: `${d.file}: ${n}` }, locations: [{ physicalLocation: { artifactLocation: { uri: artifacts[i].location.uri, index: i } } }] })),
    ...d.analysis.problems.map((p) => ({ level: 'warning', message: { text: `${d.file}: ${p.message}` }, locations: [{ physicalLocation: { artifactLocation: { uri: artifacts[i].location.uri, index: i } } }] })),
    ...(hasNoProvisions(d.analysis) ? [{ level: 'warning', message: { text: `${d.file}: ${NO_PROVISIONS}` }, locations: [{ physicalLocation: { artifactLocation: { uri: artifacts[i].location.uri, index: i } } }] }] : []),
  ]);
  const driver = {
    name: 'Concordance',
    informationUri: 'https://www.unodc.org/unodc/en/cybercrime/convention/home.html',
    version: options.version,
    rules,
  };
  await w.put(`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    {\n`);
  await w.put(`      "tool": { "driver": ${JSON.stringify(driver)} },\n`);
  await w.put(`      "invocations": [${JSON.stringify({ executionSuccessful: true, toolExecutionNotifications: notifications })}],\n`);
  await w.put(`      "columnKind": "utf16CodeUnits",\n      "artifacts": ${JSON.stringify(artifacts)},\n      "results": [`);
  let first = true;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const lines = new LineIndex(d.text);
    const anchors = d.anchors?.length ? new AnchorIndex(d.anchors) : undefined;
    const pages = d.pageStarts?.length ? d.pageStarts : undefined;
    for (const f of d.analysis.findings) {
      const r = lines.rangeOf(f.span);
      const anchor = anchors?.at(f.span.start);
      const eId = anchor?.eId ?? null;
      const textRegion = {
        startLine: r.start.line + 1,
        startColumn: r.start.character + 1,
        endLine: r.end.line + 1,
        endColumn: r.end.character + 1,
        charOffset: f.span.start,
        charLength: f.span.end - f.span.start,
      };
      // In an Akoma Ntoso file the region is the element's start tag in the XML, which a code
      // review tool can show; elsewhere it is the finding's place in the analysed text.
      const sourceRegion = d.format === 'akn' ? (anchor?.line ? { startLine: anchor.line, startColumn: anchor.column ?? 1 } : undefined) : textRegion;
      const result: Record<string, unknown> = {
        ruleId: f.code,
        ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifacts[i].location.uri, index: i },
              ...(sourceRegion ? { region: sourceRegion } : {}),
            },
            ...(f.provision || eId ? { logicalLocations: [{ ...(eId ? { name: eId, fullyQualifiedName: eId, kind: 'element' } : { name: f.provision, fullyQualifiedName: f.provision, kind: 'member' }) }] } : {}),
          },
        ],
        properties: {
          articles: f.articles,
          obligation: f.obligation,
          provision: f.provision ?? null,
          ...(eId ? { eId } : {}),
          ...(pages ? { page: pageAt(pages, f.span.start) } : {}),
          ...(d.format && d.format !== 'text' ? { textOf: d.format, textRegion } : {}),
        },
      };
      await w.put(`${first ? '' : ','}\n        ${JSON.stringify(result)}`);
      first = false;
    }
  }
  await w.put(`${first ? '' : '\n      '}]\n    }\n  ]\n}\n`);
  await w.flush();
}
