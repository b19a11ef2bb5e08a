// The Concordance messages the client sends: the typed constants of shared/protocol.ts (defined
// there once, for the server too), and the client's own scheme for the diff editor.
export {
  ArticlesRequest,
  CompareRequest,
  CompareVersionsRequest,
  CoverageRequest,
  HOVER_COMMANDS,
  SCHEME,
  SourceAnchorsNotification,
  TableExportRequest,
  TableRequest,
  VirtualDocumentRequest,
} from '../../shared/protocol';
export type {
  ArticleListEntry,
  ComparisonModel,
  ConcordanceTable,
  CompareParams,
  CompareVersionsParams,
  CoverageParams,
  SourceAnchorsParams,
  CoverageResult,
  TableExportParams,
  TableFormat,
  TableParams,
  VersionComparison,
} from '../../shared/protocol';

/** Provision and model-clause texts for the diff editor, served by the client. */
export const COMPARE_SCHEME = 'concordance-compare';
