// Request `concordance/coverage`: how much of the Convention the draft covers (the status bar).
//
//   params: { uri: string }
//   result: CoverageResult | null   (null when the document is not open)
//
// CoverageResult = {
//   uri, summary: { mandatoryTotal, mandatoryImplemented, mandatoryPartial, implemented, partial, missing, notApplicable },
//   entries: [{ article, title, chapter, obligation, mandatory, status, provisions, missingElements, missingSafeguards }]
// }
// "Mandatory" articles need a domestic provision and are not wholly optional (isMandatoryArticle).
import type { CancellationToken } from 'vscode-languageserver';
import { buildTable, isMandatoryArticle, type TableSummary } from '../analysis/table';
import type { CoverageEntry } from '../analysis/types';
import { analysedDocument, analyzerOf, type RequestContext } from './requestContext';

export interface CoverageParams {
  uri: string;
}

export interface CoverageResultEntry extends CoverageEntry {
  title: string;
  chapter: string;
  obligation: string;
  mandatory: boolean;
}

export interface CoverageResult {
  uri: string;
  summary: TableSummary;
  entries: CoverageResultEntry[];
}

export async function coverageRequest(ctx: RequestContext, params: CoverageParams, token?: CancellationToken): Promise<CoverageResult | null> {
  const doc = await analysedDocument(ctx, params.uri, undefined, token);
  if (!doc) return null;
  const data = analyzerOf(ctx).data;
  const table = buildTable(data, [{ file: doc.uri, text: doc.text, analysis: doc.analysis }]);
  const entries = doc.analysis.coverage.map((c) => {
    const a = data.articles.find((x) => x.article === c.article);
    return { ...c, title: a?.title ?? '', chapter: a?.chapter ?? '', obligation: a?.obligation ?? '', mandatory: a ? isMandatoryArticle(a) : false };
  });
  return { uri: doc.uri, summary: table.summary, entries };
}
