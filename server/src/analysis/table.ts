// The concordance table: every article of the Convention, chapter by chapter, with how one
// or more drafts implement it. Pure core code (no LSP, no VS Code): the CLI
// (`concordance table`), the server request `concordance/table` and the editor's export
// all build and render the table with these functions.
import { fill, type MessageKey, type Messages } from './messages';
import { createHash } from 'crypto';
import { escapeMarkdownSource } from './markdown';
import type { ConventionData } from './data/types';
import { LineIndex } from './text';
import type { ArticleMatch, CoverageStatus, DocumentAnalysis, Range } from './types';

export interface TableDocument {
  /** How the draft is named in the table: a path (CLI) or a URI (editor). */
  file: string;
  text: string;
  analysis: DocumentAnalysis;
  /**
   * Where its provisions are, when the text itself is not kept (the CLI's statute book keeps only
   * where lines start): read instead of a LineIndex of `text`, which may then be empty.
   */
  positions?: Pick<LineIndex, 'rangeOf'>;
}

export interface TableProvision {
  file: string;
  id: string;
  label: string;
  heading?: string;
  /** Where the provision stands in `file`, 0-based lines and characters. */
  range: Range;
  /** Matcher's strength for this article, in words. */
  strength?: string;
}

export interface TableRow {
  article: number;
  title: string;
  chapter: string;
  obligation: 'mandatory' | 'optional' | 'mixed';
  needsDomesticProvision: boolean;
  /** The best status any draft reaches (implemented > partial > missing > not applicable). */
  status: CoverageStatus;
  /** Status per draft, in the order of `ConcordanceTable.files`. */
  statusByFile: CoverageStatus[];
  provisions: TableProvision[];
  /** Labels of required elements no provision shows (empty once some draft implements the article). */
  missingElements: string[];
  /** Titles of safeguards found missing in an implementing provision. */
  missingSafeguards: string[];
  /** Budapest Convention counterparts, e.g. "Art. 2 — Illegal access"; empty when there is none. */
  budapest: string[];
}

export interface TableChapter {
  chapter: string;
  title: string;
  rows: TableRow[];
}

export interface TableSummary {
  implemented: number;
  partial: number;
  missing: number;
  notApplicable: number;
  /** Articles that need a domestic provision and oblige States (wholly or in part). */
  mandatoryTotal: number;
  mandatoryImplemented: number;
  mandatoryPartial: number;
}

export interface ConcordanceTable {
  files: string[];
  chapters: TableChapter[];
  summary: TableSummary;
}

export type TableFormat = 'csv' | 'markdown' | 'html';

export const STATUS_LABELS: Record<CoverageStatus, string> = {
  implemented: 'implemented',
  partial: 'partial',
  missing: 'missing',
  'not-applicable': 'not applicable',
};

const STATUS_RANK: Record<CoverageStatus, number> = { implemented: 3, partial: 2, missing: 1, 'not-applicable': 0 };

/** Does the article oblige a State to legislate (the articles counted as "mandatory" in coverage)? */
export function isMandatoryArticle(a: { obligation: string; needsDomesticProvision: boolean }): boolean {
  return a.needsDomesticProvision && a.obligation !== 'optional';
}

/** The words of a rendered table: the server's messages in a language (`Messages`), else English. */
export type TableSay = Pick<Messages, 't'>;

/** A table word in the reader's language, else the English given (the client's export has no messages). */
function w(say: TableSay | undefined, key: MessageKey, english: string, ...args: (string | number)[]): string {
  return say ? say.t(key, ...args) : fill(english, args);
}

/** `say`: the messages the missing safeguards are named in (English without). */
export function buildTable(data: ConventionData, docs: TableDocument[], say?: Pick<Messages, 'title'>): ConcordanceTable {
  const lines = docs.map((d) => d.positions ?? new LineIndex(d.text));
  const checkTitle = new Map(data.checks.map((c) => [c.code, say ? say.title(c) : c.title]));
  const summary: TableSummary = { implemented: 0, partial: 0, missing: 0, notApplicable: 0, mandatoryTotal: 0, mandatoryImplemented: 0, mandatoryPartial: 0 };
  const chapters: TableChapter[] = data.chapters.map((c) => ({ chapter: c.chapter, title: c.title, rows: [] }));
  const articles = [...data.articles].sort((a, b) => a.article - b.article);

  for (const a of articles) {
    const fallback: CoverageStatus = a.needsDomesticProvision ? 'missing' : 'not-applicable';
    const entries = docs.map((d) => d.analysis.coverage.find((c) => c.article === a.article));
    const statusByFile = entries.map((e) => e?.status ?? fallback);
    const status = statusByFile.reduce<CoverageStatus>((best, s) => (STATUS_RANK[s] > STATUS_RANK[best] ? s : best), fallback);

    const provisions: TableProvision[] = [];
    // The provisions already listed, per file (a statute book lists thousands under one article).
    const listed = new Map<string, Set<string>>();
    entries.forEach((e, i) => {
      if (!e) return;
      const doc = docs[i];
      let ids = listed.get(doc.file);
      if (!ids) listed.set(doc.file, (ids = new Set()));
      // Plain loops and properties set one by one (in the order of TableProvision): a statute
      // book has a hundred thousand of these, and spreads of small objects cost more than the rest.
      for (let k = 0; k < e.provisions.length; k++) {
        const id = e.provisions[k];
        if (ids.has(id)) continue;
        const p = doc.analysis.parsed.byId.get(id);
        if (!p) continue;
        const matched = doc.analysis.matches.get(id)?.matches;
        let m: ArticleMatch | undefined;
        if (matched) {
          for (let j = 0; j < matched.length && !m; j++) if (matched[j].article === a.article) m = matched[j];
        }
        ids.add(id);
        const row = { file: doc.file, id, label: p.label } as TableProvision;
        if (p.heading) row.heading = p.heading;
        row.range = lines[i].rangeOf(p.span);
        if (m) row.strength = m.strength;
        provisions.push(row);
      }
    });

    const missingElements: string[] = [];
    const missingSafeguards: string[] = [];
    if (status !== 'implemented') {
      entries.forEach((e) => {
        for (const id of e?.missingElements ?? []) {
          const label = a.elements.find((x) => x.id === id)?.label ?? id;
          if (!missingElements.includes(label)) missingElements.push(label);
        }
      });
    }
    entries.forEach((e) => {
      for (const code of e?.missingSafeguards ?? []) {
        const title = checkTitle.get(code) ?? code;
        if (!missingSafeguards.includes(title)) missingSafeguards.push(title);
      }
    });

    const budapest = a.budapest.map((ref) => {
      const base = /^\d+/.exec(ref)?.[0] ?? ref;
      const b = data.budapest.find((x) => x.article === base);
      return b ? `Art. ${ref} — ${b.title}` : `Art. ${ref}`;
    });

    const row: TableRow = {
      article: a.article,
      title: a.title,
      chapter: a.chapter,
      obligation: a.obligation,
      needsDomesticProvision: a.needsDomesticProvision,
      status,
      statusByFile,
      provisions,
      missingElements,
      missingSafeguards,
      budapest,
    };
    let chapter = chapters.find((c) => c.chapter === a.chapter);
    if (!chapter) chapters.push((chapter = { chapter: a.chapter, title: '', rows: [] }));
    chapter.rows.push(row);

    if (status === 'implemented') summary.implemented++;
    else if (status === 'partial') summary.partial++;
    else if (status === 'missing') summary.missing++;
    else summary.notApplicable++;
    if (isMandatoryArticle(a)) {
      summary.mandatoryTotal++;
      if (status === 'implemented') summary.mandatoryImplemented++;
      if (status === 'partial') summary.mandatoryPartial++;
    }
  }
  return { files: docs.map((d) => d.file), chapters: chapters.filter((c) => c.rows.length > 0), summary };
}

/** `say`: the language of the table's own words (columns, statuses, summary); English without. */
export function renderTable(table: ConcordanceTable, format: TableFormat, say?: TableSay): string {
  switch (format) {
    case 'csv':
      return renderCsv(table, say);
    case 'markdown':
      return renderMarkdown(table, say);
    case 'html':
      return renderHtml(table, say);
    default:
      throw new Error(`unknown table format "${String(format)}"`);
  }
}

/** The columns of every rendering, in order. */
export const TABLE_COLUMNS = ['Chapter', 'Article', 'Title', 'Obligation', 'Status', 'Provisions', 'Missing elements', 'Missing safeguards', 'Budapest Convention'] as const;
const COLUMN_KEYS: MessageKey[] = [
  'table.column.chapter',
  'table.column.article',
  'table.column.title',
  'table.column.obligation',
  'table.column.status',
  'table.column.provisions',
  'table.column.missingElements',
  'table.column.missingSafeguards',
  'table.column.budapest',
];

function columns(say: TableSay | undefined): string[] {
  return TABLE_COLUMNS.map((c, i) => w(say, COLUMN_KEYS[i], c));
}

function statusLabel(say: TableSay | undefined, s: CoverageStatus): string {
  return w(say, `table.status.${s}`, STATUS_LABELS[s]);
}

/** One provision as a table cell shows it: "s 14 Illegal access", after its file's short name when given (several files). */
function provisionText(p: TableProvision, fileName: string | undefined): string {
  return `${fileName !== undefined ? fileName + ': ' : ''}${p.label}${p.heading ? ' ' + p.heading : ''}`;
}

function statusText(row: TableRow, files: string[], names: ReadonlyMap<string, string>, say?: TableSay): string {
  const s = statusLabel(say, row.status);
  if (files.length < 2) return s;
  return `${s} (${files.map((f, i) => `${names.get(f)}: ${statusLabel(say, row.statusByFile[i])}`).join('; ')})`;
}

/** The plain-text cells of a row, in TABLE_COLUMNS order. */
export function rowCells(row: TableRow, files: string[], say?: TableSay): string[] {
  // Each file's short name made once: a statute book's row names its files in thousands of entries.
  const names = new Map(files.map((f) => [f, baseName(f)]));
  const many = files.length > 1;
  return [
    row.chapter,
    String(row.article),
    row.title,
    row.obligation,
    statusText(row, files, names, say),
    row.provisions.map((p) => provisionText(p, many ? (names.get(p.file) ?? baseName(p.file)) : undefined)).join('; '),
    row.missingElements.join('; '),
    row.missingSafeguards.join('; '),
    row.budapest.length ? row.budapest.join('; ') : w(say, 'table.noCounterpart', 'no counterpart'),
  ];
}

/** A file's name from its path or URI (query and fragment dropped, %-escapes decoded where they are well-formed). */
export function baseName(file: string): string {
  const clean = file.replace(/[?#].*$/, '');
  const i = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  let name = i >= 0 ? clean.slice(i + 1) : clean;
  try {
    name = decodeURIComponent(name);
  } catch {
    // not URI-encoded
  }
  return name || file;
}

// ---- CSV (RFC 4180) ----

/** One CSV field: quoted when it holds a comma, a quote, CR or LF; formulas are neutralised for spreadsheets. */
export function csvField(value: string): string {
  let v = value;
  // A cell starting with = + - @ is run as a formula by spreadsheets; a leading apostrophe shows it as text.
  if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
  return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

export function renderCsv(table: ConcordanceTable, say?: TableSay): string {
  const records: string[][] = [columns(say)];
  for (const c of table.chapters) for (const r of c.rows) records.push(rowCells(r, table.files, say));
  return records.map((rec) => rec.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---- Markdown ----

/** Text safe inside a Markdown table cell: no cell breaks, no line breaks, no HTML, link, image or other markup. */
export function markdownCell(value: string): string {
  return escapeMarkdownSource(value).trim();
}

export function summaryLine(s: TableSummary, say?: TableSay): string {
  return w(
    say,
    'table.summary',
    '{0}/{1} mandatory articles implemented ({2} partly); overall {3} implemented, {4} partial, {5} missing, {6} not applicable.',
    s.mandatoryImplemented,
    s.mandatoryTotal,
    s.mandatoryPartial,
    s.implemented,
    s.partial,
    s.missing,
    s.notApplicable,
  );
}

const FOOTNOTE = "Article titles and statuses come from Concordance's own summaries of the Convention, not treaty text.";
const HEADING = 'Concordance with the UN Convention against Cybercrime';

export function renderMarkdown(table: ConcordanceTable, say?: TableSay): string {
  const out: string[] = [];
  out.push(`# ${w(say, 'table.heading', HEADING)}`, '');
  out.push(w(say, 'table.drafts', 'Drafts: {0}', table.files.map((f) => markdownCell(baseName(f))).join(', ') || w(say, 'table.none', 'none')), '');
  out.push(markdownCell(summaryLine(table.summary, say)), '');
  const cols = columns(say);
  out.push('| ' + cols.join(' | ') + ' |');
  out.push('|' + cols.map(() => ' --- |').join(''));
  for (const c of table.chapters) {
    for (const r of c.rows) out.push('| ' + rowCells(r, table.files, say).map((v) => markdownCell(v) || ' ').join(' | ') + ' |');
  }
  out.push('', `_${w(say, 'table.footnote', FOOTNOTE)}_`, '');
  return out.join('\n');
}

// ---- HTML ----

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[ch]!);
}

const HTML_STYLE = `body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#eee}tr.chapter th{background:#ddd}
.implemented{color:#0a5d00}.partial{color:#8a5300}.missing{color:#a00000;font-weight:bold}.not-applicable{color:#555}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th{background:#333}tr.chapter th{background:#444}
.implemented{color:#7fd47f}.partial{color:#e0b050}.missing{color:#ff8080}.not-applicable{color:#aaa}}`;

export function renderHtml(table: ConcordanceTable, say?: TableSay): string {
  const styleHash = createHash('sha256').update(HTML_STYLE, 'utf8').digest('base64');
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${escapeHtml((say as Partial<Messages> | undefined)?.locale ?? 'en')}">`, '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(w(say, 'table.pageTitle', 'Concordance table'))}</title>`, `<style>${HTML_STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${escapeHtml(w(say, 'table.heading', HEADING))}</h1>`);
  out.push(`<p>${escapeHtml(w(say, 'table.drafts', 'Drafts: {0}', table.files.map((f) => baseName(f)).join(', ') || w(say, 'table.none', 'none')))}</p>`);
  out.push(`<p>${escapeHtml(summaryLine(table.summary, say))}</p>`);
  const cols = columns(say);
  out.push('<table>', '<thead><tr>' + cols.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('') + '</tr></thead>');
  for (const c of table.chapters) {
    out.push('<tbody>');
    out.push(`<tr class="chapter"><th colspan="${TABLE_COLUMNS.length}" scope="rowgroup">${escapeHtml(w(say, 'table.chapter', 'Chapter {0} — {1}', c.chapter, c.title))}</th></tr>`);
    for (const r of c.rows) {
      const cells = rowCells(r, table.files, say);
      out.push(
        '<tr>' +
          cells.map((v, i) => (i === 4 ? `<td class="${r.status}">${escapeHtml(v)}</td>` : i === 1 ? `<th scope="row">${escapeHtml(v)}</th>` : `<td>${escapeHtml(v)}</td>`)).join('') +
          '</tr>',
      );
    }
    out.push('</tbody>');
  }
  out.push('</table>');
  out.push(`<p><small>${escapeHtml(w(say, 'table.footnote', FOOTNOTE))}</small></p>`);
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
