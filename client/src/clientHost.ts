// The running language client, shared by the views and commands. The client can be
// restarted (command concordance.restartServer), so views ask for it at each use.
import * as vscode from 'vscode';
import type { LanguageClient, RequestType, RequestType0 } from 'vscode-languageclient/node';
import { languagesSetting } from './languageClient';
import { SOURCE_SCHEME } from './sourceDocs';

export interface ClientHost {
  readonly extensionUri: vscode.Uri;
  readonly output: vscode.LogOutputChannel;
  /** The client once it runs; rejects when the server could not start. */
  ready(): Promise<LanguageClient>;
  /** The client if it has started, without waiting. */
  current(): LanguageClient | undefined;
}

/** Sends a request (shared/protocol.ts) once the server runs. */
export async function request<P, R>(host: ClientHost, type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
  const client = await host.ready();
  // (P is a plain object type: the library's RequestParam<P> is P itself.)
  return client.sendRequest(type, params as never, token);
}

/** Sends a request without params once the server runs. */
export async function request0<R>(host: ClientHost, type: RequestType0<R, void>, token?: vscode.CancellationToken): Promise<R> {
  const client = await host.ready();
  return client.sendRequest(type, token);
}

/** Is this a document Concordance analyses (by `concordance.languages`)? */
export function isDraft(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === SOURCE_SCHEME) && languagesSetting().includes(doc.languageId);
}

/** The active draft editor, or the most recently visible one when a webview has focus. */
export function activeDraftEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (isDraft(active?.document)) return active;
  return vscode.window.visibleTextEditors.find((e) => isDraft(e.document));
}

/** The editor column for a view: next to the draft (not beside a webview, which would open yet another group). */
export function besideDraft(): vscode.ViewColumn {
  const draft = activeDraftEditor();
  if (draft?.viewColumn !== undefined) return draft.viewColumn + 1;
  return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}
