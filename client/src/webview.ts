// Shared webview plumbing: panel options, the page shell (CSP + nonce, see html.ts), and the
// messages every view understands (open an article, jump to a range in a draft).
import * as vscode from 'vscode';
import { makeNonce, messageBody, page, type PageOptions } from './html';
import type { ClientHost } from './clientHost';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Re-applies the options to a panel VS Code restored (its options are not kept across reloads). */
export function applyWebviewOptions(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
  panel.webview.options = webviewOptions(extensionUri);
}

export function renderPage(webview: vscode.Webview, extensionUri: vscode.Uri, o: Pick<PageOptions, 'title' | 'body' | 'state' | 'view'>): string {
  const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', f)).toString();
  return page({ ...o, lang: vscode.env.language, cspSource: webview.cspSource, nonce: makeNonce(cryptoRandom), styleUri: media('webview.css'), scriptUri: media('webview.js') });
}

export function renderMessage(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, message: string, state: unknown, actions: { action: string; label: string; data?: Record<string, string | number> }[] = []): string {
  return renderPage(webview, extensionUri, { title, body: messageBody(title, message, actions), state, view: 'message' });
}

function cryptoRandom(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto?.getRandomValues ? globalThis.crypto.getRandomValues(buf) : (buf[0] = Math.floor(Math.random() * 2 ** 32));
  return buf[0] / 2 ** 32;
}

export interface WebviewMessage {
  type: string;
  data: Record<string, string | undefined>;
}

export function isWebviewMessage(m: unknown): m is WebviewMessage {
  return !!m && typeof m === 'object' && typeof (m as WebviewMessage).type === 'string' && typeof (m as WebviewMessage).data === 'object';
}

/** Handles the messages shared by all views; returns false for the caller to handle. */
export async function handleCommonMessage(m: WebviewMessage): Promise<boolean> {
  if (m.type === 'openArticle') {
    const n = Number(m.data.article);
    if (Number.isInteger(n)) await vscode.commands.executeCommand('concordance.openArticle', n);
    return true;
  }
  if (m.type === 'reveal') {
    await revealRange(m.data);
    return true;
  }
  return false;
}

/** Opens a draft beside the webview and selects a range (data from html.ts rangeData). */
export async function revealRange(d: Record<string, string | undefined>): Promise<void> {
  if (!d.uri) return;
  const num = (v: string | undefined) => Math.max(0, Number(v) || 0);
  const range = new vscode.Range(num(d.line), num(d.character), num(d.endline ?? d.line), num(d.endcharacter ?? d.character));
  const uri = vscode.Uri.parse(d.uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, selection: new vscode.Range(range.start, range.start) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  editor.selection = new vscode.Selection(range.start, range.start);
}

/** Runs fn after `ms` of quiet; cancel() drops a pending run. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

/** Logs a failure instead of letting a promise reject unhandled. */
export function logFailure(output: vscode.OutputChannel, what: string): (e: unknown) => void {
  return (e) => output.appendLine(`[client] ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

/** The open panels of one kind: each tracked until it closes; all closed with the view. */
export class PanelSet<P extends { dispose(): void; onDispose(listener: () => void): void }> {
  private readonly panels = new Set<P>();

  add(panel: P): void {
    this.panels.add(panel);
    panel.onDispose(() => this.panels.delete(panel));
  }

  find(predicate: (panel: P) => boolean): P | undefined {
    return [...this.panels].find(predicate);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
  }
}

/**
 * Restores the panels of one view type after a window reload. A saved state that cannot be read
 * (an older version's, or damaged) gets a message saying which command to run again.
 */
export function restorePanels<S>(
  viewType: string,
  extensionUri: vscode.Uri,
  isState: (state: unknown) => state is S,
  unreadable: { title: string; message: string },
  restore: (panel: vscode.WebviewPanel, state: S) => void,
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      applyWebviewOptions(panel, extensionUri);
      if (isState(state)) restore(panel, state);
      else panel.webview.html = renderMessage(panel.webview, extensionUri, unreadable.title, unreadable.message, null);
    },
  });
}

/**
 * A webview panel showing something computed from drafts. It refreshes (debounced) when they
 * change, lets only the latest of overlapping updates write the page, and tells its PanelSet
 * when it closes.
 */
export abstract class DraftPanel {
  protected readonly disposables: vscode.Disposable[] = [];
  protected disposed = false;
  private readonly disposeListeners: (() => void)[] = [];
  private generation = 0;
  protected readonly refresh: { (): void; cancel(): void };

  constructor(
    protected readonly panel: vscode.WebviewPanel,
    protected readonly host: ClientHost,
    what: string,
    refreshMs: number,
  ) {
    this.refresh = debounce(() => this.update().catch(logFailure(host.output, `refreshing the ${what}`)), refreshMs);
    this.disposables.push(panel.onDidDispose(() => this.dispose()));
  }

  abstract update(): Promise<void>;

  /** Starts an update; the returned check says whether it is still the latest and the panel open. */
  protected beginUpdate(): () => boolean {
    const generation = ++this.generation;
    return () => generation === this.generation && !this.disposed;
  }

  onDispose(fn: () => void): void {
    this.disposeListeners.push(fn);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refresh.cancel();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    for (const fn of this.disposeListeners) fn();
  }
}
