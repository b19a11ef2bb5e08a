// "Show Concordance Table" and "Export Concordance Table": every article by chapter with how
// the draft (or all drafts of the workspace) implements it. The webview filters client-side;
// export uses the same rendering as `concordance table --format csv|markdown|html`.
import * as vscode from 'vscode';
import { activeDraftEditor, besideDraft, isDraft, request, type ClientHost } from './clientHost';
import { tableBody } from './html';
import { TableExportRequest, TableRequest, type ConcordanceTable, type TableFormat, type TableParams } from './protocol';
import { originalOf, READABLE_FILE, readAnyFile, sourceUri } from './sourceDocs';
import { applyWebviewOptions, debounce, handleCommonMessage, isWebviewMessage, logFailure, renderMessage, renderPage, webviewOptions } from './webview';

export const TABLE_VIEW_TYPE = 'concordance.table';
const REFRESH_MS = 800;
const MAX_WORKSPACE_DRAFTS = 200;
/** Longest text of a file not open that the table sends the server (it is sent on every refresh). */
const MAX_DRAFT_CHARS = 5 * 1024 * 1024;

export type TableScope = 'active' | 'workspace';

export interface TableState {
  kind: 'table';
  scope: TableScope;
  /** For the active scope: the draft shown (kept when another editor becomes active). */
  uri?: string;
}

function isTableState(s: unknown): s is TableState {
  return !!s && typeof s === 'object' && (s as TableState).kind === 'table';
}

const FORMATS: { format: TableFormat; label: string; extensions: string[] }[] = [
  { format: 'csv', label: 'CSV', extensions: ['csv'] },
  { format: 'markdown', label: 'Markdown', extensions: ['md', 'markdown'] },
  { format: 'html', label: 'HTML', extensions: ['html', 'htm'] },
];

export function formatOfPath(path: string): TableFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return FORMATS.find((f) => ext && f.extensions.includes(ext))?.format;
}

/**
 * The drafts of the workspace: open drafts plus files matching `concordance.table.include`. A Word,
 * OpenDocument, RTF, Akoma Ntoso or PDF file stands as its analysed text (`concordance-source:`), as when it is
 * opened: the table's links open that text, and an open one is not counted twice.
 */
export async function workspaceDrafts(): Promise<vscode.Uri[]> {
  const seen = new Map<string, vscode.Uri>();
  for (const d of vscode.workspace.textDocuments) if (isDraft(d)) seen.set(d.uri.toString(), d.uri);
  // `concordance.table.include` has resource scope: each workspace folder can name its own drafts.
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const include = vscode.workspace.getConfiguration('concordance', folder.uri).get<string>('table.include', '**/*.{draft,bill}');
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), '**/{node_modules,.git,out,build}/**', MAX_WORKSPACE_DRAFTS);
    for (const file of files) {
      const f = READABLE_FILE.test(file.path) ? sourceUri(file) : file;
      if (!seen.has(f.toString()) && seen.size < MAX_WORKSPACE_DRAFTS) seen.set(f.toString(), f);
    }
  }
  return [...seen.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** What was read of files not open, by URI, with the modification time and size it was read at (a refresh reads only what changed). */
const readTexts = new Map<string, { mtime: number; size: number; text: string | undefined }>();

/**
 * The text Concordance analyses of a file that is not open (a draft in any encoding, or the file
 * behind an analysed text), or undefined when it cannot be read; why is logged once per reading.
 */
async function textOfFile(uri: vscode.Uri, output: vscode.LogOutputChannel | undefined): Promise<string | undefined> {
  const file = originalOf(uri) ?? uri;
  const key = uri.toString();
  try {
    const stat = await vscode.workspace.fs.stat(file);
    const known = readTexts.get(key);
    if (known && known.mtime === stat.mtime && known.size === stat.size) return known.text;
    const doc = await readAnyFile(file);
    let text: string | undefined = doc.text;
    if (doc.problems.length) {
      output?.warn(`[client] the table leaves out ${vscode.workspace.asRelativePath(file)}: ${doc.problems[0]}`);
      text = undefined;
    } else if (text.length > MAX_DRAFT_CHARS) {
      output?.warn(`[client] the table leaves out ${vscode.workspace.asRelativePath(file)}: its text is longer than ${MAX_DRAFT_CHARS} characters; open it to analyse it`);
      text = undefined;
    }
    if (readTexts.size >= MAX_WORKSPACE_DRAFTS) readTexts.delete(readTexts.keys().next().value!);
    readTexts.set(key, { mtime: stat.mtime, size: stat.size, text });
    return text;
  } catch (e) {
    output?.warn(`[client] the table leaves out ${vscode.workspace.asRelativePath(file)}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** Request params for these drafts: open ones are read by the server, others are sent as text. */
async function tableParams(uris: vscode.Uri[], output?: vscode.LogOutputChannel): Promise<TableParams> {
  const texts: Record<string, string> = {};
  for (const uri of uris) {
    const key = uri.toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) continue;
    const text = await textOfFile(uri, output);
    if (text !== undefined) texts[key] = text;
  }
  return { uris: uris.map((u) => u.toString()), texts };
}

export async function fetchTable(host: ClientHost, uris: vscode.Uri[]): Promise<ConcordanceTable> {
  return request(host, TableRequest, await tableParams(uris, host.output));
}

export class TableView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: TableState = { kind: 'table', scope: 'active' };
  private uris: vscode.Uri[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private panelDisposables: vscode.Disposable[] = [];
  private generation = 0;
  private readonly refresh = debounce(() => this.update().catch(logFailure(this.host.output, 'refreshing the table')), REFRESH_MS);

  constructor(private readonly host: ClientHost) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(TABLE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          applyWebviewOptions(panel, host.extensionUri);
          this.attach(panel, isTableState(state) ? state : { kind: 'table', scope: 'active' });
        },
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.contentChanges.length && this.uris.some((u) => u.toString() === e.document.uri.toString())) this.refresh();
      }),
    );
  }

  /**
   * `concordance.showTable [scope]`, scope 'active' | 'workspace' | 'pick'. Without an argument
   * the table of the active draft opens at once (the view has a button for all drafts); with no
   * active draft, or with 'pick', a quick pick asks which drafts.
   */
  async show(scopeArg?: unknown): Promise<void> {
    let scope: TableScope | undefined = scopeArg === 'workspace' || scopeArg === 'active' ? scopeArg : undefined;
    const active = activeDraftEditor()?.document.uri.toString();
    if (!scope && (scopeArg === 'pick' || !active)) {
      const items: (vscode.QuickPickItem & { scope: TableScope })[] = [];
      if (active) items.push({ label: vscode.l10n.t('This draft'), description: vscode.workspace.asRelativePath(vscode.Uri.parse(active)), scope: 'active' });
      items.push({ label: vscode.l10n.t('All drafts in the workspace'), description: vscode.l10n.t('open drafts and files matching concordance.table.include'), scope: 'workspace' });
      const choice = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Concordance table of which drafts?') });
      if (!choice) return;
      scope = choice.scope;
    }
    const state: TableState = { kind: 'table', scope: scope ?? 'active', ...(active ? { uri: active } : {}) };
    if (this.panel) {
      this.state = state;
      this.panel.reveal(undefined, false);
      await this.update();
      return;
    }
    const panel = vscode.window.createWebviewPanel(TABLE_VIEW_TYPE, vscode.l10n.t('Concordance table'), { viewColumn: besideDraft(), preserveFocus: false }, webviewOptions(this.host.extensionUri));
    this.attach(panel, state);
  }

  private attach(panel: vscode.WebviewPanel, state: TableState): void {
    this.panel?.dispose();
    this.panel = panel;
    this.state = state;
    this.panelDisposables = [
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.refresh.cancel();
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m).catch(logFailure(this.host.output, 'a table action'))),
    ];
    void this.update().catch(logFailure(this.host.output, 'showing the table'));
  }

  /** The drafts the table covers now. */
  async currentUris(): Promise<vscode.Uri[]> {
    if (this.state.scope === 'workspace') return workspaceDrafts();
    const uri = this.state.uri ?? activeDraftEditor()?.document.uri.toString();
    return uri ? [vscode.Uri.parse(uri)] : [];
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const generation = ++this.generation;
    const ext = this.host.extensionUri;
    this.uris = await this.currentUris();
    const canShowWorkspace = !!vscode.workspace.workspaceFolders?.length;
    if (this.uris.length === 0) {
      panel.webview.html = renderMessage(panel.webview, ext, vscode.l10n.t('Concordance table'), this.state.scope === 'workspace' ? vscode.l10n.t('No drafts were found in the workspace.') : vscode.l10n.t('Open a draft to see its concordance table.'), this.state, canShowWorkspace ? [{ action: 'scope', label: vscode.l10n.t('Show all drafts in the workspace'), data: { scope: 'workspace' } }] : []);
      return;
    }
    let table: ConcordanceTable;
    try {
      table = await fetchTable(this.host, this.uris);
    } catch (e) {
      if (generation !== this.generation || this.panel !== panel) return;
      panel.webview.html = renderMessage(panel.webview, ext, vscode.l10n.t('Concordance table'), vscode.l10n.t('The table could not be built: {0}', (e as Error).message), this.state, [{ action: 'refresh', label: vscode.l10n.t('Try again') }]);
      return;
    }
    if (generation !== this.generation || this.panel !== panel) return;
    panel.title = this.state.scope === 'workspace' ? vscode.l10n.t('Concordance table (workspace)') : vscode.l10n.t('Concordance table: {0}', baseName(this.uris[0]));
    panel.webview.html = renderPage(panel.webview, ext, { title: panel.title, body: tableBody(table, { scope: this.state.scope, canShowWorkspace }, vscode.l10n.t), state: this.state, view: 'table' });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isWebviewMessage(m) || (await handleCommonMessage(m))) return;
    switch (m.type) {
      case 'scope':
        this.state = { ...this.state, scope: m.data.scope === 'workspace' ? 'workspace' : 'active' };
        await this.update();
        return;
      case 'refresh':
        await this.update();
        return;
      case 'exportTable':
        await exportTable(this.host, undefined, undefined, await this.currentUris());
        return;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * `concordance.exportTable [target, format, scope]`: writes the table as CSV, Markdown or HTML.
 * Without a target, a save dialog (its filter or the file's extension picks the format).
 * Drafts: `uris` (the table view's), else with scope 'workspace' all drafts of the workspace (as
 * the table view's "All drafts"), else the active draft, else every open draft.
 */
export async function exportTable(host: ClientHost, targetArg?: unknown, formatArg?: unknown, urisArg?: vscode.Uri[], scopeArg?: unknown): Promise<void> {
  let uris = urisArg?.length || scopeArg !== 'workspace' ? urisArg : await workspaceDrafts();
  if (!uris?.length) {
    const active = activeDraftEditor();
    uris = active ? [active.document.uri] : vscode.workspace.textDocuments.filter(isDraft).map((d) => d.uri);
  }
  if (!uris.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft to export its concordance table.'));
    return;
  }
  let target = targetArg instanceof vscode.Uri ? targetArg : typeof targetArg === 'string' && targetArg ? (/^[a-z][\w+.-]+:/i.test(targetArg) && !/^[a-z]:[\\/]/i.test(targetArg) ? vscode.Uri.parse(targetArg) : vscode.Uri.file(targetArg)) : undefined;
  if (!target) {
    const first = uris[0];
    const defaultUri = first.scheme === 'file' ? vscode.Uri.file(first.fsPath.replace(/\.[^./\\]+$/, '') + '-concordance.csv') : undefined;
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export concordance table'),
      saveLabel: vscode.l10n.t('Export'),
      ...(defaultUri ? { defaultUri } : {}),
      filters: Object.fromEntries(FORMATS.map((f) => [f.label, f.extensions])),
    });
    if (!target) return;
  }
  const format: TableFormat = formatArg === 'csv' || formatArg === 'markdown' || formatArg === 'html' ? formatArg : (formatOfPath(target.path) ?? 'csv');
  // Rendered by the server, as `concordance table --format` renders it.
  const text = await request(host, TableExportRequest, { ...(await tableParams(uris, host.output)), format });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const written = target;
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Concordance table exported to {0}.', vscode.workspace.asRelativePath(written)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', written);
  });
}
