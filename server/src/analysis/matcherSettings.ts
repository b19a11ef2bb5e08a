// The matcher's tunable numbers and word lists, from data/matcher.json.
import type { Cues } from './data/types';
import type { DraftLanguage } from './types';

export interface MatcherSettings {
  stopWords: Record<DraftLanguage, string[]>;
  /** Whole-word spelling variants folded before stemming ("offence" → "offense"). */
  spelling: Partial<Record<DraftLanguage, Record<string, string>>>;
  /** Words matched whole, not stemmed, because their stem collides with another word. */
  unstemmed?: Partial<Record<DraftLanguage, string[]>>;
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
    /**
     * Exponent on an element's distinctiveness (log of how few articles share its cues): above 1,
     * conduct that only one article describes outweighs intent or "without right" more strongly.
     */
    distinctiveness?: number;
    /** Share of the element score a provision earns by covering one paragraph of an article fully. */
    paragraphFactor?: number;
    /**
     * A required element is distinctive when its weight is at least this fraction of the weight of
     * the article's least-shared required element; an article whose present required elements
     * are none of them distinctive has its element score multiplied by `sharedOnlyFactor`.
     */
    distinctiveRatio?: number;
    sharedOnlyFactor?: number;
    /** Subtracted from every article when the provision is worded as a saving or disclaimer. */
    nonOperative?: number;
    /** Added to every article's score (a fitted model's intercept; 0 for hand-set weights). */
    bias?: number;
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
  /** Articles of another kind that are a counterpart too (Art 4(1): offences that other UN instruments require, committed through ICT). */
  offenceArticles?: number[];
  /**
   * Words in a provision's own text that say what kind of provision it is ("commits an offence"
   * vs "may issue a warrant"). An article gains when its kind's markers are present, and loses
   * when only another kind's markers are.
   */
  markers: { kinds: string[]; cues: Cues }[];
  /** Kinds whose markers a provision must carry: an offence article needs wording that creates an offence. */
  markersRequired?: string[];
  /**
   * Ids of elements without which an article that has them cannot be shown: the article's other
   * elements describe a measure any domestic power takes too ("foreign-request": an assistance
   * article answers a request from another State; without one it is the domestic power).
   */
  gateElements?: string[];
  /**
   * Articles about the Convention itself (its purpose and scope, its organs, final clauses): a
   * law's own purpose, scope or entry-into-force clause implements none of them, so none is shown.
   */
  conventionOnly?: number[];
  /**
   * Lex specialis among articles: when `article` is shown and each group of `when` (element ids of
   * `article`; any one of a group) is present, the articles in `over` rank below it. Art 13's fraud
   * is committed by the data operations that are Art 9's conduct; once its own result (a loss of
   * property) is shown, the section is the fraud, not the data interference.
   */
  specificity?: { article: number; over: number[]; when: string[][] }[];
  /**
   * Wording of provisions that create no offence, power or duty of their own: savings ("has
   * effect without prejudice to"), disclaimers ("does not prohibit"), immunities.
   */
  nonOperative?: Cues;
  /**
   * Wording that denies an authority's order ("sin orden judicial", "without a warrant", "sans
   * mandat"): an offence of acting without one. Its words are not read as markers of a power.
   */
  negatedAuthority?: Cues;
  /**
   * Wording that sends a matter to another law ("shall be dealt with under", "se tramitarán
   * conforme", "selon les règles du"). It counts as saving wording; a provision worded so, and
   * neither as an offence nor as a power, gets no cooperation article (the other law gives the assistance).
   */
  routing?: Cues;
  /**
   * Wording of a presumption or rule of evidence ("unless the contrary is proved", "sauf preuve
   * contraire", "salvo prueba en contrario"). A provision so worded, and worded as no kind of
   * provision, says how an offence is proved, not what it is: it gets no article. No penalty otherwise.
   */
  presumption?: Cues;
  /**
   * How a draft refers to other provisions ("section 1 above", "subsection (a) of this section",
   * "this Act"). Words inside such a reference, and a parenthesised title right after it, are not
   * evidence of what this provision does.
   */
  references?: {
    /** Words naming a unit of legislation ("section", "artículo"). */
    units: LangWords;
    /**
     * Words that point at a unit without a number ("this", "el presente"); empty by default, as
     * "this Part" or "this Act" often belongs to a cue ("in accordance with this Part").
     */
    deictic: LangWords;
    /** Words joining labels in a list ("and", "or", "to"). */
    connectors: LangWords;
    /** Words that may follow a reference ("above", "of this title"). */
    trailers: LangWords;
    /**
     * Last words of the title of another instrument ("… Act", "… Code"): a run of capitalised
     * words ending in one names that instrument, and its words are no evidence of what this
     * provision does ("dealt with under the Mutual Assistance in Criminal Matters Act").
     */
    instruments?: LangWords;
  };
  /** Words in the heading of an enclosing Part that say what kind of provisions it holds. */
  contexts: { kinds: string[]; cues: Cues }[];
}

/** A word list per language; English is required and stands in for a language without its own. */
export type LangWords = { en: string[] } & Partial<Record<DraftLanguage, string[]>>;
