// Request `concordance/compareVersions`: two versions of a draft compared.
//
//   params: { textA: string, textB: string, languageId?: string, uri?: string }
//     textA: the older version, textB: the newer; uri (optional) picks the settings to analyse with.
//   result: VersionComparison (server/src/analysis/versionCompare.ts): { provisions: [{ change:
//     'added'|'removed'|'changed'|'renumbered'|'unchanged', a?, b?, diff? }], counts, coverage:
//     [{ article, title, before, after, direction }], coverageSummary, findings: { added, removed, before, after } }
//     Ranges in `a` refer to textA, in `b` to textB.
import type { CancellationToken } from 'vscode-languageserver';
import { compareVersions, type VersionComparison } from '../analysis/versionCompare';
import { analyseText, analyzerOf, type RequestContext } from './requestContext';

export interface CompareVersionsParams {
  textA: string;
  textB: string;
  languageId?: string;
  uri?: string;
}

export async function compareVersionsRequest(ctx: RequestContext, params: CompareVersionsParams, token?: CancellationToken): Promise<VersionComparison> {
  const uri = params.uri ?? 'untitled:version';
  const a = await analyseText(ctx, uri, String(params.textA ?? ''), token);
  const b = await analyseText(ctx, uri, String(params.textB ?? ''), token);
  return compareVersions(a.analysis, a.text, b.analysis, b.text, analyzerOf(ctx).data);
}
