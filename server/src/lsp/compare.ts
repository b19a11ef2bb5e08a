// Request `concordance/compare`: a provision of a draft side by side with a Convention article
// (or with the article's Budapest Convention counterpart).
//
//   params: { uri: string, provision?: string, position?: { line, character }, article?: number, budapest?: boolean }
//     provision: a provision id (e.g. "part-2/s-14"); else the provision at `position`.
//     article:   the article to compare with; else the provision's best match.
//   result: ComparisonModel (server/src/analysis/compare.ts) | null
//     null when the document is not open, no provision is found, or there is no article to
//     compare with (the provision matches none and no article was given).
//     ComparisonModel.candidates lists the articles the matcher proposes, best first, so a
//     client can call once without `article`, offer a pick, then call again with the choice.
import type { CancellationToken } from 'vscode-languageserver';
import { TokenIndex } from '../analysis/cues';
import { buildComparison, type ComparisonModel } from '../analysis/compare';
import type { Cues } from '../analysis/data/types';
import { provisionAt } from '../analysis/query';
import type { DraftLanguage, Position, Span } from '../analysis/types';
import { analysedDocument, analyzerOf, type RequestContext } from './requestContext';

export interface CompareParams {
  uri: string;
  provision?: string;
  position?: Position;
  article?: number;
  budapest?: boolean;
}

export async function compareRequest(ctx: RequestContext, params: CompareParams, token?: CancellationToken): Promise<ComparisonModel | null> {
  const doc = await analysedDocument(ctx, params.uri, undefined, token);
  if (!doc) return null;
  const analyzer = analyzerOf(ctx);
  let provisionId = params.provision && doc.analysis.parsed.byId.has(params.provision) ? params.provision : undefined;
  if (!provisionId && params.position) provisionId = provisionAt(doc.analysis, doc.lines.offsetAt(params.position))?.id;
  if (!provisionId) return null;
  const cues = analyzer.matcher.cues;
  const indexes = new Map<string, TokenIndex>();
  const findCue = (c: Cues, lang: DraftLanguage, span: Span): Span | undefined => {
    const key = `${lang}:${span.start}:${span.end}`;
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new TokenIndex(cues.run(doc.text, lang, span))));
    let compiled = cues.compileAll(c, lang);
    if (compiled.length === 0 && lang !== 'en') compiled = cues.compileAll(c, 'en');
    return index.findAny(compiled)?.span;
  };
  const model = buildComparison({
    data: analyzer.data,
    uri: doc.uri,
    text: doc.text,
    analysis: doc.analysis,
    provisionId,
    ...(params.article !== undefined ? { article: Number(params.article) } : {}),
    mode: params.budapest ? 'budapest' : 'article',
    findCue,
  });
  return model ?? null;
}
