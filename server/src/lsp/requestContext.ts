// What the Concordance requests of the comparison views and the table need from the server:
// the open documents and the per-document analyses. server.ts builds one and passes it in.
import { LSPErrorCodes, ResponseError, type CancellationToken, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../analysis/analyze';
import type { AnalysedDocument, Workspace } from './workspace';

export interface RequestContext {
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
}

export function analyzerOf(ctx: RequestContext): Analyzer {
  return ctx.workspace.analyzer;
}

/**
 * The analysis of an open document (its newest version, by the same time-sliced run the
 * diagnostics use: a run under way for that version is joined, not repeated), or of `text`
 * given by the client for a document the editor has not opened (e.g. other drafts in the
 * workspace). Open documents outside `concordance.languages` are analysed anyway: the user
 * asked for them by name. A cancelled request ends with RequestCancelled.
 */
export async function analysedDocument(ctx: RequestContext, uri: string, text?: string, token?: CancellationToken): Promise<AnalysedDocument | undefined> {
  const doc = ctx.documents.get(uri);
  if (doc) return orCancelled(await ctx.workspace.latest(doc, token));
  if (text === undefined) return undefined;
  return analyseText(ctx, uri, text, token);
}

/** Analyses text that is not an open document (in time slices; not cached). */
export async function analyseText(ctx: RequestContext, uri: string, text: string, token?: CancellationToken): Promise<AnalysedDocument> {
  return orCancelled(await ctx.workspace.analyseText(uri, text, token));
}

function orCancelled<T>(a: T | undefined): T {
  if (a === undefined) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  return a;
}
