// The words the draft parser and the language detector read, compiled once from the language
// files (data/languages/*.json): patterns are built here, never per call. The parser reads the
// words of every language at once; the detector counts the stop words of every language (each
// file is a language the analysis matches, DraftLanguage).

import { draftLanguages } from './data/languages';
import { getConventionData } from './data/load';
import type { LanguageData, ParserWords } from './data/types';
import type { DraftLanguage } from './types';

/** The parser's patterns and word sets, built from the language files. Never changed once built. */
export interface ParserVocabulary {
  /** "PART 2", "Chapitre premier": group 1 the keyword, group 2 the number. */
  readonly divisionRe: RegExp;
  /** Lower-case division keyword → kind ("partie" → "part"). */
  readonly divisionKeys: ReadonlyMap<string, string>;
  /** "Section 14", "Sec. 3": group 1 the keyword, group 2 the number. */
  readonly sectionRe: RegExp;
  /** A section keyword that is a whole word ("Section", not "Sec."): such lines are divisions in article-style drafts. */
  readonly sectionWordRe: RegExp;
  /** "Artículo 12 bis", "Article L. 323-1": group 1 keyword, 2 code letter, 3 number, 4 suffix. */
  readonly articleRe: RegExp;
  /** First characters (UTF-16 code units) of division, section and article keywords. */
  readonly divisionInitials: ReadonlySet<number>;
  readonly sectionInitials: ReadonlySet<number>;
  readonly articleInitials: ReadonlySet<number>;
  readonly keywordInitials: ReadonlySet<number>;
  /** The first three characters of some keyword: a cheap filter before the patterns above. */
  readonly keywordPrefixRe: RegExp;
  /** A line ending so that a "(b)" opening the next line continues a cross-reference. */
  readonly referenceLeadRe: RegExp;
  /** A cross-reference: group 1 its word, group 2 the list of numbers. Sticky: tried where referenceStartRe found a start. */
  readonly referenceRe: RegExp;
  /** Where a cross-reference may start (global). */
  readonly referenceStartRe: RegExp;
  /** Lower-case reference word → what it points to; "§" and words not listed point to sections. */
  readonly referenceKinds: ReadonlyMap<string, 'article' | 'section' | 'subsection'>;
  /** In a reference's list: group 1 a number, group 2 what joins two (global). */
  readonly itemRe: RegExp;
  /** What joins two numbers makes a range ("to"). */
  readonly rangeSepRe: RegExp;
  /** After a line-initial marker: the line continues a reference ("(b) and (c)", "(b) of this section"). */
  readonly wrappedReferenceRe: RegExp;
  /** A complete sentence followed by a blank line ends a definition. */
  readonly endOfDefinitionRe: RegExp;
  /** After an article reference: ", paragraph 2"; group 1 the number. */
  readonly paragraphAfterRe: RegExp;
  /** A verb anywhere in a phrase: a sentence, not a heading. */
  readonly verbRe: RegExp;
  /** Function words a heading never ends in (lower case), and the longest one's length. */
  readonly headingEndWords: ReadonlySet<string>;
  readonly headingEndMax: number;
  /** Quoted term followed by a defining verb; group 5 the verb (or ":"). Global: set lastIndex before exec. */
  readonly definitionRe: RegExp;
  /** After an article number: "of the Convention". */
  readonly conventionAfterRe: RegExp;
  /** After an article number: "of this Act". */
  readonly thisActAfterRe: RegExp;
  /** Before a reference: "the Convention, … (" */
  readonly conventionBeforeRe: RegExp;
  /** Any Convention name (global: set lastIndex before exec). */
  readonly conventionAnyRe: RegExp;
  /** Another treaty named shortly before (at the end of the text tested). */
  readonly otherTreatyRe: RegExp;
}

/** Stop words of each detected language. */
export interface LanguageDetector {
  /** The detected languages, the first being the one ties and texts without stop words give. */
  readonly languages: readonly DraftLanguage[];
  /** Stop word (lower case, NFC) → its language. */
  readonly lookup: ReadonlyMap<string, DraftLanguage>;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern: an apostrophe stands for ' and ’. */
function phrase(s: string): string {
  return escapeRe(s).replace(/['’]/g, "['’]");
}

/** Each list of every language, in language order, without repeats. */
function gather(languages: readonly LanguageData[], pick: (p: ParserWords) => readonly string[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of languages) {
    for (const w of pick(l.parser ?? {}) ?? []) {
      if (!seen.has(w)) out.push(w);
      seen.add(w);
    }
  }
  return out;
}

/** Keywords as written and in capitals: "Título" → "Título", "TÍTULO". */
function withCapitals(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) for (const v of [w, w.toUpperCase()]) if (!out.includes(v)) out.push(v);
  return out;
}

/** An alternation of phrases; one that never matches when there are none. */
function alt(words: readonly string[]): string {
  return words.length === 0 ? '(?!)' : words.map(phrase).join('|');
}

/**
 * Words as one pattern with their common beginnings shared ("section", "sections", "s." →
 * "s(?:ections?|\.)" in effect): a pattern that scans a whole draft for them runs as fast as one
 * written by hand. The longer of two words one of which begins the other is tried first, so use
 * it only where what follows a word decides the match (as for reference words: a number).
 */
function trieAlt(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { end: false, next: new Map() }));
      n = c;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    const alts = [...n.next].map(([ch, c]) => phrase(ch) + emit(c));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    if (!n.end) return body;
    return alts.length === 1 && [...n.next.values()][0].next.size === 0 && [...alts[0]].length === 1 ? `${body}?` : `(?:${alts.join('|')})?`;
  };
  return words.length === 0 ? '(?!)' : emit(root);
}

function initials(words: readonly string[]): Set<number> {
  return new Set(words.map((w) => w.charCodeAt(0)));
}

/** A number in a cross-reference ("14", "12 bis", "7(1)(a)"). */
export const NUM = String.raw`\d{1,6}(?:-\d{1,6}){0,4}[A-Za-z]?(?:[ \t]*[°º])?(?:[ \t\u00A0]+(?:bis|ter|quater)(?![\p{L}]))?(?:[ \t\u00A0]?\((?:\d{1,4}|[a-zA-Z]{1,5})\)){0,6}`;

/** Compiles the parser's patterns from the language files. */
export function compileParserVocabulary(languages: readonly LanguageData[]): ParserVocabulary {
  const divisionKeys = new Map<string, string>();
  const divisionWords: string[] = [];
  for (const l of languages) {
    for (const d of l.parser?.divisions ?? []) {
      for (const w of withCapitals(d.words)) {
        if (!divisionWords.includes(w)) divisionWords.push(w);
        if (!divisionKeys.has(w.toLowerCase())) divisionKeys.set(w.toLowerCase(), d.key);
      }
    }
  }
  const sectionWords = withCapitals(gather(languages, (p) => p.sectionWords));
  const articleWords = withCapitals(gather(languages, (p) => p.articleWords));
  const codes = gather(languages, (p) => p.articleCodes);
  const keywords = [...divisionWords, ...sectionWords, ...articleWords];
  const prefixes = [...new Set(keywords.map((w) => w.slice(0, 3)))];
  const sp = String.raw`[ \t\u00A0]`;
  const end = String.raw`(?![\p{L}\p{N}])`;
  const divisionNumbers = gather(languages, (p) => p.divisionNumbers);
  const articleNumbers = gather(languages, (p) => p.articleNumbers);
  const suffixes = gather(languages, (p) => p.articleSuffixes);
  const conventionWord = `(?:${alt(gather(languages, (p) => p.conventionNames))})`;
  const qualifiers = gather(languages, (p) => p.conventionQualifiers);
  const ofWords = alt(gather(languages, (p) => p.of));
  const theWords = gather(languages, (p) => p.the);
  const headingEnd = gather(languages, (p) => p.headingEndWords).map((w) => w.toLowerCase());
  const referenceKinds = new Map<string, 'article' | 'section' | 'subsection'>();
  const referenceWords: string[] = [];
  for (const kind of ['section', 'subsection', 'article'] as const) {
    for (const w of gather(languages, (p) => p.referenceWords?.[kind])) {
      referenceWords.push(w);
      if (!referenceKinds.has(w.toLowerCase())) referenceKinds.set(w.toLowerCase(), kind);
    }
  }
  const andOr = [...gather(languages, (p) => p.and), ...gather(languages, (p) => p.or)].map((w) => w.toLowerCase());
  const ranges = gather(languages, (p) => p.rangeWords).map((w) => w.toLowerCase());
  // What joins two numbers of a list: the longer of two words is tried first ("au" before "a").
  const sep = String.raw`[ \t\u00A0]*(?:,[ \t\u00A0]*(?:${trieAlt(andOr)})?|${trieAlt([...new Set([...andOr, ...ranges])])}|–|—)[ \t\u00A0]*`;
  const wrappedOf = gather(languages, (p) => p.wrappedReferenceOf).map((w) => phrase(w).replace(/ +/g, '[ \\t]+'));
  const refWord = `(${trieAlt(referenceWords.map((w) => w.toLowerCase()))}|§§?)`;
  const v: ParserVocabulary = {
    divisionRe: new RegExp(
      `^(${alt(divisionWords)})${sp}+(\\d{1,4}(?:\\.\\d{1,4}){0,3}[A-Z]?|[IVXLCDM]{1,8}|[A-Z]${divisionNumbers.map((w) => '|' + phrase(w)).join('')})${end}`,
      'u',
    ),
    divisionKeys,
    sectionRe: new RegExp(`^(${alt(sectionWords)})${sp}*(\\d{1,6}[A-Z]{0,3})${end}`, 'u'),
    sectionWordRe: new RegExp(`^(?:${alt(sectionWords.filter((w) => !w.endsWith('.')))})`),
    articleRe: new RegExp(
      `^(${alt(articleWords)})${sp}*(?:(${alt(codes)})\\.?[ \\t]?(?=\\d))?(\\d{1,6}(?:-\\d{1,6}){0,4}[A-Z]?${articleNumbers.map((w) => '|' + phrase(w)).join('')})(?:[ \\t]*[°º])?(?:${sp}+(${alt(suffixes)}))?${end}`,
      'u',
    ),
    divisionInitials: initials(divisionWords),
    sectionInitials: initials(sectionWords),
    articleInitials: initials(articleWords),
    keywordInitials: initials(keywords),
    keywordPrefixRe: new RegExp(`^(?:${alt(prefixes)})`),
    referenceLeadRe: new RegExp(`(?<![\\p{L}])(?:${alt(gather(languages, (p) => p.referenceLeadWords))})[ \\t]*,?$`, 'iu'),
    referenceRe: new RegExp(
      String.raw`(?<![\p{L}\p{N}])${refWord}[ \t\u00A0]*((?:${NUM}|\((?:\d{1,4}|[a-z]{1,5})\))(?:${sep}(?:${NUM}|\((?:\d{1,4}|[a-z]{1,5})\)))*)`,
      'yiu',
    ),
    referenceStartRe: new RegExp(String.raw`${refWord}(?=[ \t\u00A0]*[\d(])`, 'giu'),
    referenceKinds,
    itemRe: new RegExp(String.raw`(${NUM}|\((?:\d{1,4}|[a-z]{1,5})\))|(${sep})`, 'giu'),
    rangeSepRe: new RegExp(`^${sp}*(?:${alt(ranges)}|–|—)${sp}*$`, 'i'),
    wrappedReferenceRe: new RegExp(
      `^[ \\t]*(?:,[ \\t]*\\(|(?:${alt(gather(languages, (p) => p.wrappedReferenceJoiners))})[ \\t]+\\([0-9a-zA-Z]{1,5}\\)|(?:${wrappedOf.join('|') || '(?!)'})\\b)`,
    ),
    endOfDefinitionRe: new RegExp(
      String.raw`[^\s.;][^\S\r\n]*[.;](?:[^\S\r\n]*(?:${alt(andOr)}))?[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)`,
    ),
    paragraphAfterRe: new RegExp(`^${sp}*,?${sp}*(?:${alt(gather(languages, (p) => p.paragraphWords))})${sp}*(\\d{1,3}|\\(\\d{1,3}\\))`, 'i'),
    verbRe: new RegExp(`(?:^|[\\s,])(?:${alt(gather(languages, (p) => p.sentenceVerbs))})(?=$|[\\s,.;:])`, 'i'),
    headingEndWords: new Set(headingEnd),
    headingEndMax: Math.max(0, ...headingEnd.map((w) => w.length)),
    definitionRe: new RegExp(
      `(?:(["“”'‘’«])[ \\t\\u00A0\\u202F]*([^"“”'‘’«»*\\r\\n]{1,80}?)[ \\t\\u00A0\\u202F]*(["“”'’»])|\\*\\*([^*\\r\\n]{1,80}?)\\*\\*)[ \\t\\u00A0\\u202F]*,?[ \\t\\u00A0\\u202F]*(${gather(languages, (p) => p.definitionVerbs).map((w) => phrase(w) + '|').join('')}:)`,
      'gu',
    ),
    conventionAfterRe: new RegExp(
      `^[ \\t\\u00A0,]*(?:(?:${ofWords})${sp}+(?:${theWords.map((w) => `${phrase(w)}${sp}+`).join('|') || '(?!)'})?)?(?:(?:${alt(qualifiers)})${sp}+)?${conventionWord}`,
      'i',
    ),
    thisActAfterRe: new RegExp(`^[ \\t\\u00A0,]*(?:${ofWords})${sp}+(?:${alt(gather(languages, (p) => p.thisAct))})${sp}`, 'i'),
    conventionBeforeRe: new RegExp(`${conventionWord}[^.;\\n]{0,60}?[,:(]${sp}*$`, 'i'),
    conventionAnyRe: new RegExp(conventionWord, 'gi'),
    otherTreatyRe: new RegExp(`(?:${alt(gather(languages, (p) => p.otherTreaties))})[^.;\\n]{0,30}$`, 'i'),
  };
  return Object.freeze(v);
}

/** The detector of the languages of the data (draftLanguages: the base language first, which ties give). */
export function compileLanguageDetector(languages: readonly LanguageData[]): LanguageDetector {
  const lookup = new Map<string, DraftLanguage>();
  const order = draftLanguages(languages);
  for (const lang of order) {
    for (const l of languages) if (l.language === lang) for (const w of l.stopWords ?? []) lookup.set(w.normalize('NFC'), lang);
  }
  return Object.freeze({ languages: Object.freeze(order), lookup });
}

let bundled: { parser: ParserVocabulary; detector: LanguageDetector } | undefined;

/**
 * The vocabulary of the shipped data (data/languages/), compiled on first use: the default of
 * callers that have no Analyzer (an Analyzer compiles its own from the data it was given).
 */
export function bundledVocabulary(): { parser: ParserVocabulary; detector: LanguageDetector } {
  if (bundled) return bundled;
  const data = getConventionData();
  bundled = Object.freeze({ parser: compileParserVocabulary(data.languages), detector: compileLanguageDetector(data.languages) });
  return bundled;
}
