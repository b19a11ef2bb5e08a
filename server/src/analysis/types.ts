// Plain data shared by the analysis core, the CLI and the LSP layer.
// Nothing here knows about LSP or VS Code: spans are character offsets into the
// document text; the LSP layer and the CLI turn them into line/character ranges.

// An analysis is shared, never changed (ARCHITECTURE.md): every field is readonly. Code that
// builds a result writes to a Building<T> and returns it as T.

/** The same shape, writable all the way down: for the code that builds a result before returning it. */
export type Building<T> = T extends ReadonlyMap<unknown, unknown>
  ? T
  : T extends ReadonlyArray<infer E>
    ? Building<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Building<T[K]> }
      : T;

/** Half-open range of UTF-16 offsets into the document text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** 0-based line/character position, as in LSP (UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * A draft's language: the ISO 639 code of a language file, data/languages/<code>.json. The set is
 * data (each file declares a language the analysis detects and matches), so the type is open; the
 * Analyzer's `languages` lists those it has. English ('en', BASE_LANGUAGE in data/languages.ts) is
 * the one every data file must have and the one the others fall back to.
 */
export type DraftLanguage = string;

export type ProvisionKind =
  | 'preamble' // text before the first provision
  | 'division' // Part / Chapter / Title / Division / Markdown heading
  | 'section' // section / article / § (the unit matched against the convention)
  | 'subsection' // (1)
  | 'paragraph' // (a)
  | 'subparagraph' // (i), (A) …
  | 'trailing';

export interface Provision {
  /** Stable within a document version, derived from the numbering path, e.g. "part-2/s-14/1/a". */
  readonly id: string;
  readonly kind: ProvisionKind;
  /** Number or letter as written in the draft: "14", "(1)", "(a)", "12 bis", "323-1". */
  readonly label: string;
  /** Heading text where the draft gives one (marginal heading, Part title, "Section 14 Illegal access"); the parser sets it to undefined where there is none (every provision has the same fields). */
  readonly heading?: string;
  /** Whole provision including its children. */
  readonly span: Span;
  /** The provision's own text before its first child (for leaves: equal to span). */
  readonly ownSpan: Span;
  readonly parent?: string;
  readonly children: readonly string[];
  readonly depth: number;
}

export interface DefinedTerm {
  readonly term: string;
  /** Where the term is defined (the quoted term). */
  readonly span: Span;
  /** The whole definition text. */
  readonly definitionSpan: Span;
  readonly provision?: string;
}

export interface ConventionReference {
  readonly kind: 'convention';
  readonly article: number;
  /** Paragraph pinpoint as written, e.g. "2" for "24(2)"; absent when only the article is cited. */
  readonly paragraph?: string;
  /** Title the draft gives the article, where it names one ("Article 27 (Production order)"). */
  readonly namedTitle?: string;
  readonly span: Span;
}

export interface CrossReference {
  readonly kind: 'section';
  /** Label of the section referred to, e.g. "14" or "14(2)". */
  readonly target: string;
  readonly span: Span;
  /** Provision id it resolves to, where it does. */
  readonly resolved?: string;
}

export type Reference = ConventionReference | CrossReference;

export interface ParsedDraft {
  readonly provisions: readonly Provision[];
  /** Provisions by id. */
  readonly byId: ReadonlyMap<string, Provision>;
  readonly definitions: readonly DefinedTerm[];
  readonly references: readonly Reference[];
  /**
   * The sections of a table of contents at the head of the draft ("ARRANGEMENT OF SECTIONS"):
   * copies of the body's numbers and headings, matched and checked as no provision.
   */
  readonly contents?: ReadonlySet<string>;
}

export interface ElementEvidence {
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
  readonly present: boolean;
  /** The words that showed the element, as they stand in the draft. */
  readonly evidence?: string;
  /**
   * Where those words stand, relative to the start of the matched provision (the unit whose
   * ProvisionMatch holds this): a match is shared by every version of the draft that keeps the
   * provision's text, wherever an edit moves it.
   */
  readonly span?: Span;
}

export type MatchStrength = 'strong' | 'moderate' | 'weak';

export interface ArticleMatch {
  readonly article: number;
  readonly title: string;
  readonly score: number;
  readonly strength: MatchStrength;
  readonly elements: readonly ElementEvidence[];
  /** Why the matcher proposed this article, in words. */
  readonly reasons: readonly string[];
}

export interface ProvisionMatch {
  readonly provision: string;
  /** Only what the tool would show a user, best first. */
  readonly matches: readonly ArticleMatch[];
  /** With no match: why, when the matcher decided it on grounds a drafter can be told (else undefined). */
  readonly none?: NoArticle;
}

/**
 * Why a provision implements no article. `saving`: it is worded only as a saving, formal or
 * presumption clause; `routed`: it sends a matter of cooperation to another law; `no-counterpart`:
 * an offence on a subject the Convention leaves out (or a speech offence) that resembles article
 * `nearest`; `below-threshold`: its evidence for the nearest article was too weak to show a match.
 */
export interface NoArticle {
  readonly reason: 'saving' | 'routed' | 'no-counterpart' | 'below-threshold';
  /** The words that decided it, relative to the start of the provision (as element evidence is). */
  readonly span?: Span;
  /** The article it came nearest to (`no-counterpart`, `below-threshold`). */
  readonly nearest?: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** Stable code such as "safeguard.judicial-review". */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly provision?: string;
  /** Pinpoints the finding rests on, e.g. ["24(2)"]. */
  readonly articles: readonly string[];
  readonly obligation: 'mandatory' | 'optional';
  /** Phrases that were looked for and not found (or the offending words found). */
  readonly lookedFor: readonly string[];
  /** Id of the model-clause snippet or safeguard whose wording a quick fix may insert. */
  readonly fix?: { readonly safeguard?: string; readonly element?: string; readonly article?: number };
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

export type CoverageStatus = 'implemented' | 'partial' | 'missing' | 'not-applicable';

export interface CoverageEntry {
  readonly article: number;
  readonly status: CoverageStatus;
  readonly provisions: readonly string[];
  readonly missingElements: readonly string[];
  readonly missingSafeguards: readonly string[];
}

/** A problem with the input that did not stop the analysis (never thrown). */
export interface Problem {
  readonly message: string;
  readonly span?: Span;
}

export interface DocumentAnalysis {
  readonly language: DraftLanguage;
  readonly parsed: ParsedDraft;
  readonly matches: ReadonlyMap<string, ProvisionMatch>;
  readonly findings: readonly Finding[];
  readonly coverage: readonly CoverageEntry[];
  readonly problems: readonly Problem[];
}
