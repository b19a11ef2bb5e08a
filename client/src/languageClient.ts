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

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
const FIRST_DELAY_MS = 500;

export function languagesSetting(): string[] {
  const langs = vscode.workspace.getConfiguration('concordance').get<string[]>('languages');
  return Array.isArray(langs) && langs.length ? langs : ['legal-draft', 'plaintext', 'markdown'];
}

export function documentSelector(): { language: string; scheme: string }[] {
  return languagesSetting().flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
}

/** Restart policy: delays grow 0.5 s, 1 s, 2 s, …; one warning for the first crash; give up after 5 in 3 minutes. */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];
  private warned = false;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.appendLine(`[client] connection error (${count ?? 1}): ${error?.message ?? error}`);
    return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  async closed(): Promise<CloseHandlerResult> {
    const now = this.now();
    while (this.restarts.length && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      this.output.appendLine(`[client] the server stopped ${MAX_RESTARTS} times in ${RESTART_WINDOW_MS / 60000} minutes; not restarting`);
      void vscode.window
        .showErrorMessage('The Concordance language server keeps stopping and was not restarted. See the "Concordance" output for details.', 'Restart server', 'Show output')
        .then((choice) => {
          if (choice === 'Restart server') void vscode.commands.executeCommand('concordance.restartServer');
          else if (choice === 'Show output') this.output.show(true);
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    const delay = FIRST_DELAY_MS * 2 ** (this.restarts.length - 1);
    this.output.appendLine(`[client] the server stopped; restarting in ${delay} ms (restart ${this.restarts.length} of at most ${MAX_RESTARTS})`);
    if (!this.warned) {
      this.warned = true;
      void vscode.window.showWarningMessage('The Concordance language server stopped unexpectedly and is being restarted.');
    }
    await this.sleep(delay);
    return { action: CloseAction.Restart, handled: true };
  }

  /** After a manual restart, the count starts again. */
  reset(): void {
    this.restarts.length = 0;
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): { client: LanguageClient; errorHandler: RestartingErrorHandler } {
  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const errorHandler = new RestartingErrorHandler(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'concordance' },
    outputChannel: output,
    errorHandler,
  };
  // The id 'concordance' makes the client read its trace level from `concordance.trace.server`.
  const client = new LanguageClient('concordance', 'Concordance', serverOptions, clientOptions);
  return { client, errorHandler };
}
