// Request `concordance/table`: the concordance table over one or more drafts.
//
//   params: { uris: string[], texts?: { [uri: string]: string } }
//     uris: the drafts, in order; open documents are read from the editor, others from `texts`
//     (the client reads files it has not opened). URIs with neither are skipped.
//   result: ConcordanceTable (server/src/analysis/table.ts): { files, chapters: [{ chapter, title,
//     rows: [{ article, title, status, statusByFile, provisions: [{ file, id, label, heading, range }],
//     missingElements, missingSafeguards, budapest, … }] }], summary }
//     `file` is the document URI; provision ranges are LSP ranges in that document.
//
// The client renders it in a webview. Request `concordance/tableExport` (params: the same and
// `format`: 'csv' | 'markdown' | 'html') gives it rendered by renderTable() — the same text as
// `concordance table FILE --format csv|markdown|html`; the client writes it to a file.
import type { CancellationToken } from 'vscode-languageserver';
import { buildTable, type ConcordanceTable, type TableDocument } from '../analysis/table';
import { analysedDocument, analyzerOf, type RequestContext } from './requestContext';

export interface TableParams {
  uris: string[];
  texts?: Record<string, string>;
}

export async function tableRequest(ctx: RequestContext, params: TableParams, token?: CancellationToken): Promise<ConcordanceTable> {
  const docs: TableDocument[] = [];
  for (const uri of params.uris ?? []) {
    const d = await analysedDocument(ctx, uri, params.texts?.[uri], token);
    if (d) docs.push({ file: uri, text: d.text, analysis: d.analysis });
  }
  const analyzer = analyzerOf(ctx);
  return buildTable(analyzer.data, docs, analyzer.messages);
}
