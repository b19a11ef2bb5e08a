// Plain data shared by the analysis core, the CLI and the LSP layer.
// Nothing here knows about LSP or VS Code: spans are character offsets into the
// document text; the LSP layer and the CLI turn them into line/character ranges.

/** Half-open range of UTF-16 offsets into the document text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** 0-based line/character position, as in LSP (UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type DraftLanguage = 'en' | 'es' | 'fr';

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
  id: string;
  kind: ProvisionKind;
  /** Number or letter as written in the draft: "14", "(1)", "(a)", "12 bis", "323-1". */
  label: string;
  /** Heading text where the draft gives one (marginal heading, Part title, "Section 14 Illegal access"); the parser sets it to undefined where there is none (every provision has the same fields). */
  heading?: string;
  /** Whole provision including its children. */
  span: Span;
  /** The provision's own text before its first child (for leaves: equal to span). */
  ownSpan: Span;
  parent?: string;
  children: string[];
  depth: number;
}

export interface DefinedTerm {
  term: string;
  /** Where the term is defined (the quoted term). */
  span: Span;
  /** The whole definition text. */
  definitionSpan: Span;
  provision?: string;
}

export interface ConventionReference {
  kind: 'convention';
  article: number;
  /** Paragraph pinpoint as written, e.g. "2" for "24(2)"; absent when only the article is cited. */
  paragraph?: string;
  /** Title the draft gives the article, where it names one ("Article 27 (Production order)"). */
  namedTitle?: string;
  span: Span;
}

export interface CrossReference {
  kind: 'section';
  /** Label of the section referred to, e.g. "14" or "14(2)". */
  target: string;
  span: Span;
  /** Provision id it resolves to, where it does. */
  resolved?: string;
}

export type Reference = ConventionReference | CrossReference;

export interface ParsedDraft {
  provisions: Provision[];
  /** Provisions by id. */
  byId: ReadonlyMap<string, Provision>;
  definitions: DefinedTerm[];
  references: Reference[];
}

export interface ElementEvidence {
  id: string;
  label: string;
  required: boolean;
  present: boolean;
  /** The words that showed the element, as they stand in the draft. */
  evidence?: string;
  /**
   * Where those words stand, relative to the start of the matched provision (the unit whose
   * ProvisionMatch holds this): a match is shared by every version of the draft that keeps the
   * provision's text, wherever an edit moves it.
   */
  span?: Span;
}

export type MatchStrength = 'strong' | 'moderate' | 'weak';

export interface ArticleMatch {
  article: number;
  title: string;
  score: number;
  strength: MatchStrength;
  elements: ElementEvidence[];
  /** Why the matcher proposed this article, in words. */
  reasons: string[];
}

export interface ProvisionMatch {
  provision: string;
  /** Only what the tool would show a user, best first. */
  matches: ArticleMatch[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** Stable code such as "safeguard.judicial-review". */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  provision?: string;
  /** Pinpoints the finding rests on, e.g. ["24(2)"]. */
  articles: string[];
  obligation: 'mandatory' | 'optional';
  /** Phrases that were looked for and not found (or the offending words found). */
  lookedFor: string[];
  /** Id of the model-clause snippet or safeguard whose wording a quick fix may insert. */
  fix?: { safeguard?: string; element?: string; article?: number };
  tags?: ('unnecessary' | 'deprecated')[];
}

export type CoverageStatus = 'implemented' | 'partial' | 'missing' | 'not-applicable';

export interface CoverageEntry {
  article: number;
  status: CoverageStatus;
  provisions: string[];
  missingElements: string[];
  missingSafeguards: string[];
}

/** A problem with the input that did not stop the analysis (never thrown). */
export interface Problem {
  message: string;
  span?: Span;
}

export interface DocumentAnalysis {
  language: DraftLanguage;
  parsed: ParsedDraft;
  matches: ReadonlyMap<string, ProvisionMatch>;
  findings: Finding[];
  coverage: CoverageEntry[];
  problems: Problem[];
}
