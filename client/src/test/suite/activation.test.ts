// Activation: the extension starts on its own when a plaintext or a .draft document is opened
// (activationEvents onLanguage:plaintext / onLanguage:legal-draft), and its server analyses both.
// This file runs first (see index.ts) so that nothing has activated the extension yet.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BILL, EXTENSION_ID, FINDING_CODE, codeOf, open, readWorkspaceText, waitForFindings, writeWorkspaceFile } from './helpers';

describe('activation', () => {
  it('activates on a plaintext document and analyses it', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    const activeBefore = ext.isActive;
    const uri = await writeWorkspaceFile('plain/bill-as-text.txt', await readWorkspaceText(BILL));
    const { doc } = await open(uri);
    assert.strictEqual(doc.languageId, 'plaintext');
    // Diagnostics from the server prove the client activated and its server is up; no activate() call here.
    const ds = await waitForFindings(uri).catch((e: Error) => {
      throw new Error(`${e.message}\n(extension active: ${ext.isActive}; see the extension host log for activation errors)`);
    });
    assert.ok(ext.isActive, 'extension not active after a plaintext document was analysed');
    if (activeBefore) console.log('    (note: the extension was already active before the plaintext document was opened)');
    assert.ok(ds.every((d) => FINDING_CODE.test(codeOf(d))), 'every Concordance diagnostic has a dotted code');
  });

  it('activates on a .draft document (language legal-draft) and analyses it', async () => {
    const { doc } = await open(BILL);
    assert.strictEqual(doc.languageId, 'legal-draft', '.draft files get the legal-draft language');
    const ds = await waitForFindings(doc.uri);
    assert.ok(ds.length > 0);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension not active');
  });
});
