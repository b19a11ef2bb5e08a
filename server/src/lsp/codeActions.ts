// Quick fixes for Concordance diagnostics: insert model drafting language for a missing
// safeguard or element, silence a finding for one provision, compare with the article,
// and insert a model provision for an article the draft does not implement.
// Every edit is a WorkspaceEdit the user applies explicitly; nothing is changed on its own.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { unitOf } from '../analysis/analyze';
import { provisionAt } from '../analysis/query';
import type { Instrument } from '../analysis/data/types';
import type { DraftLanguage, Finding, Provision } from '../analysis/types';
import { appendSection, appendSubdivision, ignoreDirective, type Insertion } from './numbering';
import type { AnalysedDocument } from './workspace';
import type { DiagnosticData, MemberData } from './diagnostics';

export interface CodeActionOptions {
  /** The client understands versioned `documentChanges` (safer: a stale edit is refused). */
  documentChanges?: boolean;
}

/** Families whose findings a `concordance-ignore` drafting note silences (checks.ts honours it per provision). */
const SILENCEABLE = new Set(['safeguard', 'element', 'exception', 'cooperation', 'sovereignty', 'overbreadth', 'neutrality']);

export function computeCodeActions(doc: AnalysedDocument, analyzer: Analyzer, params: CodeActionParams, options: CodeActionOptions = {}): CodeAction[] {
  const only = params.context.only;
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k === CodeActionKind.QuickFix);
  if (!wantsQuickFix) return [];
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const sent of params.context.diagnostics) {
    // The client sends back what the server published; anything else in it is not trusted.
    const d = ownDiagnostic(sent);
    if (!d) continue;
    // A grouped diagnostic (diagnostics.ts): the actions of each finding behind it, each naming
    // the grouped diagnostic; the same command (compare with the article) is offered once.
    const members = (d.data as DiagnosticData | undefined)?.members;
    const parts = members?.length
      ? members.map((m): Diagnostic => ({ ...d, code: m.code, message: m.message, data: { ...(d.data as DiagnosticData), fix: m.fix, articles: m.articles, members: undefined } }))
      : [d];
    for (const part of parts) {
      for (const a of actionsFor(doc, analyzer, part, options)) {
        const key = a.command ? `${a.command.command}\u0000${JSON.stringify(a.command.arguments)}` : `${a.title}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const action: CodeAction = { ...a, diagnostics: [d] };
        // One preferred fix per diagnostic (the editor's auto-fix needs exactly one).
        if (action.isPreferred && parts.length > 1 && out.some((o) => o.isPreferred && o.diagnostics?.[0] === d)) delete action.isPreferred;
        out.push(action);
      }
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNatural = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition = (v: unknown): boolean => isRecord(v) && isNatural(v.line) && isNatural(v.character);
const optionalString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

function ownFix(v: unknown): Finding['fix'] {
  if (!isRecord(v)) return undefined;
  return {
    ...(typeof v.safeguard === 'string' ? { safeguard: v.safeguard } : {}),
    ...(typeof v.element === 'string' ? { element: v.element } : {}),
    ...(typeof v.article === 'number' && Number.isInteger(v.article) ? { article: v.article } : {}),
  };
}

/**
 * A diagnostic of the code-action request as Concordance published it: its source, a string code,
 * a range of positions, and `data` of the shape diagnostics.ts writes (fields of another shape are
 * dropped); undefined when it is not Concordance's.
 */
function ownDiagnostic(v: unknown): Diagnostic | undefined {
  if (!isRecord(v) || v.source !== 'concordance' || typeof v.code !== 'string') return undefined;
  if (!isRecord(v.range) || !isPosition(v.range.start) || !isPosition(v.range.end)) return undefined;
  const d = v as unknown as Diagnostic;
  if (!isRecord(v.data)) return { ...d, data: undefined };
  const data: DiagnosticData = { provision: optionalString(v.data.provision), fix: ownFix(v.data.fix), articles: strings(v.data.articles) };
  if (Array.isArray(v.data.members)) {
    data.members = v.data.members
      .filter((m): m is Record<string, unknown> => isRecord(m) && typeof m.code === 'string')
      .map((m) => ({ code: m.code as string, message: optionalString(m.message) ?? '', fix: ownFix(m.fix), articles: strings(m.articles) ?? [], severity: m.severity as MemberData['severity'] }));
  }
  return { ...d, data };
}

function actionsFor(doc: AnalysedDocument, analyzer: Analyzer, d: Diagnostic, options: CodeActionOptions): CodeAction[] {
  const code = d.code as string;
  const data = (d.data ?? {}) as DiagnosticData;
  const fix = data.fix ?? {};
  const out: CodeAction[] = [];
  const { analysis } = doc;
  const say = analyzer.messages;

  // The model provisions and element snippets are English: a draft in another language is not
  // offered English wording to paste into it (the safeguard fixes have their own languages).
  const english = analysis.language === 'en';

  if (code === 'coverage.missing') {
    const n = fix.article ?? Number(data.articles?.[0]);
    const clause = analyzer.data.modelClauses.find((m) => m.article === n);
    if (clause && english) {
      const ins = appendSection(doc.text, analysis.parsed, clause.title, clause.text);
      out.push(quickFix(say.t('action.insertProvision', n, clause.title), d, edit(doc, ins, options), true));
    }
    return out;
  }

  const provision = provisionFor(doc, d, data.provision);
  if (!provision) return out;
  const article = fix.article ?? articleOf(doc, provision.id);

  const safeguardFix = safeguardFixFor(analyzer, fix.safeguard ?? code, analysis.language, doc.text.slice(provision.span.start, provision.span.end));
  const snippet = safeguardFix ?? (article !== undefined && english && !hasSafeguardWording(analyzer, fix.safeguard ?? code) ? snippetFor(analyzer, article, code, fix) : undefined);
  if (snippet && code === 'definition.narrower') {
    // The model wording is a whole definition: it replaces the draft's, when it defines the same term.
    const replacement = definitionReplacement(doc, d, snippet.text);
    if (replacement) out.push(quickFix(say.t('action.replaceDefinition', replacement.term, String(article)), d, replacement.edit(options), true));
  } else if (snippet) {
    const ins = appendSubdivision(doc.text, analysis.parsed, provision, snippet.text);
    out.push(quickFix(article !== undefined ? say.t('action.insertWordingFor', article, snippet.what) : say.t('action.insertWording', snippet.what), d, edit(doc, ins, options), true));
  }

  if (SILENCEABLE.has(code.split('.')[0])) {
    const ins = ignoreDirective(doc.text, provision, code);
    out.push(quickFix(say.t('action.silence', code), d, edit(doc, ins, options), false));
  }

  if (article !== undefined) {
    out.push({
      title: say.t('action.compare', article),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: say.t('action.compare', article), command: 'concordance.compareWithArticle', arguments: [doc.uri, provision.id, article] },
    });
  }
  return out;
}

/** The matched provision (section) a diagnostic is about: by its id when it still exists, else by position. */
function provisionFor(doc: AnalysedDocument, d: Diagnostic, id: string | undefined): Provision | undefined {
  const { analysis } = doc;
  const byId = id ? analysis.parsed.byId.get(id) : undefined;
  if (byId) return byId;
  const at = provisionAt(analysis, doc.lines.offsetAt(d.range.start));
  return at ? (unitOf(at, analysis) ?? at) : undefined;
}

function articleOf(doc: AnalysedDocument, provisionId: string): number | undefined {
  return doc.analysis.matches.get(provisionId)?.matches[0]?.article;
}

/**
 * Model wording for a finding, from the article's model clause. Snippets are keyed by check
 * code, safeguard id or element id (data/model-clauses.json); the most specific key wins.
 */
export function snippetFor(
  analyzer: Analyzer,
  article: number,
  code: string,
  fix: { safeguard?: string; element?: string },
): { text: string; what: string } | undefined {
  const { data } = analyzer;
  const clause = data.modelClauses.find((m) => m.article === article);
  if (!clause) return undefined;
  const check = data.checks.find((c) => c.code === (fix.safeguard ?? code)) ?? data.checks.find((c) => c.code === code);
  const keys: string[] = [];
  if (fix.element) keys.push(fix.element);
  if (fix.safeguard) keys.push(fix.safeguard);
  keys.push(code);
  keys.push(...(check?.safeguards ?? []));
  for (const key of keys) {
    const text = clause.snippets[key];
    if (!text) continue;
    const element = data.articles.find((a) => a.article === article)?.elements.find((e) => e.id === key);
    const safeguard = data.safeguards.find((s) => s.id === key);
    const named = safeguard ?? data.safeguards.find((s) => s.id === check?.safeguards?.[0]);
    const what = element ? element.label : named ? named.title : check ? analyzer.messages.title(check) : key;
    return { text, what };
  }
  return undefined;
}

/** Does data hold safeguard-fix wording for this code (in some language)? Then only that wording is offered. */
function hasSafeguardWording(analyzer: Analyzer, code: string): boolean {
  return analyzer.data.quickFixes?.wording[code] !== undefined;
}

/**
 * The wording that supplies a missing safeguard (data/model-clauses.json fixes), in the draft's
 * language and naming what the provision calls its instrument ("the notice", "el requerimiento");
 * undefined when data has no wording for that code in that language (no fix is offered then).
 */
export function safeguardFixFor(analyzer: Analyzer, code: string, lang: DraftLanguage, provisionText: string): { text: string; what: string } | undefined {
  const fixes = analyzer.data.quickFixes;
  const wording = fixes?.wording[code]?.[lang];
  if (!fixes || !wording) return undefined;
  const inst = instrumentOf(fixes.instruments[lang] ?? [], provisionText);
  const text = wording
    .replace(/\{The\}/g, capitalise(inst.the))
    .replace(/\{the\}/g, inst.the)
    .replace(/\{of\}/g, inst.of);
  const check = analyzer.data.checks.find((c) => c.code === code);
  return { text, what: check ? analyzer.messages.label(check) : code };
}

/** What the provision calls its instrument: the first of the listed words (in data order) it uses, else the last listed. */
export function instrumentOf(list: Instrument[], provisionText: string): Instrument {
  const words = new Set((provisionText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.normalize('NFC')));
  const uses = (w: string) => words.has(w) || words.has(w + 's') || words.has(w + 'es');
  return list.find((i) => uses(i.word.toLowerCase())) ?? list[list.length - 1] ?? { word: 'order', the: 'the order', of: 'of the order' };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An edit replacing the draft's definition (at the diagnostic) by a model definition of the same term. */
function definitionReplacement(
  doc: AnalysedDocument,
  d: Diagnostic,
  model: string,
): { term: string; edit: (o: CodeActionOptions) => WorkspaceEdit } | undefined {
  const at = doc.lines.offsetAt(d.range.start);
  const def = doc.analysis.parsed.definitions.find((x) => at >= x.span.start && at <= x.span.end);
  if (!def) return undefined;
  const m = /^\s*["“”'‘’«]\s*([^"“”'‘’«»]+?)\s*["“”'‘’»]/.exec(model);
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!m || norm(m[1]) !== norm(def.term)) return undefined;
  const original = doc.text.slice(def.definitionSpan.start, def.definitionSpan.end);
  const end = /[;.,]$/.exec(original.trimEnd())?.[0] ?? '';
  // Keep the draft's own quoted term (its quote marks) and its closing punctuation.
  const escaped = def.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const head = new RegExp(`^\\s*["“”'‘’«]?\\s*${escaped}\\s*["“”'’»]?`, 'i').exec(original)?.[0] ?? def.term;
  const body = head + model.trim().slice(m[0].trim().length).replace(/[;.,]$/, '') + end;
  return {
    term: def.term,
    edit: (o) => {
      const te: TextEdit = { range: doc.lines.rangeOf(def.definitionSpan), newText: body };
      if (o.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [te])] };
      return { changes: { [doc.uri]: [te] } };
    },
  };
}

function quickFix(title: string, d: Diagnostic, e: WorkspaceEdit, preferred: boolean): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: e };
  if (preferred) action.isPreferred = true;
  return action;
}

function edit(doc: AnalysedDocument, ins: Insertion, options: CodeActionOptions): WorkspaceEdit {
  const pos = doc.lines.positionAt(ins.offset);
  const te: TextEdit = { range: { start: pos, end: pos }, newText: ins.text };
  if (options.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [te])] };
  return { changes: { [doc.uri]: [te] } };
}
