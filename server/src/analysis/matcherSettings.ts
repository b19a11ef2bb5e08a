// The matcher's tunable numbers and word lists, from data/matcher.json.
import type { Cues } from './data/types';
import type { DraftLanguage } from './types';

export interface MatcherSettings {
  stopWords: Record<DraftLanguage, string[]>;
  /** Whole-word spelling variants folded before stemming ("offence" → "offense"). */
  spelling: Partial<Record<DraftLanguage, Record<string, string>>>;
  weights: {
    elements: number;
    elementSmoothing: number;
    heading: number;
    bodyHeadingFactor: number;
    keyTerms: number;
    context: number;
    markers: number;
    definitions: number;
    similarity: number;
  };
  thresholds: {
    /** Below this no article is shown for a provision. */
    show: number;
    strong: number;
    moderate: number;
    /** A second article is shown only if it scores at least this fraction of the best. */
    secondaryRatio: number;
    maxMatches: number;
  };
  /** Article kinds that count as a counterpart for an offence-creating provision. */
  offenceKinds: string[];
  /**
   * Words in a provision's own text that say what kind of provision it is ("commits an offence"
   * vs "may issue a warrant"). An article gains when its kind's markers are present, and loses
   * when only another kind's markers are.
   */
  markers: { kinds: string[]; cues: Cues }[];
  /** Words in the heading of an enclosing Part that say what kind of provisions it holds. */
  contexts: { kinds: string[]; cues: Cues }[];
}
