// Outline (document symbols) and "go to symbol in workspace" over the parsed provisions.
//   Parts/Chapters → Namespace (top level) / Module (nested), sections → Class with
//   "Art. 7 · Illegal access" as detail, subsections and paragraphs as children; a table of
//   contents at the head of the draft, one node holding its lines.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { matchUnits } from '../analysis/analyze';
import type { Provision, Span } from '../analysis/types';
import { firstLine } from './codeLens';
import type { AnalysedDocument } from './workspace';

const MAX_NAME = 80;

export function computeDocumentSymbols(doc: AnalysedDocument, analyzer: Analyzer, isCancelled: () => boolean = () => false): DocumentSymbol[] {
  const { parsed } = doc.analysis;
  const build = (p: Provision): DocumentSymbol | undefined => {
    if (p.kind === 'preamble' || p.kind === 'trailing') return undefined;
    const span = trimmed(doc.text, p.span);
    const head = firstLine(doc.text, span);
    const children = p.children
      .map((id) => parsed.byId.get(id))
      .filter((c): c is Provision => !!c)
      .map(build)
      .filter((s): s is DocumentSymbol => !!s);
    const range = doc.lines.rangeOf(span);
    const symbol: DocumentSymbol = {
      name: symbolName(doc.text, p, head),
      kind: symbolKind(p),
      range,
      selectionRange: doc.lines.rangeOf(head.end > head.start ? head : { start: span.start, end: span.start }),
      children,
    };
    const detail = articleDetail(doc, p);
    if (detail) symbol.detail = detail;
    else if (p.kind !== 'division' && p.kind !== 'section') symbol.detail = summary(doc.text, p);
    return symbol;
  };
  const out: DocumentSymbol[] = [];
  /** The top-level symbols of the table of contents, and where it stands. */
  const contents: DocumentSymbol[] = [];
  let contentsSpan: Span | undefined;
  for (const p of parsed.provisions) {
    if (isCancelled()) return [];
    if (p.parent) continue;
    const s = build(p);
    if (!s) continue;
    if (inContents(p)) {
      contents.push(s);
      contentsSpan = { start: contentsSpan?.start ?? p.span.start, end: p.span.end };
    } else out.push(s);
  }
  if (contents.length && contentsSpan) {
    const span = trimmed(doc.text, contentsSpan);
    out.unshift({ name: analyzer.messages.t('outline.contents'), kind: SymbolKind.Namespace, range: doc.lines.rangeOf(span), selectionRange: doc.lines.rangeOf(firstLine(doc.text, span)), children: contents });
  }
  return out;

  /** A line of the table of contents, or a Part of it: every section under it is one. */
  function inContents(p: Provision): boolean {
    if (!parsed.contents) return false;
    if (p.kind === 'section') return parsed.contents.has(p.id);
    if (p.kind !== 'division' || p.children.length === 0) return false;
    return p.children.every((id) => {
      const c = parsed.byId.get(id);
      return c !== undefined && inContents(c);
    });
  }
}

/**
 * Provisions across the open documents whose matched article, title or heading fits the query:
 * "Art. 7", "7", "article 7" find what implements Art. 7; words find titles and headings.
 */
export function computeWorkspaceSymbols(docs: AnalysedDocument[], analyzer: Analyzer, query: string): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const num = /^(?:(?:art(?:icle|ículo|iculo)?s?\.?)\s*)?(\d{1,3})$/i.exec(q);
  const words = q.split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const doc of docs) {
    const { analysis } = doc;
    for (const unit of matchUnits(analysis.parsed)) {
      const matches = analysis.matches.get(unit.id)?.matches ?? [];
      const best = matches[0];
      let ok: boolean;
      if (num) ok = matches.some((m) => m.article === Number(num[1]));
      else if (words.length === 0) ok = true;
      else {
        const hay = [unit.label, unit.heading ?? '', ...matches.map((m) => `art. ${m.article} ${m.title} ${titleOf(analyzer, m.article)}`)].join(' ').toLowerCase();
        ok = words.every((w) => hay.includes(w));
      }
      if (!ok) continue;
      const head = firstLine(doc.text, unit.span);
      out.push({
        name: symbolName(doc.text, unit, head),
        kind: SymbolKind.Class,
        location: { uri: doc.uri, range: doc.lines.rangeOf(trimmed(doc.text, unit.span)) },
        containerName: best ? `Art. ${best.article} · ${best.title}` : undefined,
      });
    }
  }
  return out;
}

function titleOf(analyzer: Analyzer, n: number): string {
  return analyzer.data.articles.find((a) => a.article === n)?.title ?? '';
}

function articleDetail(doc: AnalysedDocument, p: Provision): string | undefined {
  const best = doc.analysis.matches.get(p.id)?.matches[0];
  return best ? `Art. ${best.article} · ${best.title}` : undefined;
}

function symbolKind(p: Provision): SymbolKind {
  switch (p.kind) {
    case 'division':
      return p.depth === 0 ? SymbolKind.Namespace : SymbolKind.Module;
    case 'section':
      return SymbolKind.Class;
    case 'subsection':
      return SymbolKind.Field;
    case 'paragraph':
    case 'subparagraph':
      return SymbolKind.EnumMember;
    default:
      return SymbolKind.String;
  }
}

/** "Section 14 — Illegal access", "3. Illegal access", "(2)": how the draft heads the provision. */
function symbolName(text: string, p: Provision, head: Span): string {
  const line = text.slice(head.start, head.end).trim();
  let name: string;
  if (p.kind === 'section' || p.kind === 'division') {
    if (p.heading && line === p.heading) name = `${p.label}${/\W$/.test(p.label) ? '' : '.'} ${p.heading}`; // marginal heading above "3."
    else if (line.length <= MAX_NAME) name = line;
    else name = [p.label, p.heading].filter(Boolean).join(' ');
  } else name = p.label || line.slice(0, 20);
  name = name.replace(/\s+/g, ' ').trim();
  if (name.length > MAX_NAME) name = name.slice(0, MAX_NAME - 1) + '…';
  return name || p.id;
}

function summary(text: string, p: Provision): string {
  const own = text.slice(p.ownSpan.start, p.ownSpan.end).replace(/\s+/g, ' ').trim();
  const body = own.startsWith(p.label) ? own.slice(p.label.length).trim() : own;
  return body.length > 60 ? body.slice(0, 59) + '…' : body;
}

function trimmed(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}
