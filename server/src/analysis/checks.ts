// Safeguard, element, human-rights and drafting checks over an analysed draft.
// Which check applies to which article, and what counts as the safeguard being present,
// is data (data/checks.json, data/safeguards.json); this file only walks the draft.
import type { Analyzer, Revision } from './analyze';
import { unitsOf, untouched } from './analyze';
import { detached, TokenIndex, type CompiledCue, type CueHit } from './cues';
import { lastAtOrBefore } from './text';
import { foldCase } from './tokens';
import type { Article, CheckCode, Cues } from './data/types';
import type { ArticleMatch, DefinedTerm, DocumentAnalysis, DraftLanguage, Finding, Provision, Severity, Span } from './types';

export interface CheckOptions {
  /** Check families switched off, e.g. { coverage: false }. Missing means on. */
  families?: Record<string, boolean>;
  /** Per-code severity; "off" drops the code. */
  severity?: Record<string, Severity | 'off'>;
}

const IGNORE_DIRECTIVE = /concordance-ignore\s+([a-z-]+\.[a-z-]+(?:\s*,\s*[a-z-]+\.[a-z-]+)*)/gi;

/**
 * `revision`: the previous version of the draft, analysed by the same analyzer; the findings of
 * units it did not touch (same text, best match, general safeguards and language) are reused.
 */
export function checkDraft(text: string, analysis: DocumentAnalysis, analyzer: Analyzer, options: CheckOptions = {}, revision?: Revision): Finding[] {
  const steps = checkDraftSteps(text, analysis, analyzer, options, revision);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** The checks as a generator that yields every few provisions, so a server can answer requests meanwhile. */
export function* checkDraftSteps(
  text: string,
  analysis: DocumentAnalysis,
  analyzer: Analyzer,
  options: CheckOptions = {},
  revision?: Revision,
  /** Units worded as an offence, when the caller knows them: the others with no match are not checked. */
  offence?: Set<string>,
  /** With `revision`, when the units are the previous version's and only these (by index) can have changed. */
  touched?: { first: number; last: number },
): Generator<void, Finding[]> {
  const prev = revision ? memos.get(revision.analysis) : undefined;
  const ctx = new CheckContext(text, analysis, analyzer, prev && { memo: prev, revision: revision! });
  const out: Finding[] = [];
  const units = unitsOf(analysis.parsed);
  const ignored: Set<string>[] = new Array(units.length);
  const cache = unitCache(analyzer);
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
    const best = analysis.matches.get(unit.id)?.matches[0];
    let j = -1;
    if (reuse) {
      if (i < prev!.units.length && prev!.units[i].id === unit.id) j = i;
      else {
        prevById ??= new Map(prev!.units.map((u, k) => [u.id, k]));
        j = prevById.get(unit.id) ?? -1;
      }
    }
    const old = j >= 0 ? prev!.units[j] : undefined;
    const before = j >= 0 ? prev!.entries[j] : undefined;
    let entry: UnitFindings;
    if (before && before.article === best?.article && before.strength === best?.strength && untouched(old!.span, unit.span, revision!.edit, delta)) {
      // The same cache key as the previous version's: the same findings.
      entry = before;
    } else if (!best && offence && !offence.has(unit.id)) {
      // Matches no article and creates no offence: no check applies (checkUnit would find nothing).
      entry = { rel: [], ignored: ignoredCodes(text.slice(unit.span.start, unit.span.end)), article: undefined, strength: undefined };
    } else {
      // A unit's findings depend only on its text, its best match and the draft's general
      // safeguards clauses: cached on those, so an edit re-checks only the provisions it touched.
      const unitText = text.slice(unit.span.start, unit.span.end);
      const key = [analysis.language, best?.article ?? '', best?.strength ?? '', ctx.generalKey, unitText].join('\u0000');
      let rel = cache.get(key);
      if (rel) cache.delete(key);
      // Cached and reused by later versions: words quoted from the draft are copied out of it.
      else rel = ctx.checkUnit(unit, best, offence?.has(unit.id)).map((f) => ({ ...f, span: shift(f.span, -unit.span.start), message: detached(f.message), lookedFor: f.lookedFor.map(detached) }));
      cache.set(key, rel);
      if (cache.size > UNIT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      entry = { rel, ignored: ignoredCodes(unitText), article: best?.article, strength: best?.strength };
    }
    memo.entries[i] = entry;
    ignored[i] = entry.ignored;
    if (entry.ignored.size > 0) anyIgnored = true;
    // The findings placed in the draft: those of the previous version when the unit gave the same
    // and did not move (an edit leaves most of them where they were).
    const placedBefore = before === entry && old!.span.start === unit.span.start ? prev!.placed[j] : undefined;
    const placed = placedBefore ?? entry.rel.map((f) => ({ ...f, span: shift(f.span, unit.span.start), provision: f.provision === undefined ? undefined : unit.id }));
    memo.placed[i] = placed;
    for (const f of placed) out.push(f);
    if (i % 256 === 255) yield;
  }
  memos.set(analysis, memo);
  yield;
  out.push(...ctx.checkDefinitions(), ...ctx.checkReferences());
  memo.definitionsKnown = ctx.definitionsKnown;
  // `concordance-ignore CODE` silences CODE in the provision (matched unit) that holds it, and only there.
  const kept = !anyIgnored
    ? out
    : out.filter((f) => {
        const i = unitAt(units, f.span.start);
        return i < 0 || !ignored[i].has(f.code);
      });
  kept.push(...ctx.checkCoverage(units));
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

const UNIT_CACHE_LIMIT = 50_000;

/** Check families that look into one provision for what its article requires. */
const PROVISION_FAMILIES = new Set(['safeguard', 'element', 'exception']);

interface UnitFindings {
  /** Findings with spans relative to the unit's start. */
  rel: Finding[];
  /** Codes the unit silences (`concordance-ignore`). */
  ignored: Set<string>;
  article?: number;
  strength?: string;
}

/** Per analysis: what each unit gave, so that the next version's checks can reuse it. */
interface UnitMemo {
  generalKey: string;
  /** The general safeguards provisions the key was made from. */
  generalIds: string[];
  units: Provision[];
  /** entries[i]: what units[i] gave; placed[i]: those findings at the unit's place in the draft. */
  entries: UnitFindings[];
  placed: Finding[][];
  /** What each definition of the draft lacks (and its finding), by index in parsed.definitions. */
  definitionsKnown?: { def: number; missing: number[]; finding?: Finding }[];
}

const memos = new WeakMap<DocumentAnalysis, UnitMemo>();

/** CheckContext's compiled cue lists, per analyzer and language. */
const presentCueLists = new WeakMap<Analyzer, Map<DraftLanguage, Map<string, CompiledCue[]>>>();

/** Per analyzer: the core definition a draft's definition matches (index, or -1) and the elements it lacks (indexes). */
const definitionCaches = new WeakMap<Analyzer, Map<string, { def: number; missing: number[] }>>();

function definitionCache(analyzer: Analyzer): Map<string, { def: number; missing: number[] }> {
  let c = definitionCaches.get(analyzer);
  if (!c) definitionCaches.set(analyzer, (c = new Map()));
  return c;
}
const unitCaches = new WeakMap<Analyzer, Map<string, Finding[]>>();

function unitCache(analyzer: Analyzer): Map<string, Finding[]> {
  let c = unitCaches.get(analyzer);
  if (!c) unitCaches.set(analyzer, (c = new Map()));
  return c;
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

/**
 * The first offence subject that the Convention leaves out (extortion, copyright …, listed in
 * data/checks.json) whose own words a provision uses, unless the subject is legitimate for the
 * article the provision matches.
 */
export function outsideSubjectIn(analyzer: Analyzer, text: string, idx: TokenIndex, lang: DraftLanguage, bestArticle?: number): { subject: string; hit: CueHit } | undefined {
  const subjects = analyzer.data.checkLexicon.outsideSubjects ?? [];
  for (const s of subjects) {
    if (bestArticle !== undefined && s.unlessArticles?.includes(bestArticle)) continue;
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
  if (outsideSubjectIn(analyzer, text, idx, lang, best?.article)) return true;
  if (!speechWordsIn(analyzer, text, idx, lang)) return false;
  const kind = best && analyzer.data.articles.find((a) => a.article === best.article)?.kind;
  return kind !== 'offence' || best?.strength !== 'strong';
}

/**
 * Is the provision worded as creating an offence? Markers are matched word for word, function
 * words included: without "shall be", "shall be punished" would match "punishing".
 */
export function isOffenceWording(analyzer: Analyzer, idx: TokenIndex, lang: DraftLanguage): boolean {
  return idx.findAny(compiledFor(analyzer, analyzer.data.checkLexicon.offenceMarkers, lang, true)) !== undefined;
}

/** Compiled cues of a data list, memoised per list and language (they are looked up per provision). */
const compiledLists = new WeakMap<Analyzer, WeakMap<Cues, Partial<Record<string, CompiledCue[]>>>>();

function compiledFor(analyzer: Analyzer, cues: Cues, lang: DraftLanguage, verbatim = false): CompiledCue[] {
  let lists = compiledLists.get(analyzer);
  if (!lists) compiledLists.set(analyzer, (lists = new WeakMap()));
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
  for (const cue of compiledFor(analyzer, cues, lang)) {
    const hit = idx.find(cue);
    if (hit && sameWords(text.slice(hit.span.start, hit.span.end), cue.text)) return hit;
  }
  return undefined;
}

/** Codes silenced in a provision by a `concordance-ignore CODE` directive. */
export function ignoredCodes(provisionText: string): Set<string> {
  const out = new Set<string>();
  IGNORE_DIRECTIVE.lastIndex = 0;
  for (let m = IGNORE_DIRECTIVE.exec(provisionText); m; m = IGNORE_DIRECTIVE.exec(provisionText)) {
    for (const c of m[1].split(',')) out.add(c.trim().toLowerCase());
  }
  return out;
}

class CheckContext {
  private readonly codes: Map<string, CheckCode>;
  /** Compiled cue lists by key, kept per analyzer and language: the same data every run. */
  private readonly presentCues: Map<string, CompiledCue[]>;
  private readonly codesByArticle = new Map<number, CheckCode[]>();
  private techCompiled?: { term: string; neutral: string; cue: CompiledCue }[];
  private coreCompiled?: { index: number; names: { text: string; cue: CompiledCue }[] }[];
  /** What each of the draft's definitions lacks (by index), and its finding, once checkDefinitions ran: the next version's memo keeps it. */
  definitionsKnown?: { def: number; missing: number[]; finding?: Finding }[];
  private readonly lang: DraftLanguage;
  /** Spans of provisions implementing the general safeguards article: their safeguards apply draft-wide. */
  private readonly generalSpans: Span[] = [];
  private generalIndexes?: TokenIndex[];
  /** A hash of those provisions' text, as part of the per-unit cache key; and their ids. */
  readonly generalKey: string;
  readonly generalIds: string[] = [];
  /** Articles some provision matches. */
  private readonly matched = new Set<number>();
  private readonly articleByNumber: Map<number, Article>;

  /** `previous`: the previous version's memo, whose key is kept when the edit left those provisions alone. */
  constructor(
    private readonly text: string,
    private readonly analysis: DocumentAnalysis,
    private readonly analyzer: Analyzer,
    private readonly previous?: { memo: UnitMemo; revision: Revision },
  ) {
    this.codes = new Map(analyzer.data.checks.map((c) => [c.code, c]));
    this.articleByNumber = new Map(analyzer.data.articles.map((a) => [a.article, a]));
    this.lang = analysis.language;
    let byLang = presentCueLists.get(analyzer);
    if (!byLang) presentCueLists.set(analyzer, (byLang = new Map()));
    let lists = byLang.get(this.lang);
    if (!lists) byLang.set(this.lang, (lists = new Map()));
    this.presentCues = lists;
    const generalArticles = new Set(analyzer.data.articles.filter((a) => a.kind === 'safeguard').map((a) => a.article));
    // forEach, not for…of: this runs cold on the first edits, where for…of allocates per step.
    analysis.matches.forEach((pm) => {
      for (let k = 0; k < pm.matches.length; k++) this.matched.add(pm.matches[k].article);
      const best = pm.matches[0];
      if (best === undefined || !generalArticles.has(best.article)) return;
      const p = analysis.parsed.byId.get(pm.provision);
      if (p) {
        this.generalSpans.push(p.span);
        this.generalIds.push(p.id);
      }
    });
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

  /** Token indexes of the general safeguards provisions, built when a unit is checked anew. */
  private get generalSafeguards(): TokenIndex[] {
    return (this.generalIndexes ??= this.generalSpans.map((s) => this.index(s)));
  }

  private index(span: Span): TokenIndex {
    return new TokenIndex(this.analyzer.matcher.cues.run(this.text, this.lang, span));
  }

  private compiled(key: string, cues: Cues | undefined): CompiledCue[] {
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
  private cuesFor(code: CheckCode): CompiledCue[] {
    const key = 'code:' + code.code;
    if (!this.presentCues.has(key)) {
      const merged: Cues = { en: [...(code.cues?.en ?? [])], es: [...(code.cues?.es ?? [])], fr: [...(code.cues?.fr ?? [])] };
      for (const id of code.safeguards ?? []) {
        const s = this.analyzer.data.safeguards.find((x) => x.id === id);
        if (!s) continue;
        merged.en.push(...s.cues.en);
        merged.es!.push(...(s.cues.es ?? []));
        merged.fr!.push(...(s.cues.fr ?? []));
      }
      this.compiled(key, merged);
    }
    return this.presentCues.get(key)!;
  }

  private headline(p: Provision): Span {
    // Underline the provision's first line, not the whole section.
    let start = p.span.start;
    while (start < p.span.end && isSpace(this.text.charCodeAt(start))) start++;
    let end = start;
    while (end < p.span.end && this.text[end] !== '\n' && this.text[end] !== '\r') end++;
    return { start, end: Math.max(end, start) };
  }

  private finding(code: CheckCode, span: Span, provision: string | undefined, message: string, lookedFor: string[], extra: Partial<Finding> = {}): Finding {
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
   * Like findAny, but the words found must be the cue's own words, not only share its stems:
   * "offensive" and "offence" share a stem, and only the first is a vague standard.
   */
  private findWords(idx: TokenIndex, key: string, cues: Cues): CueHit | undefined {
    for (const cue of this.compiled(key, cues)) {
      const hit = idx.find(cue);
      if (hit && sameWords(this.text.slice(hit.span.start, hit.span.end), cue.text)) return hit;
    }
    return undefined;
  }

  /** `offence`: whether the unit is worded as an offence, when the caller already knows. */
  checkUnit(unit: Provision, best: ArticleMatch | undefined, offence?: boolean): Finding[] {
    const out: Finding[] = [];
    const idx = this.index(unit.span);
    const head = this.headline(unit);
    const data = this.analyzer.data;
    const isOffence = offence ?? isOffenceWording(this.analyzer, idx, this.lang);
    const article = best ? this.articleByNumber.get(best.article) : undefined;

    // An offence that matches no offence article (or only a general one) has no counterpart;
    // nor has one whose subject the Convention leaves out (extortion, copyright …), whatever it
    // resembles; nor a speech or content offence that only moderately resembles a Convention
    // offence. The matched article's element checks would then be beside the point.
    const bestKind = article?.kind;
    const offenceArticle = bestKind !== undefined && this.analyzer.settings.offenceKinds.includes(bestKind);
    const speech = isOffence ? speechWordsIn(this.analyzer, this.text, idx, this.lang) : undefined;
    const outside = isOffence ? this.outsideSubject(idx, best?.article) : undefined;
    const speechOnly = speech !== undefined && (bestKind !== 'offence' || best?.strength !== 'strong');
    const counterpartDoubted = outside !== undefined || speechOnly;

    if (best && article) {
      for (const code of this.provisionCodes(best.article)) {
        if (counterpartDoubted && code.family !== 'safeguard') continue;
        const cues = this.cuesFor(code);
        if (cues.length === 0) continue;
        if (idx.findAny(cues)) continue;
        // A general safeguards clause elsewhere in the draft counts, unless the code says the
        // provision itself must say it (a remedy clause's "court" does not authorise a search).
        const draftWide = code.family === 'safeguard' && code.draftWide !== false;
        if (draftWide && this.generalSafeguards.some((g) => g.findAny(cues))) continue;
        const obligation = this.obligationOf(code, article);
        const ownCitations = code.citations.filter((c) => parseCitation(c).article === best.article);
        const cited = ownCitations.length ? ownCitations : code.citations;
        const pin = cited.length ? `Art. ${cited.join(', ')}` : `Art. ${best.article}`;
        const missing = code.missing ?? 'it says nothing of this';
        const advice = code.advice ? ` ${code.advice}` : ` ${code.description}`;
        out.push(
          this.finding(
            code,
            head,
            unit.id,
            `${code.title} (${pin}, ${obligation}): this provision reads as Art. ${best.article} (${best.title}), but ${missing}.${advice}`,
            unique(cues.map((c) => c.text)),
            { fix: { article: best.article, safeguard: code.code }, obligation, articles: cited },
          ),
        );
      }
    }

    if (isOffence) {
      const noCounterpart = this.codes.get('overbreadth.no-counterpart');
      if (noCounterpart && (!offenceArticle || outside || speechOnly)) {
        const words = (s: Span) => this.text.slice(s.start, s.end);
        let message: string;
        let span = head;
        if (outside) {
          span = outside.hit.span;
          message = `This offence is about ${outside.subject} ("${words(outside.hit.span)}"), which no article of the Convention asks States to criminalise (its offences are Arts 7-17). It may be sound national law, but it does not implement the Convention: keep it out of the implementing Part, or check it is needed and narrowly drawn (Art. 6(2)).`;
        } else if (speech) {
          span = speech.span;
          message = `This offence reaches speech or content ("${words(speech.span)}") and has no counterpart in the Convention. Art. 6(2): nothing in the Convention permits suppressing expression; check it is necessary and precisely drawn.`;
        } else {
          message = 'This provision creates an offence that no article of the Convention calls for. Over-criminalisation is the biggest risk in implementing laws: check it is needed and that it does not reach protected expression (Art. 6(2)).';
        }
        out.push(this.finding(noCounterpart, span, unit.id, message, outside ? [outside.subject] : speech ? [words(speech.span)] : []));
      }
      const vague = this.codes.get('overbreadth.vague-term');
      const vagueHit = this.findWords(idx, 'vague', data.checkLexicon.vagueTerms);
      if (vague && vagueHit) {
        const words = this.text.slice(vagueHit.span.start, vagueHit.span.end);
        out.push(
          this.finding(vague, vagueHit.span, unit.id, `"${words}" is a vague standard: a person cannot tell in advance what is forbidden, and it can reach protected expression (Art. 6(2)). ${vague.advice ?? vague.description}`, [words]),
        );
      }
    }

    const tech = this.codes.get('neutrality.tech-specific');
    if (tech && best) {
      for (const t of this.techTerms()) {
        const hit = idx.find(t.cue);
        if (!hit) continue;
        const words = this.text.slice(hit.span.start, hit.span.end);
        // Folded synonyms can widen a hit; report only where the words are the term itself.
        if (words.toLowerCase() !== t.term.toLowerCase()) continue;
        out.push(this.finding(tech, hit.span, unit.id, `"${words}" ties the provision to one technology; the Convention speaks of "${t.neutral}" so the law keeps working as technology changes.`, [t.term]));
        break;
      }
    }
    return out;
  }

  /** The safeguard, element and exception codes that apply to provisions implementing an article (in data order). */
  private provisionCodes(article: number): CheckCode[] {
    let list = this.codesByArticle.get(article);
    if (!list) {
      list = this.analyzer.data.checks.filter((c) => c.appliesTo.includes(article) && PROVISION_FAMILIES.has(c.family));
      this.codesByArticle.set(article, list);
    }
    return list;
  }

  /** The core definition a draft's definition matches (index in data, or -1) and the elements it lacks (indexes). */
  private definitionGaps(d: DefinedTerm): { def: number; missing: number[] } {
    const m = this.analyzer.matcher.cues;
    const termIdx = new TokenIndex(m.run(d.term, this.lang));
    const defIndex = this.coreTerms().find((c) => c.names.some(({ text, cue }) => termIdx.find(cue) && sameLength(d.term, text)))?.index ?? -1;
    const missing: number[] = [];
    if (defIndex >= 0) {
      const def = this.analyzer.data.definitions[defIndex];
      const idx = this.index(d.definitionSpan);
      def.elements.forEach((e, i) => {
        if (!idx.findAny(this.compiled('def:' + def.id + ':' + e.id, e.cues))) missing.push(i);
      });
    }
    return { def: defIndex, missing };
  }

  /** The core definitions of Art. 2 (data order) with their names (term, abbreviation, synonyms) compiled, once per run of the checks. */
  private coreTerms(): { index: number; names: { text: string; cue: CompiledCue }[] }[] {
    const m = this.analyzer.matcher.cues;
    return (this.coreCompiled ??= this.analyzer.data.definitions.flatMap((x, index) =>
      x.core ? [{ index, names: [x.term, x.abbrev ?? '', ...x.synonyms].filter((t) => t).map((text) => ({ text, cue: m.compile(text, this.lang) })) }] : [],
    ));
  }

  /** Technology-specific terms, compiled once per run of the checks. */
  private techTerms(): { term: string; neutral: string; cue: CompiledCue }[] {
    return (this.techCompiled ??= this.analyzer.data.checkLexicon.techSpecific.map((t) => ({ ...t, cue: this.analyzer.matcher.cues.compile(t.term, this.lang) })));
  }

  /** The first offence subject outside the Convention whose words the provision uses. */
  private outsideSubject(idx: TokenIndex, bestArticle: number | undefined): { subject: string; hit: CueHit } | undefined {
    return outsideSubjectIn(this.analyzer, this.text, idx, this.lang, bestArticle);
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

  checkDefinitions(): Finding[] {
    const code = this.codes.get('definition.narrower');
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
        this.definitionsKnown[k] = kept;
        const f = kept.finding;
        if (f && f.span.start === d.span.start && f.provision === d.provision) {
          out.push(f);
          continue;
        }
        known = kept;
      } else {
        // What a definition lacks depends only on its term, its text and the language: cached on those.
        let key = this.lang + '\u0000' + d.term + '\u0000' + this.text.slice(d.definitionSpan.start, d.definitionSpan.end);
        known = cache.get(key);
        // Kept as a copy: a key made of pieces of the draft would keep the draft in memory.
        key = detached(key);
        if (known) cache.delete(key);
        else known = this.definitionGaps(d);
        cache.set(key, known);
        if (cache.size > UNIT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      }
      if (known.def < 0 || known.missing.length === 0) {
        this.definitionsKnown[k] = known;
        continue;
      }
      const def = data.definitions[known.def];
      const missing = known.missing.map((i) => def.elements[i]);
      const finding = this.finding(
        code,
        d.span,
        d.provision,
        `The definition of "${d.term}" is narrower than Art. ${def.citation} ("${def.term}"): it lacks ${missing.map((e) => e.label).join('; ')}.`,
        missing.flatMap((e) => e.cues.en.slice(0, 2)),
        { articles: [def.citation] },
      );
      // Remembered for the next version (the cached answer itself is shared by drafts: not written to).
      this.definitionsKnown[k] = { def: known.def, missing: known.missing, finding };
      out.push(finding);
    }
    return out;
  }

  checkReferences(): Finding[] {
    const code = this.codes.get('reference.unknown-article');
    if (!code) return [];
    const out: Finding[] = [];
    const m = this.analyzer.matcher.cues;
    for (const r of this.analysis.parsed.references) {
      if (r.kind !== 'convention') continue;
      const article = this.analyzer.data.articles.find((a) => a.article === r.article);
      if (!article) {
        out.push(this.finding(code, r.span, undefined, `The Convention has no Article ${r.article}: it has articles 1 to ${this.analyzer.data.articles.length}.`, []));
        continue;
      }
      if (r.paragraph) {
        const top = r.paragraph.replace(/\(.*$/, '');
        const known = article.paragraphs.some((p) => paragraphCovers(p.n, top));
        if (top && !known) {
          out.push(this.finding(code, r.span, undefined, `Article ${r.article} (${article.title}) has no paragraph ${r.paragraph}.`, article.paragraphs.map((p) => p.n)));
          continue;
        }
      }
      if (r.namedTitle) {
        const named = new TokenIndex(m.run(r.namedTitle, this.lang));
        const titleKeys = m.compile(article.title, 'en').ids;
        const shared = titleKeys.filter((k) => named.has(k)).length;
        if (titleKeys.length > 0 && shared === 0) {
          out.push(this.finding(code, r.span, undefined, `Article ${r.article} of the Convention is "${article.title}", not "${r.namedTitle}".`, [article.title]));
        }
      }
    }
    return out;
  }

  checkCoverage(units: Provision[]): Finding[] {
    const code = this.codes.get('coverage.missing');
    if (!code) return [];
    const matched = this.matched;
    // A text that implements nothing is not a cybercrime draft: do not list 30 missing articles.
    if (matched.size === 0) return [];
    const first = units[0] ? this.headline(units[0]) : { start: 0, end: 0 };
    const top: Span = { start: 0, end: Math.min(first.start, this.text.length) === 0 ? first.end : lineEnd(this.text, 0) };
    return this.analyzer.data.articles
      .filter((a) => a.needsDomesticProvision && a.obligation !== 'optional' && !matched.has(a.article))
      .map((a) =>
        this.finding(code, top, undefined, `No provision implements Art. ${a.article} (${a.title}), a mandatory article of the Convention.`, a.headingCues.en.slice(0, 4), {
          articles: [String(a.article)],
          fix: { article: a.article },
        }),
      );
  }
}

/** What /\s/ matches, by character code (read per character of every provision's first line). */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
