// Shape of the convention knowledge in data/*.json, after loading and validation.
// The JSON Schemas in data/schema/ describe the same shapes for lawyers editing the files.

export interface Cues {
  en: string[];
  es?: string[];
  fr?: string[];
  /** Another language's cues, merged in at load from its file's `cues` block (data/languages/<code>.json). */
  [language: string]: string[] | undefined;
}

export type ArticleKind =
  | 'general'
  | 'definition'
  | 'offence'
  | 'liability'
  | 'jurisdiction'
  | 'procedural-power'
  | 'safeguard'
  | 'victim-witness'
  | 'cooperation'
  | 'prevention'
  | 'technical-assistance'
  | 'mechanism'
  | 'final';

export interface Paragraph {
  /** Official paragraph number, e.g. "1", "2(a)", "(a)-(b)", "9-11". */
  n: string;
  /** Strength as the text puts it: "shall", "may", "shall consider", "shall endeavour", … */
  obligation: string;
  /** Our own paraphrase; never treaty text. */
  summary: string;
  verified: boolean;
  note?: string;
}

export interface Element {
  id: string;
  label: string;
  required: boolean;
  /** Paragraph the element rests on, e.g. "1" or "2". */
  paragraph?: string;
  /** Required elements sharing a group are alternatives: any one of them satisfies the group. */
  group?: string;
  cues: Cues;
  note?: string;
}

export type DataCategory = 'subscriber-information' | 'traffic-data' | 'content-data' | 'electronic-data';

export interface Article {
  article: number;
  chapter: string; // Roman numeral
  title: string;
  kind: ArticleKind;
  obligation: 'mandatory' | 'optional' | 'mixed';
  /** Does implementing the article need a domestic provision at all? (false for e.g. Art 1, final clauses) */
  needsDomesticProvision: boolean;
  paragraphs: Paragraph[];
  elements: Element[];
  /** Safeguard ids (data/safeguards.json). */
  safeguards: string[];
  readWith: number[];
  /** Budapest Convention (ETS 185) article numbers; [] when there is no counterpart. */
  budapest: string[];
  options: string;
  keyTerms: string[];
  /** Words typical of a heading of a provision implementing this article, per language. */
  headingCues: Cues;
  /** Data categories a procedural power touches. */
  dataCategories?: DataCategory[];
  /** Why the obligation label is what it is (e.g. a best-efforts duty), or that the article creates no stand-alone duty. */
  obligationNote?: string;
  /**
   * Offences the article brings in that are not Convention offences: Art 4(1), offences under other
   * UN instruments the State is party to, committed through ICT. `cues` name their subjects (drug
   * trafficking, terrorist financing, …): a draft offence on one of them implements Art 4, not Art 17,
   * and is not an offence with no counterpart.
   */
  offenceScope?: { summary: string; cues: Cues };
  verified: boolean;
}

export interface Chapter {
  chapter: string;
  title: string;
  articles: [number, number];
}

export interface Safeguard {
  id: string;
  title: string;
  /** Pinpoint citations, e.g. ["24(2)"]. */
  citations: string[];
  obligation: string;
  requirement: string;
  /** Article numbers, or ["*"] for all. */
  appliesTo: (number | '*')[];
  cues: Cues;
  /** Phrasings that suggest the safeguard is missing or weakened. */
  weakCues: string[];
  verified: boolean;
}

export interface DefinitionElement {
  id: string;
  label: string;
  /** What a draft's definition leaves out when it lacks this element (short noun phrase for messages). */
  gap?: string;
  cues: Cues;
}

export interface Definition {
  id: string;
  term: string;
  abbrev?: string;
  /** e.g. "2(a)". */
  citation: string;
  elements: DefinitionElement[];
  budapest?: { article: string; term: string; differences?: string };
  /** Terms a domestic law may use for the same idea (used to find the draft's definition). */
  synonyms: string[];
  /** Is this one of the core terms checked by definition.narrower? */
  core: boolean;
  /** The fact base's notes, including the interpretative notes annexed to the resolution. */
  note?: string;
  verified: boolean;
}

/** A family of words that different legal traditions use for one idea. */
export interface LexiconConcept {
  id: string;
  label: string;
  terms: Cues;
}

export interface CheckCode {
  code: string;
  family: string;
  title: string;
  /** How the checked safeguard or element reads when present, for hovers and lenses. */
  presentLabel?: string;
  defaultSeverity: 'error' | 'warning' | 'information' | 'hint';
  /** Pinpoints cited by the finding, e.g. ["24(2)"]. */
  citations: string[];
  /** Articles (by number) whose matched provisions this check applies to. */
  appliesTo: number[];
  /** Safeguard ids whose cues count as the thing being present. */
  safeguards?: string[];
  /** Extra cues beyond the safeguards' own. */
  cues?: Cues;
  /**
   * For a concern raised by wording that is present ("wherever the data is located"): that
   * wording. The finding is placed on it unless the provision also says what `cues` list.
   */
  firesOn?: Cues;
  /** Words that, in the clause of a `firesOn` hit, make it a limit rather than a reach ("does not extend to"). */
  limitedBy?: Cues;
  /**
   * Whether a general safeguards clause elsewhere in the draft (a provision matched to a
   * `kind: safeguard` article) satisfies this check. Missing means true.
   */
  draftWide?: boolean;
  /** "optional" when the Convention only permits (does not require) what the check asks; findings are then information. */
  obligation?: 'mandatory' | 'optional';
  /**
   * How much the check asks of provisions implementing an article, by article ("25") or variant
   * of a power ("27(b)"): "expected" (the default), "as-appropriate" (information), "not-applicable".
   */
  grades?: Record<string, Grade>;
  /** How the finding frames what it cites, in place of "(Art. N, mandatory)" (a concern, not a breach). */
  lead?: string;
  /** Cues too weak to count in a clause that holds a cue of the code `notInClauseOf` ("court" in "may appeal to the court"). */
  weakCues?: Partial<Record<string, string[]>>;
  notInClauseOf?: string;
  /** An element code also checked on an offence with no counterpart in the Convention, not only on provisions matched to `appliesTo`. */
  onNoCounterpart?: boolean;
  /** What is missing, in a drafter's words, completing "…, but …" (e.g. "no judge or other independent authority authorises it"). */
  missing?: string;
  /** How to fix it, in a drafter's words. */
  advice?: string;
  description: string;
  example: string;
}

/** An offence subject the Convention does not criminalise (extortion, copyright …). */
export interface OutsideSubject {
  subject: string;
  cues: Cues;
  /** Articles whose matched provisions may use these words legitimately (e.g. images of a child, Art 14), when the match shows at least half their required elements. */
  unlessArticles?: number[];
}

export interface TechTerm {
  term: string;
  neutral: string;
}

export interface CheckLexicon {
  /** Vague standards that make an offence unforeseeable ("grossly offensive", "false news"). */
  vagueTerms: Cues;
  /** Conduct typical of speech or content offences with no counterpart in the convention. */
  speechOffenceCues: Cues;
  /** Articles about content itself: a speech offence matched to one of them, with at least half its required elements, keeps its article. */
  speechCounterparts?: number[];
  /** Per article (by number), the element ids without which a match does not show the article's core. */
  coreElements?: Record<string, string[]>;
  /** Words that mark a provision as creating an offence (used to tell offences from other text). */
  offenceMarkers: Cues;
  techSpecific: TechTerm[];
  /** Offence subjects with no counterpart in the Convention's criminalisation chapter. */
  outsideSubjects?: OutsideSubject[];
  /** What keeps a safeguard's cue from counting: negation, exclusion or waiver around it. */
  negation?: NegationLexicon;
  /** Variants of a power that safeguard grades tell apart (an order for subscriber information, Art 27(b)). */
  powerVariants?: PowerVariant[];
  /**
   * Vague terms that are not vague in provisions matched to some articles ("indecent photograph of
   * a child", Art 14), or in provisions that also say a qualifier that makes them precise
   * (`whenWith`: "hatred" that is incitement to violence); both must hold when both are given.
   */
  vagueTermExceptions?: { about?: string; articles?: number[]; terms: Cues; whenWith?: Cues }[];
  /** Wording of an offence of failing to comply with an order: it enforces a power, it is not an offence with no counterpart. */
  complianceOffenceCues?: Cues;
  /**
   * A penalty for refusing, obstructing or not giving what a power orders, in wording broader than
   * complianceOffenceCues: it counts only where the provision is matched to an article of `kinds`.
   */
  powerRefusal?: { about?: string; kinds: ArticleKind[]; cues: Cues };
  /** Drafting notes ("concordance: all offences intentional") by which a draft declares its general part once. */
  generalPartNotes?: { about?: string; intentional: Cues };
}

export type Grade = 'expected' | 'as-appropriate' | 'not-applicable';

export interface PowerVariant {
  /** The paragraph it implements, e.g. "27(b)": the key of CheckCode.grades. */
  id: string;
  article: number;
  label: string;
  cues: Cues;
  unlessCues?: Cues;
}

/** Per language, the words that negate a cue in its clause (see data/checks.json lexicon.negation). */
export interface NegationWords {
  before: string[];
  after?: string[];
  ignore?: string[];
  cancel?: string[];
  /** Those `before` words that negate their own verb ("not", "ne"): of several in a clause, only the last before the cue counts. */
  verbal?: string[];
}

export interface NegationLexicon {
  about?: string;
  /** How many words may lie between the nearest negation and the cue. */
  window: number;
  en: NegationWords;
  es?: NegationWords;
  fr?: NegationWords;
  /** Another language's words, merged in at load from its file's `cues` block. */
  [language: string]: NegationWords | number | string | undefined;
}

export interface ModelClause {
  article: number;
  title: string;
  /** Our own model provision implementing every required element and applicable safeguard. */
  text: string;
  /** Wording a quick fix may insert for a missing safeguard or element, by safeguard or element id. */
  snippets: Record<string, string>;
}

/** What a provision may call its instrument ("the notice", "el requerimiento"), with its forms. */
export interface Instrument {
  word: string;
  the: string;
  of: string;
}

/** The wording quick fixes insert for a missing safeguard, per check code and language (data/model-clauses.json fixes). */
export interface QuickFixWording {
  about?: string;
  /** English is required (the schema says so); Spanish and French where they exist. */
  instruments: { en: Instrument[]; es?: Instrument[]; fr?: Instrument[]; [language: string]: Instrument[] | undefined };
  wording: Record<string, Partial<Record<string, string>>>;
}

export interface BudapestArticle {
  article: string;
  title: string;
  summary: string;
}

export interface ConventionData {
  chapters: Chapter[];
  articles: Article[];
  safeguards: Safeguard[];
  definitions: Definition[];
  lexicon: LexiconConcept[];
  checks: CheckCode[];
  checkLexicon: CheckLexicon;
  modelClauses: ModelClause[];
  /** Wording quick fixes insert for a missing safeguard, in each language it exists in. */
  quickFixes?: QuickFixWording;
  budapest: BudapestArticle[];
  /** data/languages/*.json, in file-name order. */
  languages: LanguageData[];
  /** data/messages/<locale>.json: what the server says, per language (English templates in en.json). */
  messages: Partial<Record<string, MessageCatalog>>;
}

/** The fields of a check code a language gives in its own words (data/messages/<locale>.json `codes`). */
export type CodeTextField = 'title' | 'presentLabel' | 'missing' | 'advice' | 'lead';

/** What the server says in one language (data/schema/messages.schema.json). */
export interface MessageCatalog {
  locale: string;
  /** Per check code: its texts in this language (English: data/checks.json). */
  codes?: Record<string, Partial<Record<CodeTextField, string>>>;
  /** Templates by key, {0} {1} … filled in by the code. */
  text: Record<string, string>;
}

/** Kinds of division a keyword opens (their ranks are the parser's). */
export type DivisionKey = 'book' | 'part' | 'subpart' | 'title' | 'chapter' | 'division' | 'subdivision' | 'section' | 'subsection';

/** The words the draft parser reads a language by (data/schema/language.schema.json). */
export interface ParserWords {
  divisions?: { key: DivisionKey; words: string[] }[];
  divisionNumbers?: string[];
  sectionWords?: string[];
  articleWords?: string[];
  articleCodes?: string[];
  articleNumbers?: string[];
  articleSuffixes?: string[];
  referenceWords?: { article?: string[]; section?: string[]; subsection?: string[] };
  paragraphWords?: string[];
  referenceLeadWords?: string[];
  and?: string[];
  or?: string[];
  rangeWords?: string[];
  wrappedReferenceJoiners?: string[];
  wrappedReferenceOf?: string[];
  sentenceVerbs?: string[];
  headingEndWords?: string[];
  definitionVerbs?: string[];
  conventionNames?: string[];
  conventionQualifiers?: string[];
  otherTreaties?: string[];
  of?: string[];
  the?: string[];
  thisAct?: string[];
}

/** One data/languages/<code>.json: a language the analysis detects, parses and matches (DraftLanguage). */
export interface LanguageData {
  /** ISO 639 code ("en"), the file's name. */
  language: string;
  name: string;
  /** The Snowball algorithm its words are stemmed by ("english" runs porter2.ts, the same algorithm). */
  stemmer: SnowballAlgorithm;
  /** Whether an apostrophe between letters splits words ("l'accès": articles and prepositions elided), rather than joining them ("o'clock"). */
  elision?: boolean;
  stopWords?: string[];
  parser?: ParserWords;
  /** The language's cues for what the main data files key by language, when they do not have it (see LanguageCues). */
  cues?: LanguageCues;
}

/** The algorithms of the snowball-stemmers package (data/schema/language.schema.json lists the same). */
export type SnowballAlgorithm =
  | 'arabic' | 'armenian' | 'basque' | 'catalan' | 'czech' | 'danish' | 'dutch' | 'english' | 'finnish' | 'french' | 'german' | 'hungarian'
  | 'italian' | 'irish' | 'norwegian' | 'porter' | 'portuguese' | 'romanian' | 'russian' | 'spanish' | 'slovene' | 'swedish' | 'tamil' | 'turkish';

/**
 * A language's cues, each list addressed by what it belongs to (an article's element by article
 * number and element id, a check by its code …): merged at load into the main files' cue maps
 * under the language's code, as if those files had them. A language's cues live in one place:
 * its file's block, or the main files (English, Spanish, French), never both.
 */
export interface LanguageCues {
  /** By article number: heading cues, key terms, element cues by element id, Art 4's offenceScope cues. */
  articles?: Record<string, { headingCues?: string[]; keyTerms?: string[]; elements?: Record<string, string[]>; offenceScope?: string[] }>;
  /** By safeguard id. */
  safeguards?: Record<string, string[]>;
  /** By definition id, then element id. */
  definitions?: Record<string, Record<string, string[]>>;
  /** Lexicon terms, by concept id. */
  lexicon?: Record<string, string[]>;
  /** By check code: its cues, firesOn, limitedBy and weakCues. */
  checks?: Record<string, { cues?: string[]; firesOn?: string[]; limitedBy?: string[]; weakCues?: string[] }>;
  /** The check word lists (data/checks.json `lexicon`). */
  checkLexicon?: LanguageCheckLexicon;
  /** The matcher's word lists (data/matcher.json); markers and contexts by a kind of their entries. */
  matcher?: LanguageMatcherWords;
  /** Quick-fix wording (data/model-clauses.json `fixes`): instruments, and wording by check code. */
  quickFixes?: { instruments?: Instrument[]; wording?: Record<string, string> };
}

export interface LanguageCheckLexicon {
  vagueTerms?: string[];
  speechOffenceCues?: string[];
  offenceMarkers?: string[];
  complianceOffenceCues?: string[];
  /** powerRefusal.cues. */
  powerRefusal?: string[];
  /** generalPartNotes.intentional. */
  intentional?: string[];
  negation?: NegationWords;
  /** By subject (its English name in data/checks.json). */
  outsideSubjects?: Record<string, string[]>;
  /** By variant id ("27(b)"). */
  powerVariants?: Record<string, { cues?: string[]; unlessCues?: string[] }>;
}

export interface LanguageMatcherWords {
  stopWords?: string[];
  spelling?: Record<string, string>;
  unstemmed?: string[];
  /** By kind: added to every marker entry of that kind. */
  markers?: Record<string, string[]>;
  /** By kind: added to every context entry of that kind. */
  contexts?: Record<string, string[]>;
  nonOperative?: string[];
  routing?: string[];
  negatedAuthority?: string[];
  presumption?: string[];
  references?: { units?: string[]; deictic?: string[]; connectors?: string[]; trailers?: string[]; instruments?: string[] };
}
