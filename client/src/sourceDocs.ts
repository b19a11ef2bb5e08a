// Word, Akoma Ntoso and PDF files in the editor: "Open as Analysed Text", and opening the file
// directly (the custom editor of analysedEditor.ts), show the text Concordance reads from such a
// file as a read-only virtual document (`concordance-source:`), which the language server analyses
// like any draft (diagnostics, hovers, lenses, comparisons, table).
// The original file is only read, never written; quick fixes that would edit are not offered there.
import * as path from 'path';
import * as vscode from 'vscode';
import { looksLikeAkn, readDocumentAsync, type ReadDocument } from '../../server/src/formats/read';
import type { SourceAnchorsParams } from './protocol';

export const SOURCE_SCHEME = 'concordance-source';

/** Files whose text is read by Concordance's own readers rather than opened as text. */
export const READABLE_FILE = /\.(docx|akn|xml|pdf)$/i;

/** Largest file read into the editor, as on the command line. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads a file as the command line does (Word, Akoma Ntoso, PDF, text in any encoding), up to
 * 64 MB: what Concordance analyses of it, or (in `problems`) why it cannot. May throw when the
 * file cannot be read at all (gone, no permission).
 */
export async function readAnyFile(file: vscode.Uri): Promise<ReadDocument> {
  const stat = await vscode.workspace.fs.stat(file);
  if (stat.size > MAX_BYTES) return { format: 'text', text: '', notices: [], problems: [`is ${Math.round(stat.size / 2 ** 20)} MB; Concordance reads files up to 64 MB`] };
  return readDocumentAsync(path.posix.basename(file.path), await vscode.workspace.fs.readFile(file));
}

/** The virtual document of a file: its path plus ".draft" (so it opens as a legal draft), the file's URI in the query. */
export function sourceUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `${file.path}.draft`, query: file.toString() });
}

/** True when the start of an XML file's text is an Akoma Ntoso 3.0 document. */
export function isAkomaNtoso(head: string): boolean {
  const h = head.trimStart();
  return h.startsWith('<') && looksLikeAkn(h);
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
  /** Why a file could not be read, by the file's URI, from its latest reading. */
  private readonly problems = new Map<string, string>();
  /** Where the elements of an Akoma Ntoso act (or the pages of a PDF) stand in its file, by the analysed text's URI, from its latest reading. */
  private readonly anchors = new Map<string, SourceAnchorsParams>();

  constructor(private readonly output: vscode.LogOutputChannel) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = originalOf(uri);
    if (!file) return '';
    const name = path.posix.basename(file.path);
    this.problems.delete(file.toString());
    this.anchors.delete(uri.toString());
    try {
      const doc = await readAnyFile(file);
      if (doc.problems.length) return this.refuse(file, doc.problems[0]);
      for (const n of doc.notices) void vscode.window.showInformationMessage(`Concordance: ${name}: ${n}`);
      if (doc.anchors?.length || doc.pageStarts?.length) {
        this.anchors.set(uri.toString(), { uri: uri.toString(), source: file.toString(), length: doc.text.length, anchors: doc.anchors ?? [], ...(doc.pageStarts?.length ? { pageStarts: doc.pageStarts } : {}) });
      }
      return doc.text;
    } catch (e) {
      return this.refuse(file, e instanceof Error ? e.message : String(e));
    }
  }

  /** The anchors of the analysed text at `uri`, when its file is an Akoma Ntoso act or a PDF. */
  anchorsOf(uri: vscode.Uri): SourceAnchorsParams | undefined {
    return this.anchors.get(uri.toString());
  }

  /** Why the file could not be read the last time its analysed text was asked for (undefined: it was read). */
  problemOf(file: vscode.Uri): string | undefined {
    return this.problems.get(file.toString());
  }

  private refuse(file: vscode.Uri, problem: string): string {
    const name = path.posix.basename(file.path);
    this.problems.set(file.toString(), problem);
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
