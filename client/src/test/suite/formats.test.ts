// Word, Akoma Ntoso and PDF files in the real VS Code: "Open as Analysed Text" shows the text
// Concordance reads, read-only, with the same findings as the plain draft; edits are not offered,
// and the original file is never written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { readDocument } from '../../../../server/src/formats/read';
import { buildDocx, spanishDocx } from '../../../../server/test/unit/helpers/docxFixture';
import { spanishOdt } from '../../../../server/test/unit/helpers/odtFixture';
import { spanishRtf } from '../../../../server/test/unit/helpers/rtfFixture';
import { AKN_ACT, AKN_ACT_PLAIN, encodeWindows1252, FRENCH_DRAFT, SPANISH_DRAFT } from '../../../../server/test/unit/helpers/formatDrafts';
import { pdfOf } from '../../../../server/test/unit/helpers/pdfFixture';
import { activeExtension, allTabs, closeAllEditors, codeOf, describeTabs, hoverText, waitForDiagnostics, waitForEvent, waitForFindings, wsUri, UI_TIMEOUT_MS } from './helpers';

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

describe('Word, OpenDocument, RTF, Akoma Ntoso and PDF files', () => {
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

  it('the analysed text follows its file: saved again, it is read and analysed again; a save that cannot be read keeps the text read before, with a warning', async () => {
    const file = await writeBytes('formats/follow/ley.docx', spanishDocx());
    const doc = await openAnalysed(file);
    assert.strictEqual(doc.getText(), SPANISH_DRAFT);
    await waitForFindings(doc.uri);
    const texts: string[] = [];
    const seen = vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === doc.uri.toString() && texts.push(e.document.getText()));
    const staleWarning = (ds: readonly vscode.Diagnostic[]) => ds.find((d) => codeOf(d) === 'concordance.input' && d.message.includes('ley.docx'));
    try {
      // Half written, as a save may be for a moment (not yet a Word package); written from outside
      // VS Code, as Word writes, so that VS Code's file watcher, not its own file service, sees it.
      fs.writeFileSync(file.fsPath, Buffer.from('PK\u0003\u0004 half written', 'latin1'));
      const ds = await waitForDiagnostics(doc.uri, (all) => staleWarning(all) !== undefined, undefined, 'the warning that the file cannot be read again');
      assert.strictEqual(staleWarning(ds)!.severity, vscode.DiagnosticSeverity.Warning);
      assert.strictEqual(doc.getText(), SPANISH_DRAFT, 'the text read before stays');
      // Saved again, with a new article: the text and its findings follow, and the warning goes.
      const added = 'Artículo 4. Interceptación\nLa policía podrá interceptar el contenido de las comunicaciones sin autorización judicial.';
      const bytes = buildDocx({ paragraphs: [...SPANISH_DRAFT.split('\n'), ...added.split('\n')].filter(Boolean).map((line) => ({ runs: line, style: /^Artículo \d/.test(line) ? 'Heading2' : undefined })) });
      const expected = readDocument('ley.docx', bytes).text;
      assert.ok(expected.includes('sin autorización judicial'));
      fs.writeFileSync(file.fsPath, bytes);
      await waitForEvent(vscode.workspace.onDidChangeTextDocument, () => (doc.getText() === expected ? true : undefined), UI_TIMEOUT_MS, 'the analysed text to be read again');
      const newArticle = doc.positionAt(expected.indexOf('Artículo 4')).line;
      const codes = (await waitForDiagnostics(doc.uri, (all) => !staleWarning(all) && all.some((d) => d.range.start.line >= newArticle), undefined, 'the new article\'s findings, without the warning')).map(codeOf).sort();
      assert.deepStrictEqual(codes, await plainCodes('formats/follow/ley.draft', expected));
      // Deleted (not replaced): the text stays, and the warning says why.
      fs.rmSync(file.fsPath);
      const gone = await waitForDiagnostics(doc.uri, (all) => staleWarning(all)?.message.includes('deleted or moved') === true, undefined, 'the warning that the file is gone');
      assert.ok(staleWarning(gone));
      assert.strictEqual(doc.getText(), expected, 'the text read before stays');
      assert.ok(!texts.includes(''), 'the text was never emptied');
    } finally {
      seen.dispose();
    }
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

  it('a Windows-1252 draft that VS Code opens as UTF-8 gets a finding at its first lost letter', async () => {
    const uri = await writeBytes('formats/enc/ley-1252.draft', encodeWindows1252(SPANISH_DRAFT));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const lost = doc.getText().indexOf('\uFFFD');
    assert.ok(lost > 0, 'VS Code (files.encoding utf8, no guessing) shows the accents as replacement characters');
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'concordance.input'), undefined, 'the replacement-character finding');
    const input = ds.find((d) => codeOf(d) === 'concordance.input')!;
    assert.match(input.message, /replacement character/);
    assert.deepStrictEqual(input.range.start, doc.positionAt(lost));
  });

  describe('the table of all drafts in the workspace', () => {
    const config = () => vscode.workspace.getConfiguration('concordance');
    after(() => config().update('table.include', undefined, vscode.ConfigurationTarget.Global));

    it('reads Word, OpenDocument, PDF and legacy-encoded files matching concordance.table.include as the editor does, and leaves out what it cannot read', async () => {
      await writeBytes('formats/book/ley.docx', spanishDocx());
      await writeBytes('formats/book/ley.odt', spanishOdt());
      await writeBytes('formats/book/act.pdf', pdfOf(AKN_ACT_PLAIN, 8).bytes);
      await writeBytes('formats/book/loi-1252.draft', encodeWindows1252(FRENCH_DRAFT));
      await writeBytes('formats/book/broken.pdf', Buffer.from('%PDF-1.4\nnot a PDF at all\n', 'latin1'));
      await writeBytes('formats/book/notes.xml', Buffer.from('<?xml version="1.0"?><notes><note>Not a law.</note></notes>', 'utf8'));
      await config().update('table.include', 'formats/book/*.{draft,docx,odt,pdf,xml}', vscode.ConfigurationTarget.Global);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-book-'));
      try {
        const target = path.join(dir, 'book.md');
        await vscode.commands.executeCommand('concordance.exportTable', vscode.Uri.file(target), 'markdown', 'workspace');
        const table = fs.readFileSync(target, 'utf8').replace(/\\/g, '');
        const drafts = /^Drafts: (.*)$/m.exec(table)?.[1] ?? '';
        for (const name of ['ley.docx.draft', 'ley.odt.draft', 'act.pdf.draft', 'loi-1252.draft']) assert.ok(drafts.includes(name), `${name} is in the table; drafts: ${drafts}`);
        for (const name of ['broken.pdf', 'notes.xml']) assert.ok(!drafts.includes(name), `${name} cannot be read and is left out; drafts: ${drafts}`);
        assert.match(table, /ley\.docx\.draft: [^|;]*Acceso ilícito/, 'the Word document\'s access article is in the table');
        assert.match(table, /ley\.odt\.draft: [^|;]*Acceso ilícito/, 'the OpenDocument text\'s access article is in the table');
        assert.match(table, /act\.pdf\.draft: [^|;]*Illegal access/, 'the PDF\'s access section is in the table');
        assert.match(table, /loi-1252\.draft: [^|;]*Accès frauduleux/, 'the Windows-1252 draft is decoded, its accents intact');
        assert.ok(!table.includes('\uFFFD'), 'no character was misread');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('opened directly (double-click, vscode.open)', () => {
    /** Opens the file as the Explorer does and waits for its analysed text in the active editor. */
    async function openDirectly(file: vscode.Uri): Promise<vscode.TextDocument> {
      await vscode.commands.executeCommand('vscode.open', file);
      const editor = await waitForEvent(
        vscode.window.onDidChangeActiveTextEditor,
        () => {
          const e = vscode.window.activeTextEditor;
          return e && e.document.uri.scheme === 'concordance-source' && e.document.uri.query === file.toString() ? e : undefined;
        },
        UI_TIMEOUT_MS,
        `the analysed text of ${file.path} in the active editor; tabs: ${describeTabs()}`,
      );
      assert.strictEqual(editor.document.languageId, 'legal-draft');
      return editor.document;
    }

    /** A hover over the word, which the server answers for the analysed text. */
    async function hoverOver(doc: vscode.TextDocument, word: string): Promise<string> {
      const at = doc.positionAt(doc.getText().indexOf(word) + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      return hoverText(hovers);
    }

    const noCustomTab = (file: vscode.Uri) => !allTabs().some((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === file.toString());

    beforeEach(() => closeAllEditors());

    const kinds: [string, string, () => Uint8Array, string][] = [
      ['a Word document', 'formats/direct/ley.docx', spanishDocx, SPANISH_DRAFT],
      ['an OpenDocument text', 'formats/direct/ley.odt', spanishOdt, SPANISH_DRAFT],
      ['an RTF document', 'formats/direct/ley.rtf', spanishRtf, SPANISH_DRAFT],
      ['an Akoma Ntoso act (.akn)', 'formats/direct/act.akn', () => Buffer.from(AKN_ACT, 'utf8'), AKN_ACT_PLAIN],
      ['a PDF', 'formats/direct/act.pdf', () => pdfOf(AKN_ACT_PLAIN, 8).bytes, AKN_ACT_PLAIN],
    ];
    for (const [what, rel, bytesOf, plain] of kinds) {
      it(`${what} opens as its analysed text, read-only, with the plain draft's findings, hovers and lenses; the file is unchanged`, async () => {
        const bytes = bytesOf();
        const file = await writeBytes(rel, bytes);
        const doc = await openDirectly(file);
        assert.strictEqual(doc.getText().replace(/\s+/g, ' '), plain.replace(/\s+/g, ' '));
        const codes = (await waitForFindings(doc.uri)).map(codeOf).sort();
        assert.deepStrictEqual(codes, await plainCodes(rel.replace(/\.\w+$/, '.draft'), plain));
        await vscode.window.showTextDocument(doc);
        const hover = await hoverOver(doc, plain.includes('Illegal access') ? 'Illegal access' : 'Acceso ilícito');
        assert.match(hover, /Art\./, 'the hover names the article the provision matches');
        if (rel.endsWith('.pdf')) assert.match(hover, /Page 1 of act\\?\.pdf/, 'a hover in a PDF says on which page it stands');
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
        const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
        assert.ok(titles.some((t) => /Art\. 7\b/.test(t)), `a lens names Art. 7 on the access provision; lenses: ${JSON.stringify(titles)}`);
        assert.ok(noCustomTab(file), `the custom editor closed once the text was open; tabs: ${describeTabs()}`);
        assert.ok(Buffer.from(await vscode.workspace.fs.readFile(file)).equals(Buffer.from(bytes)), 'the file on disk is unchanged');
      });
    }

    it('a finding in an Akoma Ntoso act links to the start tag of the element it stands in', async () => {
      const file = await writeBytes('formats/direct/linked.akn', Buffer.from(AKN_ACT, 'utf8'));
      const doc = await openDirectly(file);
      const inFile = (d: vscode.Diagnostic) => (d.relatedInformation ?? []).filter((r) => r.location.uri.toString() === file.toString());
      const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => inFile(d).length > 0), undefined, 'a finding linked to its element');
      const production = ds.find((d) => codeOf(d) === 'safeguard.judicial-review');
      assert.ok(production, `the production order lacks judicial review: ${ds.map(codeOf).join(', ')}`);
      const [element] = inFile(production);
      assert.ok(element, 'the safeguard finding links to its element');
      assert.match(element.message, /part_2__sec_3/);
      // The line of <section eId="part_2__sec_3"> in the file, found by hand.
      const line = AKN_ACT.slice(0, AKN_ACT.indexOf('eId="part_2__sec_3"')).split('\n').length - 1;
      assert.strictEqual(element.location.range.start.line, line);
    });

    it('an Akoma Ntoso .xml opens as XML with its analysed text beside it; other XML only as XML', async () => {
      const file = await writeBytes('formats/direct/act.xml', Buffer.from(AKN_ACT, 'utf8'));
      const doc = await openDirectly(file);
      assert.strictEqual(doc.getText(), AKN_ACT_PLAIN);
      assert.ok(allTabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === file.toString()), `the XML stays open; tabs: ${describeTabs()}`);
      assert.ok((await waitForFindings(doc.uri)).length > 0);
      const other = await writeBytes('formats/direct/catalog.xml', Buffer.from('<?xml version="1.0"?><catalog><book>Not a law</book></catalog>', 'utf8'));
      await vscode.commands.executeCommand('vscode.open', other);
      await waitForEvent(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document.uri.toString() === other.toString() ? true : undefined), UI_TIMEOUT_MS, 'the catalog in a text editor');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'concordance-source' && d.uri.query === other.toString()), 'no analysed text for XML that is not Akoma Ntoso');
      assert.ok(Buffer.from(await vscode.workspace.fs.readFile(file)).equals(Buffer.from(AKN_ACT, 'utf8')), 'the XML on disk is unchanged');
    });

    it('an Akoma Ntoso .xml edited and saved in VS Code: its analysed text beside it follows', async () => {
      const file = await writeBytes('formats/direct/edited.xml', Buffer.from(AKN_ACT, 'utf8'));
      const analysed = await openDirectly(file);
      assert.strictEqual(analysed.getText(), AKN_ACT_PLAIN);
      const xml = await vscode.workspace.openTextDocument(file);
      const at = xml.getText().indexOf('<heading>Illegal access</heading>') + '<heading>'.length;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(file, new vscode.Range(xml.positionAt(at), xml.positionAt(at + 'Illegal access'.length)), 'Unauthorised access');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await xml.save());
      await waitForEvent(vscode.workspace.onDidChangeTextDocument, () => (analysed.getText().includes('Unauthorised access') ? true : undefined), UI_TIMEOUT_MS, 'the analysed text to follow the saved XML');
      assert.strictEqual(analysed.getText(), AKN_ACT_PLAIN.replace('Illegal access', 'Unauthorised access'));
    });

    it('a file that cannot be read keeps its editor, which says why, without crashing', async () => {
      const file = await writeBytes('formats/direct/broken.docx', Buffer.from('not a zip at all', 'utf8'));
      await vscode.commands.executeCommand('vscode.open', file);
      const analysed = await waitForEvent(
        vscode.workspace.onDidOpenTextDocument,
        () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'concordance-source' && d.uri.query === file.toString()),
        UI_TIMEOUT_MS,
        'the analysed text of broken.docx to be asked for',
      );
      assert.strictEqual(analysed.getText(), '');
      assert.ok(!noCustomTab(file), `the custom editor stays to say why; tabs: ${describeTabs()}`);
    });
  });
});
