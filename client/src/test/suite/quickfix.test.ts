// A quick fix, the way the light bulb applies it: vscode.executeCodeActionProvider on a diagnostic's
// range, then workspace.applyEdit. Runs on a copy of the bill so other tests see the original.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BILL, activeExtension, codeOf, describeDiagnostics, open, readWorkspaceText, waitForDiagnostics, waitForFindings, writeWorkspaceFile } from './helpers';

describe('quick fixes', () => {
  it('a safeguard quick fix inserts the missing wording and the finding goes away', async () => {
    await activeExtension();
    const uri = await writeWorkspaceFile('quickfix/cybercrime-bill.draft', await readWorkspaceText(BILL));
    const { doc } = await open(uri);
    const ds = await waitForFindings(uri);

    // The first safeguard finding whose preferred quick fix (the light bulb's default: insert the
    // model wording) carries an edit for this document.
    let chosen: { diagnostic: vscode.Diagnostic; action: vscode.CodeAction } | undefined;
    const offered: string[] = [];
    for (const d of ds.filter((x) => codeOf(x).startsWith('safeguard.'))) {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      for (const a of actions ?? []) {
        offered.push(`${codeOf(d)}: ${a.title}`);
        const forThis = !('diagnostics' in a) || !a.diagnostics || a.diagnostics.some((x) => codeOf(x) === codeOf(d));
        if ('edit' in a && a.isPreferred && forThis && a.edit && a.edit.get(uri).length > 0) {
          chosen = { diagnostic: d, action: a };
          break;
        }
      }
      if (chosen) break;
    }
    assert.ok(chosen, `no preferred quick fix with an edit for any safeguard.* diagnostic; offered: ${JSON.stringify(offered)}; diagnostics:\n  ${describeDiagnostics(ds)}`);
    const { diagnostic, action } = chosen;
    const code = codeOf(diagnostic);
    const before = doc.getText();
    const inserted = action.edit!.get(uri).map((e) => e.newText.trim()).filter(Boolean);
    assert.ok(inserted.length > 0, `the quick fix "${action.title}" edits nothing in the draft`);

    console.log(`      applying "${action.title}" for ${code}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit!), `applyEdit failed for "${action.title}"`);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));

    const after = doc.getText();
    assert.notStrictEqual(after, before, 'the document text did not change');
    for (const t of inserted) assert.ok(after.includes(t), `inserted text missing from the document: ${JSON.stringify(t)}`);

    // Re-analysed: that finding is no longer reported at that provision.
    const countAt = (list: readonly vscode.Diagnostic[]) => list.filter((d) => codeOf(d) === code).length;
    const n = countAt(ds);
    await waitForDiagnostics(uri, (list) => countAt(list) < n, undefined, `fewer than ${n} ${code} diagnostics after "${action.title}"`);
    await doc.save();
  });
});
