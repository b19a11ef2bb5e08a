// Word, Akoma Ntoso and PDF files in the editor: "Open as Analysed Text" shows the text Concordance
// reads from such a file as a read-only virtual document (`concordance-source:`), which the
// language server analyses like any draft (diagnostics, hovers, lenses, comparisons, table).
// The original file is only read, never written; quick fixes that would edit are not offered there.
import * as path from 'path';
import * as vscode from 'vscode';
import { readDocumentAsync } from '../../server/src/formats/read';

export const SOURCE_SCHEME = 'concordance-source';

/** Files whose text is read by Concordance's own readers rather than opened as text. */
export const READABLE_FILE = /\.(docx|akn|xml|pdf)$/i;

/** Largest file read into the editor, as on the command line. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The virtual document of a file: its path plus ".draft" (so it opens as a legal draft), the file's URI in the query. */
export function sourceUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `${file.path}.draft`, query: file.toString() });
}

export function originalOf(uri: vscode.Uri): vscode.Uri | undefined {
  try {
    return uri.scheme === SOURCE_SCHEME && uri.query ? vscode.Uri.parse(uri.query, true) : undefined;
  } catch {
    return undefined;
  }
}

export class SourceDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = originalOf(uri);
    if (!file) return '';
    const name = path.posix.basename(file.path);
    try {
      const stat = await vscode.workspace.fs.stat(file);
      if (stat.size > MAX_BYTES) return this.refuse(name, `is ${Math.round(stat.size / 2 ** 20)} MB; Concordance reads files up to 64 MB`);
      const doc = await readDocumentAsync(name, await vscode.workspace.fs.readFile(file));
      if (doc.problems.length) return this.refuse(name, doc.problems[0]);
      for (const n of doc.notices) void vscode.window.showInformationMessage(`Concordance: ${name}: ${n}`);
      return doc.text;
    } catch (e) {
      return this.refuse(name, e instanceof Error ? e.message : String(e));
    }
  }

  private refuse(name: string, problem: string): string {
    this.output.warn(`[client] ${name}: ${problem}`);
    void vscode.window.showErrorMessage(`Concordance cannot read ${name}: ${problem}`);
    return '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens the analysed text of a Word, Akoma Ntoso or PDF file beside nothing: in the active group, read-only. */
export async function openAsAnalysedText(target: unknown): Promise<vscode.TextEditor | undefined> {
  let file = target instanceof vscode.Uri ? target : undefined;
  if (!file) {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) file = input.uri;
  }
  if (!file || !READABLE_FILE.test(file.path)) {
    void vscode.window.showWarningMessage('Concordance: choose a Word (.docx), Akoma Ntoso (.akn, .xml) or PDF file to open as analysed text.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(sourceUri(file));
  return vscode.window.showTextDocument(doc, { preview: false });
}
