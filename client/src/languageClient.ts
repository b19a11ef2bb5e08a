// Starts the Concordance language server (out/server.js) over IPC, and restarts it with
// back-off when it dies: at most MAX_RESTARTS within RESTART_WINDOW_MS, telling the user once.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { hoverMiddleware } from './hoverTrust';
import { RestartPolicy } from './restartPolicy';
import { SourceAnchorsNotification, type SourceAnchorsParams } from './protocol';
import { SOURCE_SCHEME } from './sourceDocs';

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function languagesSetting(): string[] {
  const langs = vscode.workspace.getConfiguration('concordance').get<string[]>('languages');
  return Array.isArray(langs) && langs.length ? langs : ['legal-draft', 'plaintext', 'markdown'];
}

export function documentSelector(): { language: string; scheme: string }[] {
  return languagesSetting().flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
    { language, scheme: SOURCE_SCHEME },
  ]);
}

/** Restarts the server with growing delays (RestartPolicy); one warning for the first crash; gives up after 5 in 3 minutes. */
export class RestartingErrorHandler implements ErrorHandler {
  readonly policy = new RestartPolicy(MAX_RESTARTS, RESTART_WINDOW_MS);

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.error(`[client] connection error (${count ?? 1}): ${error?.message ?? error}`);
    return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  async closed(): Promise<CloseHandlerResult> {
    const d = this.policy.onCrash(this.now());
    if (!d.restart) {
      this.output.error(`[client] the server stopped ${MAX_RESTARTS} times in ${RESTART_WINDOW_MS / 60000} minutes; not restarting`);
      const restartLabel = vscode.l10n.t('Restart server');
      const outputLabel = vscode.l10n.t('Show output');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The Concordance language server keeps stopping and was not restarted. See the "Concordance" output for details.'), restartLabel, outputLabel)
        .then((choice) => {
          if (choice === restartLabel) void vscode.commands.executeCommand('concordance.restartServer');
          else if (choice === outputLabel) this.output.show(true);
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.warn(`[client] the server stopped; restarting in ${d.delayMs} ms (restart ${d.count} of at most ${MAX_RESTARTS} in ${RESTART_WINDOW_MS / 60000} minutes)`);
    if (d.warn) void vscode.window.showWarningMessage(vscode.l10n.t('The Concordance language server stopped unexpectedly and is being restarted.'));
    await this.sleep(d.delayMs);
    return { action: CloseAction.Restart, handled: true };
  }

  /** After a manual restart, the count starts again. */
  reset(): void {
    this.policy.reset();
  }
}

/**
 * `anchorsOf`: where the analysed text of an Akoma Ntoso act (its elements) or of a PDF (its pages)
 * came from in its file; sent to the server after the text's didOpen and didChange (so a restarted
 * server gets them with the text).
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  anchorsOf: (uri: vscode.Uri) => SourceAnchorsParams | undefined = () => undefined,
): { client: LanguageClient; errorHandler: RestartingErrorHandler } {
  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const errorHandler = new RestartingErrorHandler(output);
  // A document notification made while the server is down (it died and is being restarted) fails
  // with "Connection is disposed"; the language client does not handle that promise. Nothing is
  // lost: a restarted server is sent every open document as it is then. So it is logged, not left
  // to reject unhandled.
  const whileDown =
    <T>(what: string) =>
    (data: T, next: (data: T) => Promise<void>): Promise<void> =>
      next(data).catch((e: unknown) => output.warn(`[client] ${what} not sent (${e instanceof Error ? e.message : String(e)}); the server is sent the open documents when it is back`));
  const thenAnchors =
    <T>(what: string, documentOf: (data: T) => vscode.TextDocument) =>
    async (data: T, next: (data: T) => Promise<void>): Promise<void> => {
      await whileDown<T>(what)(data, next);
      const doc = documentOf(data);
      if (doc.uri.scheme !== SOURCE_SCHEME) return;
      const anchors = anchorsOf(doc.uri);
      // Anchors read with another text than the document now has would point at the wrong elements.
      if (!anchors || anchors.length !== doc.getText().length) return;
      await client.sendNotification(SourceAnchorsNotification, anchors).catch((e: unknown) => output.warn(`[client] the elements of ${doc.uri.toString()} not sent (${e instanceof Error ? e.message : String(e)})`));
    };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'concordance' },
    // The server writes its messages (diagnostics, hovers, lenses, quick fixes) in VS Code's display language.
    initializationOptions: { locale: vscode.env.language },
    outputChannel: output,
    errorHandler,
    middleware: {
      // Hover links run Concordance's commands (and only those).
      ...hoverMiddleware,
      didOpen: thenAnchors('didOpen', (d: vscode.TextDocument) => d),
      didChange: thenAnchors('didChange', (e: vscode.TextDocumentChangeEvent) => e.document),
      didClose: whileDown('didClose'),
      didSave: whileDown('didSave'),
      // The analysed text of a Word, OpenDocument, RTF, Akoma Ntoso or PDF file is read-only: no quick fix that edits.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        if (document.uri.scheme !== SOURCE_SCHEME || !actions) return actions;
        return actions.filter((a) => !(a instanceof vscode.CodeAction && a.edit));
      },
    },
  };
  // The id 'concordance' makes the client read its trace level from `concordance.trace.server`.
  const client = new LanguageClient('concordance', 'Concordance', serverOptions, clientOptions);
  return { client, errorHandler };
}
