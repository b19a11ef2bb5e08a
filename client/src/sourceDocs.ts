// Word, OpenDocument, RTF, Akoma Ntoso and PDF files in the editor: "Open as Analysed Text", and opening the file
// directly (the custom editor of analysedEditor.ts), show the text Concordance reads from such a
// file as a read-only virtual document (`concordance-source:`), which the language server analyses
// like any draft (diagnostics, hovers, lenses, comparisons, table).
// The original file is only read, never written; quick fixes that would edit are not offered there.
// While its analysed text is open, the file is watched: saved again (from Word, say), it is read
// again, and the text, and so its analysis, follow it.
import * as path from 'path';
import * as vscode from 'vscode';
import { looksLikeAkn, readDocumentAsync, STRUCTURED_EXTENSIONS, type ReadDocument } from '../../server/src/formats/read';
import type { SourceAnchorsParams } from './protocol';

export const SOURCE_SCHEME = 'concordance-source';

/** Files whose text is read by Concordance's own readers rather than opened as text (those the CLI reads as structured documents). */
export const READABLE_FILE = new RegExp(`\\.(${STRUCTURED_EXTENSIONS.map((e) => e.slice(1)).join('|')})$`, 'i');

/** Largest file read into the editor, as on the command line. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * How long a watched file must stay unchanged before it is read again: Word, and many programs
 * that save through a temporary file, write a document in several steps.
 */
const SETTLE_MS = 400;

/**
 * Reads a file as the command line does (Word, OpenDocument, RTF, Akoma Ntoso, PDF, text in any encoding), up to
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
  /** The watchers of the files whose analysed text is open (with the reading that waits for the file to settle), by that text's URI. */
  private readonly followed = new Map<string, vscode.Disposable>();
  /** On an analysed text whose file changed and could not be read again: says that the text is the one read before. */
  private readonly stale = vscode.languages.createDiagnosticCollection('concordance-source');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.subscriptions = [vscode.workspace.onDidOpenTextDocument((d) => this.follow(d)), vscode.workspace.onDidCloseTextDocument((d) => this.unfollow(d.uri.toString()))];
    for (const d of vscode.workspace.textDocuments) this.follow(d);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = originalOf(uri);
    if (!file) return '';
    const name = path.posix.basename(file.path);
    const key = uri.toString();
    // Read again because the file changed: a failure keeps the text read before (a save may be half
    // written). That is the open document's text, unless the file could not be read then either.
    const before = this.followed.has(key) && !this.problems.has(file.toString()) ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.getText() : undefined;
    this.problems.delete(file.toString());
    try {
      const doc = await readAnyFile(file);
      if (doc.problems.length) return before !== undefined ? this.keep(uri, file, doc.problems[0], before) : this.refuse(uri, file, doc.problems[0]);
      // Notices pop up when the file is opened; when it is read again after each save, they go to the log.
      for (const n of doc.notices) {
        if (before === undefined) void vscode.window.showInformationMessage(`Concordance: ${name}: ${n}`);
        else this.output.info(`[client] ${name} read again: ${n}`);
      }
      this.anchors.delete(key);
      this.stale.delete(uri);
      if (doc.anchors?.length || doc.pageStarts?.length) {
        this.anchors.set(key, { uri: key, source: file.toString(), length: doc.text.length, anchors: doc.anchors ?? [], ...(doc.pageStarts?.length ? { pageStarts: doc.pageStarts } : {}) });
      }
      return doc.text;
    } catch (e) {
      const gone = e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
      const problem = gone ? vscode.l10n.t('it was deleted or moved') : e instanceof Error ? e.message : String(e);
      return before !== undefined ? this.keep(uri, file, problem, before) : this.refuse(uri, file, problem);
    }
  }

  /** Watches the file of an analysed text that was opened (its text read already), to read it again when it changes. */
  private follow(doc: vscode.TextDocument): void {
    const uri = doc.uri;
    const key = uri.toString();
    const file = originalOf(uri);
    if (!file || this.followed.has(key)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), path.posix.basename(file.path)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Saving through a temporary file replaces the file (deleted, then created): a creation is a
    // change too, and a deletion is one that a creation may follow (else the text read before stays, with a warning).
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.changed.fire(uri), SETTLE_MS);
    };
    const pending = { dispose: () => clearTimeout(timer) };
    this.followed.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed), pending));
  }

  private unfollow(key: string): void {
    const followed = this.followed.get(key);
    if (!followed) return;
    followed.dispose();
    this.followed.delete(key);
    this.anchors.delete(key);
    this.stale.delete(vscode.Uri.parse(key, true));
  }

  /** The anchors of the analysed text at `uri`, when its file is an Akoma Ntoso act or a PDF. */
  anchorsOf(uri: vscode.Uri): SourceAnchorsParams | undefined {
    return this.anchors.get(uri.toString());
  }

  /** Why the file could not be read the last time its analysed text was asked for (undefined: it was read). */
  problemOf(file: vscode.Uri): string | undefined {
    return this.problems.get(file.toString());
  }

  private refuse(uri: vscode.Uri, file: vscode.Uri, problem: string): string {
    const name = path.posix.basename(file.path);
    this.problems.set(file.toString(), problem);
    this.anchors.delete(uri.toString());
    this.output.warn(`[client] ${name}: ${problem}`);
    void vscode.window.showErrorMessage(`Concordance cannot read ${name}: ${problem}`);
    return '';
  }

  /**
   * The text read before, when the file changed and cannot be read now (a save half written, a
   * password added): nothing is lost, and a warning at the top of the text says so until the file
   * is read again.
   */
  private keep(uri: vscode.Uri, file: vscode.Uri, problem: string, before: string): string {
    const name = path.posix.basename(file.path);
    this.output.warn(`[client] ${name} changed and cannot be read now: ${problem}; its analysed text stays as read before`);
    const warning = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('{0} changed, and Concordance cannot read it now ({1}): this is the text read before.', name, problem), vscode.DiagnosticSeverity.Warning);
    warning.source = 'concordance';
    warning.code = 'concordance.input';
    this.stale.set(uri, [warning]);
    return before;
  }

  dispose(): void {
    for (const key of [...this.followed.keys()]) this.unfollow(key);
    for (const d of this.subscriptions) d.dispose();
    this.stale.dispose();
    this.changed.dispose();
  }
}

/** Opens the analysed text of a Word, OpenDocument, RTF, Akoma Ntoso or PDF file beside nothing: in the active group, read-only. */
export async function openAsAnalysedText(target: unknown): Promise<vscode.TextEditor | undefined> {
  let file = target instanceof vscode.Uri ? target : undefined;
  if (!file) {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) file = input.uri;
  }
  if (!file || !READABLE_FILE.test(file.path)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Concordance: choose a Word (.docx), OpenDocument (.odt), RTF, Akoma Ntoso (.akn, .xml) or PDF file to open as analysed text.'));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(sourceUri(file));
  return vscode.window.showTextDocument(doc, { preview: false });
}
