// "Compare Draft Versions": two versions of a draft (two files, or the active file against its
// last git commit) — which provisions changed, and how coverage and findings moved.
import * as vscode from 'vscode';
import { activeDraftEditor, besideDraft, request, type ClientHost } from './clientHost';
import { versionsBody } from './html';
import { CompareVersionsRequest, type CompareVersionsParams, type VersionComparison } from './protocol';
import { DraftPanel, handleCommonMessage, isWebviewMessage, logFailure, PanelSet, renderMessage, renderPage, restorePanels, webviewOptions } from './webview';

export const VERSIONS_VIEW_TYPE = 'concordance.versions';
const REFRESH_MS = 800;

/** The older version: a file, or a git revision of the newer file. */
export type OlderVersion = { kind: 'file'; uri: string } | { kind: 'git'; ref: string };

export interface VersionsState {
  kind: 'versions';
  older: OlderVersion;
  /** The newer version (a file). */
  newer: string;
}

function isVersionsState(s: unknown): s is VersionsState {
  return !!s && typeof s === 'object' && (s as VersionsState).kind === 'versions' && typeof (s as VersionsState).newer === 'string' && !!(s as VersionsState).older;
}

// ---- the few parts of the built-in git extension's API used here (vscode.git, API version 1)
interface GitRepository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
}
interface GitAPI {
  getRepository(uri: vscode.Uri): GitRepository | null;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitAPI;
}

async function gitApi(): Promise<GitAPI | undefined> {
  try {
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports?.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

function toUri(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v) return /^[a-z][\w+.-]+:/i.test(v) && !/^[a-z]:[\\/]/i.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
  return undefined;
}

/** The text of a version: the open document (with unsaved edits) or the file. */
async function readText(uri: vscode.Uri): Promise<{ text: string; languageId?: string }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), languageId: open.languageId };
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
}

function label(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
}

export class VersionViews implements vscode.Disposable {
  private readonly panels = new PanelSet<VersionsPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: ClientHost) {
    this.disposables.push(
      restorePanels(
        VERSIONS_VIEW_TYPE,
        host.extensionUri,
        isVersionsState,
        { title: vscode.l10n.t('Draft versions'), message: vscode.l10n.t('This comparison could not be restored; run "Compare Draft Versions" again.') },
        (panel, state) => this.panels.add(new VersionsPanel(panel, state, host)),
      ),
    );
  }

  /**
   * `concordance.compareVersions [older, newer]` (URIs or paths). With one or none, the newer
   * version is the given or active draft and the older is picked: its last git commit when the
   * git extension knows the file, or another file.
   */
  async compare(olderArg?: unknown, newerArg?: unknown): Promise<void> {
    const a = toUri(olderArg);
    const b = toUri(newerArg);
    let state: VersionsState | undefined;
    if (a && b) state = { kind: 'versions', older: { kind: 'file', uri: a.toString() }, newer: b.toString() };
    else {
      const newer = a ?? activeDraftEditor()?.document.uri;
      if (!newer) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open the draft to compare, or run the command with two files.'));
        return;
      }
      const git = newer.scheme === 'file' ? await gitApi() : undefined;
      const repo = git?.getRepository(newer);
      let older: OlderVersion | undefined;
      if (repo) {
        const choice = await vscode.window.showQuickPick(
          [
            { label: `$(git-commit) ${vscode.l10n.t('Its last commit (HEAD)')}`, description: vscode.l10n.t('what git has for this file'), id: 'git' },
            { label: `$(file) ${vscode.l10n.t('Another file…')}`, description: vscode.l10n.t('an earlier version saved as a separate file'), id: 'file' },
          ],
          { placeHolder: vscode.l10n.t('Compare {0} with…', label(newer.toString())) },
        );
        if (!choice) return;
        if (choice.id === 'git') older = { kind: 'git', ref: 'HEAD' };
      }
      if (!older) {
        const picked = await vscode.window.showOpenDialog({
          title: vscode.l10n.t('The earlier version of {0}', label(newer.toString())),
          openLabel: vscode.l10n.t('Compare'),
          canSelectMany: false,
          ...(newer.scheme === 'file' ? { defaultUri: vscode.Uri.joinPath(newer, '..') } : {}),
        });
        if (!picked?.[0]) return;
        older = { kind: 'file', uri: picked[0].toString() };
      }
      state = { kind: 'versions', older, newer: newer.toString() };
    }
    const panel = vscode.window.createWebviewPanel(VERSIONS_VIEW_TYPE, vscode.l10n.t('Draft versions'), { viewColumn: besideDraft(), preserveFocus: false }, webviewOptions(this.host.extensionUri));
    this.panels.add(new VersionsPanel(panel, state, this.host));
  }

  dispose(): void {
    this.panels.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class VersionsPanel extends DraftPanel {
  constructor(
    panel: vscode.WebviewPanel,
    private readonly state: VersionsState,
    host: ClientHost,
  ) {
    super(panel, host, 'version comparison', REFRESH_MS);
    const watched = [state.newer, ...(state.older.kind === 'file' ? [state.older.uri] : [])];
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m).catch(logFailure(host.output, 'a version comparison action'))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && watched.includes(e.document.uri.toString())) this.refresh();
      }),
    );
    void this.update().catch(logFailure(host.output, 'comparing versions'));
  }

  private olderLabel(): string {
    const o = this.state.older;
    return o.kind === 'file' ? label(o.uri) : vscode.l10n.t('{0} at {1}', label(this.state.newer), o.ref);
  }

  private async olderText(): Promise<string> {
    const o = this.state.older;
    if (o.kind === 'file') return (await readText(vscode.Uri.parse(o.uri))).text;
    const newer = vscode.Uri.parse(this.state.newer);
    const repo = (await gitApi())?.getRepository(newer);
    if (!repo) throw new Error('the git extension does not know this file any more');
    try {
      return await repo.show(o.ref, newer.fsPath);
    } catch {
      // Not committed yet: the whole draft is new.
      return '';
    }
  }

  async update(): Promise<void> {
    const current = this.beginUpdate();
    const webview = this.panel.webview;
    const ext = this.host.extensionUri;
    const title = `${this.olderLabel()} → ${label(this.state.newer)}`;
    this.panel.title = vscode.l10n.t('Versions: {0}', label(this.state.newer).split('/').pop() ?? '');
    let result: VersionComparison;
    try {
      const [older, newer] = await Promise.all([this.olderText(), readText(vscode.Uri.parse(this.state.newer))]);
      const params: CompareVersionsParams = { textA: older, textB: newer.text, uri: this.state.newer, ...(newer.languageId ? { languageId: newer.languageId } : {}) };
      result = await request(this.host, CompareVersionsRequest, params);
    } catch (e) {
      if (!current()) return;
      webview.html = renderMessage(webview, ext, vscode.l10n.t('Draft versions'), vscode.l10n.t('The versions could not be compared: {0}', (e as Error).message), this.state, [{ action: 'refresh', label: vscode.l10n.t('Try again') }]);
      return;
    }
    if (!current()) return;
    const o = this.state.older;
    webview.html = renderPage(webview, ext, {
      title,
      body: versionsBody(result, { a: this.olderLabel(), b: label(this.state.newer), ...(o.kind === 'file' ? { uriA: o.uri } : {}), uriB: this.state.newer, canDiff: true }, vscode.l10n.t),
      state: this.state,
      view: 'versions',
    });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isWebviewMessage(m) || (await handleCommonMessage(m))) return;
    if (m.type === 'refresh') await this.update();
    else if (m.type === 'openDiff') await this.openDiff();
  }

  private async openDiff(): Promise<void> {
    const newer = vscode.Uri.parse(this.state.newer);
    const o = this.state.older;
    let older: vscode.Uri | undefined;
    if (o.kind === 'file') older = vscode.Uri.parse(o.uri);
    else older = (await gitApi())?.toGitUri(newer, o.ref);
    if (!older) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The git extension is not available to show the older version.'));
      return;
    }
    await vscode.commands.executeCommand('vscode.diff', older, newer, `${this.olderLabel()} ↔ ${label(this.state.newer)}`, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
