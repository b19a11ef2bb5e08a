// Safeguard, element, human-rights and drafting checks over an analysed draft.
// Which check applies to which article, and what counts as the safeguard being present,
// is data (data/checks.json, data/safeguards.json); this file only walks the draft.
import { unitsOf, untouched, type Revision } from './units';
import { detached, TokenIndex, type CompiledCue, type CueHit, type CueMatcher } from './cues';
import { codePointLength, isAsciiLetterOrDigit, isSpace, lastAtOrBefore } from './text';
import { LruCache } from './lru';
import { foldCase } from './tokens';
import type { Messages } from './messages';
import { COVERAGE_FAMILY, type ArticleUnits } from './coverage';
import { articleByNumber } from './data/load';
import type { Article, CheckCode, ConventionData, Cues, Definition, Grade, NegationLexicon } from './data/types';
import type { ProvisionMatcher } from './match';
import type { MatcherSettings } from './matcherSettings';
import type { ArticleMatch, DefinedTerm, DocumentAnalysis, DraftLanguage, Finding, Provision, Severity, Span } from './types';

/**
 * What the checks read of the Analyzer (analyze.ts, which this module does not import: no
 * circle): its data and matcher, and the checks' own state, which each Analyzer holds.
 */
export interface CheckHost {
  readonly data: ConventionData;
  readonly matcher: ProvisionMatcher;
  readonly settings: MatcherSettings;
  readonly checkState: CheckState;
  /** The messages in the analyzer's language (data/messages). */
  readonly messages: Messages;
  /** Which findings the checks make (AnalyzerOptions.findings). */
  readonly findings: FindingScope;
}
type Analyzer = CheckHost;

/**
 * Which findings an Analyzer's checks make: 'all', or 'coverage' — only what computeCoverage
 * reads, the findings of the COVERAGE_FAMILY placed on provisions (with everything they depend
 * on: negation, grades and variants, a general safeguards clause answering them draft-wide,
 * `concordance-ignore`). A unit's other own checks (no counterpart, vague and technology-specific
 * terms, element, exception, cooperation and sovereignty codes) and the draft-wide ones
 * (definitions, references, coverage gaps) are not run. What decides a match is the same either way.
 */
export type FindingScope = 'all' | 'coverage';

/** The checks' per-analyzer state: compiled cue lists and memoised answers (see the functions using each). */
export class CheckState {
  /** The core definition a draft's definition matches (index, or -1) and the elements it lacks (indexes). */
  readonly definitions = new LruCache<string, { def: number; missing: number[] }>(DEFINITION_CACHE_LIMIT);
  /** Compiled cues of a data list, per list and language. */
  readonly compiledLists = new WeakMap<Cues, Partial<Record<string, CompiledCue[]>>>();
  /** One ProvisionChecker per language. */
  readonly checkers: Partial<Record<DraftLanguage, ProvisionChecker>> = {};
  /** What checkDraftSteps noted of each analysis it made, for the next version to reuse. */
  readonly memos = new WeakMap<DocumentAnalysis, UnitMemo>();
  /**
   * findOwnWords' answers for the provision index asked about last (an index reads one text), by
   * cue list (null: none): the Analyzer asks for a unit's speech wording and outside subjects to
   * decide its match, and its checks then ask again.
   */
  readonly ownWords: { idx: TokenIndex | undefined; hits: Map<CompiledCue[], CueHit | null> } = { idx: undefined, hits: new Map() };
}

export interface CheckOptions {
  /** Check families switched off, e.g. { coverage: false }. Missing means on. */
  families?: Record<string, boolean>;
  /** Per-code severity; "off" drops the code. */
  severity?: Record<string, Severity | 'off'>;
  /** What the draft's general part provides for every offence (setting concordance.generalPart). */
  generalPart?: { intentional?: boolean };
}

const MENTIONS_IGNORE = /concordance-ignore/i;
const IGNORE_DIRECTIVE = /concordance-ignore\s+([a-z-]+\.[a-z-]+(?:\s*,\s*[a-z-]+\.[a-z-]+)*)/gi;

/**
 * The checks as a generator that yields every few provisions, so a server can answer requests
 * meanwhile. Each unit's own checks were run when it was matched (`unitChecks`, by unit index);
 * here they are placed in the draft, less what a general safeguards clause elsewhere supplies.
 * `revision`: the previous version of the draft, analysed by the same analyzer; the placed
 * findings of units it did not touch are reused.
 */
export function* checkDraftSteps(
  text: string,
  analysis: DocumentAnalysis,
  analyzer: Analyzer,
  options: CheckOptions = {},
  revision: Revision | undefined,
  /** Per unit (by index), its matches and its own checks. */
  unitChecks: readonly { rel: ArticleMatch[]; checks: UnitChecks }[],
  /** Per article some unit matches: those units (see unitCoverage). */
  byUnits: ReadonlyMap<number, ArticleUnits>,
  /** With `revision`, when the units are the previous version's and only these (by index) can have changed. */
  touched?: { first: number; last: number },
): Generator<void, Finding[]> {
  const prev = revision ? analyzer.checkState.memos.get(revision.analysis) : undefined;
  const units = unitsOf(analysis.parsed);
  const ctx = new CheckContext(text, analysis, analyzer, units, byUnits, prev && { memo: prev, revision: revision! });
  const out: Finding[] = [];
  const ignored: ReadonlySet<string>[] = new Array(units.length);
  const memo: UnitMemo = { generalKey: ctx.generalKey, generalIds: ctx.generalIds, units, entries: new Array(units.length), placed: new Array(units.length) };
  let anyIgnored = false;
  const reuse = prev !== undefined && prev.generalKey === ctx.generalKey && revision!.analysis.language === analysis.language;
  const delta = revision ? text.length - revision.text.length : 0;
  // The previous version's entries by unit id, when its units are not the same list as these.
  let prevById: Map<string, number> | undefined;
  const untouchedUnits = reuse && touched !== undefined && prev!.units.length === units.length ? touched : undefined;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (untouchedUnits && (i < untouchedUnits.first || i > untouchedUnits.last)) {
      // Same text, same match, same general safeguards: the previous version's findings, moved
      // by the edit when the unit lies after it.
      const entry = prev!.entries[i];
      const placedBefore = prev!.placed[i];
      const placed = i < untouchedUnits.first || delta === 0 || placedBefore.length === 0 ? placedBefore : placedBefore.map((f) => ({ ...f, span: shift(f.span, delta) }));
      memo.entries[i] = entry;
      memo.placed[i] = placed;
      ignored[i] = entry.ignored;
      if (entry.ignored.size > 0) anyIgnored = true;
      for (let k = 0; k < placed.length; k++) out.push(placed[k]);
      continue;
    }
    const entry = unitChecks[i]?.checks ?? NO_CHECKS;
    let j = -1;
    if (reuse) {
      if (i < prev!.units.length && prev!.units[i].id === unit.id) j = i;
      else {
        prevById ??= new Map(prev!.units.map((u, k) => [u.id, k]));
        j = prevById.get(unit.id) ?? -1;
      }
    }
    memo.entries[i] = entry;
    ignored[i] = entry.ignored;
    if (entry.ignored.size > 0) anyIgnored = true;
    // The same checks (the same match-cache entry: same text and match) at the same place, with
    // the same general safeguards: the previous version's placed findings.
    const placed = j >= 0 && prev!.entries[j] === entry && prev!.units[j].span.start === unit.span.start ? prev!.placed[j] : ctx.place(entry, unit);
    memo.placed[i] = placed;
    for (let k = 0; k < placed.length; k++) out.push(placed[k]);
    if (i % 256 === 255) yield;
  }
  analyzer.checkState.memos.set(analysis, memo);
  yield;
  // The draft-wide checks find nothing the coverage reads: an Analyzer making only that skips them.
  const all = analyzer.findings === 'all';
  if (all) {
    // One by one: a hostile draft may hold more findings than a call takes arguments.
    for (const f of ctx.checkDefinitions()) out.push(f);
    for (const f of ctx.checkReferences()) out.push(f);
    memo.definitionsKnown = ctx.definitionsKnown;
  }
  // `concordance-ignore CODE` silences CODE in the provision (matched unit) that holds it, and only there.
  const kept = !anyIgnored
    ? out
    : out.filter((f) => {
        const i = unitAt(units, f.span.start);
        return i < 0 || !ignored[i].has(f.code);
      });
  // A general part that makes every offence intentional, declared once (a setting or a drafting
  // note): no offence is reported for lacking a mental element.
  if (all && (options.generalPart?.intentional === true || declaresIntentional(analyzer, text, analysis.language))) {
    for (let i = kept.length - 1; i >= 0; i--) if (kept[i].code === 'element.intent') kept.splice(i, 1);
  }
  if (all) kept.push(...ctx.checkCoverage(units));
  const configured = Object.keys(options.families ?? {}).length > 0 || Object.keys(options.severity ?? {}).length > 0;
  const shown = !configured
    ? kept
    : kept
        .filter((f) => options.families?.[f.code.split('.')[0]] !== false && options.severity?.[f.code] !== 'off')
        .map((f) => {
          const s = options.severity?.[f.code];
          return s && s !== 'off' ? { ...f, severity: s } : f;
        });
  // Codes are lower-case ASCII (letters, dots, hyphens): ordinal order, which is also their
  // locale order, without the cost of a collator.
  return shown.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const DEFINITION_CACHE_LIMIT = 50_000;

/** Check families that look into one provision for what its article requires. */
const PROVISION_FAMILIES = new Set(['safeguard', 'element', 'exception', 'cooperation', 'sovereignty']);

/**
 * What a unit's own checks found, from its text, its best match and whether it is worded as an
 * offence: spans relative to the unit, `provision` filled in when placed. Made when the unit is
 * matched and kept with its match, so it is shared, unchanged, by every version with that text.
 */
export interface UnitChecks {
  /** The findings, all but their places (see `at`): a finding made once for many units is shared, never changed. */
  findings: Finding[];
  /** Where finding k lies, relative to the unit: [at[2k], at[2k + 1]). */
  at: number[];
  /** Per finding: the check a general safeguards clause elsewhere in the draft may satisfy instead. */
  draftWide: (CheckCode | undefined)[];
  /** Codes the unit silences (`concordance-ignore`). */
  ignored: ReadonlySet<string>;
}

const NONE_IGNORED: ReadonlySet<string> = new Set();
/** The span of a finding shared by many units (UnitChecks.at places each). */
const NOWHERE: Span = { start: 0, end: 0 };
const NO_FINDINGS: Finding[] = [];
const NO_CHECKS: UnitChecks = { findings: NO_FINDINGS, at: [], draftWide: [], ignored: NONE_IGNORED };

/** Per analysis: what each unit gave, so that the next version's checks can reuse it. */
interface UnitMemo {
  generalKey: string;
  /** The general safeguards provisions the key was made from. */
  generalIds: string[];
  units: Provision[];
  /** entries[i]: units[i]'s own checks; placed[i]: those findings at the unit's place in the draft. */
  entries: UnitChecks[];
  placed: Finding[][];
  /** What each definition of the draft lacks (and its finding), by index in parsed.definitions. */
  definitionsKnown?: { def: number; missing: number[]; finding?: Finding }[];
}

function definitionCache(analyzer: Analyzer): LruCache<string, { def: number; missing: number[] }> {
  return analyzer.checkState.definitions;
}

/** A short, fast, non-cryptographic hash (cyrb53) so long texts do not end up inside cache keys. */
function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(36) + (h1 >>> 0).toString(36) + ':' + text.length;
}

function shift(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

/** The first line of a provision's span, where its findings are underlined (not the whole section). */
function headline(text: string, span: Span): Span {
  let start = span.start;
  while (start < span.end && isSpace(text.charCodeAt(start))) start++;
  let end = start;
  while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end: Math.max(end, start) };
}

function finding(code: CheckCode, span: Span, provision: string | undefined, message: string, lookedFor: string[], extra: Partial<Finding> = {}): Finding {
  const optional = extra.obligation === 'optional';
  return {
    code: code.code,
    severity: optional ? 'information' : code.defaultSeverity,
    message,
    span,
    provision,
    articles: code.citations,
    obligation: 'mandatory',
    lookedFor: lookedFor.slice(0, 8),
    ...extra,
  };
}

/**
 * The first offence subject that the Convention leaves out (extortion, copyright …, listed in
 * data/checks.json) whose own words a provision uses, unless the subject is legitimate for the
 * article the provision matches.
 */
export function outsideSubjectIn(analyzer: Analyzer, text: string, idx: TokenIndex, lang: DraftLanguage, best?: ArticleMatch): { subject: string; hit: CueHit } | undefined {
  const subjects = analyzer.data.checkLexicon.outsideSubjects ?? [];
  for (const s of subjects) {
    if (best !== undefined && s.unlessArticles?.includes(best.article) && hasCoreElements(analyzer, best)) continue;
    const hit = findOwnWords(analyzer, text, idx, lang, s.cues);
    if (hit) return { subject: s.subject, hit };
  }
  return undefined;
}

/** Speech or content wording ("publishes false", "offensive message") in the provision's own words. */
export function speechWordsIn(analyzer: Analyzer, text: string, idx: TokenIndex, lang: DraftLanguage): CueHit | undefined {
  return findOwnWords(analyzer, text, idx, lang, analyzer.data.checkLexicon.speechOffenceCues);
}

/**
 * Does an offence-creating provision lack a Convention counterpart whatever it resembles?
 * Its subject is one the Convention leaves out, or it is a speech or content offence that only
 * moderately resembles a Convention offence.
 */
export function counterpartDoubted(analyzer: Analyzer, text: string, idx: TokenIndex, lang: DraftLanguage, best: ArticleMatch | undefined): boolean {
  if (outsideSubjectIn(analyzer, text, idx, lang, best)) return true;
  if (!speechWordsIn(analyzer, text, idx, lang)) return false;
  return !isSpeechCounterpart(analyzer, best);
}

/**
 * Whether a speech or content offence keeps its match: only an article about content itself
 * (data/checks.json `speechCounterparts`) whose core elements it has is its counterpart; a
 * resemblance to any other offence (shared words: data, computer, publish) is not.
 */
function isSpeechCounterpart(analyzer: Analyzer, best: ArticleMatch | undefined): boolean {
  return best !== undefined && (analyzer.data.checkLexicon.speechCounterparts ?? []).includes(best.article) && hasCoreElements(analyzer, best);
}

/**
 * A match that shows the article's core: the elements data/checks.json `coreElements` names for
 * it (a child, for Art 14), else at least half of its required elements.
 */
function hasCoreElements(analyzer: Analyzer, best: ArticleMatch): boolean {
  const core = analyzer.data.checkLexicon.coreElements?.[String(best.article)];
  if (core) return core.every((id) => best.elements.some((e) => e.id === id && e.present));
  let required = 0;
  let present = 0;
  for (const e of best.elements) {
    if (!e.required) continue;
    required++;
    if (e.present) present++;
  }
  return present * 2 >= required;
}

/**
 * Is the provision worded as creating an offence? Markers are matched word for word, function
 * words included: without "shall be", "shall be punished" would match "punishing".
 */
export function isOffenceWording(analyzer: Analyzer, idx: TokenIndex, lang: DraftLanguage): boolean {
  return idx.findAny(compiledFor(analyzer, analyzer.data.checkLexicon.offenceMarkers, lang, true)) !== undefined;
}

/** Compiled cues of a data list, memoised per list and language (they are looked up per provision). */
function compiledFor(analyzer: Analyzer, cues: Cues, lang: DraftLanguage, verbatim = false): CompiledCue[] {
  const lists = analyzer.checkState.compiledLists;
  let byLang = lists.get(cues);
  if (!byLang) lists.set(cues, (byLang = {}));
  const key = verbatim ? lang + '!' : lang;
  let list = byLang[key];
  if (!list) {
    const own = analyzer.matcher.cues.compileAll(cues, lang, verbatim);
    list = byLang[key] = own.length > 0 || lang === 'en' ? own : analyzer.matcher.cues.compileAll(cues, 'en', verbatim);
  }
  return list;
}

/** A cue hit whose words are the cue's own words, not only words sharing its stems. */
function findOwnWords(analyzer: Analyzer, text: string, idx: TokenIndex, lang: DraftLanguage, cues: Cues): CueHit | undefined {
  const list = compiledFor(analyzer, cues, lang);
  const memo = analyzer.checkState.ownWords;
  if (memo.idx !== idx) {
    memo.idx = idx;
    memo.hits.clear();
  }
  let hit = memo.hits.get(list);
  if (hit === undefined) memo.hits.set(list, (hit = firstOwnWords(text, idx, list) ?? null));
  return hit ?? undefined;
}

/**
 * The first cue found in the provision's own words: "offensive" and "offence" share a stem, and
 * only the first is a vague standard.
 */
function firstOwnWords(text: string, idx: TokenIndex, cues: CompiledCue[]): CueHit | undefined {
  for (let k = 0; k < cues.length; k++) {
    const hit = idx.find(cues[k]);
    if (hit && sameWords(text.slice(hit.span.start, hit.span.end), cues[k].text)) return hit;
  }
  return undefined;
}

/** An offence with no counterpart in the Convention: its subject, its speech wording, or neither (placed at its headline). */
function noCounterpartFinding(say: Messages, code: CheckCode, text: string, head: Span, outside: { subject: string; hit: CueHit } | undefined, speech: CueHit | undefined): Finding {
  if (outside) {
    const found = text.slice(outside.hit.span.start, outside.hit.span.end);
    return finding(code, outside.hit.span, '', say.t('finding.outsideSubject', outside.subject, found), [outside.subject]);
  }
  if (speech) {
    const found = text.slice(speech.span.start, speech.span.end);
    return finding(code, speech.span, '', say.t('finding.speech', found), [found]);
  }
  return finding(code, head, '', say.t('finding.noCounterpart'), []);
}

function vagueFinding(say: Messages, code: CheckCode, text: string, hit: CueHit): Finding {
  const found = text.slice(hit.span.start, hit.span.end);
  return finding(code, hit.span, '', say.t('finding.vague', found, say.code(code, 'advice') ?? code.description), [found]);
}

function techFinding(say: Messages, code: CheckCode, text: string, hit: CueHit, t: { term: string; neutral: string }): Finding {
  const found = text.slice(hit.span.start, hit.span.end);
  return finding(code, hit.span, '', say.t('finding.techSpecific', found, t.neutral), [t.term]);
}

/** Are the words at `span` the term itself (case aside)? */
function sameText(text: string, span: Span, term: string): boolean {
  return text.slice(span.start, span.end).toLowerCase() === term.toLowerCase();
}

/** Codes silenced in a provision by a `concordance-ignore CODE` directive. */
export function ignoredCodes(provisionText: string): ReadonlySet<string> {
  // Almost no provision has one: they share one empty set.
  if (!MENTIONS_IGNORE.test(provisionText)) return NONE_IGNORED;
  const out = new Set<string>();
  IGNORE_DIRECTIVE.lastIndex = 0;
  for (let m = IGNORE_DIRECTIVE.exec(provisionText); m; m = IGNORE_DIRECTIVE.exec(provisionText)) {
    for (const c of m[1].split(',')) out.add(c.trim().toLowerCase());
  }
  return out;
}

/** The checks' compiled data for one analyzer and language: built once, shared by every analysis. */
class ProvisionChecker {
  readonly codes: Map<string, CheckCode>;
  private readonly codesByArticle = new Map<number, CheckCode[]>();
  /** Compiled cue lists by key: the same data every run. */
  private readonly presentCues = new Map<string, CompiledCue[]>();
  private readonly cuesByCode = new Map<CheckCode, CompiledCue[]>();
  /** missingFinding's findings, by code and article. */
  private readonly missingFindings = new Map<string, Finding>();
  private techCompiled?: { term: string; neutral: string; cue: CompiledCue }[];
  private elementCodesOnNoCounterpart?: CheckCode[];
  private coreCompiled?: { index: number; names: { text: string; cue: CompiledCue }[] }[];
  /** The words that keep a safeguard's cue from counting ("without", "sin", "sans" …). */
  readonly negation: Negation;
  /** Only the findings the coverage reads (FindingScope 'coverage'). */
  private readonly coverageOnly: boolean;

  constructor(
    readonly analyzer: Analyzer,
    readonly lang: DraftLanguage,
  ) {
    this.codes = new Map(analyzer.data.checks.map((c) => [c.code, c]));
    this.negation = new Negation(analyzer.data.checkLexicon.negation, lang);
    this.coverageOnly = analyzer.findings === 'coverage';
  }

  /**
   * Does `text` (indexed by idx) say what a check looks for? A safeguard's cue counts only where
   * its clause does not negate, exclude or waive it; this is the one place that is decided, so
   * findings, hovers, lenses and the table agree. `end`: where the text looked at ends.
   */
  says(code: CheckCode, text: string, idx: TokenIndex, end = text.length, seen: Clause[] = []): boolean {
    return this.wordsSaying(code, text, idx, end, seen) !== undefined;
  }

  /** The words that say what a check looks for (as `says` decides), or undefined. */
  wordsSaying(code: CheckCode, text: string, idx: TokenIndex, end = text.length, seen: Clause[] = []): CueHit | undefined {
    const cues = this.cuesFor(code);
    if (code.family !== 'safeguard') return idx.findAny(cues);
    return affirmedHit(this.analyzer.matcher.cues, this.lang, this.negation, text, idx, cues, end, 0, seen, this.acceptFor(code, text, seen));
  }

  /**
   * For a code with `weakCues` and `notInClauseOf` (data): a hit made only of a weak cue ("court")
   * does not count in a clause that holds a cue of the other code ("may appeal to the court" is a
   * remedy, not review by a court).
   */
  private acceptFor(code: CheckCode, text: string, seen: Clause[]): ((hit: CueHit) => boolean) | undefined {
    const other = code.notInClauseOf ? this.codes.get(code.notInClauseOf) : undefined;
    const weak = code.weakCues?.[this.lang];
    if (!other || !weak || weak.length === 0) return undefined;
    const weakWords = new Set(weak.map((w) => foldCase(w)));
    return (hit) => {
      if (!weakWords.has(foldCase(text.slice(hit.span.start, hit.span.end)))) return true;
      return !this.clauseSays(text, hit.span, seen, this.cuesFor(other));
    };
  }

  /** Does the clause around `span` hold any of `cues`? (The clause is read once per provision: `seen`.) */
  private clauseSays(text: string, span: Span, seen: Clause[], cues: CompiledCue[]): boolean {
    const clause = this.negation.clauseOf(text, span, seen);
    return new TokenIndex(this.analyzer.matcher.cues.run(text, this.lang, { start: clause.start, end: clause.end })).findAny(cues) !== undefined;
  }

  compiled(key: string, cues: Cues | undefined): CompiledCue[] {
    let c = this.presentCues.get(key);
    if (!c) {
      const m = this.analyzer.matcher.cues;
      c = m.compileAll(cues, this.lang);
      if (c.length === 0 && this.lang !== 'en') c = m.compileAll(cues, 'en');
      this.presentCues.set(key, c);
    }
    return c;
  }

  /** Cues that show a check's subject present: its own plus those of the safeguards it names. */
  cuesFor(code: CheckCode): CompiledCue[] {
    // Kept by the code itself: asked for every code of every matched section.
    let cues = this.cuesByCode.get(code);
    if (!cues) {
      // English and this checker's language (the only two `compiled` reads).
      const lang = this.lang;
      const merged: Cues = { en: [...(code.cues?.en ?? [])] };
      if (lang !== 'en') merged[lang] = [...(code.cues?.[lang] ?? [])];
      for (const id of code.safeguards ?? []) {
        const s = this.analyzer.data.safeguards.find((x) => x.id === id);
        if (!s) continue;
        merged.en.push(...s.cues.en);
        if (lang !== 'en') merged[lang]!.push(...(s.cues[lang] ?? []));
      }
      cues = this.compiled('code:' + code.code, merged);
      this.cuesByCode.set(code, cues);
    }
    return cues;
  }

  /**
   * A unit's own checks (see UnitChecks). `text` is the unit's text and `idx` the index of all
   * its tokens (offsets relative to it); `isOffence`: whether it is worded as an offence;
   * `heading`: the heading the parser found for it (its line ends a clause: headingClauses).
   */
  check(text: string, idx: TokenIndex, best: ArticleMatch | undefined, isOffence: boolean, heading?: string): UnitChecks {
    const out: Finding[] = [];
    const at: number[] = [];
    const draftWide: (CheckCode | undefined)[] = [];
    const push = (f: Finding, span: Span, wide?: CheckCode) => {
      out.push(f);
      at.push(span.start, span.end);
      draftWide.push(wide);
    };
    const head = headline(text, { start: 0, end: text.length });
    const data = this.analyzer.data;
    const article = best ? articleByNumber(data, best.article) : undefined;
    // The clauses of this provision read for negation so far, from its heading's: shared by its checks.
    const seen = headingClauses(text, heading);

    // An offence that matches no offence article (or only a general one) has no counterpart;
    // nor has one whose subject the Convention leaves out (extortion, copyright …), whatever it
    // resembles; nor a speech or content offence that only moderately resembles a Convention
    // offence. The matched article's element checks would then be beside the point.
    const bestKind = article?.kind;
    const settings = this.analyzer.settings;
    const offenceArticle = bestKind !== undefined && (settings.offenceKinds.includes(bestKind) || (settings.offenceArticles ?? []).includes(best!.article));
    // (Read only for findings outside the coverage: with a match they never hold, as the Analyzer
    // gives an offence they hold of no article; see counterpartDoubted.)
    const speech = isOffence && !this.coverageOnly ? speechWordsIn(this.analyzer, text, idx, this.lang) : undefined;
    const outside = isOffence && !this.coverageOnly ? outsideSubjectIn(this.analyzer, text, idx, this.lang, best) : undefined;
    const speechOnly = speech !== undefined && !isSpeechCounterpart(this.analyzer, best);
    const counterpartDoubted = outside !== undefined || speechOnly;

    if (best && article) {
      let variant: string | undefined | null = null;
      for (const code of this.provisionCodes(best.article)) {
        if (counterpartDoubted && code.family !== 'safeguard') continue;
        if (code.firesOn) {
          // A concern raised by what the provision says, not by what it leaves out.
          const raised = this.raisedBy(code, text, idx, seen);
          // (Under the coverage scope another family's concern is read only for the clauses it
          // leaves in `seen`, which the safeguard codes after it read: see provisionCodes.)
          if (raised && (!this.coverageOnly || code.family === COVERAGE_FAMILY) && !this.says(code, text, idx, text.length, seen)) push(this.raisedFinding(code, article, best.title, text, raised), raised.span);
          continue;
        }
        const cues = this.cuesFor(code);
        if (cues.length === 0) continue;
        // How much the check asks of this power (Art 24(2): "as appropriate to the nature of the power").
        if (code.grades && variant === null) variant = this.variantOf(best.article, text, idx);
        const grade = gradeOf(code, best.article, variant ?? undefined);
        if (grade === 'not-applicable') continue;
        if (this.says(code, text, idx, text.length, seen)) continue;
        // Shared by every provision it is found in, placed at each one's headline.
        push(
          this.missingFinding(code, article, best.title, cues, grade),
          head,
          // A general safeguards clause elsewhere in the draft counts, unless the code says the
          // provision itself must say it (a remedy clause's "court" does not authorise a search).
          (code.family === 'safeguard' || code.family === 'cooperation') && code.draftWide !== false ? code : undefined,
        );
      }
    }

    // None of the findings below is read by the coverage.
    if (this.coverageOnly) return { findings: out, at, draftWide, ignored: ignoredCodes(text) };

    // The findings below are rare: each is written by a function of its own, which keeps this
    // one (run for every section) small.
    if (isOffence) {
      const noCounterpart = this.codes.get('overbreadth.no-counterpart');
      // An offence of not complying with an order or notice enforces a power: it has the power's
      // counterpart. So has a penalty for refusing or obstructing, in a provision read as a power.
      const lex = data.checkLexicon;
      const refusal = lex.powerRefusal;
      const enforcesPower =
        !outside &&
        !speechOnly &&
        (firstOwnWords(text, idx, this.compiled('compliance', lex.complianceOffenceCues)) !== undefined ||
          (refusal !== undefined && bestKind !== undefined && refusal.kinds.includes(bestKind) && firstOwnWords(text, idx, this.compiled('power-refusal', refusal.cues)) !== undefined));
      if (noCounterpart && !enforcesPower && (!offenceArticle || outside || speechOnly)) {
        const f = noCounterpartFinding(this.analyzer.messages, noCounterpart, text, head, outside, speech);
        push(f, f.span);
        // What an offence must state whatever it punishes (a mental element): all the more where it
        // has no counterpart. Not where the provision reads as a power or another non-offence
        // article: its offence wording is then a side matter (a penalty for not complying).
        if (!best || outside || speechOnly) {
          for (const code of this.noCounterpartCodes()) {
            if (!this.says(code, text, idx, text.length, seen)) push(this.noCounterpartElementFinding(code), head);
          }
        }
      }
      const vague = this.codes.get('overbreadth.vague-term');
      const vagueHit = firstOwnWords(text, idx, this.vagueTermsIn(text, idx, best?.article));
      if (vague && vagueHit) push(vagueFinding(this.analyzer.messages, vague, text, vagueHit), vagueHit.span);
    }

    const tech = this.codes.get('neutrality.tech-specific');
    if (tech && best) {
      for (const t of this.techTerms()) {
        const hit = idx.find(t.cue);
        if (!hit) continue;
        // Folded synonyms can widen a hit; report only where the words are the term itself.
        if (!sameText(text, hit.span, t.term)) continue;
        push(techFinding(this.analyzer.messages, tech, text, hit, t), hit.span);
        break;
      }
    }
    return { findings: out, at, draftWide, ignored: ignoredCodes(text) };
  }

  /**
   * What a provision implementing `article` lacks when `code` finds nothing, but its place: the
   * same for every such provision, so made once (thousands of sections share its strings).
   */
  private missingFinding(code: CheckCode, article: Article, title: string, cues: CompiledCue[], grade: Grade = 'expected'): Finding {
    const key = code.code + '\u0000' + article.article + '\u0000' + title + '\u0000' + grade;
    let f = this.missingFindings.get(key);
    if (!f) {
      const say = this.analyzer.messages;
      const obligation = this.obligationOf(code, article);
      const ownCitations = code.citations.filter((c) => parseCitation(c).article === article.article);
      const cited = ownCitations.length && !code.lead ? ownCitations : code.citations;
      const pin = say.t('pin', cited.length ? cited.join(', ') : article.article);
      const missing = say.code(code, 'missing') ?? say.t('missing.default');
      const advice = say.code(code, 'advice') ?? code.description;
      // A graded safeguard says how much it is asked of this power; a concern says it is one.
      const codeLead = say.code(code, 'lead');
      const lead = codeLead
        ? ` — ${codeLead}`
        : grade === 'as-appropriate'
          ? ` — ${say.t('lead.asAppropriate', pin)}`
          : code.grades
            ? ` (${say.t('lead.expected', pin)})`
            : ` (${pin}, ${say.t(obligation === 'optional' ? 'obligation.optional' : 'obligation.mandatory')})`;
      f = finding(
        code,
        NOWHERE,
        '',
        say.t('finding.missing', say.title(code), lead, article.article, title, missing, advice),
        unique(cues.map((c) => c.text)),
        { fix: { article: article.article, safeguard: code.code }, obligation, articles: cited, ...(grade === 'as-appropriate' ? { severity: 'information' as const } : {}) },
      );
      this.missingFindings.set(key, f);
    }
    return f;
  }

  /** Where the provision says what raises `code`'s concern (its `firesOn` wording), unless its clause negates it. */
  raisedBy(code: CheckCode, text: string, idx: TokenIndex, seen: Clause[] = []): CueHit | undefined {
    const limits = this.compiled('limits:' + code.code, code.limitedBy);
    // "does not extend to data stored abroad" limits the power: words the negation rules set
    // aside for safeguards (a limit of scope is one), so the code's own `limitedBy` decides.
    const accept = limits.length === 0 ? undefined : (hit: CueHit) => !this.clauseSays(text, hit.span, seen, limits);
    return affirmedHit(this.analyzer.matcher.cues, this.lang, this.negation, text, idx, this.compiled('fires:' + code.code, code.firesOn), text.length, 0, seen, accept);
  }

  /** The finding of a concern raised by wording the provision uses (`hit`), quoting it. */
  private raisedFinding(code: CheckCode, article: Article, title: string, text: string, hit: CueHit): Finding {
    const say = this.analyzer.messages;
    const pin = say.t('pin', code.citations.join(', '));
    const codeLead = say.code(code, 'lead');
    const lead = codeLead ? ` — ${codeLead}` : ` (${pin})`;
    const quoted = text.slice(hit.span.start, hit.span.end).replace(/\s+/g, ' ');
    const answers = unique(this.cuesFor(code).map((c) => c.text));
    return finding(
      code,
      hit.span,
      '',
      say.t('finding.raised', say.title(code), lead, article.article, title, quoted, say.code(code, 'missing') ?? say.t('raised.default'), say.code(code, 'advice') ?? code.description),
      answers,
      { fix: { article: article.article, safeguard: code.code }, articles: code.citations },
    );
  }

  /**
   * The vague terms of a provision implementing `article`: less the settled terms of that article,
   * and less the terms the provision itself makes precise (an exception's `whenWith` wording:
   * "hatred" that is incitement to violence).
   */
  private vagueTermsIn(text: string, idx: TokenIndex, article: number | undefined): CompiledCue[] {
    let list = this.vagueTerms(article);
    const exceptions = this.analyzer.data.checkLexicon.vagueTermExceptions ?? [];
    for (let k = 0; k < exceptions.length; k++) {
      const e = exceptions[k];
      if (!e.whenWith || (e.articles && (article === undefined || !e.articles.includes(article)))) continue;
      if (!firstOwnWords(text, idx, this.compiled('vague-with:' + k, e.whenWith))) continue;
      const precise = new Set(this.compiled('vague-with-terms:' + k, e.terms).map((c) => c.text));
      list = list.filter((c) => !precise.has(c.text));
    }
    return list;
  }

  /** The element codes also checked on an offence with no counterpart (`onNoCounterpart`). */
  private noCounterpartCodes(): CheckCode[] {
    return (this.elementCodesOnNoCounterpart ??= this.analyzer.data.checks.filter((c) => c.onNoCounterpart === true && c.family === 'element'));
  }

  /** An element that an offence with no counterpart lacks: the same for every such offence, so made once. */
  private noCounterpartElementFinding(code: CheckCode): Finding {
    const key = code.code + '\u0000no-counterpart';
    let f = this.missingFindings.get(key);
    if (!f) {
      const say = this.analyzer.messages;
      const cues = unique(this.cuesFor(code).map((c) => c.text));
      f = finding(code, NOWHERE, '', say.t('finding.missingNoCounterpart', say.title(code), say.code(code, 'missing') ?? say.t('missing.default'), say.code(code, 'advice') ?? code.description), cues, {
        articles: ['6(1)'],
      });
      this.missingFindings.set(key, f);
    }
    return f;
  }

  /** The vague terms, less those that are settled terms in provisions implementing `article` (vagueTermExceptions without `whenWith`). */
  private vagueTerms(article: number | undefined): CompiledCue[] {
    const all = this.compiled('vague', this.analyzer.data.checkLexicon.vagueTerms);
    const exceptions = (this.analyzer.data.checkLexicon.vagueTermExceptions ?? []).filter((e) => !e.whenWith && article !== undefined && e.articles?.includes(article));
    if (exceptions.length === 0) return all;
    const key = 'vague-for:' + article;
    let list = this.presentCues.get(key);
    if (!list) {
      const settled = new Set(exceptions.flatMap((e) => this.compiled('vague-except:' + (e.articles ?? []).join(',') + ':' + article, e.terms)).map((c) => c.text));
      list = all.filter((c) => !settled.has(c.text));
      this.presentCues.set(key, list);
    }
    return list;
  }

  /** The variant of a power a provision implements ("27(b)": it speaks of subscriber information only), if data tells any apart. */
  private variantOf(article: number, text: string, idx: TokenIndex): string | undefined {
    for (const v of this.analyzer.data.checkLexicon.powerVariants ?? []) {
      if (v.article !== article) continue;
      if (!firstOwnWords(text, idx, this.compiled('variant:' + v.id, v.cues))) continue;
      if (v.unlessCues && firstOwnWords(text, idx, this.compiled('variant-unless:' + v.id, v.unlessCues))) continue;
      return v.id;
    }
    return undefined;
  }

  /**
   * The safeguard, element and exception codes that apply to provisions implementing an article
   * (in data order). Under the coverage scope, those of the COVERAGE_FAMILY, and of the others
   * only a concern raised by wording (`firesOn`) placed before one of them: reading it may leave
   * clauses in the `seen` list the later codes read, which must be the same as in a full check.
   */
  private provisionCodes(article: number): CheckCode[] {
    let list = this.codesByArticle.get(article);
    if (!list) {
      list = this.analyzer.data.checks.filter((c) => c.appliesTo.includes(article) && PROVISION_FAMILIES.has(c.family));
      if (this.coverageOnly) {
        let last = -1;
        for (let k = 0; k < list.length; k++) if (list[k].family === COVERAGE_FAMILY) last = k;
        list = list.slice(0, last + 1).filter((c) => c.family === COVERAGE_FAMILY || c.firesOn !== undefined);
      }
      this.codesByArticle.set(article, list);
    }
    return list;
  }

  /** The core definitions of Art. 2 (data order) with their names (term, abbreviation, synonyms) compiled. */
  coreTerms(): { index: number; names: { text: string; cue: CompiledCue }[] }[] {
    const m = this.analyzer.matcher.cues;
    return (this.coreCompiled ??= this.analyzer.data.definitions.flatMap((x, index) =>
      x.core ? [{ index, names: [x.term, x.abbrev ?? '', ...x.synonyms].filter((t) => t).map((text) => ({ text, cue: m.compile(text, this.lang) })) }] : [],
    ));
  }

  /** Compiles the technology terms and the core definitions' names and elements now (see prepareChecks). */
  prepare(): void {
    this.techTerms();
    for (const { index } of this.coreTerms()) {
      const def = this.analyzer.data.definitions[index];
      for (const e of def.elements) this.definitionElementCues(def, e);
    }
  }

  /** The cues that show an element of a core definition present in a draft's definition. */
  definitionElementCues(def: Definition, e: Definition['elements'][number]): CompiledCue[] {
    return this.compiled('def:' + def.id + ':' + e.id, e.cues);
  }

  /** Technology-specific terms, compiled. */
  private techTerms(): { term: string; neutral: string; cue: CompiledCue }[] {
    return (this.techCompiled ??= this.analyzer.data.checkLexicon.techSpecific.map((t) => ({ ...t, cue: this.analyzer.matcher.cues.compile(t.term, this.lang) })));
  }

  /**
   * Whether what a check asks is required or only permitted: the code may say so, else the
   * paragraphs it cites of the matched article decide ("may …" paragraphs are optional).
   */
  private obligationOf(code: CheckCode, article: Article): 'mandatory' | 'optional' {
    if (code.obligation) return code.obligation;
    const own = code.citations.map(parseCitation).filter((c) => c.article === article.article);
    if (own.length === 0) return article.obligation === 'optional' ? 'optional' : 'mandatory';
    const paragraphs = own.flatMap((c) => article.paragraphs.filter((p) => c.paragraph === undefined || paragraphCovers(p.n, c.paragraph)));
    if (paragraphs.length === 0) return article.obligation === 'optional' ? 'optional' : 'mandatory';
    return paragraphs.every((p) => /^may\b/i.test(p.obligation)) ? 'optional' : 'mandatory';
  }
}

function checkerFor(analyzer: Analyzer, lang: DraftLanguage): ProvisionChecker {
  return (analyzer.checkState.checkers[lang] ??= new ProvisionChecker(analyzer, lang));
}

/**
 * Compiles every cue list the checks use, in each language given (every language of the data by
 * default), as the matcher's prepare does its own: analysing a draft in them then compiles
 * nothing. (Without it each list is compiled on first use, with the same result.)
 */
export function prepareChecks(analyzer: Analyzer, languages: readonly DraftLanguage[] = analyzer.matcher.cues.languages): void {
  const lex = analyzer.data.checkLexicon;
  for (const lang of languages) {
    const checker = checkerFor(analyzer, lang);
    for (const code of analyzer.data.checks) {
      if (!PROVISION_FAMILIES.has(code.family)) continue;
      checker.cuesFor(code);
      if (code.firesOn) checker.compiled('fires:' + code.code, code.firesOn);
      if (code.limitedBy) checker.compiled('limits:' + code.code, code.limitedBy);
    }
    checker.compiled('vague', lex.vagueTerms);
    (lex.vagueTermExceptions ?? []).forEach((e, k) => {
      if (!e.whenWith) return;
      checker.compiled('vague-with:' + k, e.whenWith);
      checker.compiled('vague-with-terms:' + k, e.terms);
    });
    checker.compiled('compliance', lex.complianceOffenceCues);
    if (lex.powerRefusal) checker.compiled('power-refusal', lex.powerRefusal.cues);
    for (const v of lex.powerVariants ?? []) {
      checker.compiled('variant:' + v.id, v.cues);
      if (v.unlessCues) checker.compiled('variant-unless:' + v.id, v.unlessCues);
    }
    checker.prepare();
    compiledFor(analyzer, lex.offenceMarkers, lang, true);
    compiledFor(analyzer, lex.speechOffenceCues, lang);
    for (const subject of lex.outsideSubjects ?? []) compiledFor(analyzer, subject.cues, lang);
  }
}

/**
 * A unit's own checks, run when the analyzer matches it (its token index is at hand then).
 * `text` is the unit's text and `idx` the index of all its tokens; `offence`: whether it is
 * worded as an offence. A unit that matches nothing and creates no offence has nothing to check.
 */
export function checkProvision(analyzer: Analyzer, text: string, idx: TokenIndex, lang: DraftLanguage, best: ArticleMatch | undefined, offence: boolean, heading?: string): UnitChecks {
  // Without a match there is no safeguard to look for: nothing the coverage reads.
  if (!best && (!offence || analyzer.findings === 'coverage')) {
    const ignored = ignoredCodes(text);
    return ignored === NONE_IGNORED ? NO_CHECKS : { findings: NO_FINDINGS, at: [], draftWide: [], ignored };
  }
  return checkerFor(analyzer, lang).check(text, idx, best, offence, heading);
}

/**
 * Where the draft says what a check looks for, for one matched unit (a hover's "where found"): in
 * the unit's own text, else, for a check a general safeguards clause may answer, in a provision
 * whose best match is a general safeguards article (as the findings are placed). Plain data: the
 * provision's id and the words' span in the draft; undefined when the draft says it nowhere.
 */
export function whereCheckAnswered(analyzer: Analyzer, analysis: DocumentAnalysis, text: string, unit: Provision, code: CheckCode): { provision: string; span: Span } | undefined {
  const lang = analysis.language;
  const checker = checkerFor(analyzer, lang);
  const own = text.slice(unit.span.start, unit.span.end);
  const hit = checker.wordsSaying(code, own, new TokenIndex(analyzer.matcher.cues.run(own, lang)), own.length, headingClauses(own, unit.heading));
  if (hit) return { provision: unit.id, span: { start: unit.span.start + hit.span.start, end: unit.span.start + hit.span.end } };
  if (!((code.family === 'safeguard' || code.family === 'cooperation') && code.draftWide !== false)) return undefined;
  const general = new Set(analyzer.data.articles.filter((a) => a.kind === 'safeguard').map((a) => a.article));
  for (const p of analysis.parsed.provisions) {
    const best = p === unit ? undefined : analysis.matches.get(p.id)?.matches[0];
    if (!best || !general.has(best.article)) continue;
    const h = checker.wordsSaying(code, text, new TokenIndex(analyzer.matcher.cues.run(text, lang, p.span)), p.span.end);
    if (h) return { provision: p.id, span: { start: h.span.start, end: h.span.end } };
  }
  return undefined;
}

/** The checks of one analysis: places each unit's own findings, and checks what spans the draft. */
class CheckContext {
  private readonly checker: ProvisionChecker;
  /** What each of the draft's definitions lacks (by index), and its finding, once checkDefinitions ran: the next version's memo keeps it. */
  definitionsKnown?: { def: number; missing: number[]; finding?: Finding }[];
  private readonly lang: DraftLanguage;
  /** Spans of provisions implementing the general safeguards article: their safeguards apply draft-wide. */
  private readonly generalSpans: Span[] = [];
  private generalIndexes?: TokenIndex[];
  /** Per check code: whether the general safeguards provisions say what it looks for. */
  private readonly generalAnswers = new Map<string, boolean>();
  /** A hash of those provisions' text, part of what decides whether placed findings are reused; and their ids. */
  readonly generalKey: string;
  readonly generalIds: string[] = [];

  /** `previous`: the previous version's memo, whose key is kept when the edit left those provisions alone. */
  constructor(
    private readonly text: string,
    private readonly analysis: DocumentAnalysis,
    private readonly analyzer: Analyzer,
    units: Provision[],
    /** Articles some unit matches, with those units. */
    private readonly matched: ReadonlyMap<number, ArticleUnits>,
    private readonly previous?: { memo: UnitMemo; revision: Revision },
  ) {
    this.lang = analysis.language;
    this.checker = checkerFor(analyzer, this.lang);
    // The units whose best match is a general safeguards article, in document order.
    const general: number[] = [];
    for (const a of analyzer.data.articles) if (a.kind === 'safeguard') general.push(...(matched.get(a.article)?.best ?? []));
    general.sort((x, y) => x - y);
    for (const i of general) {
      this.generalSpans.push(units[i].span);
      this.generalIds.push(units[i].id);
    }
    const unchanged = previous !== undefined && this.sameGeneralText(previous.memo, previous.revision);
    this.generalKey = unchanged ? previous.memo.generalKey : hashText(this.generalSpans.map((s) => text.slice(s.start, s.end)).join('\u0001'));
  }

  /** Are the general safeguards provisions those of the previous version, with the same text? */
  private sameGeneralText(memo: UnitMemo, revision: Revision): boolean {
    if (memo.generalIds.length !== this.generalIds.length) return false;
    const delta = this.text.length - revision.text.length;
    const before = revision.analysis.parsed.byId;
    return this.generalIds.every((id, k) => {
      const old = before.get(id);
      return id === memo.generalIds[k] && old !== undefined && untouched(old.span, this.generalSpans[k], revision.edit, delta);
    });
  }

  /** Do the general safeguards provisions say what a check looks for? */
  private generalHas(code: CheckCode): boolean {
    let has = this.generalAnswers.get(code.code);
    if (has === undefined) {
      this.generalIndexes ??= this.generalSpans.map((s) => this.index(s));
      has = this.generalIndexes.some((g, k) => this.checker.says(code, this.text, g, this.generalSpans[k].end));
      this.generalAnswers.set(code.code, has);
    }
    return has;
  }

  /** A unit's own findings at its place in the draft, less those a general safeguards clause answers. */
  place(entry: UnitChecks, unit: Provision): Finding[] {
    const out: Finding[] = [];
    for (let k = 0; k < entry.findings.length; k++) {
      const wide = entry.draftWide[k];
      if (wide && this.generalHas(wide)) continue;
      const start = unit.span.start;
      out.push({ ...entry.findings[k], span: { start: start + entry.at[2 * k], end: start + entry.at[2 * k + 1] }, provision: unit.id });
    }
    return out;
  }

  private index(span: Span): TokenIndex {
    return new TokenIndex(this.analyzer.matcher.cues.run(this.text, this.lang, span));
  }

  /** The core definition a draft's definition matches (index in data, or -1) and the elements it lacks (indexes). */
  private definitionGaps(d: DefinedTerm): { def: number; missing: number[] } {
    const m = this.analyzer.matcher.cues;
    const termIdx = new TokenIndex(m.run(d.term, this.lang));
    const defIndex = this.checker.coreTerms().find((c) => c.names.some(({ text, cue }) => termIdx.find(cue) && sameLength(d.term, text)))?.index ?? -1;
    const missing: number[] = [];
    if (defIndex >= 0) {
      const def = this.analyzer.data.definitions[defIndex];
      const idx = this.index(d.definitionSpan);
      def.elements.forEach((e, i) => {
        if (!idx.findAny(this.checker.definitionElementCues(def, e))) missing.push(i);
      });
    }
    return { def: defIndex, missing };
  }

  checkDefinitions(): Finding[] {
    const code = this.checker.codes.get('definition.narrower');
    if (!code) return [];
    const out: Finding[] = [];
    const data = this.analyzer.data;
    const cache = definitionCache(this.analyzer);
    const definitions = this.analysis.parsed.definitions;
    // The previous version's definitions, in the same order when the edit left them alone.
    const previous = this.previous && this.previous.revision.analysis.language === this.lang ? this.previous : undefined;
    const before = previous?.revision.analysis.parsed.definitions;
    const delta = previous ? this.text.length - previous.revision.text.length : 0;
    this.definitionsKnown = new Array(definitions.length);
    for (let k = 0; k < definitions.length; k++) {
      const d = definitions[k];
      const old = before?.[k];
      let known: { def: number; missing: number[]; finding?: Finding } | undefined;
      if (old && old.term === d.term && previous!.memo.definitionsKnown?.[k] && untouched(old.definitionSpan, d.definitionSpan, previous!.revision.edit, delta)) {
        // The same term and text as before: the same answer, without cutting the text for a key;
        // and the same finding, when it has not moved.
        const kept = previous!.memo.definitionsKnown[k];
        const f = kept.finding;
        if (f && f.provision === d.provision) {
          // Moved by the edit, or not: the same finding at the term's place.
          const placed = f.span.start === d.span.start ? f : { ...f, span: d.span };
          this.definitionsKnown[k] = placed === f ? kept : { def: kept.def, missing: kept.missing, finding: placed };
          out.push(placed);
          continue;
        }
        this.definitionsKnown[k] = kept;
        known = kept;
      } else {
        // What a definition lacks depends only on its term, its text and the language: cached on those.
        const key = this.lang + '\u0000' + d.term + '\u0000' + this.text.slice(d.definitionSpan.start, d.definitionSpan.end);
        known = cache.get(key);
        if (!known) {
          known = this.definitionGaps(d);
          // Kept as a copy: a key made of pieces of the draft would keep the draft in memory.
          // The least recently used goes past DEFINITION_CACHE_LIMIT (in O(1)).
          cache.set(detached(key), known);
        }
      }
      if (known.def < 0 || known.missing.length === 0) {
        this.definitionsKnown[k] = known;
        continue;
      }
      const def = data.definitions[known.def];
      const missing = known.missing.map((i) => def.elements[i]);
      const narrower = finding(
        code,
        d.span,
        d.provision,
        this.analyzer.messages.t('finding.definitionNarrower', d.term, def.citation, def.term, this.analyzer.messages.list(missing.map((e) => e.gap ?? e.label))),
        missing.flatMap((e) => e.cues.en.slice(0, 2)),
        { articles: [def.citation] },
      );
      // Remembered for the next version (the cached answer itself is shared by drafts: not written to).
      this.definitionsKnown[k] = { def: known.def, missing: known.missing, finding: narrower };
      out.push(narrower);
    }
    return out;
  }

  checkReferences(): Finding[] {
    const code = this.checker.codes.get('reference.unknown-article');
    if (!code) return [];
    const out: Finding[] = [];
    const m = this.analyzer.matcher.cues;
    const say = this.analyzer.messages;
    const references = this.analysis.parsed.references;
    // An indexed loop: this runs on every edit, over every reference.
    for (let k = 0; k < references.length; k++) {
      const r = references[k];
      if (r.kind !== 'convention') continue;
      const article = articleByNumber(this.analyzer.data, r.article);
      if (!article) {
        out.push(finding(code, r.span, undefined, say.t('finding.noSuchArticle', r.article, this.analyzer.data.articles.length), []));
        continue;
      }
      if (r.paragraph) {
        const top = r.paragraph.replace(/\(.*$/, '');
        const known = article.paragraphs.some((p) => paragraphCovers(p.n, top));
        if (top && !known) {
          out.push(finding(code, r.span, undefined, say.t('finding.noSuchParagraph', r.article, article.title, r.paragraph), article.paragraphs.map((p) => p.n)));
          continue;
        }
      }
      if (r.namedTitle) {
        const named = new TokenIndex(m.run(r.namedTitle, this.lang));
        const titleKeys = m.compile(article.title, 'en').ids;
        const shared = titleKeys.filter((k) => named.has(k)).length;
        if (titleKeys.length > 0 && shared === 0) {
          out.push(finding(code, r.span, undefined, say.t('finding.wrongTitle', r.article, article.title, r.namedTitle), [article.title]));
        }
      }
    }
    return out;
  }

  checkCoverage(units: Provision[]): Finding[] {
    const code = this.checker.codes.get('coverage.missing');
    if (!code) return [];
    const matched = this.matched;
    // A text that implements nothing is not a cybercrime draft: do not list 30 missing articles.
    if (matched.size === 0) return [];
    const first = units[0] ? headline(this.text, units[0].span) : { start: 0, end: 0 };
    const top: Span = { start: 0, end: Math.min(first.start, this.text.length) === 0 ? first.end : lineEnd(this.text, 0) };
    return this.analyzer.data.articles
      .filter((a) => a.needsDomesticProvision && a.obligation !== 'optional' && !matched.has(a.article))
      .map((a) =>
        finding(code, top, undefined, this.analyzer.messages.t('finding.coverage', a.article, a.title), a.headingCues.en.slice(0, 4), {
          articles: [String(a.article)],
          fix: { article: a.article },
        }),
      );
  }
}


// ---------------------------------------------------------------------------------------------
// Negation: a safeguard's cue is evidence only where its clause does not negate, exclude or
// waive it ("without a warrant", "no court order is required", "sin autorización judicial").
// The words are data (data/checks.json lexicon.negation); this is the one place cues are weighed.

/** Where a clause ends: a full stop, semicolon or colon before white space, a blank line, or a new numbered line. */
const CLAUSE_BREAK = /[.;:!?](?=\s|$)|\n[ \t]*\n|\n[ \t]*(?:\(?[0-9a-zA-Z]{1,4}[).]|[-*•])\s/g;
/** How far from a cue a clause is looked at (characters), either side. */
const CLAUSE_REACH = 600;

type Phrase = string[];

/**
 * The words of s (each run of letters and digits, as /[\p{L}\p{N}]+/gu finds them), case and
 * accents folded (foldCase). Read by character code: a clause is read for every safeguard cue found.
 */
export function wordsOf(s: string): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let j = i + wordCharLength(s, i);
    if (j === i) {
      // Not a letter or digit: on by a whole code point.
      i += codePointLength(s, i);
      continue;
    }
    let ascii = s.charCodeAt(i) < 0x80;
    for (let k = wordCharLength(s, j); k > 0; k = wordCharLength(s, j)) {
      if (ascii && s.charCodeAt(j) >= 0x80) ascii = false;
      j += k;
    }
    const word = s.slice(i, j);
    // foldCase of an ASCII word is its lower case.
    out.push({ w: ascii ? word.toLowerCase() : foldCase(word), start: i, end: j });
    i = j;
  }
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** How many code units the letter or digit at s[i] takes (2 for an astral one), or 0 when there is none. */
function wordCharLength(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 0x80) return isAsciiLetterOrDigit(c) ? 1 : 0;
  const size = codePointLength(s, i);
  return WORD_CHAR.test(s.slice(i, i + size)) ? size : 0;
}

function phrases(list: string[] | undefined): Phrase[] {
  // Longest first: at one place the longest phrase is the one that counts.
  return (list ?? []).map((p) => wordsOf(p).map((x) => x.w)).filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
}

function phraseAt(ws: { w: string }[], i: number, p: Phrase): boolean {
  if (i + p.length > ws.length) return false;
  for (let k = 0; k < p.length; k++) if (ws[i + k].w !== p[k]) return false;
  return true;
}

/** Phrases by their first word, longest first: at one place the longest phrase is the one that counts. */
type PhraseIndex = Map<string, Phrase[]>;

function indexed(list: string[] | undefined): PhraseIndex {
  const out: PhraseIndex = new Map();
  for (const p of phrases(list)) {
    const at = out.get(p[0]);
    if (at) at.push(p);
    else out.set(p[0], [p]);
  }
  return out;
}

export interface Clause {
  /** Where the clause starts and ends in the text. */
  start: number;
  end: number;
  ws: { w: string; start: number; end: number }[];
  /** Words set aside: part of a phrase that negates nothing ("not exceeding"). */
  skip: Uint8Array;
  /** A clause break that no punctuation shows, at `start` (= `end`), with no words: see headingClauses. */
  barrier?: true;
}

const NO_WORDS = new Uint8Array(0);

/**
 * What a provision's checks start their clause list from: where its first line is its marker and
 * heading ("Section 5 — Search without a warrant"), the end of that line ends a clause though no
 * punctuation shows it. A heading is a title, not part of the first sentence: its "without" must
 * not cancel the body's ("An officer may, without a warrant, …"), nor be counted with it. `text`
 * is the provision's own text; `heading` the heading the parser found for it.
 */
export function headingClauses(text: string, heading: string | undefined): Clause[] {
  const title = heading?.trim();
  if (!title) return [];
  const lineEnd = text.indexOf('\n');
  // Only where the line ends with the heading: a line that runs on into the body is one sentence.
  if (lineEnd <= 0 || !text.slice(0, lineEnd).trimEnd().endsWith(title)) return [];
  return [{ start: lineEnd, end: lineEnd, ws: [], skip: NO_WORDS, barrier: true }];
}

/** The negation words of one language, compiled. */
export class Negation {
  private readonly before: PhraseIndex;
  private readonly after: PhraseIndex;
  private readonly ignore: PhraseIndex;
  private readonly cancel: PhraseIndex;
  /** The `before` phrases that negate their own verb, by their first word and words (see NegationWords.verbal). */
  private readonly verbal: Set<string>;
  private readonly window: number;

  constructor(lexicon: NegationLexicon | undefined, lang: DraftLanguage) {
    const own = lexicon?.[lang];
    const words = (typeof own === 'object' ? own : undefined) ?? (lang === 'en' ? undefined : lexicon?.en);
    this.before = indexed(words?.before);
    this.after = indexed(words?.after);
    this.ignore = indexed(words?.ignore);
    this.cancel = indexed(words?.cancel);
    this.verbal = new Set(phrases(words?.verbal).map((p) => p.join(' ')));
    this.window = lexicon?.window ?? 6;
  }

  get empty(): boolean {
    return this.before.size === 0 && this.after.size === 0;
  }

  /**
   * The clause around a span: from the last clause break before it to the first after it, and its
   * words. `seen`: clauses of the same text already read (the hits of one provision mostly fall in
   * a few clauses); kept by the caller for one look-up only, so no draft is held on to.
   */
  clauseOf(text: string, span: Span, seen?: Clause[]): Clause {
    const kept = seen?.find((c) => !c.barrier && c.start <= span.start && span.end <= c.end);
    if (kept) return kept;
    const from = Math.max(0, span.start - CLAUSE_REACH);
    const to = Math.min(text.length, span.end + CLAUSE_REACH);
    const around = text.slice(from, to);
    let start = 0;
    let end = around.length;
    CLAUSE_BREAK.lastIndex = 0;
    for (let m = CLAUSE_BREAK.exec(around); m; m = CLAUSE_BREAK.exec(around)) {
      if (m.index + m[0].length <= span.start - from) start = m.index + m[0].length;
      else if (m.index >= span.end - from) {
        end = m.index;
        break;
      }
    }
    // Breaks no punctuation shows (a heading line's end), given with the clauses already read.
    if (seen) {
      for (let k = 0; k < seen.length; k++) {
        if (!seen[k].barrier) continue;
        const at = seen[k].start - from;
        if (at <= span.start - from && at > start) start = at;
        else if (at >= span.end - from && at < end) end = at;
      }
    }
    const ws = wordsOf(around.slice(start, end));
    for (const x of ws) {
      x.start += from + start;
      x.end += from + start;
    }
    const skip = new Uint8Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      const p = this.ignore.get(ws[i].w)?.find((q) => phraseAt(ws, i, q));
      if (p) for (let k = 0; k < p.length; k++) skip[i + k] = 1;
    }
    const clause = { start: from + start, end: from + end, ws, skip };
    seen?.push(clause);
    return clause;
  }

  /** Is the cue found at `span` of `text` negated, excluded or waived by its clause? */
  negated(text: string, span: Span, seen?: Clause[]): boolean {
    if (this.empty) return false;
    const { ws, skip } = this.clauseOf(text, span, seen);
    // Most clauses hold no negating word at all.
    let any = false;
    for (let i = 0; i < ws.length && !any; i++) any = this.before.has(ws[i].w) || this.after.has(ws[i].w);
    if (!any) return false;
    let last = ws.findIndex((x) => x.start >= span.start);
    if (last < 0) return false;
    while (last + 1 < ws.length && ws[last + 1].start < span.end) last++;
    // The words before the hit's last word count: a hit may take in words between its cue's
    // words ("sistema … sin autorización judicial"), and a negation among them negates it.
    const first = last;
    // The longest phrase of an index at word i that ends before word `limit`, none of its words set aside.
    const match = (index: PhraseIndex, i: number, limit = ws.length): Phrase | undefined =>
      index.get(ws[i].w)?.find((p) => i + p.length <= limit && phraseAt(ws, i, p) && !p.some((_, k) => skip[i + k]));
    // Before the cue: negations since the last cancelling word ("unless", "except").
    let count = 0;
    let nearest = -1;
    let verbalSeen = false;
    for (let i = 0; i < first; ) {
      const c = match(this.cancel, i, first);
      if (c) {
        count = 0;
        nearest = -1;
        verbalSeen = false;
        i += c.length;
        continue;
      }
      const p = match(this.before, i, first);
      if (p) {
        // Another verb's "not" ("n'a pas … et n'est susceptible d'aucun recours"): the last one stands for both.
        const isVerbal = this.verbal.size > 0 && this.verbal.has(p.join(' '));
        if (!isVerbal || !verbalSeen) count++;
        if (isVerbal) verbalSeen = true;
        nearest = i + p.length - 1;
        i += p.length;
        continue;
      }
      i++;
    }
    // After it, within the window and before any cancelling word: "… is not required".
    let afterCount = 0;
    for (let i = last + 1; i < ws.length && i - last - 1 <= this.window; i++) {
      if (match(this.cancel, i)) break;
      if (match(this.after, i)) {
        afterCount++;
        break;
      }
    }
    const near = nearest >= 0 && first - nearest - 1 <= this.window;
    return (count + afterCount) % 2 === 1 && (near || afterCount > 0);
  }
}

/**
 * A hit of some cue that its clause does not negate (the first found, not the best). A cue whose first hit is negated
 * is looked for again after it (in `text` up to `end`), a few times at most.
 */
export function affirmedHit(
  cuesIndex: CueMatcher,
  lang: DraftLanguage,
  negation: Negation,
  text: string,
  idx: TokenIndex,
  cues: CompiledCue[],
  end = text.length,
  depth = 0,
  seen: Clause[] = [],
  /** A further test a hit must pass (see ProvisionChecker.says). */
  accept?: (hit: CueHit) => boolean,
): CueHit | undefined {
  if (negation.empty && !accept) return idx.findAny(cues);
  let resume = -1;
  for (let k = 0; k < cues.length; k++) {
    const s = idx.locate(cues[k]);
    if (s < 0) continue;
    const hit = idx.hit(cues[k], s);
    // Any hit its clause does not negate will do: the question is only whether the safeguard is there.
    if (!negation.negated(text, hit.span, seen) && (!accept || accept(hit))) return hit;
    if (resume < 0 || hit.span.end < resume) resume = hit.span.end;
  }
  if (resume < 0 || depth >= 8 || resume >= end) return undefined;
  return affirmedHit(cuesIndex, lang, negation, text, new TokenIndex(cuesIndex.run(text, lang, { start: resume, end })), cues, end, depth + 1, seen, accept);
}

/** Does the draft declare, in a drafting note ("concordance: all offences intentional"), that every offence is intentional? */
export function declaresIntentional(analyzer: Analyzer, text: string, lang: DraftLanguage): boolean {
  const notes = analyzer.data.checkLexicon.generalPartNotes;
  if (!notes || !NOTE_MARK.test(text)) return false;
  const phrases = [...(notes.intentional[lang] ?? []), ...notes.intentional.en].map((p) => foldCase(p).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' '));
  NOTE_LINE.lastIndex = 0;
  for (let m = NOTE_LINE.exec(text); m; m = NOTE_LINE.exec(text)) {
    const said = foldCase(m[1]).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
    if (phrases.some((p) => said === p || said.startsWith(p + ' '))) return true;
  }
  return false;
}

const NOTE_MARK = /concordance\s*:/i;
/** "concordance: …" anywhere on a line (after a comment mark, a bracket …), to the end of the line or a closing bracket. */
const NOTE_LINE = /concordance\s*:\s*([^\]\r\n]*)/gi;

/** How much a check asks of a provision implementing `article` (as the variant `variant`, if any). */
export function gradeOf(code: CheckCode, article: number, variant?: string): Grade {
  const g = code.grades;
  if (!g) return 'expected';
  return (variant !== undefined ? g[variant] : undefined) ?? g[String(article)] ?? 'expected';
}

/** Index of the unit (in document order, not overlapping) whose span holds offset, or -1. */
function unitAt(units: Provision[], offset: number): number {
  const at = lastAtOrBefore(units.length, (i) => units[i].span.start, offset);
  return at >= 0 && offset < units[at].span.end ? at : -1;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** "7(1)" → { article: 7, paragraph: "1" }; "2" → { article: 2 }. */
function parseCitation(c: string): { article: number; paragraph?: string } {
  const m = /^(\d+)\s*(?:\(([^)]+)\))?/.exec(c);
  return m ? { article: Number(m[1]), paragraph: m[2] } : { article: NaN };
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function sameLength(term: string, candidate: string): boolean {
  // "data" should not count as a definition of "traffic data".
  return term.trim().split(/\s+/).length <= candidate.trim().split(/\s+/).length + 1;
}

/** Does a paragraph number such as "1", "2(a)-(b)" or "9-11" include paragraph n? */
function paragraphCovers(label: string, n: string): boolean {
  const head = label.replace(/\(.*$/, '');
  if (head === n) return true;
  const range = /^(\d+)-(\d+)$/.exec(head);
  if (range) return +n >= +range[1] && +n <= +range[2];
  return label.startsWith('(');
}

/** Does every word of the cue begin a word of the text found (first six letters, or the whole word)? */
function sameWords(found: string, cue: string): boolean {
  const words = foldCase(found).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return foldCase(cue)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((w) => {
      const head = w.slice(0, 6);
      return words.some((f) => f.startsWith(head) || (w.length < 6 && f === w));
    });
}
