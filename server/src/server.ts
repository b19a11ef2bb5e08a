// The Concordance language server: capabilities are wired here, and only here.
// Each editor feature lives in its own file under lsp/ as one function over a document's analysis.
import {
  createConnection,
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type RequestHandler,
  type RequestType,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver';
import type { Analyzer } from './analysis/analyze';
import { formatArticleMarkdown } from './analysis/data/articleView';
import { createAnalyzer, formatDataProblem } from './analysis/engine';
import { renderTable } from './analysis/table';
import {
  ArticlesRequest,
  CompareRequest,
  CompareVersionsRequest,
  CoverageRequest,
  SourceAnchorsNotification,
  StatsRequest,
  TableExportRequest,
  TestHeldNotification,
  TestHoldRequest,
  TableRequest,
  VirtualDocumentRequest,
  type SourceAnchorsParams,
} from '../../shared/protocol';
import { messageLocale } from './analysis/messages';
import { computeCodeActions } from './lsp/codeActions';
import { computeCodeLenses } from './lsp/codeLens';
import { COMPLETION_LOOKBEHIND, COMPLETION_TRIGGERS, computeCompletion } from './lsp/completion';
import { computeDefinition } from './lsp/definition';
import { computeDiagnostics } from './lsp/diagnostics';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './lsp/semanticTokens';
import { computeDocumentSymbols, computeWorkspaceSymbols } from './lsp/symbols';
import { computeHover } from './lsp/hover';
import { addSourceElements, checkSourceAnchors, withPage } from './lsp/sourceAnchors';
import { CODE_ACTION, DOCUMENT, DOCUMENT_POSITION, expectParams, WORKSPACE_SYMBOL, type ParamSpec } from './lsp/params';
import { virtualDocument } from './lsp/virtualDocs';
import { articlesRequest } from './lsp/articles';
import { compareRequest } from './lsp/compare';
import { compareVersionsRequest } from './lsp/compareVersions';
import { coverageRequest } from './lsp/coverage';
import type { RequestContext } from './lsp/requestContext';
import { statsRequest } from './lsp/stats';
import { tableRequest } from './lsp/table';
import { Workspace, type AnalysedDocument } from './lsp/workspace';

/** Milliseconds of quiet after an edit before diagnostics are recomputed. */
const DIAGNOSTICS_DEBOUNCE_MS = 120;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let engine: ReturnType<typeof createAnalyzer>;
  try {
    engine = createAnalyzer();
    // Everything the matcher and the checks read, in every language, compiled before the first
    // draft arrives (the CLI compiles a language on its first draft in it instead).
    engine.analyzer?.prepare();
  } catch (e) {
    // createAnalyzer returns problems rather than throwing; should anything still throw, the server
    // must answer `initialize` and say why (an exit here would make the client restart it in a loop).
    engine = { problems: [{ file: 'data', jsonPath: '/', message: (e as Error).message }] };
  }
  if (!engine.analyzer) {
    // Without any good data there is nothing to serve; say why and stay up answering nothing.
    const message = 'Concordance could not load its convention data: ' + engine.problems.map(formatDataProblem).join('; ');
    connection.onInitialize(() => ({ capabilities: {} }));
    connection.onInitialized(() => void connection.window.showErrorMessage(message));
    connection.console.error(message);
    connection.listen();
    return;
  }
  const workspace = new Workspace(connection, engine.analyzer);
  const analyzer = (): Analyzer => workspace.analyzer;
  workspace.warn = (message) => connection.console.warn(message);
  workspace.isOpen = (uri) => documents.get(uri) !== undefined;
  /** After `shutdown` only `exit` is accepted: requests get InvalidRequest, nothing more is published. */
  let shutDown = false;
  /** The highest version published per document: an older one is never published after it. */
  const publishedVersion = new Map<string, number>();
  /** Where the analysed text of an Akoma Ntoso act came from, by the text's URI (SourceAnchorsNotification). */
  const sourceAnchors = new Map<string, SourceAnchorsParams>();
  // Diagnostics point into the article documents at a paragraph's line: render each article
  // once per data set, not once per finding.
  const articleText = new WeakMap<Analyzer, Map<number, string | undefined>>();
  const articleMarkdown = (n: number): string | undefined => {
    const a = analyzer();
    let cache = articleText.get(a);
    if (!cache) articleText.set(a, (cache = new Map()));
    if (!cache.has(n)) cache.set(n, a.data.articles.some((x) => x.article === n) ? formatArticleMarkdown(a.data, n) : undefined);
    return cache.get(n);
  };
  const timers = new Map<string, NodeJS.Timeout>();
  let documentChangesSupport = false;
  /** Asks the client to re-request lenses and semantic tokens (after settings or data changed), where it can. */
  let refreshViews = (): void => undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // The server's messages follow the editor's display language: the extension passes VS Code's in
    // initializationOptions, other editors give LSP's `locale`; else English. The analyzer keeps it.
    workspace.analyzer = workspace.analyzer.withLocale(messageLocale((params.initializationOptions as { locale?: unknown } | null | undefined)?.locale ?? params.locale));
    // Its checks' own memos (the matcher, shared, is prepared already).
    workspace.analyzer.prepare();
    workspace.configurationSupport = !!params.capabilities.workspace?.configuration;
    documentChangesSupport = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    const ws = params.capabilities.workspace;
    refreshViews = () => {
      if (ws?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      if (ws?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh().catch(() => undefined);
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Concordance' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        definitionProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'concordance', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (workspace.configurationSupport) {
      // Settings are read per resource on demand; this only tells us when to drop the cache.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'concordance' });
    }
  });

  const publish = async (doc: TextDocument) => {
    const settings = await workspace.getSettings(doc.uri);
    if (!workspace.isAnalysedLanguage(doc.languageId, settings)) {
      void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    // A newer version may have arrived while settings were fetched: analyse only the latest
    // (`current` gives up when the document changed meanwhile; the change scheduled its own run).
    const latest = documents.get(doc.uri);
    if (!latest) return;
    const analysed = await workspace.current(latest);
    // Only the analysis of the text the document has now (a same-version change or a second
    // didOpen changes the text, not the version), and never a version older than one published.
    const now = documents.get(doc.uri);
    if (!analysed || shutDown || !now || now.version !== analysed.version || now.getText() !== analysed.text) return;
    const published = publishedVersion.get(doc.uri);
    if (published !== undefined && analysed.version < published) {
      connection.console.warn(`${doc.uri}: version ${analysed.version} is older than version ${published}, already published; its diagnostics are not published.`);
      return;
    }
    publishedVersion.set(doc.uri, analysed.version);
    const diagnostics = computeDiagnostics(analysed, articleMarkdown, analyzer());
    addSourceElements(diagnostics, sourceAnchors.get(doc.uri), analysed.text, analysed.lines, analyzer().messages);
    void connection.sendDiagnostics({ uri: doc.uri, version: analysed.version, diagnostics });
  };

  const schedule = (doc: TextDocument, delay: number) => {
    if (shutDown) return;
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        publish(doc).catch((e) => connection.console.error(`diagnostics failed for ${doc.uri}: ${(e as Error).stack ?? e}`));
      }, delay),
    );
  };

  // TextDocuments reports an open as an open and then a content change: the change must not
  // push the first diagnostics back by the edit debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    // A (re)opened document starts its versions afresh.
    publishedVersion.delete(e.document.uri);
    justOpened.add(e.document.uri);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    schedule(e.document, DIAGNOSTICS_DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    workspace.forget(e.document.uri);
    publishedVersion.delete(e.document.uri);
    sourceAnchors.delete(e.document.uri);
    if (!shutDown) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // Sent after the text's didOpen or didChange (and again to a restarted server): publish again with them.
  connection.onNotification(SourceAnchorsNotification, (p: unknown) => {
    const anchors = checkSourceAnchors(p);
    if (typeof anchors === 'string') {
      connection.console.warn(`concordance/sourceAnchors ignored: ${anchors}`);
      return;
    }
    // The client sends them after the text's didOpen: for a document not open (closed since) they are not kept.
    const doc = documents.get(anchors.uri);
    if (!doc) return;
    sourceAnchors.set(anchors.uri, anchors);
    schedule(doc, 0);
  });

  connection.onDidChangeConfiguration(() => {
    workspace.settingsChanged();
    for (const doc of documents.all()) schedule(doc, 0);
    refreshViews();
  });

  /** Throws InvalidRequest after `shutdown` (LSP: requests after it are errors; only `exit` is accepted). */
  const alive = (): void => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down; it accepts only the "exit" notification.');
  };
  connection.onShutdown(() => {
    shutDown = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });
  workspace.onLateSettings = (uri) => {
    const doc = documents.get(uri);
    if (doc) schedule(doc, 0);
  };

  /**
   * Runs a request over the cached analysis of the document's current version (analysing it
   * once if no diagnostics run has yet); returns the fallback when the request was cancelled.
   */
  const withDocument = async <T>(uri: string, fn: (d: AnalysedDocument) => T, fallback: T, token?: CancellationToken): Promise<T> => {
    alive();
    const doc = documents.get(uri);
    if (!doc || token?.isCancellationRequested) return fallback;
    const settings = await workspace.getSettings(uri);
    if (!workspace.isAnalysedLanguage(doc.languageId, settings)) return fallback;
    const analysed = await workspace.current(doc, token);
    if (!analysed || token?.isCancellationRequested) return fallback;
    return fn(analysed);
  };
  const cancelled = (token: CancellationToken) => () => token.isCancellationRequested;

  // The params of every request are checked first (lsp/params.ts): a wrong shape is InvalidParams.
  connection.onHover((p, token) =>
    withDocument(
      expectParams<typeof p>('textDocument/hover', p, DOCUMENT_POSITION).textDocument.uri,
      (d) => withPage(computeHover(d, analyzer(), p.position), sourceAnchors.get(d.uri), d.text, d.lines.offsetAt(p.position), analyzer().messages),
      null,
      token,
    ),
  );
  connection.onCodeAction((p, token) =>
    withDocument(expectParams<typeof p>('textDocument/codeAction', p, CODE_ACTION).textDocument.uri, (d) => computeCodeActions(d, analyzer(), p, { documentChanges: documentChangesSupport }), [], token),
  );
  connection.onCodeLens((p, token) => withDocument(expectParams<typeof p>('textDocument/codeLens', p, DOCUMENT).textDocument.uri, (d) => computeCodeLenses(d, analyzer(), cancelled(token)), [], token));
  connection.onDocumentSymbol((p, token) => withDocument(expectParams<typeof p>('textDocument/documentSymbol', p, DOCUMENT).textDocument.uri, (d) => computeDocumentSymbols(d, analyzer(), cancelled(token)), [], token));
  connection.onDefinition((p, token) => withDocument(expectParams<typeof p>('textDocument/definition', p, DOCUMENT_POSITION).textDocument.uri, (d) => computeDefinition(d, analyzer(), p.position), null, token));
  connection.languages.semanticTokens.on((p, token) =>
    withDocument(expectParams<typeof p>('textDocument/semanticTokens/full', p, DOCUMENT).textDocument.uri, (d) => computeSemanticTokens(d, cancelled(token)), { data: [] }, token),
  );
  connection.onWorkspaceSymbol(async (p, token) => {
    alive();
    expectParams('workspace/symbol', p, WORKSPACE_SYMBOL);
    const analysed: AnalysedDocument[] = [];
    for (const doc of documents.all()) {
      if (token.isCancellationRequested) return [];
      const settings = await workspace.getSettings(doc.uri);
      if (!workspace.isAnalysedLanguage(doc.languageId, settings)) continue;
      const a = await workspace.current(doc, token);
      if (a) analysed.push(a);
    }
    return token.isCancellationRequested ? [] : computeWorkspaceSymbols(analysed, analyzer(), p.query);
  });
  // Completion needs only the line typed, not an analysis: no re-analysis per keystroke.
  connection.onCompletion(async (p, token) => {
    alive();
    expectParams('textDocument/completion', p, DOCUMENT_POSITION);
    const doc = documents.get(p.textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    const settings = await workspace.getSettings(doc.uri);
    if (!workspace.isAnalysedLanguage(doc.languageId, settings)) return null;
    // Only the line before the cursor: no copy of the whole draft per keystroke.
    const from = { line: p.position.line, character: Math.max(0, p.position.character - COMPLETION_LOOKBEHIND) };
    return computeCompletion(doc.getText({ start: from, end: p.position }), analyzer(), p.position);
  });

  /**
   * Registers a Concordance request (shared/protocol.ts). Params are checked first against `spec`:
   * null or a wrong shape is InvalidParams naming the field; after `shutdown` it is InvalidRequest.
   */
  const handle = <P, R>(type: RequestType<P, R, void>, spec: ParamSpec, fn: (params: P, token: CancellationToken) => R | Promise<R>): void => {
    const handler = (params: unknown, token: CancellationToken) => {
      alive();
      return fn(expectParams<P>(type.method, params, spec), token);
    };
    connection.onRequest(type, handler as RequestHandler<P, R, void>);
  };
  // Comparison views and the concordance table (params and results documented in each lsp/ file).
  const requests: RequestContext = { documents, workspace };
  handle(VirtualDocumentRequest, { uri: 'string' }, (p) => virtualDocument(analyzer(), p.uri) ?? null);
  connection.onRequest(ArticlesRequest, () => (alive(), articlesRequest(analyzer())));
  handle(CoverageRequest, { uri: 'string' }, (p, token) => coverageRequest(requests, p, token));
  const tableSpec: ParamSpec = { uris: 'string[]', texts: 'record<string>?' };
  handle(TableRequest, tableSpec, (p, token) => tableRequest(requests, p, token));
  handle(TableExportRequest, { ...tableSpec, format: 'string' }, async (p, token) => {
    if (p.format !== 'csv' && p.format !== 'markdown' && p.format !== 'html') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${TableExportRequest.method}: params.format must be "csv", "markdown" or "html"`);
    }
    return renderTable(await tableRequest(requests, p, token), p.format);
  });
  handle(CompareRequest, { uri: 'string', provision: 'string?', position: 'position?', article: 'integer?', budapest: 'boolean?' }, (p, token) => compareRequest(requests, p, token));
  handle(CompareVersionsRequest, { textA: 'string', textB: 'string', languageId: 'string?', uri: 'string?' }, (p, token) => compareVersionsRequest(requests, p, token));
  connection.onRequest(StatsRequest, () => (alive(), statsRequest(workspace)));

  if (process.env.CONCORDANCE_TEST_HOOKS === '1') {
    // Protocol tests hold analyses at their start to show what joins a run under way.
    let held: { promise: Promise<void>; release: () => void } | undefined;
    connection.onRequest(TestHoldRequest, (p) => {
      if (p?.hold && !held) {
        let release = (): void => undefined;
        const promise = new Promise<void>((resolve) => (release = resolve));
        held = { promise, release };
      } else if (!p?.hold && held) {
        held.release();
        held = undefined;
      }
    });
    workspace.gate = (uri, version) => {
      if (!held) return Promise.resolve();
      void connection.sendNotification(TestHeldNotification, { uri, version });
      return held.promise;
    };
  }

  documents.listen(connection);
  connection.listen();
}

/** `concordance lsp`: the same server over stdio, for other editors. */
export function startStdioServer(): void {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
