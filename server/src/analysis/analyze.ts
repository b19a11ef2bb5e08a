// The analysis pipeline: parse → match each provision → checks → coverage.
// (The units matched and `untouched` are in units.ts, shared with checks.ts; re-exported here.)
// Match results are cached by the provision's text (and its context), so re-analysing a
// document after an edit re-matches only the provisions whose text changed.
import { Interner, lastAtOrBefore, ListMap } from './text';
import { CheckState, checkDraftSteps, checkProvision, counterpartDoubted, isOffenceWording, prepareChecks, type CheckOptions, type FindingScope, type UnitChecks } from './checks';
export type { FindingScope } from './checks';
import { detached, TokenIndex } from './cues';
import { computeCoverage, lackingElements, sameContributions, unitCoverage, type ArticleUnits } from './coverage';
import { BASE_LANGUAGE } from './data/languages';
import type { ConventionData } from './data/types';
import { languageOf, languageWindows, stopWordCounts, type LanguageCounts } from './language';
import { LruCache } from './lru';
import { ProvisionMatcher } from './match';
import { unitsOf, untouched, type Revision } from './units';
export { matchUnits, unitsOf, untouched, type Revision } from './units';
import { Messages, type MessageLocale } from './messages';
import type { MatcherSettings } from './matcherSettings';
import { findEdit, parseSteps, reparseProvisions, retitledProvision, sameTree, type TextEdit } from './parse';
import { compileLanguageDetector, compileParserVocabulary, type LanguageDetector, type ParserVocabulary } from './vocabulary';
import type { ArticleMatch, DefinedTerm, DocumentAnalysis, DraftLanguage, NoArticle, ParsedDraft, Problem, Provision, ProvisionMatch, Span } from './types';
import { markupOf } from '../formats/encoding';

export interface AnalyzeOptions {
  /** Force a language (a code of data/languages/) instead of detecting it; one the data has no file for is read as the base language. */
  language?: DraftLanguage;
  checks?: CheckOptions;
  /**
   * An earlier version of the same document and its analysis by this Analyzer: what the edit
   * did not touch is reused (parse, matches, findings). The result is the same as without it.
   */
  previous?: { text: string; analysis: DocumentAnalysis };
}

/** How an Analyzer is made beyond its data. */
export interface AnalyzerOptions {
  /** The language its messages are written in (findings, problems; the editor features read it too). English by default. */
  locale?: MessageLocale;
  /**
   * An Analyzer of the same data and settings whose compiled matcher, parser words and language
   * detector are shared (a server that learns its display language after loading its data).
   */
  sharing?: Analyzer;
  /**
   * How many section texts the match cache keeps (CACHE_LIMIT by default). A program that
   * analyses each draft once (the CLI's `table` of many laws) gains nothing from matches of
   * earlier drafts, whose cached texts, matches and findings the collector would keep marking:
   * a few thousand serve the sections a draft repeats. The results are the same whatever it is.
   */
  cacheTexts?: number;
  /**
   * Which findings its analyses carry (FindingScope): 'all' (the default), or 'coverage', only
   * what computeCoverage reads — the safeguard family's findings on provisions — for a program
   * that reads nothing else of an analysis (the CLI's `table`). Matches, coverage and those
   * findings are the same either way (coverageFindings.test.ts); the scope is the Analyzer's, so
   * its match cache never mixes the two.
   */
  findings?: FindingScope;
}

/** Drafts larger than this are analysed only in part, with a problem saying so. */
export const MAX_ANALYSED_CHARS = 25_000_000;
/** How far past or before the cut an edit may move the previous version's end and still be re-analysed in two steps. */
const CUT_SLACK = 1_000_000;
/** Unit texts whose matches are cached, and matches kept per text. */
const CACHE_LIMIT = 50_000;
const ENTRIES_PER_TEXT = 8;

export class Analyzer {
  readonly matcher: ProvisionMatcher;
  /** The parser's words and the language detector, compiled once from `data.languages`. */
  readonly vocabulary: ParserVocabulary;
  readonly detector: LanguageDetector;
  /**
   * Matches with the unit's own checks (offsets relative to the unit), by unit text: the key is
   * the one copy of the text, which the matches' evidence is cut from too. Per text, one entry
   * per language, heading, context and defined terms it was matched with.
   */
  private readonly cache: LruCache<string, MatchEntry[]>;
  /** Context and defined-terms keys of cached matches: the same few recur for every section. */
  private readonly contextKeys = new Interner();
  /** The joined (interned) key of each context list contextOf gives: sections under the same Parts share one. */
  private readonly contextKeyOf = new WeakMap<string[], string>();
  /** Analyses this Analyzer made, with what the next version may reuse. */
  private readonly produced = new WeakMap<DocumentAnalysis, Produced>();
  /** The checks' compiled cues and memos (checks.ts): this analyzer's, not shared with another. */
  readonly checkState = new CheckState();
  /** Provisions actually matched (not served from cache) since the counter was reset. */
  matchedCount = 0;
  /** For `concordance fit` only: shown every article's signals for each provision matched. */
  featureSink?: (article: number, features: Float64Array) => void;

  /** Unit texts in the match cache (at most its limit, CACHE_LIMIT or options.cacheTexts; texts an edit superseded leave it). */
  get cachedTexts(): number {
    return this.cache.size;
  }

  /** What this Analyzer's messages say, in its language (options.locale). */
  readonly messages: Messages;
  /** Which findings its analyses carry (options.findings). */
  readonly findings: FindingScope;

  constructor(
    readonly data: ConventionData,
    readonly settings: MatcherSettings,
    options: AnalyzerOptions = {},
  ) {
    this.messages = new Messages(data, options.locale);
    this.findings = options.findings === 'coverage' ? 'coverage' : 'all';
    const texts = options.cacheTexts;
    this.cache = new LruCache<string, MatchEntry[]>(texts !== undefined && Number.isFinite(texts) && texts >= 1 ? Math.floor(texts) : CACHE_LIMIT);
    const from = options.sharing !== undefined && options.sharing.data === data && options.sharing.settings === settings ? options.sharing : undefined;
    this.vocabulary = from?.vocabulary ?? compileParserVocabulary(data.languages);
    this.detector = from?.detector ?? compileLanguageDetector(data.languages);
    this.matcher = from?.matcher ?? new ProvisionMatcher(data, settings);
  }

  /**
   * Compiles now what the matcher and the checks read in the languages given (every language of
   * the data by default), which analysing a draft otherwise does on its first provision in each
   * language (an English draft never compiles Spanish cues): a server does so once, before its
   * first draft arrives; the CLI compiles the base language while a worker reads the files. The
   * results are the same either way.
   */
  prepare(languages: readonly DraftLanguage[] = this.matcher.cues.languages): void {
    this.matcher.prepare(languages);
    prepareChecks(this, languages);
  }

  /** The language its messages are written in. */
  get locale(): MessageLocale {
    return this.messages.locale;
  }

  /** This Analyzer speaking another language: the same compiled data, its own caches (they hold messages). */
  withLocale(locale: MessageLocale): Analyzer {
    return locale === this.locale ? this : new Analyzer(this.data, this.settings, { locale, sharing: this, cacheTexts: this.cache.limit, findings: this.findings });
  }

  analyze(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
    const steps = this.steps(text, options);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /**
   * The same analysis, giving the event loop back between slices of about `sliceMs` of work
   * (a server keeps answering requests while a large draft is analysed). Resolves to undefined
   * as soon as `stale()` says the text is no longer wanted (a newer version arrived).
   */
  async analyzeAsync(text: string, options: AnalyzeOptions = {}, stale: () => boolean = () => false, sliceMs = 10): Promise<DocumentAnalysis | undefined> {
    const steps = this.steps(text, options);
    let sliceStart = Date.now();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      if (Date.now() - sliceStart >= sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (stale()) return undefined;
        sliceStart = Date.now();
      }
    }
  }

  /** The pipeline as a generator that yields between units; `analyze` runs it to the end at once. */
  private *steps(text: string, options: AnalyzeOptions, whole = false): Generator<void, DocumentAnalysis> {
    const problems: Problem[] = [];
    const markup = markupOf(text);
    if (isBinary(text) || markup) {
      problems.push({ message: this.messages.t(markup === 'rtf' ? 'problem.rtf' : markup === 'html' ? 'problem.html' : 'problem.binary') });
      const parsed: ParsedDraft = { provisions: [], byId: new Map(), definitions: [], references: [] };
      return { language: BASE_LANGUAGE, parsed, matches: new Map(), findings: [], coverage: [], problems };
    }
    // "\uFFFD" stands where a program could not decode a letter (a Windows-1252 file read as UTF-8):
    // words holding one match no cue, so the analysis would miss them without a word.
    const replaced = text.indexOf('\uFFFD');
    if (replaced >= 0) {
      let count = 0;
      for (let i = replaced; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
      problems.push({ message: this.messages.t('problem.replacement', count), span: { start: replaced, end: replaced + 1 } });
    }
    const truncated = text.length > MAX_ANALYSED_CHARS || (options.previous?.text.length ?? 0) > MAX_ANALYSED_CHARS;
    const previous = options.previous;
    const prevChars = previous && typeof previous.text === 'string' ? this.produced.get(previous.analysis)?.chars : undefined;
    if (!whole && truncated && previous && prevChars !== undefined) {
      // Only the first MAX_ANALYSED_CHARS are analysed: an edit before the cut moves the text at
      // the cut, so the two analysed prefixes differ at the edit and at their ends (one edit
      // would span everything between). Two steps each touch only what changed: the edit applied
      // to the previous prefix, then the new cut (only the last units).
      const edit = findEdit(previous.text, text);
      const nextChars = Math.min(text.length, MAX_ANALYSED_CHARS);
      const between = prevChars + text.length - previous.text.length;
      // (After a large paste the first step would analyse far past the cut: one step then.)
      if (edit.start < prevChars && edit.oldEnd <= prevChars && between !== nextChars && Math.abs(between - nextChars) <= CUT_SLACK) {
        const betweenText = text.slice(0, between);
        const mid = yield* this.steps(betweenText, { ...options, previous: { text: previous.text.slice(0, prevChars), analysis: previous.analysis } }, true);
        options = { ...options, previous: { text: betweenText, analysis: mid } };
      }
    }
    if (!whole && text.length > MAX_ANALYSED_CHARS) {
      problems.push({ message: this.messages.t('problem.truncated', text.length, MAX_ANALYSED_CHARS) });
      text = text.slice(0, MAX_ANALYSED_CHARS);
    }
    // Gives the event loop back before the work on a new version starts (a request made as it arrived is answered first).
    yield;
    const revision = this.revision(text, options.previous);
    const before = revision ? this.produced.get(revision.analysis) : undefined;
    const languageCounts = options.language ? undefined : this.languageCounts(text, revision, before?.languageCounts);
    // A forced language the data has no file for is no language to match in: the base one stands in.
    const language = options.language === undefined ? languageOf(languageCounts!, this.detector) : this.detector.languages.includes(options.language) ? options.language : BASE_LANGUAGE;
    // A first parse yields as it goes (the largest step before the first match).
    const parsed = revision ? reparseProvisions(revision.analysis.parsed, revision.text, text, revision.edit, this.vocabulary) : yield* parseSteps(text, this.vocabulary);
    yield;
    const units = unitsOf(parsed);
    const delta = revision ? text.length - revision.text.length : 0;
    // An incremental parse keeps the tree: headings and context are those of the previous
    // version, and so are the units, in the same order (checked by id below).
    // With one heading rewritten, only that provision and those under it see another context.
    const retitled = revision !== undefined ? retitledProvision(parsed, revision.analysis.parsed) : undefined;
    const tree = revision !== undefined && (retitled !== undefined || sameTree(parsed, revision.analysis.parsed));
    const oldUnits = revision ? unitsOf(revision.analysis.parsed) : undefined;
    const aligned = tree && oldUnits!.length === units.length;
    const sameLanguage = revision !== undefined && revision.analysis.language === language;
    let reused = 0;
    const definedTerms = new DefinedTermsOf(parsed.definitions);
    let oldDefinedTerms: DefinedTermsOf | undefined;
    /** Each unit's match, by unit index; `matches` is the map of these by unit id. */
    let unitMatches: ProvisionMatch[];
    /** Each unit's cache entry (match, own checks, lacking elements), by unit index. */
    let entries: MatchEntry[];
    /** Each unit's index, by id (the previous version's, when the units are the same). */
    let unitIndex: ReadonlyMap<string, number>;
    /** With one edit over the same provisions: the units it touched (the others kept everything). */
    let touched: { first: number; last: number } | undefined;
    /**
     * Unit i: the previous version's match when nothing its match depends on changed, else
     * matched (from the cache or anew). Says whether to yield (after a match, every 256 reuses).
     */
    const settle = (i: number): boolean => {
      const unit = units[i];
      const terms = definedTerms.in(unit.span);
      const old = !sameLanguage ? undefined : aligned && oldUnits![i].id === unit.id ? oldUnits![i] : revision!.analysis.parsed.byId.get(unit.id);
      const oldMatch = old ? revision!.analysis.matches.get(unit.id) : undefined;
      if (
        old &&
        oldMatch &&
        untouched(old.span, unit.span, revision!.edit, delta) &&
        sameStrings((oldDefinedTerms ??= new DefinedTermsOf(revision!.analysis.parsed.definitions)).in(old.span), terms) &&
        (tree
          ? retitled === undefined || !within(unit, retitled, parsed)
          : old.heading === unit.heading && sameStrings(contextOf(old, revision!.analysis.parsed), contextOf(unit, parsed)))
      ) {
        // Same text, heading, context, defined terms and language: the match-cache key is the
        // same, so is the match (its evidence offsets are relative to the unit: nothing moves).
        unitMatches[i] = oldMatch;
        const j = aligned && oldUnits![i].id === unit.id ? i : before!.unitIndex.get(unit.id)!;
        entries[i] = before!.entries[j];
        return ++reused % 256 === 0;
      }
      const got = this.matchUnit(text, unit, parsed, language, terms);
      // The text this unit had in the previous version is superseded by the edit: its cache entry
      // goes now (an undo re-matches one section), so a long session of edits does not fill the
      // cache with texts no version has any more.
      if (old && before) {
        const j = aligned && oldUnits![i].id === unit.id ? i : before.unitIndex.get(unit.id);
        const was = j === undefined ? undefined : before.entries[j];
        if (was && was.text !== got.text) this.cache.delete(was.text);
      }
      // Shared with the cache and later versions, never changed (evidence offsets are relative to the unit).
      unitMatches[i] = { provision: unit.id, matches: got.rel, none: got.none };
      entries[i] = got;
      return true;
    };
    if (revision && before && aligned && sameLanguage) {
      // The same provisions, one edit: only the units it touched can have changed, and those
      // under a heading it rewrote (another context); every other keeps its match (the same
      // object) and its place, and the units' ids their indexes.
      unitMatches = before.unitMatches.slice();
      unitIndex = before.unitIndex;
      entries = before.entries.slice();
      let { start, oldEnd } = revision.edit;
      const old = retitled === undefined ? undefined : revision.analysis.parsed.byId.get(retitled);
      if (old) {
        start = Math.min(start, old.span.start);
        oldEnd = Math.max(oldEnd, old.span.end);
      }
      const first = lastAtOrBefore(oldUnits!.length, (i) => oldUnits![i].span.end, start - 1) + 1;
      const last = lastAtOrBefore(oldUnits!.length, (i) => oldUnits![i].span.start, oldEnd - 1);
      for (let i = first; i <= last; i++) if (settle(i)) yield;
      touched = { first, last };
    } else {
      unitMatches = new Array(units.length);
      const index = new Map<string, number>();
      for (let i = 0; i < units.length; i++) index.set(units[i].id, i);
      unitIndex = index;
      entries = new Array(units.length);
      for (let i = 0; i < units.length; i++) if (settle(i)) yield;
    }
    const matches = new ListMap(unitMatches, unitIndex);
    // Built in place (its findings are checked against it, its coverage read from them), then shared as it is.
    const analysis: { -readonly [K in keyof DocumentAnalysis]: DocumentAnalysis[K] } = { language, parsed, matches, findings: [], coverage: [], problems };
    // What the units say of each article is the previous version's when the units the edit
    // touched match the same articles, lacking the same elements.
    const byUnits = touched && sameContributions(before!.entries, entries, touched.first, touched.last) ? before!.byUnits : unitCoverage(units, entries);
    analysis.findings = yield* checkDraftSteps(text, analysis, this, options.checks, revision, entries, byUnits, touched);
    yield;
    analysis.coverage = computeCoverage(this.data, analysis, byUnits);
    this.produced.set(analysis, { entries, unitMatches, unitIndex, byUnits, languageCounts, edit: revision && !truncated ? revision.edit : undefined, chars: text.length });
    return analysis;
  }

  /**
   * Stop-word counts of each part of the text the language is guessed from; a part that is the
   * same text as in the previous version (wholly before or after the edit) keeps its counts.
   */
  private languageCounts(text: string, revision: Revision | undefined, previous: LanguageCounts[] | undefined): LanguageCounts[] {
    const windows = languageWindows(text.length);
    const before = revision && previous ? languageWindows(revision.text.length) : undefined;
    const delta = revision ? text.length - revision.text.length : 0;
    return windows.map(([s, e], i) => {
      if (before && previous && before.length === windows.length) {
        const [s0, e0] = before[i];
        if (s0 === s && e0 === e && e <= revision!.edit.start) return previous[i];
        if (s0 >= revision!.edit.oldEnd && s === s0 + delta && e === e0 + delta) return previous[i];
      }
      return stopWordCounts(text, s, e, this.detector);
    });
  }

  /**
   * The edit from the previous version (`options.previous`) to the text of `analysis`, when the
   * analysis reused that version: a caller keeping per-version data (a line index) can update it too.
   */
  editFrom(analysis: DocumentAnalysis): TextEdit | undefined {
    return this.produced.get(analysis)?.edit;
  }

  /** The previous version, when this Analyzer analysed it and it can be reused. */
  private revision(text: string, previous: AnalyzeOptions['previous']): Revision | undefined {
    const chars = previous && typeof previous.text === 'string' ? this.produced.get(previous.analysis)?.chars : undefined;
    if (!previous || chars === undefined) return undefined;
    const prevText = previous.text.length > chars ? previous.text.slice(0, chars) : previous.text;
    return { text: prevText, analysis: previous.analysis, edit: findEdit(prevText, text) };
  }

  /** A unit's match and own checks (offsets relative to the unit), from the cache or computed. */
  private matchUnit(text: string, unit: Provision, parsed: ParsedDraft, lang: DraftLanguage, definedTerms: string[]): MatchEntry {
    const slice = text.slice(unit.span.start, unit.span.end);
    const heading = unit.heading ?? '';
    const context = contextOf(unit, parsed);
    let contextKey = this.contextKeyOf.get(context);
    if (contextKey === undefined) this.contextKeyOf.set(context, (contextKey = this.contextKeys.get(context.join('\u0001'))));
    const termsKey = definedTerms.join('\u0001');
    // Marks it used, so frequently seen provisions stay cached.
    const cached = this.cache.get(slice);
    // The match is cached and outlives this version: its evidence must be cut from a copy.
    const unitText = cached ? cached[0].text : detached(slice);
    const entries = cached ?? [];
    let got: MatchEntry | undefined;
    for (let k = 0; k < entries.length && !got; k++) {
      const e = entries[k];
      if (e.lang === lang && e.heading === heading && e.context === contextKey && e.terms === termsKey) got = e;
    }
    if (!got) {
      this.matchedCount++;
      // Tokenised from the draft (cheaper to read than the copy), offsets relative to the unit.
      const tokens = this.matcher.cues.tokensOf(text, lang, unit.span);
      let rel = this.matcher.match({
        text: unitText,
        span: { start: 0, end: unitText.length },
        // The matcher keeps none of these (its memos key on copies): no copies needed here.
        heading: unit.heading,
        context,
        definedTerms,
        lang,
        tokens,
      }, this.featureSink);
      // The index of all its words, which the matcher has just built too (TokenIndex reuses it).
      const idx = new TokenIndex(tokens);
      const offence = isOffenceWording(this, idx, lang);
      // An offence on a subject the Convention leaves out (extortion, copyright …), or a speech
      // offence that only resembles a Convention offence, may share its vocabulary but
      // implements none: it gets no article, and the checks report it as having no counterpart.
      let none = rel.length === 0 ? this.matcher.noArticle : undefined;
      if (rel.length > 0 && offence && counterpartDoubted(this, unitText, idx, lang, rel[0])) {
        none = { reason: 'no-counterpart', nearest: rel[0].article };
        rel = NO_MATCHES;
      }
      // Most units match nothing: they share one empty list (matches are never changed).
      if (rel.length === 0) rel = NO_MATCHES;
      // Its own checks depend only on what the key holds (its text, and through it its match):
      // run now, while its index is at hand, and cached with the match.
      got = {
        text: unitText,
        lang,
        heading: detached(heading),
        context: contextKey,
        terms: this.contextKeys.get(termsKey),
        rel,
        none,
        lacking: lackingOf(rel),
        checks: checkProvision(this, unitText, idx, lang, rel[0], offence, heading),
      };
      // A text matched under ever new headings or contexts (a hostile draft) keeps its latest few.
      if (entries.length >= ENTRIES_PER_TEXT) entries.shift();
      entries.push(got);
    }
    // The least recently used text goes past CACHE_LIMIT (in O(1)).
    if (!cached) this.cache.set(unitText, entries);
    return got;
  }
}

/**
 * The terms units define: the quoted defined terms wholly within a unit's span, in order. The
 * definitions are in document order; units asked in document order are answered by walking on
 * from the last answer, others by binary search.
 */
class DefinedTermsOf {
  /** The first definition at or after the last span asked about, and that span's start. */
  private next = 0;
  private lastStart = 0;

  constructor(private readonly definitions: readonly DefinedTerm[]) {}

  in(span: Span): string[] {
    const defs = this.definitions;
    let k = this.next;
    if (span.start < this.lastStart || span.start - this.lastStart > 1 << 16) k = lastAtOrBefore(defs.length, (i) => defs[i].span.start, span.start - 1) + 1;
    else while (k < defs.length && defs[k].span.start < span.start) k++;
    this.next = k;
    this.lastStart = span.start;
    let terms: string[] | undefined;
    for (; k < defs.length && defs[k].span.start < span.end; k++) {
      const d = defs[k];
      if (d.span.end <= span.end) (terms ??= []).push(d.term);
    }
    return terms ?? NO_TERMS;
  }
}

const NO_TERMS: string[] = [];
/** Shared by every unit that matches nothing; a list that held lists, like the others (one array shape). */
const NO_MATCHES_LACKING: string[][] = [NO_TERMS].slice(0, 0);

/** The required elements each match lacks (see lackingElements). */
function lackingOf(rel: ArticleMatch[]): string[][] {
  if (rel.length === 0) return NO_MATCHES_LACKING;
  const out: string[][] = [];
  for (let k = 0; k < rel.length; k++) out.push(lackingElements(rel[k]));
  return out;
}
const NO_MATCHES: ArticleMatch[] = [];

/** A unit's match and its own checks, cached by the unit's text and what else it was matched with. */
export interface MatchEntry {
  /** The unit's text: the cache's key. */
  text: string;
  lang: DraftLanguage;
  heading: string;
  /** Headings of the enclosing divisions, and the terms the unit defines, each joined. */
  context: string;
  terms: string;
  rel: ArticleMatch[];
  /** With no match, why (ProvisionMatch.none). */
  none: NoArticle | undefined;
  /** The required elements each match lacks (for coverage). */
  lacking: string[][];
  checks: UnitChecks;
}

interface Produced {
  /** Each unit's cache entry, by unit index. */
  entries: MatchEntry[];
  /** Each unit's match, by unit index, and the units' indexes by id. */
  unitMatches: ProvisionMatch[];
  unitIndex: ReadonlyMap<string, number>;
  /** What the units' matches say of each article (coverage before safeguards). */
  byUnits: ReadonlyMap<number, ArticleUnits>;
  /** The edit from the previous version whose results were reused (untruncated texts only). */
  edit?: TextEdit;
  /** Stop-word counts per part of the text (absent when the language was forced). */
  languageCounts?: LanguageCounts[];
  /** How many characters of the text were analysed (the first ones). */
  chars: number;
}

/** contextOf's answers per parse, by parent id: sections share the few Parts they sit in. */
const contextMemos = new WeakMap<ParsedDraft, Map<string, string[]>>();

/** Headings of a provision's ancestors, outermost first: the context it is matched in (not to be changed by the caller). */
function contextOf(p: Provision, parsed: ParsedDraft): string[] {
  if (p.parent === undefined) return NO_TERMS;
  let memo = contextMemos.get(parsed);
  if (!memo) contextMemos.set(parsed, (memo = new Map()));
  let context = memo.get(p.parent);
  if (!context) {
    context = [];
    for (let q = parsed.byId.get(p.parent); q; q = q.parent ? parsed.byId.get(q.parent) : undefined) if (q.heading) context.unshift(q.heading);
    memo.set(p.parent, context);
  }
  return context;
}

/** Is p the provision `id` or one under it? */
function within(p: Provision, id: string, parsed: ParsedDraft): boolean {
  for (let q: Provision | undefined = p; q; q = q.parent ? parsed.byId.get(q.parent) : undefined) if (q.id === id) return true;
  return false;
}

function sameStrings(x: string[], y: string[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The matched unit (section) that contains a provision, if any. */
export function unitOf(p: Provision, analysis: DocumentAnalysis): Provision | undefined {
  for (let q: Provision | undefined = p; q; q = q.parent ? analysis.parsed.byId.get(q.parent) : undefined) {
    if (analysis.matches.has(q.id)) return q;
  }
  return undefined;
}

/** NUL bytes, or many control characters in the first 8 KB, mean this is not a text draft. */
export function isBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
