// What a parse keeps beside its result for the incremental parse of the next version.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import type { ParsedDraft, Provision } from '../types';
import type { ParserVocabulary } from '../vocabulary';
import type { DefinitionCandidate } from './definitions';
import type { Lines } from './lines';
import type { Marks, RefTrace } from './references';

/** What a parse keeps beside its result so that the next version can be parsed incrementally. */
export interface ParseState {
  /** The words the version was parsed with. */
  vocabulary: ParserVocabulary;
  lines: Lines;
  /** Each provision's index, by id (shared by the versions parsed incrementally from this one). */
  indexOf: ReadonlyMap<string, number>;
  /** Markers of numbering lines, skipped by the reference scan. */
  skip: Marks;
  articleStyle: boolean;
  /** Start of the first provision (after headings were attached), -1 when there is none. */
  firstEntryStart: number;
  sectionsByLabel: Map<string, Provision>;
  /** Contents.readEnd of the version's table of contents. */
  contentsReadEnd: number;
  trace: RefTrace;
  /** The defined terms found, in order (the edited line is scanned again, the others are kept or shifted). */
  candidates: DefinitionCandidate[];
  /** The same for every version whose tree was carried over from an earlier one by shifting offsets. */
  tree: number;
  /** When this version's tree is the tree `from` with one provision's heading rewritten: that provision. */
  retitled?: { from: number; id: string };
}

export let treeCount = 0;

/** A new tree number: a version whose tree is not that of an earlier one. */
export function nextTree(): number {
  return ++treeCount;
}

export const states = new WeakMap<ParsedDraft, ParseState>();
