// Status bar: the active draft's coverage of the Convention ("Convention: 21/37 mandatory
// articles"); a click opens the concordance table.
import * as vscode from 'vscode';
import { isDraft, request, type ClientHost } from './clientHost';
import { Requests, type CoverageResult } from './protocol';
import { debounce } from './webview';

const REFRESH_MS = 1000;

export class CoverageStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;
  private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_MS);

  constructor(private readonly host: ClientHost) {
    this.item = vscode.window.createStatusBarItem('concordance.coverage', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Concordance coverage';
    this.item.command = { title: 'Show Concordance Table', command: 'concordance.showTable', arguments: ['active'] };
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
      result = await request<CoverageResult | null>(this.host, Requests.coverage, { uri: doc.uri.toString() });
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
    this.item.text = `$(law) Convention: ${s.mandatoryImplemented}/${s.mandatoryTotal} mandatory articles`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**Coverage of the UN Convention against Cybercrime**\n\n`);
    tip.appendMarkdown(`Mandatory articles: ${s.mandatoryImplemented} implemented, ${s.mandatoryPartial} partly, ${s.mandatoryTotal - s.mandatoryImplemented - s.mandatoryPartial} missing (of ${s.mandatoryTotal}).\n\n`);
    tip.appendMarkdown(`All articles: ${s.implemented} implemented · ${s.partial} partial · ${s.missing} missing · ${s.notApplicable} not applicable.\n\n`);
    tip.appendMarkdown('Click to open the concordance table.');
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `Convention coverage: ${s.mandatoryImplemented} of ${s.mandatoryTotal} mandatory articles implemented. Click to open the concordance table.`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.refreshSoon.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
