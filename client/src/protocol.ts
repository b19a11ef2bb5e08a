// Names and shapes of the Concordance requests the client sends (see server/src/lsp/*.ts).
import type { ComparisonModel } from '../../server/src/analysis/compare';
import type { ConcordanceTable } from '../../server/src/analysis/table';
import type { VersionComparison } from '../../server/src/analysis/versionCompare';
import type { CoverageParams, CoverageResult } from '../../server/src/lsp/coverage';
import type { CompareParams } from '../../server/src/lsp/compare';
import type { CompareVersionsParams } from '../../server/src/lsp/compareVersions';
import type { TableParams } from '../../server/src/lsp/table';
import type { ArticleListEntry } from '../../server/src/lsp/articles';

export type { ArticleListEntry, ComparisonModel, ConcordanceTable, VersionComparison, CoverageResult, CompareParams, CompareVersionsParams, TableParams, CoverageParams };

export const Requests = {
  virtualDocument: 'concordance/virtualDocument',
  coverage: 'concordance/coverage',
  table: 'concordance/table',
  compare: 'concordance/compare',
  compareVersions: 'concordance/compareVersions',
  articles: 'concordance/articles',
} as const;

/** The read-only article and code documents served by the server. */
export const SCHEME = 'concordance';
/** Provision and model-clause texts for the diff editor, served by the client. */
export const COMPARE_SCHEME = 'concordance-compare';
