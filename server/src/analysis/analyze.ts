// The analysis pipeline: parse → match each provision → checks → coverage.
// Match results are cached by the provision's text (and its context), so re-analysing a
// document after an edit re-matches only the provisions whose text changed.
import { checkDraft, counterpartDoubted, isOffenceWording, type CheckOptions } from './checks';
import { TokenIndex } from './cues';
import { computeCoverage } from './coverage';
import type { ConventionData } from './data/types';
import { detectLanguage } from './language';
import { ProvisionMatcher } from './match';
import type { MatcherSettings } from './matcherSettings';
import { parseProvisions } from './parse';
import { setSpellingRules } from './tokens';
import type { ArticleMatch, DocumentAnalysis, DraftLanguage, ParsedDraft, Problem, Provision, ProvisionMatch, Span } from './types';

export interface AnalyzeOptions {
  /** Force a language instead of detecting it. */
  language?: DraftLanguage;
  checks?: CheckOptions;
}

/** Drafts larger than this are analysed only in part, with a problem saying so. */
export const MAX_ANALYSED_CHARS = 25_000_000;
const CACHE_LIMIT = 50_000;

export class Analyzer {
  readonly matcher: ProvisionMatcher;
  private readonly cache = new Map<string, ArticleMatch[]>();
  /** Provisions actually matched (not served from cache) since the counter was reset. */
  matchedCount = 0;

  constructor(
    readonly data: ConventionData,
    readonly settings: MatcherSettings,
  ) {
    setSpellingRules({ words: settings.spelling, whole: settings.unstemmed });
    this.matcher = new ProvisionMatcher(data, settings);
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
  private *steps(text: string, options: AnalyzeOptions): Generator<void, DocumentAnalysis> {
    const problems: Problem[] = [];
    if (isBinary(text)) {
      problems.push({ message: 'This looks like a binary file, not a draft; it was not analysed.' });
      const parsed: ParsedDraft = { provisions: [], byId: new Map(), definitions: [], references: [] };
      return { language: 'en', parsed, matches: new Map(), findings: [], coverage: [], problems };
    }
    if (text.length > MAX_ANALYSED_CHARS) {
      problems.push({ message: `The draft is ${text.length} characters long; only the first ${MAX_ANALYSED_CHARS} were analysed.` });
      text = text.slice(0, MAX_ANALYSED_CHARS);
    }
    const language = options.language ?? detectLanguage(text);
    const parsed = parseProvisions(text);
    yield;
    const matches = new Map<string, ProvisionMatch>();
    const units = matchUnits(parsed);
    const defined = definedTermsByUnit(units, parsed);
    for (const unit of units) {
      matches.set(unit.id, { provision: unit.id, matches: this.matchUnit(text, unit, parsed, language, defined.get(unit.id) ?? []) });
      yield;
    }
    const analysis: DocumentAnalysis = { language, parsed, matches, findings: [], coverage: [], problems };
    analysis.findings = checkDraft(text, analysis, this, options.checks);
    yield;
    analysis.coverage = computeCoverage(this.data, analysis);
    return analysis;
  }

  private matchUnit(text: string, unit: Provision, parsed: ParsedDraft, lang: DraftLanguage, definedTerms: string[]): ArticleMatch[] {
    const unitText = text.slice(unit.span.start, unit.span.end);
    const context = ancestors(unit, parsed)
      .map((p) => p.heading ?? '')
      .filter(Boolean);
    const key = [lang, unit.heading ?? '', context.join('\u0001'), definedTerms.join('\u0001'), unitText].join('\u0000');
    let rel = this.cache.get(key);
    if (rel) {
      // Refresh recency so frequently seen provisions stay cached.
      this.cache.delete(key);
    } else {
      this.matchedCount++;
      rel = this.matcher.match({ text: unitText, span: { start: 0, end: unitText.length }, heading: unit.heading, context, definedTerms, lang });
      // An offence on a subject the Convention leaves out (extortion, copyright …), or a speech
      // offence that only resembles a Convention offence, may share its vocabulary but
      // implements none: it gets no article, and the checks report it as having no counterpart.
      if (rel.length > 0) {
        const idx = new TokenIndex(this.matcher.cues.analyze(unitText, lang));
        if (isOffenceWording(this, idx, lang) && counterpartDoubted(this, unitText, idx, lang, rel[0])) rel = [];
      }
    }
    this.cache.set(key, rel);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return rel.map((m) => rebase(m, unit.span.start));
  }
}

/** The provisions matched against the convention: sections, or top-level provisions where a draft has none. */
export function matchUnits(parsed: ParsedDraft): Provision[] {
  const sections = parsed.provisions.filter((p) => p.kind === 'section');
  if (sections.length > 0) return sections;
  const top = parsed.provisions.filter((p) => p.depth === 0 && p.kind !== 'division' && p.kind !== 'trailing');
  if (top.length > 0) return top;
  // A draft made only of Parts/headings: match the leaves.
  return parsed.provisions.filter((p) => p.children.length === 0 && p.kind !== 'preamble');
}

/**
 * The terms each unit defines (quoted defined terms within its span). Units do not overlap and
 * are in document order, so each definition is placed by binary search: linear, not units × definitions.
 */
function definedTermsByUnit(units: Provision[], parsed: ParsedDraft): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of parsed.definitions) {
    let lo = 0;
    let hi = units.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (units[mid].span.start <= d.span.start) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const unit = idx >= 0 ? units[idx] : undefined;
    if (!unit || d.span.end > unit.span.end) continue;
    const list = out.get(unit.id);
    if (list) list.push(d.term);
    else out.set(unit.id, [d.term]);
  }
  return out;
}

export function ancestors(p: Provision, parsed: ParsedDraft): Provision[] {
  const out: Provision[] = [];
  for (let q = p.parent ? parsed.byId.get(p.parent) : undefined; q; q = q.parent ? parsed.byId.get(q.parent) : undefined) out.unshift(q);
  return out;
}

/** The matched unit (section) that contains a provision, if any. */
export function unitOf(p: Provision, analysis: DocumentAnalysis): Provision | undefined {
  for (let q: Provision | undefined = p; q; q = q.parent ? analysis.parsed.byId.get(q.parent) : undefined) {
    if (analysis.matches.has(q.id)) return q;
  }
  return undefined;
}

function rebase(m: ArticleMatch, offset: number): ArticleMatch {
  return {
    ...m,
    elements: m.elements.map((e) => (e.span ? { ...e, span: shift(e.span, offset) } : e)),
  };
}

function shift(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
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
