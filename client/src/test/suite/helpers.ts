// Shared helpers for the editor integration tests (run inside a real VS Code extension host).
// Everything waits on VS Code events (diagnostics, tabs, documents), never on fixed sleeps.
import * as path from 'path';
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'concordance.concordance';
/** The example bill, relative to the test workspace (a temporary copy of the repo's examples/). */
export const BILL = 'examples/cybercrime-bill.draft';
/** Generous: the first analysis also starts the language server and loads the convention data. */
export const DIAGNOSTICS_TIMEOUT_MS = 45_000;
export const UI_TIMEOUT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need a workspace folder holding a copy of examples/ (see scripts/test-editor.mjs)');
  return folder.uri;
}

export function wsUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

export async function writeWorkspaceFile(rel: string, content: string): Promise<vscode.Uri> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(uri.fsPath)));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return uri;
}

export async function readWorkspaceText(rel: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(wsUri(rel))).toString('utf8');
}

export async function open(target: string | vscode.Uri): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = typeof target === 'string' ? wsUri(target) : target;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** The diagnostic's code as a string (`{ value, target }` when the server gave a code description). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function isConcordance(d: vscode.Diagnostic): boolean {
  return d.source === 'concordance';
}

/** A Concordance finding code such as `safeguard.judicial-review` (not the `concordance.*` notes). */
export const FINDING_CODE = /^[a-z]+\.[a-z0-9-]+$/;

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds
    .slice(0, 15)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? '-'} ${codeOf(d)}] ${d.message.slice(0, 80)}`)
    .join('\n  ') + (ds.length > 15 ? `\n  … ${ds.length - 15} more` : '');
}

/**
 * Resolves with the document's diagnostics once `predicate` holds for them, checked now and on every
 * `onDidChangeDiagnostics` for that URI; rejects after `timeoutMs` with what was last seen.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const changedHere: vscode.Event<unknown> = (listener) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) listener(e);
    });
  try {
    return await waitForEvent(
      changedHere,
      () => {
        const ds = vscode.languages.getDiagnostics(uri);
        return predicate(ds) ? ds : undefined;
      },
      timeoutMs,
      `${what} on ${path.basename(uri.path)}`,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}; last seen:\n  ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`);
  }
}

/** Waits until the document has at least one Concordance finding, and returns the Concordance diagnostics. */
export async function waitForFindings(uri: vscode.Uri, timeoutMs = DIAGNOSTICS_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  const ds = await waitForDiagnostics(uri, (ds) => ds.some((d) => isConcordance(d) && FINDING_CODE.test(codeOf(d))), timeoutMs, 'Concordance findings');
  return ds.filter(isConcordance);
}

/** Resolves once `check()` returns a value, re-checked whenever `event` fires. */
export function waitForEvent<T>(event: vscode.Event<unknown>, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      sub.dispose();
      clearTimeout(timer);
      fn();
    };
    const run = () => {
      try {
        const v = check();
        if (v !== undefined) finish(() => resolve(v));
      } catch (e) {
        finish(() => reject(e));
      }
    };
    const sub = event(run);
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    run();
  });
}

export function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

export function describeTabs(): string {
  return allTabs()
    .map((t) => {
      const i = t.input;
      const kind =
        i instanceof vscode.TabInputWebview ? `webview:${i.viewType}`
        : i instanceof vscode.TabInputTextDiff ? `diff:${i.original.toString()} ↔ ${i.modified.toString()}`
        : i instanceof vscode.TabInputText ? `text:${i.uri.toString()}`
        : i instanceof vscode.TabInputCustom ? `custom:${i.viewType}`
        : 'other';
      return `"${t.label}" (${kind})`;
    })
    .join(', ') || '(no tabs)';
}

/** Waits for an editor tab matching `predicate`, re-checking on every tab change. */
export function waitForTab(predicate: (t: vscode.Tab) => boolean, what: string, timeoutMs = UI_TIMEOUT_MS): Promise<vscode.Tab> {
  return waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => allTabs().find(predicate), timeoutMs, `${what}; tabs: ${describeTabs()}`).catch((e: Error) => {
    throw new Error(`${e.message.split('; tabs:')[0]}; tabs now: ${describeTabs()}`);
  });
}

export const isWebviewTab = (t: vscode.Tab): boolean => t.input instanceof vscode.TabInputWebview;

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** 0-based line of the first line matching `re`. */
export function lineOf(doc: vscode.TextDocument, re: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  throw new Error(`no line matching ${re} in ${path.basename(doc.uri.path)}`);
}

/** The lines of numbered section `n` ("17. (1) …" up to the line before the next section's heading). */
export function sectionRange(doc: vscode.TextDocument, n: number): vscode.Range {
  const start = lineOf(doc, new RegExp(`^${n}\\.\\s`));
  const lines = [start];
  let i = start + 1;
  for (; i < doc.lineCount; i++) {
    const t = doc.lineAt(i).text;
    if (/^\d+\.\s/.test(t) || /^PART\s/.test(t)) break;
    if (t.trim() !== '') lines.push(i);
  }
  // the heading line just above the next section ("Search and seizure") is not part of this one
  if (lines.length > 1 && i < doc.lineCount && lines[lines.length - 1] === i - 1) lines.pop();
  const end = lines[lines.length - 1];
  return new vscode.Range(start, 0, end, doc.lineAt(end).text.length);
}

/** Position of `word` on the first line of section `n`. */
export function positionInSection(doc: vscode.TextDocument, n: number, word: string): vscode.Position {
  const line = sectionRange(doc, n).start.line;
  const col = doc.lineAt(line).text.indexOf(word);
  if (col < 0) throw new Error(`"${word}" not on the first line of section ${n}`);
  return new vscode.Position(line, col + 1);
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))))
    .join('\n---\n');
}

/** Arguments of a `command:<id>?<json>` link inside Markdown, or undefined. */
export function commandLinkArgs(markdown: string, command: string): unknown[] | undefined {
  const m = new RegExp(`command:${command.replace(/\./g, '\\.')}\\?([^)\\s]+)`).exec(markdown);
  if (!m) return undefined;
  const args: unknown = JSON.parse(decodeURIComponent(m[1]));
  return Array.isArray(args) ? args : [args];
}

export async function hasCommand(id: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(id);
}

/** The extension, activated (for tests that are not about activation itself). */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}
