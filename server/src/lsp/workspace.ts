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

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
/** How long the server waits for the client to answer workspace/configuration before using the defaults. */
export const CONFIGURATION_TIMEOUT_MS = 3000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Settings as the client sent them (from a workspace that may not be trusted), made safe: each
 * invalid value falls back to its default, and `problems` says which (one line each). A valid
 * entry of a map (`checks`, `severity`) is kept even when another entry is dropped.
 */
export function validateSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: defaultSettings, problems };
  if (!isRecord(raw)) return { settings: defaultSettings, problems: [`"concordance" must be an object, not ${JSON.stringify(raw)}`] };
  const settings: Settings = { ...defaultSettings };
  if (raw.languages !== undefined) {
    const l = raw.languages;
    if (Array.isArray(l) && l.every((x) => typeof x === 'string' && x.length > 0)) settings.languages = l as string[];
    else problems.push(`"concordance.languages" must be a list of language ids, not ${show(l)}`);
  }
  if (raw.checks !== undefined) {
    if (!isRecord(raw.checks)) problems.push(`"concordance.checks" must be an object of true/false, not ${show(raw.checks)}`);
    else {
      const checks: Record<string, boolean> = {};
      for (const [k, v] of Object.entries(raw.checks)) {
        if (typeof v === 'boolean') checks[k] = v;
        else problems.push(`"concordance.checks.${k}" must be true or false, not ${show(v)}`);
      }
      settings.checks = checks;
    }
  }
  if (raw.severity !== undefined) {
    if (!isRecord(raw.severity)) problems.push(`"concordance.severity" must be an object, not ${show(raw.severity)}`);
    else {
      const severity: Record<string, Severity | 'off'> = {};
      for (const [k, v] of Object.entries(raw.severity)) {
        if (typeof v === 'string' && SEVERITIES.includes(v)) severity[k] = v as Severity | 'off';
        else problems.push(`"concordance.severity.${k}" must be one of ${SEVERITIES.join(', ')}, not ${show(v)}`);
      }
      settings.severity = severity;
    }
  }
  if (raw.generalPart !== undefined) {
    const g = raw.generalPart;
    if (isRecord(g) && (g.intentional === undefined || typeof g.intentional === 'boolean')) {
      if (g.intentional !== undefined) settings.generalPart = { intentional: g.intentional };
    } else problems.push(`"concordance.generalPart" must be an object with "intentional": true or false, not ${show(g)}`);
  }
  if (raw.maxDiagnostics !== undefined) {
    const m = raw.maxDiagnostics;
    if (typeof m === 'number' && Number.isFinite(m) && m >= 1) settings.maxDiagnostics = Math.floor(m);
    else problems.push(`"concordance.maxDiagnostics" must be a number of at least 1, not ${show(m)}`);
  }
  return { settings, problems };
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

export interface AnalysedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly analysis: DocumentAnalysis;
  readonly settings: Settings;
  /** The analyzer (convention data) the analysis was made with. */
  readonly analyzer?: Analyzer;
}

export class Workspace {
  private readonly analyses = new Map<string, AnalysedDocument>();
  private readonly settings = new Map<string, Promise<Settings>>();
  /** Analyses running in time slices, shared by the diagnostics run and requests for that version. */
  private readonly pending = new Map<string, { version: number; text: string; settings: Settings; analyzer: Analyzer; result: Promise<AnalysedDocument | undefined> }>();
  /** The last analysis made: how long it took and how many provisions were matched anew (concordance/stats). */
  lastAnalysis?: { uri: string; version: number; ms: number; rematched: number; chars: number };
  /** Analyses started (sliced runs of open documents and of texts sent by requests), and requests or runs that joined a run already under way for the same version. */
  readonly runs = { started: 0, joined: 0 };
  /** Test hook only (CONCORDANCE_TEST_HOOKS=1): runs wait for this before they start. */
  gate?: (uri: string, version: number) => Promise<void>;
  /** Whether the client can answer workspace/configuration requests. */
  configurationSupport = false;

  constructor(
    private readonly connection: Connection,
    /** Set once more at initialize, to the same data in the editor's display language (Analyzer.withLocale). */
    public analyzer: Analyzer,
  ) {}

  /** Says something once per distinct message (bad settings are read per document, reported once). */
  warn: (message: string) => void = () => undefined;
  /**
   * Whether the editor has the document open (server.ts asks its TextDocuments). Only open documents
   * are cached: an analysis that finishes after its document was closed, and the settings of a draft
   * analysed by name (concordance/table, compareVersions), are not kept, so nothing per URI outlives
   * the document (stats: `cached`).
   */
  isOpen: (uri: string) => boolean = () => true;
  /** Called when a client's late answer replaced the defaults used after CONFIGURATION_TIMEOUT_MS. */
  onLateSettings: (uri: string) => void = () => undefined;
  private readonly warned = new Set<string>();

  /**
   * Settings for one document, read from the client per resource and cached until they change.
   * Invalid values fall back to their defaults (with one warning); a client that does not answer
   * within CONFIGURATION_TIMEOUT_MS gets the defaults (its answer, if it comes, replaces them).
   */
  getSettings(uri: string): Promise<Settings> {
    if (!this.configurationSupport) return Promise.resolve(defaultSettings);
    let s = this.settings.get(uri);
    if (!s) {
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const answer = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'concordance' }).then(
        (c: unknown) => this.validated(c),
        () => defaultSettings,
      );
      const timeout = new Promise<Settings>((resolve) => {
        timer = setTimeout(() => {
          timedOut = true;
          this.warnOnce(`The editor did not answer the request for the "concordance" settings within ${CONFIGURATION_TIMEOUT_MS} ms; using the defaults.`);
          resolve(defaultSettings);
        }, CONFIGURATION_TIMEOUT_MS);
      });
      const raced = Promise.race([answer, timeout]);
      void answer.then((settings) => {
        clearTimeout(timer);
        // A late answer: it replaces the defaults for later requests, and the document is looked at again.
        if (timedOut && this.settings.get(uri) === raced) {
          this.settings.set(uri, Promise.resolve(settings));
          this.onLateSettings(uri);
        }
      });
      s = raced;
      if (this.isOpen(uri)) this.settings.set(uri, s);
    }
    return s;
  }

  private validated(raw: unknown): Settings {
    const { settings, problems } = validateSettings(raw);
    if (problems.length) this.warnOnce(`Some "concordance" settings are invalid and were replaced by their defaults: ${problems.join('; ')}.`);
    return problems.length === 0 && raw === null ? defaultSettings : settings;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    if (this.warned.size > 100) this.warned.clear();
    this.warned.add(message);
    this.warn(message);
  }

  settingsChanged(): void {
    this.settings.clear();
    this.analyses.clear();
  }

  /** What the workspace holds per URI (concordance/stats): analyses, and settings read. */
  cacheSizes(): { analyses: number; settings: number; pending: number } {
    return { analyses: this.analyses.size, settings: this.settings.size, pending: this.pending.size };
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.pending.delete(uri);
    this.settings.delete(uri);
  }

  /**
   * The cached analysis of this exact version and text, if there is one. The text is compared too:
   * a second didOpen, or a change that keeps the version number, changes the text under the same
   * version. (The document gives the same string object while it is unchanged: the comparison is
   * by reference then.)
   */
  peek(doc: TextDocument): AnalysedDocument | undefined {
    const a = this.analyses.get(doc.uri);
    return a && a.version === doc.version && a.text === doc.getText() ? a : undefined;
  }

  /**
   * The analysis of the document as it stands now, computed at most once per version:
   * requests (hover, lenses, symbols …) and the debounced diagnostics share it. Resolves to
   * undefined when the request was cancelled or the document changed while settings were read
   * (a newer version is on its way; its own request or diagnostics run will analyse it).
   */
  async current(doc: TextDocument, token?: { isCancellationRequested: boolean }): Promise<AnalysedDocument | undefined> {
    const version = doc.version;
    const text = doc.getText();
    const changed = () => doc.version !== version || doc.getText() !== text;
    const settings = await this.getSettings(doc.uri);
    if (token?.isCancellationRequested || changed()) return undefined;
    const cached = this.peek(doc);
    if (cached && cached.settings === settings && cached.analyzer === this.analyzer) return cached;
    const result = await this.analyseSliced(doc, settings);
    if (!result || token?.isCancellationRequested || changed()) return undefined;
    return result;
  }

  /**
   * The analysis of an open document's newest version, for a request that names the document
   * (coverage, table, compare): like `current`, but when the document changes during the run it
   * waits for the newer version's run rather than giving up. Undefined only when cancelled.
   */
  async latest(doc: TextDocument, token?: { isCancellationRequested: boolean }): Promise<AnalysedDocument | undefined> {
    for (;;) {
      const a = await this.current(doc, token);
      if (a || token?.isCancellationRequested) return a;
    }
  }

  /**
   * Analyses text that is no open document (a draft the editor has not opened, a version to
   * compare), in time slices like every other analysis; not cached. Undefined when cancelled.
   */
  async analyseText(uri: string, text: string, token?: { isCancellationRequested: boolean }): Promise<AnalysedDocument | undefined> {
    const settings = await this.getSettings(uri);
    if (token?.isCancellationRequested) return undefined;
    const analyzer = this.analyzer;
    this.runs.started++;
    const analysis = await analyzer.analyzeAsync(text, { checks: checkOptions(settings) }, () => !!token?.isCancellationRequested);
    return analysis && { uri, version: 0, text, lines: new LineIndex(text), analysis, settings, analyzer };
  }

  /**
   * Analyses the document's current version in time slices, so the server answers other
   * requests meanwhile; one run per version, shared by everyone asking. Resolves to undefined
   * when a newer version arrived before the run finished (the run stops early).
   */
  private analyseSliced(doc: TextDocument, settings: Settings): Promise<AnalysedDocument | undefined> {
    const version = doc.version;
    const text = doc.getText();
    const running = this.pending.get(doc.uri);
    if (running && running.version === version && running.text === text && running.settings === settings && running.analyzer === this.analyzer) {
      this.runs.joined++;
      return running.result;
    }
    const analyzer = this.analyzer;
    this.runs.started++;
    const t0 = performance.now();
    const before = analyzer.matchedCount;
    const prior = this.previous(doc.uri, analyzer);
    const stale = () => doc.version !== version || doc.getText() !== text;
    const run = () => analyzer.analyzeAsync(text, { checks: checkOptions(settings), previous: prior }, stale);
    // A test hook (CONCORDANCE_TEST_HOOKS) may hold runs at their start, to show what joins them.
    const analysed = this.gate ? this.gate(doc.uri, version).then(() => (stale() ? undefined : run())) : run();
    const result = analysed.then((analysis) => {
      if (this.pending.get(doc.uri)?.result === result) this.pending.delete(doc.uri);
      return analysis ? this.store(doc.uri, version, text, analysis, settings, analyzer, t0, before, prior) : undefined;
    });
    this.pending.set(doc.uri, { version, text, settings, analyzer, result });
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
    // The latest analysis made is the one kept (whatever its version: the server publishes only
    // the document's current text, and never a version older than one it published).
    if (this.isOpen(uri)) this.analyses.set(uri, result);
    return result;
  }

  isAnalysedLanguage(languageId: string, settings: Settings): boolean {
    return settings.languages.includes(languageId);
  }
}

export function checkOptions(settings: Settings): CheckOptions {
  return { families: settings.checks, severity: settings.severity, generalPart: settings.generalPart };
}
