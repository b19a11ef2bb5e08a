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
    return this.analyseWith(doc, settings);
  }

  analyseWith(doc: TextDocument, settings: Settings): AnalysedDocument {
    const text = doc.getText();
    const analysis = this.analyzer.analyze(text, { checks: checkOptions(settings) });
    const result: AnalysedDocument = { uri: doc.uri, version: doc.version, text, lines: new LineIndex(text), analysis, settings, analyzer: this.analyzer };
    this.analyses.set(doc.uri, result);
    return result;
  }

  isAnalysedLanguage(languageId: string, settings: Settings): boolean {
    return settings.languages.includes(languageId);
  }
}

export function checkOptions(settings: Settings): CheckOptions {
  return { families: settings.checks, severity: settings.severity };
}
