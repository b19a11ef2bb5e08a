// Every Concordance command, run through vscode.commands.executeCommand, with a visible result:
// an editor tab (webview, diff or text) or a written file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  BILL,
  activeExtension,
  closeAllEditors,
  commandLinkArgs,
  hasCommand,
  hoverText,
  isWebviewTab,
  open,
  positionInSection,
  readWorkspaceText,
  waitForEvent,
  waitForFindings,
  waitForTab,
  writeWorkspaceFile,
} from './helpers';

/** A tab of the extension's webview panel `viewType` (VS Code prefixes the tab's viewType, e.g. `mainThreadWebview-…`). */
const isPanel = (t: vscode.Tab, viewType: string) => isWebviewTab(t) && (t.input as vscode.TabInputWebview).viewType.endsWith(viewType);

async function assertRegistered(id: string): Promise<void> {
  assert.ok(await hasCommand(id), `command ${id} is not registered`);
}

describe('commands', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
  });

  beforeEach(async () => {
    await closeAllEditors();
    doc = (await open(BILL)).doc;
    await waitForFindings(doc.uri);
  });

  after(async () => {
    await closeAllEditors();
  });

  it('concordance.openArticle opens the article (Art. 27)', async () => {
    await assertRegistered('concordance.openArticle');
    await vscode.commands.executeCommand('concordance.openArticle', 27);
    const tab = await waitForTab(
      (t) =>
        (t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'concordance' && /\/article\/27\b/.test(t.input.uri.path)) ||
        (isWebviewTab(t) && /\b27\b|Production order/i.test(t.label)), // the Markdown preview of concordance:/article/27.md
      'a tab showing Art. 27 (Markdown preview or text)',
    );
    if (tab.input instanceof vscode.TabInputText) {
      const article = await vscode.workspace.openTextDocument(tab.input.uri);
      assert.match(article.getText(), /Production order/i, 'the article document does not show its title');
    }
  });

  it('concordance.compareWithArticle (from the hover link on section 17) opens a comparison', async () => {
    await assertRegistered('concordance.compareWithArticle');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionInSection(doc, 17, 'judge'));
    const args = commandLinkArgs(hoverText(hovers), 'concordance.compareWithArticle');
    assert.ok(args, 'the hover over section 17 has no "Compare with Art." link');
    await vscode.commands.executeCommand('concordance.compareWithArticle', ...args);
    // The panel takes the comparison's title ("17 ↔ Art. 27") once the server's model arrived.
    await waitForTab((t) => isPanel(t, 'concordance.comparison') && /↔\s*Art\.\s*27\b/.test(t.label), 'the comparison panel titled "… ↔ Art. 27"');
  });

  it('concordance.openSample (the walkthrough\'s first step) opens the sample bill as an unsaved draft that is analysed', async () => {
    await assertRegistered('concordance.openSample');
    await vscode.commands.executeCommand('concordance.openSample');
    const editor = await waitForEvent(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.scheme === 'untitled' ? vscode.window.activeTextEditor : undefined), 20_000, 'an untitled editor');
    const sample = editor.document;
    assert.strictEqual(sample.languageId, 'legal-draft');
    assert.strictEqual(sample.getText(), doc.getText(), 'the sample is the example bill shipped with the extension');
    const findings = await waitForFindings(sample.uri);
    assert.ok(findings.length > 0);
    assert.ok(sample.isUntitled, 'nothing was written to disk');
    // An unsaved document would make the next closeAllEditors ask whether to save it.
    await vscode.window.showTextDocument(sample);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('concordance.showTable opens the concordance table in a webview', async () => {
    await assertRegistered('concordance.showTable');
    await vscode.commands.executeCommand('concordance.showTable');
    // Titled after the table arrived from the server.
    await waitForTab((t) => isPanel(t, 'concordance.table') && /Concordance table: cybercrime-bill\.draft/.test(t.label), 'the table panel "Concordance table: cybercrime-bill.draft"');
  });

  it('concordance.exportTable writes the table to a given file', async () => {
    await assertRegistered('concordance.exportTable');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-export-'));
    const target = path.join(dir, 'table.md');
    await vscode.commands.executeCommand('concordance.exportTable', vscode.Uri.file(target), 'markdown');
    assert.ok(fs.existsSync(target), `exportTable wrote nothing to ${target}`);
    const text = fs.readFileSync(target, 'utf8');
    assert.match(text, /\b27\b/, 'the exported table does not mention Art. 27');
    assert.match(text, /Production order/i);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('concordance.compareVersions compares two versions of a draft', async () => {
    await assertRegistered('concordance.compareVersions');
    const original = await readWorkspaceText(BILL);
    // Version 2 drops the false-news offence and puts the production order under a judge's warrant only.
    const v2 = original
      .replace(/^False information\n11\..*\n/m, '')
      .replace('a police officer may, by notice in writing', 'a judge may, on application by a police officer, by order');
    assert.notStrictEqual(v2, original, 'the edited version must differ');
    const newer = await writeWorkspaceFile('versions/cybercrime-bill-v2.draft', v2);
    await vscode.commands.executeCommand('concordance.compareVersions', doc.uri, newer);
    await waitForTab((t) => isPanel(t, 'concordance.versions') && /cybercrime-bill-v2\.draft/.test(t.label), 'the versions panel for cybercrime-bill-v2.draft');
  });
});
