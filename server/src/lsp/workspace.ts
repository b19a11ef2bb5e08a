// Per-document analysis, cached by URI and version, and per-resource settings.
// The analysis of a version is computed at most once; provisions are cached by text
// inside the Analyzer, so a re-analysis after an edit re-matches only what changed.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../analysis/analyze';
import type { CheckOptions } from '../analysis/checks';
import { LineIndex } from '../analysis/text';
import type { DocumentAnalysis, Severity } from '../analysis/types';

export interface Settings {
  languages: string[];
  checks: Record<string, boolean>;
  severity: Record<string, Severity | 'off'>;
  maxDiagnostics: number;
  /** What the draft's general part provides for every offence (concordance.generalPart). */
  generalPart?: { intentional?: boolean };
}

export const defaultSettings: Settings = {
  languages: ['legal-draft', 'plaintext', 'markdown'],
  checks: {},
  severity: {},
  maxDiagnostics: 500,
};

export interface AnalysedDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: DocumentAnalysis;
  settings: Settings;
  /** The analyzer (convention data) the analysis was made with; a data reload makes it stale. */
  analyzer?: Analyzer;
}

export class Workspace {
  private readonly analyses = new Map<string, AnalysedDocument>();
  private readonly settings = new Map<string, Promise<Settings>>();
  /** Analyses running in time slices, shared by the diagnostics run and requests for that version. */
  private readonly pending = new Map<string, { version: number; settings: Settings; analyzer: Analyzer; result: Promise<AnalysedDocument | undefined> }>();
  /** The last analysis made: how long it took and how many provisions were matched anew (concordance/stats). */
  lastAnalysis?: { uri: string; version: number; ms: number; rematched: number; chars: number };
  /** Whether the client can answer workspace/configuration requests. */
  configurationSupport = false;

  constructor(
    private readonly connection: Connection,
    public analyzer: Analyzer,
  ) {}

  /** Settings for one document, read from the client per resource and cached until they change. */
  getSettings(uri: string): Promise<Settings> {
    if (!this.configurationSupport) return Promise.resolve(defaultSettings);
    let s = this.settings.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'concordance' })
        .then((c: Partial<Settings> | null) => ({ ...defaultSettings, ...(c ?? {}) }))
        .catch(() => defaultSettings);
      this.settings.set(uri, s);
    }
    return s;
  }

  settingsChanged(): void {
    this.settings.clear();
    this.analyses.clear();
  }

  /** Drops every cached analysis, e.g. after the convention data was reloaded. */
  invalidate(): void {
    this.analyses.clear();
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.pending.delete(uri);
    this.settings.delete(uri);
  }

  /** The cached analysis of this exact version, if there is one. */
  peek(doc: TextDocument): AnalysedDocument | undefined {
    const a = this.analyses.get(doc.uri);
    return a && a.version === doc.version ? a : undefined;
  }

  async analyse(doc: TextDocument): Promise<AnalysedDocument> {
    const settings = await this.getSettings(doc.uri);
    const cached = this.peek(doc);
    if (cached && cached.settings === settings && cached.analyzer === this.analyzer) return cached;
    return this.analyseWith(doc, settings);
  }

  /**
   * The analysis of the document as it stands now, computed at most once per version:
   * requests (hover, lenses, symbols …) and the debounced diagnostics share it. Resolves to
   * undefined when the request was cancelled or the document changed while settings were read
   * (a newer version is on its way; its own request or diagnostics run will analyse it).
   */
  async current(doc: TextDocument, token?: { isCancellationRequested: boolean }): Promise<AnalysedDocument | undefined> {
    const version = doc.version;
    const settings = await this.getSettings(doc.uri);
    if (token?.isCancellationRequested || doc.version !== version) return undefined;
    const cached = this.peek(doc);
    if (cached && cached.settings === settings && cached.analyzer === this.analyzer) return cached;
    const result = await this.analyseSliced(doc, settings);
    if (!result || token?.isCancellationRequested || doc.version !== version) return undefined;
    return result;
  }

  analyseWith(doc: TextDocument, settings: Settings): AnalysedDocument {
    const text = doc.getText();
    const t0 = performance.now();
    const before = this.analyzer.matchedCount;
    const prior = this.previous(doc.uri, this.analyzer);
    const analysis = this.analyzer.analyze(text, { checks: checkOptions(settings), previous: prior });
    return this.store(doc.uri, doc.version, text, analysis, settings, this.analyzer, t0, before, prior);
  }

  /**
   * Analyses the document's current version in time slices, so the server answers other
   * requests meanwhile; one run per version, shared by everyone asking. Resolves to undefined
   * when a newer version arrived before the run finished (the run stops early).
   */
  private analyseSliced(doc: TextDocument, settings: Settings): Promise<AnalysedDocument | undefined> {
    const version = doc.version;
    const running = this.pending.get(doc.uri);
    if (running && running.version === version && running.settings === settings && running.analyzer === this.analyzer) return running.result;
    const analyzer = this.analyzer;
    const text = doc.getText();
    const t0 = performance.now();
    const before = analyzer.matchedCount;
    const prior = this.previous(doc.uri, analyzer);
    const result = analyzer.analyzeAsync(text, { checks: checkOptions(settings), previous: prior }, () => doc.version !== version).then((analysis) => {
      if (this.pending.get(doc.uri)?.result === result) this.pending.delete(doc.uri);
      return analysis ? this.store(doc.uri, version, text, analysis, settings, analyzer, t0, before, prior) : undefined;
    });
    this.pending.set(doc.uri, { version, settings, analyzer, result });
    return result;
  }

  /**
   * The last analysis of the document made with this analyzer, whatever its version and settings:
   * the Analyzer reuses what an edit did not touch (the result is the same as without it).
   */
  private previous(uri: string, analyzer: Analyzer): AnalysedDocument | undefined {
    const a = this.analyses.get(uri);
    return a && a.analyzer === analyzer ? a : undefined;
  }

  /** `prior`: the analysed version the analysis started from; its line index is updated, not rebuilt, when the analysis reused it. */
  private store(uri: string, version: number, text: string, analysis: DocumentAnalysis, settings: Settings, analyzer: Analyzer, t0: number, before: number, prior?: AnalysedDocument): AnalysedDocument {
    const edit = prior ? analyzer.editFrom(analysis) : undefined;
    const lines = prior && edit ? LineIndex.afterEdit(prior.lines, text, edit) : new LineIndex(text);
    const result: AnalysedDocument = { uri, version, text, lines, analysis, settings, analyzer };
    this.lastAnalysis = { uri, version, ms: performance.now() - t0, rematched: analyzer.matchedCount - before, chars: text.length };
    const previous = this.analyses.get(uri);
    // Never replace a newer version's analysis with an older one.
    if (!previous || previous.version <= version) this.analyses.set(uri, result);
    return result;
  }

  isAnalysedLanguage(languageId: string, settings: Settings): boolean {
    return settings.languages.includes(languageId);
  }
}

export function checkOptions(settings: Settings): CheckOptions {
  return { families: settings.checks, severity: settings.severity, generalPart: settings.generalPart };
}
