// "Compare Provision with Article" and "Compare Provision with Budapest Convention": a webview
// with the drafter's provision beside the article (or its Budapest counterpart), refreshed as
// the draft changes and restored after a reload (webview panel serializer).
import * as vscode from 'vscode';
import { activeDraftEditor, besideDraft, request, type ClientHost } from './clientHost';
import { pickArticle } from './commands';
import { comparisonBody, comparisonTitle } from './html';
import { CompareRequest, type CompareParams, type ComparisonModel } from './protocol';
import { compareSideUri, type ComparisonDocuments } from './virtualDocs';
import { DraftPanel, handleCommonMessage, isWebviewMessage, logFailure, PanelSet, renderMessage, renderPage, restorePanels, webviewOptions } from './webview';

export const COMPARISON_VIEW_TYPE = 'concordance.comparison';
const REFRESH_MS = 400;

export interface ComparisonState {
  kind: 'comparison';
  uri: string;
  provision?: string;
  position?: { line: number; character: number };
  article?: number;
  mode: 'article' | 'budapest';
}

function isComparisonState(s: unknown): s is ComparisonState {
  return !!s && typeof s === 'object' && (s as ComparisonState).kind === 'comparison' && typeof (s as ComparisonState).uri === 'string';
}

export class ComparisonViews implements vscode.Disposable {
  private readonly panels = new PanelSet<ComparisonPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: ClientHost,
    private readonly docs: ComparisonDocuments,
  ) {
    this.disposables.push(
      restorePanels(
        COMPARISON_VIEW_TYPE,
        host.extensionUri,
        isComparisonState,
        { title: vscode.l10n.t('Comparison'), message: vscode.l10n.t('This comparison could not be restored; run "Compare Provision with Article" again.') },
        (panel, state) => this.panels.add(new ComparisonPanel(panel, state, host, docs)),
      ),
    );
  }

  /**
   * `concordance.compareWithArticle [uri, provisionId, article]` (and …WithBudapest): without
   * arguments, the provision at the cursor of the active draft and a pick of the article.
   */
  async compare(mode: 'article' | 'budapest', uriArg?: unknown, provisionArg?: unknown, articleArg?: unknown): Promise<void> {
    let uri = uriArg instanceof vscode.Uri ? uriArg.toString() : typeof uriArg === 'string' ? uriArg : undefined;
    let position: { line: number; character: number } | undefined;
    const editor = uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : activeDraftEditor();
    if (!uri) {
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft and put the cursor in a provision to compare it with the Convention.'));
        return;
      }
      uri = editor.document.uri.toString();
    }
    if (editor) position = { line: editor.selection.start.line, character: editor.selection.start.character };
    // The server needs the draft open to analyse it.
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const provision = typeof provisionArg === 'string' && provisionArg ? provisionArg : undefined;
    let article = typeof articleArg === 'number' ? articleArg : typeof articleArg === 'string' && /^\d+$/.test(articleArg) ? Number(articleArg) : undefined;

    if (article === undefined) {
      const params: CompareParams = { uri, ...(provision ? { provision } : {}), ...(position && !provision ? { position } : {}), budapest: mode === 'budapest' };
      const first = await request(this.host, CompareRequest, params);
      if (!first && !provision && !position) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a provision of the draft to compare it.'));
        return;
      }
      article = await pickArticle(
        this.host,
        first?.candidates ?? [],
        first ? vscode.l10n.t('Compare {0} with which article? (proposals first)', `${first.provision.label}${first.provision.heading ? ' ' + first.provision.heading : ''}`) : undefined,
      );
      if (article === undefined) return;
    }
    const state: ComparisonState = { kind: 'comparison', uri, mode, article, ...(provision ? { provision } : {}), ...(position ? { position } : {}) };
    const existing = this.panels.find((p) => p.matches(state));
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(COMPARISON_VIEW_TYPE, vscode.l10n.t('Comparison'), { viewColumn: besideDraft(), preserveFocus: false }, webviewOptions(this.host.extensionUri));
    this.panels.add(new ComparisonPanel(panel, state, this.host, this.docs));
  }

  dispose(): void {
    this.panels.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class ComparisonPanel extends DraftPanel {
  private model: ComparisonModel | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private state: ComparisonState,
    host: ClientHost,
    private readonly docs: ComparisonDocuments,
  ) {
    super(panel, host, 'comparison', REFRESH_MS);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m).catch(logFailure(host.output, 'a comparison action'))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.state.uri && e.contentChanges.length) this.refresh();
      }),
    );
    void this.update().catch(logFailure(host.output, 'showing the comparison'));
  }

  matches(s: ComparisonState): boolean {
    return s.uri === this.state.uri && s.mode === this.state.mode && s.article === this.state.article && (!!s.provision ? s.provision === this.state.provision : this.model?.provision.range.start.line === s.position?.line);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  async update(): Promise<void> {
    const current = this.beginUpdate();
    const s = this.state;
    const webview = this.panel.webview;
    const ext = this.host.extensionUri;
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === s.uri)) {
      try {
        await vscode.workspace.openTextDocument(vscode.Uri.parse(s.uri));
      } catch {
        webview.html = renderMessage(webview, ext, vscode.l10n.t('Comparison'), vscode.l10n.t('The draft {0} cannot be opened any more.', vscode.Uri.parse(s.uri).path), s);
        return;
      }
    }
    const params: CompareParams = { uri: s.uri, ...(s.provision ? { provision: s.provision } : {}), ...(s.position ? { position: s.position } : {}), ...(s.article !== undefined ? { article: s.article } : {}), budapest: s.mode === 'budapest' };
    let model: ComparisonModel | null;
    try {
      model = await request(this.host, CompareRequest, params);
    } catch (e) {
      if (!current()) return;
      webview.html = renderMessage(webview, ext, vscode.l10n.t('Comparison'), vscode.l10n.t('The comparison could not be computed: {0}', (e as Error).message), s, [{ action: 'retry', label: vscode.l10n.t('Try again') }]);
      return;
    }
    if (!current()) return; // a newer update is on its way
    if (!model) {
      this.panel.title = vscode.l10n.t('Comparison');
      webview.html = renderMessage(webview, ext, vscode.l10n.t('Nothing to compare'), vscode.l10n.t('The provision is no longer in the draft, or it matches no article. Put the cursor in a provision and run the command again.'), s);
      return;
    }
    this.model = model;
    // Keep following the provision when edits renumber it: remember its id and where it starts.
    this.state = { ...s, provision: model.provision.id, position: model.provision.range.start, article: model.article.number };
    this.docs.remember(model);
    this.panel.title = comparisonTitle(model, vscode.l10n.t);
    webview.html = renderPage(webview, ext, { title: comparisonTitle(model, vscode.l10n.t), body: comparisonBody(model, vscode.l10n.t), state: this.state, view: 'comparison' });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isWebviewMessage(m) || (await handleCommonMessage(m))) return;
    switch (m.type) {
      case 'openDiff':
        await this.openDiff();
        return;
      case 'pickArticle': {
        const n = await pickArticle(this.host, this.model?.candidates ?? []);
        if (n === undefined) return;
        this.state = { ...this.state, article: n };
        await this.update();
        return;
      }
      case 'switchMode':
        this.state = { ...this.state, mode: m.data.mode === 'budapest' ? 'budapest' : 'article' };
        await this.update();
        return;
      case 'retry':
        await this.update();
        return;
    }
  }

  private async openDiff(): Promise<void> {
    const model = this.model;
    if (!model) return;
    const side = { uri: model.uri, provision: model.provision.id, article: model.article.number };
    const left = compareSideUri({ ...side, side: 'model' }, `Art ${model.article.number}`);
    const right = compareSideUri({ ...side, side: 'provision' }, model.provision.label);
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('Model clause Art. {0} ↔ {1}', model.article.number, `${model.provision.label}${model.provision.heading ? ' ' + model.provision.heading : ''}`), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
    });
  }
}
