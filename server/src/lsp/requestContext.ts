// What the Concordance requests of the comparison views and the table need from the server:
// the open documents and the per-document analyses. server.ts builds one and passes it in.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../analysis/analyze';
import { LineIndex } from '../analysis/text';
import { checkOptions, type AnalysedDocument, type Workspace } from './workspace';

export interface RequestContext {
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
}

export function analyzerOf(ctx: RequestContext): Analyzer {
  return ctx.workspace.analyzer;
}

/**
 * The analysis of an open document (cached per version), or of `text` given by the client for
 * a document the editor has not opened (e.g. other drafts in the workspace). Open documents
 * outside `concordance.languages` are analysed anyway: the user asked for them by name.
 */
export async function analysedDocument(ctx: RequestContext, uri: string, text?: string): Promise<AnalysedDocument | undefined> {
  const doc = ctx.documents.get(uri);
  if (doc) return ctx.workspace.analyse(doc);
  if (text === undefined) return undefined;
  return analyseText(ctx, uri, text);
}

/** Analyses text that is not an open document (not cached). */
export async function analyseText(ctx: RequestContext, uri: string, text: string): Promise<AnalysedDocument> {
  const settings = await ctx.workspace.getSettings(uri);
  const analysis = ctx.workspace.analyzer.analyze(text, { checks: checkOptions(settings) });
  return { uri, version: 0, text, lines: new LineIndex(text), analysis, settings };
}
