// Word, OpenDocument, RTF, PDF and Akoma Ntoso files opened directly (a double-click in the Explorer, `vscode.open`):
// a read-only custom editor that opens the file's analysed text (the `concordance-source:` virtual
// document of sourceDocs.ts, analysed like any draft) in its place. The custom editor itself only
// shows "Opening…" and closes once the text editor is open, or shows why the file cannot be read.
//
// - `concordance.analysedText` is the default editor of *.docx, *.odt, *.rtf, *.pdf and *.akn.
// - `concordance.analysedXml` is an *option* for *.xml (Open With…): most XML is not a law. An .xml
//   file that is Akoma Ntoso and is opened in a text editor gets its analysed text opened beside it
//   in the same group, once per opening (setting `concordance.akomaNtoso.openXmlAsAnalysedText`);
//   the XML stays open for editing.
//
// The original file is only read, never written.
import * as path from 'path';
import * as vscode from 'vscode';
import { isAkomaNtoso, SOURCE_SCHEME, sourceUri, type SourceDocuments } from './sourceDocs';

export const ANALYSED_TEXT_EDITOR = 'concordance.analysedText';
export const ANALYSED_XML_EDITOR = 'concordance.analysedXml';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, message: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title>
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1.5em;max-width:50em}</style></head>
<body><h3>${escapeHtml(title)}</h3><p>${escapeHtml(message)}</p></body></html>`;
}

export class AnalysedTextEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(
    private readonly sources: SourceDocuments,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const file = document.uri;
    const name = path.posix.basename(file.path);
    panel.webview.options = { enableScripts: false, enableCommandUris: false };
    panel.webview.html = page(name, 'Opening the text Concordance reads from this file…');
    // The custom editor's tab, to open the text in its place and as a preview when it was one.
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === file.toString() && (t.input.viewType === ANALYSED_TEXT_EDITOR || t.input.viewType === ANALYSED_XML_EDITOR));
    try {
      const doc = await vscode.workspace.openTextDocument(sourceUri(file));
      const problem = this.sources.problemOf(file);
      if (problem !== undefined) {
        panel.webview.html = page(name, `Concordance cannot read this file: ${problem}`);
        return;
      }
      await vscode.window.showTextDocument(doc, { viewColumn: panel.viewColumn ?? tab?.group.viewColumn, preview: tab?.isPreview ?? false });
      panel.dispose();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.output.warn(`[client] opening the analysed text of ${name}: ${message}`);
      panel.webview.html = page(name, `Concordance could not open the analysed text: ${message}`);
    }
  }
}

/**
 * Opens the analysed text of Akoma Ntoso .xml files shown in a text editor, once per opening of
 * each file (closing the XML forgets it), when the setting allows.
 */
export function openAknXmlAsAnalysedText(): vscode.Disposable {
  const done = new Set<string>();
  const consider = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    if (!editor || !doc || doc.uri.scheme === SOURCE_SCHEME || !/\.xml$/i.test(doc.uri.path)) return;
    const key = doc.uri.toString();
    if (done.has(key)) return;
    if (!vscode.workspace.getConfiguration('concordance', doc.uri).get<boolean>('akomaNtoso.openXmlAsAnalysedText', true)) return;
    if (!isAkomaNtoso(doc.getText(new vscode.Range(0, 0, 200, 0)))) return;
    done.add(key);
    void vscode.workspace.openTextDocument(sourceUri(doc.uri)).then((analysed) => vscode.window.showTextDocument(analysed, { viewColumn: editor.viewColumn, preview: false }));
  };
  consider(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(consider),
    vscode.workspace.onDidCloseTextDocument((d) => done.delete(d.uri.toString())),
  );
}
