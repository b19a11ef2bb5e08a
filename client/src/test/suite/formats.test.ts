// Word, Akoma Ntoso and PDF files in the real VS Code: "Open as Analysed Text" shows the text
// Concordance reads, read-only, with the same findings as the plain draft; edits are not offered,
// and the original file is never written.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { spanishDocx } from '../../../../server/test/unit/helpers/docxFixture';
import { AKN_ACT, AKN_ACT_PLAIN, SPANISH_DRAFT } from '../../../../server/test/unit/helpers/formatDrafts';
import { pdfOf } from '../../../../server/test/unit/helpers/pdfFixture';
import { activeExtension, codeOf, wsUri, waitForFindings } from './helpers';

async function writeBytes(rel: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

async function openAnalysed(file: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('concordance.openAsAnalysedText', file);
  const doc = vscode.window.activeTextEditor?.document;
  assert.ok(doc, 'no editor opened');
  assert.strictEqual(doc.uri.scheme, 'concordance-source');
  assert.strictEqual(doc.languageId, 'legal-draft');
  return doc;
}

/** The findings a plain draft with the same text gets, by code. */
async function plainCodes(rel: string, text: string): Promise<string[]> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return (await waitForFindings(uri)).map(codeOf).sort();
}

describe('Word, Akoma Ntoso and PDF files', () => {
  before(async () => {
    await activeExtension();
  });

  it('a .docx opens as its analysed text, read-only, with the findings of the plain draft and no editing quick fixes', async () => {
    const bytes = spanishDocx();
    const file = await writeBytes('formats/ley.docx', bytes);
    const doc = await openAnalysed(file);
    assert.strictEqual(doc.getText(), SPANISH_DRAFT);
    const ds = await waitForFindings(doc.uri);
    assert.deepStrictEqual(ds.map(codeOf).sort(), await plainCodes('formats/ley.draft', SPANISH_DRAFT));
    for (const d of ds) {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      for (const a of actions ?? []) assert.ok(!('edit' in a && a.edit), `"${a.title}" would edit the read-only text`);
    }
    const after = await vscode.workspace.fs.readFile(file);
    assert.ok(Buffer.from(after).equals(Buffer.from(bytes)), 'the .docx is unchanged');
  });

  it('an Akoma Ntoso act and a PDF open as their analysed text with the findings of the plain act', async () => {
    const expected = await plainCodes('formats/act.draft', AKN_ACT_PLAIN);
    const akn = await openAnalysed(await writeBytes('formats/act.akn', Buffer.from(AKN_ACT, 'utf8')));
    assert.strictEqual(akn.getText(), AKN_ACT_PLAIN);
    assert.deepStrictEqual((await waitForFindings(akn.uri)).map(codeOf).sort(), expected);
    const pdf = await openAnalysed(await writeBytes('formats/act.pdf', pdfOf(AKN_ACT_PLAIN, 8).bytes));
    assert.strictEqual(pdf.getText().replace(/\s+/g, ' '), AKN_ACT_PLAIN.replace(/\s+/g, ' '));
    assert.deepStrictEqual((await waitForFindings(pdf.uri)).map(codeOf).sort(), expected);
  });
});
