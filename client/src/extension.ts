// Entry point of the Concordance extension: starts the language server over IPC and registers
// the virtual documents, the comparison and table views, the commands and the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isDraft, type ClientHost } from './clientHost';
import { forgetArticleList, openArticle, openSample, revealInDraft } from './commands';
import { ComparisonViews } from './comparisonView';
import { createLanguageClient, type RestartingErrorHandler } from './languageClient';
import { COMPARE_SCHEME, SCHEME } from './protocol';
import { ANALYSED_TEXT_EDITOR, ANALYSED_XML_EDITOR, AnalysedTextEditorProvider, openAknXmlAsAnalysedText } from './analysedEditor';
import { openAsAnalysedText, SOURCE_SCHEME, SourceDocuments } from './sourceDocs';
import { watchEncodings } from './encodingCheck';
import { CoverageStatusBar } from './statusBar';
import { exportTable, TableView } from './tableView';
import { VersionViews } from './versionCompare';
import { ComparisonDocuments, ConventionDocuments } from './virtualDocs';
import { logFailure } from './webview';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Concordance', { log: true });
  context.subscriptions.push(output);
  let errorHandler: RestartingErrorHandler | undefined;
  let starting: Promise<LanguageClient>;
  const sourceDocs = new SourceDocuments(output);

  const start = (): Promise<LanguageClient> => {
    const created = createLanguageClient(context, output, (uri) => sourceDocs.anchorsOf(uri));
    client = created.client;
    errorHandler = created.errorHandler;
    const c = created.client;
    const p = c.start().then(() => c);
    p.catch((e: unknown) => {
      output.error(`[client] the Concordance language server did not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The Concordance language server did not start: {0}', e instanceof Error ? e.message : String(e)));
    });
    return p;
  };
  starting = start();

  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    forgetArticleList();
    if (old) await old.stop().catch(logFailure(output, 'stopping the server'));
    starting = start();
    errorHandler?.reset();
    await starting;
    conventionDocs.refresh();
  };

  const host: ClientHost = {
    extensionUri: context.extensionUri,
    output,
    ready: () => starting,
    current: () => (client?.isRunning() ? client : undefined),
  };

  const conventionDocs = new ConventionDocuments(() => client);
  const comparisonDocs = new ComparisonDocuments(() => client);
  const comparisons = new ComparisonViews(host, comparisonDocs);
  const table = new TableView(host);
  const versions = new VersionViews(host);
  const statusBar = new CoverageStatusBar(host);

  // Commands never reject into VS Code's error popups unexplained: failures are logged and shown once.
  const command = (id: string, fn: (...args: unknown[]) => Promise<void> | void) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await fn(...args);
      } catch (e) {
        output.error(`[client] ${id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        void vscode.window.showErrorMessage(`Concordance: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

  const updateDraftContext = () => void vscode.commands.executeCommand('setContext', 'concordance.isDraft', isDraft(vscode.window.activeTextEditor?.document));

  context.subscriptions.push(
    conventionDocs,
    comparisonDocs,
    comparisons,
    table,
    versions,
    statusBar,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, conventionDocs),
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, comparisonDocs),
    sourceDocs,
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, sourceDocs),
    command('concordance.openAsAnalysedText', (uri) => openAsAnalysedText(uri).then(() => undefined)),
    vscode.window.registerCustomEditorProvider(ANALYSED_TEXT_EDITOR, new AnalysedTextEditorProvider(sourceDocs, output)),
    vscode.window.registerCustomEditorProvider(ANALYSED_XML_EDITOR, new AnalysedTextEditorProvider(sourceDocs, output)),
    openAknXmlAsAnalysedText(),
    watchEncodings(output),
    command('concordance.openArticle', (n) => openArticle(host, n)),
    command('concordance.revealInDraft', (uri, ...pos) => revealInDraft(uri, ...pos)),
    command('concordance.compareWithArticle', (uri, provision, article) => comparisons.compare('article', uri, provision, article)),
    command('concordance.compareWithBudapest', (uri, provision, article) => comparisons.compare('budapest', uri, provision, article)),
    command('concordance.showTable', (scope) => table.show(scope)),
    command('concordance.exportTable', (target, format, scope) => exportTable(host, target, format, undefined, scope)),
    command('concordance.compareVersions', (a, b) => versions.compare(a, b)),
    command('concordance.restartServer', () => restart()),
    command('concordance.openSample', () => openSample(host)),
    vscode.window.onDidChangeActiveTextEditor(updateDraftContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      updateDraftContext();
      // The document selector is fixed when the client starts: a new language list needs a restart.
      if (e.affectsConfiguration('concordance.languages')) void restart().catch(logFailure(output, 'restarting after a change of concordance.languages'));
    }),
  );
  updateDraftContext();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
