// Status bar: the active draft's coverage of the Convention ("Convention: 21/37 mandatory
// articles"); a click opens the concordance table.
import * as vscode from 'vscode';
import { isDraft, request, type ClientHost } from './clientHost';
import { CoverageRequest, type CoverageResult } from './protocol';
import { debounce } from './webview';

const REFRESH_MS = 1000;

export class CoverageStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;
  private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_MS);

  constructor(private readonly host: ClientHost) {
    this.item = vscode.window.createStatusBarItem('concordance.coverage', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Concordance coverage');
    this.item.command = { title: vscode.l10n.t('Show Concordance Table'), command: 'concordance.showTable', arguments: ['active'] };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('concordance')) this.refreshSoon();
      }),
    );
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!isDraft(doc)) {
      // A webview (e.g. the table) keeps the last draft's figure; other editors hide it.
      if (vscode.window.activeTextEditor) this.item.hide();
      return;
    }
    let result: CoverageResult | null;
    try {
      result = await request(this.host, CoverageRequest, { uri: doc.uri.toString() });
    } catch (e) {
      if (generation === this.generation) this.item.hide();
      this.host.output.debug(`[client] coverage for the status bar failed: ${(e as Error).message}`);
      return;
    }
    if (generation !== this.generation) return;
    if (!result) {
      this.item.hide();
      return;
    }
    const s = result.summary;
    this.item.text = `$(law) ${vscode.l10n.t('Convention: {0}/{1} mandatory articles', s.mandatoryImplemented, s.mandatoryTotal)}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${vscode.l10n.t('Coverage of the UN Convention against Cybercrime')}**\n\n`);
    tip.appendMarkdown(`${vscode.l10n.t('Mandatory articles: {0} implemented, {1} partly, {2} missing (of {3}).', s.mandatoryImplemented, s.mandatoryPartial, s.mandatoryTotal - s.mandatoryImplemented - s.mandatoryPartial, s.mandatoryTotal)}\n\n`);
    tip.appendMarkdown(`${vscode.l10n.t('All articles: {0} implemented · {1} partial · {2} missing · {3} not applicable.', s.implemented, s.partial, s.missing, s.notApplicable)}\n\n`);
    tip.appendMarkdown(vscode.l10n.t('Click to open the concordance table.'));
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Convention coverage: {0} of {1} mandatory articles implemented. Click to open the concordance table.', s.mandatoryImplemented, s.mandatoryTotal), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.refreshSoon.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
