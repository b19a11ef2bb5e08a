// The Concordance protocol: every custom message between the extension (client/src) and the
// language server (server/src), defined once, with its params and result types. Both sides use
// these constants (the way vscode-eslint shares its custom messages): the server registers a
// handler with `connection.onRequest(XRequest, …)`, the client sends `client.sendRequest(XRequest, …)`;
// no method string is written anywhere else.
//
// This module imports no server values, only types, so the client may bundle it; its only
// values are the message types (vscode-languageserver-protocol) and constants both sides read.
// Each request's params and result are documented in the server file that answers it (named below).
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ComparisonModel } from '../server/src/analysis/compare';
import type { SourceAnchor } from '../server/src/formats/akn';
import type { ConcordanceTable, TableFormat } from '../server/src/analysis/table';
import type { VersionComparison } from '../server/src/analysis/versionCompare';
import type { ArticleListEntry } from '../server/src/lsp/articles';
import type { CompareParams } from '../server/src/lsp/compare';
import type { CompareVersionsParams } from '../server/src/lsp/compareVersions';
import type { CoverageParams, CoverageResult } from '../server/src/lsp/coverage';
import type { StatsResult } from '../server/src/lsp/stats';
import type { TableParams } from '../server/src/lsp/table';

export type { ArticleListEntry, ComparisonModel, SourceAnchor, CompareParams, CompareVersionsParams, ConcordanceTable, CoverageParams, CoverageResult, StatsResult, TableFormat, TableParams, VersionComparison };

export interface VirtualDocumentParams {
  /** A `concordance:` URI: `concordance:/article/N.md` or `concordance:/codes/CODE.md`. */
  uri: string;
}

/** The table written in one format, as `concordance table --format` writes it. */
export interface TableExportParams extends TableParams {
  format: TableFormat;
}

/**
 * Where the analysed text of a file opened as `concordance-source:` comes from: for an Akoma Ntoso
 * act, each anchor is a stretch of the text and the element it was read from, with that element's
 * eId and its start tag's line and column in `source`; for a PDF, where each page's text begins.
 * `length` is the length of the text they were read with: they are used only while the document
 * has that length.
 */
export interface SourceAnchorsParams {
  /** The analysed text's document. */
  uri: string;
  /** The file it was read from. */
  source: string;
  length: number;
  anchors: SourceAnchor[];
  /** A PDF's pages: the offset where each page's text begins, page 1 first. */
  pageStarts?: number[];
}

/** The client tells the server where an analysed text's elements (or a PDF's pages) stand in their file, after opening or re-reading it (server/src/server.ts). */
export const SourceAnchorsNotification = new NotificationType<SourceAnchorsParams>('concordance/sourceAnchors');
/** The text of a read-only article or code document (server/src/lsp/virtualDocs.ts); null when there is none. */
export const VirtualDocumentRequest = new RequestType<VirtualDocumentParams, string | null, void>('concordance/virtualDocument');
/** How much of the Convention a draft covers, for the status bar (server/src/lsp/coverage.ts); null when the document is not open. */
export const CoverageRequest = new RequestType<CoverageParams, CoverageResult | null, void>('concordance/coverage');
/** The concordance table of one or more drafts (server/src/lsp/table.ts). */
export const TableRequest = new RequestType<TableParams, ConcordanceTable, void>('concordance/table');
/** The same table rendered as CSV, Markdown or HTML by the server (server/src/lsp/table.ts). */
export const TableExportRequest = new RequestType<TableExportParams, string, void>('concordance/tableExport');
/** A provision beside a Convention article or its Budapest counterpart (server/src/lsp/compare.ts). */
export const CompareRequest = new RequestType<CompareParams, ComparisonModel | null, void>('concordance/compare');
/** Two versions of a draft compared (server/src/lsp/compareVersions.ts). */
export const CompareVersionsRequest = new RequestType<CompareVersionsParams, VersionComparison, void>('concordance/compareVersions');
/** The Convention's articles, for pickers (server/src/lsp/articles.ts). */
export const ArticlesRequest = new RequestType0<ArticleListEntry[], void>('concordance/articles');
/** What the analyses cost and how many ran, for benchmarks and tests (server/src/lsp/stats.ts). */
export const StatsRequest = new RequestType0<StatsResult, void>('concordance/stats');

/** The scheme of the read-only article and code documents the server serves (VirtualDocumentRequest). */
export const SCHEME = 'concordance';

/**
 * The commands a hover's links may run. The client trusts hover Markdown for these only
 * (MarkdownString.isTrusted = { enabledCommands }); the server writes no other command link.
 */
export const HOVER_COMMANDS = ['concordance.openArticle', 'concordance.compareWithArticle', 'concordance.revealInDraft'] as const;

/**
 * Test hook, answered only by a server started with CONCORDANCE_TEST_HOOKS=1: `hold: true` makes
 * every analysis wait at its start (TestHeldNotification says which) until `hold: false`.
 */
export const TestHoldRequest = new RequestType<{ hold: boolean }, void, void>('concordance/test/hold');
/** Test hook: an analysis of this document version is held at its start. */
export const TestHeldNotification = new NotificationType<{ uri: string; version: number }>('concordance/test/held');
