// Coverage of the whole convention by one draft: which articles some provision implements.
import type { ConventionData } from './data/types';
import type { ArticleMatch, Building, CoverageEntry, DocumentAnalysis, Provision } from './types';

/**
 * The check family whose findings computeCoverage reads (warnings and errors placed on a
 * provision leave its article partly implemented): all it reads of the findings. An Analyzer
 * whose FindingScope is 'coverage' makes no other (checks.ts).
 */
export const COVERAGE_FAMILY = 'safeguard';
const COVERAGE_PREFIX = COVERAGE_FAMILY + '.';

/** What the units' matches say of one article. */
export interface ArticleUnits {
  /** The units implementing it, in order. */
  provisions: string[];
  /** Required elements some of them lack, in order of first sight. */
  missing: string[];
  /** Whether one of them has every required element. */
  complete: boolean;
  /** The units (indexes) whose best match it is. */
  best: number[];
}

/** A unit's matches and the required elements each lacks: all coverage reads of it. */
export interface UnitContribution {
  rel: ArticleMatch[];
  lacking: string[][];
}

/** Per article some unit matches: the units implementing it and what they lack. */
export function unitCoverage(units: readonly Provision[], entries: readonly UnitContribution[]): Map<number, ArticleUnits> {
  const byArticle = new Map<number, ArticleUnits>();
  const missing = new Map<number, Set<string>>();
  // Indexed loops, not for…of: this runs cold on the first edits, where for…of allocates per step.
  for (let i = 0; i < entries.length; i++) {
    const { rel, lacking } = entries[i];
    for (let k = 0; k < rel.length; k++) {
      const article = rel[k].article;
      let entry = byArticle.get(article);
      let set = missing.get(article);
      if (entry === undefined || set === undefined) {
        byArticle.set(article, (entry = { provisions: [], missing: [], complete: false, best: [] }));
        missing.set(article, (set = new Set()));
      }
      entry.provisions.push(units[i].id);
      if (k === 0) entry.best.push(i);
      const lacks = lacking[k];
      for (let j = 0; j < lacks.length; j++) set.add(lacks[j]);
      // An article counts as implemented when one provision has every required element;
      // elements spread over several provisions still leave it partial.
      if (lacks.length === 0) entry.complete = true;
    }
  }
  for (const [article, entry] of byArticle) entry.missing = [...missing.get(article)!];
  return byArticle;
}

/**
 * Do these units contribute to coverage what they did before (units first..last, by index;
 * the others are the same entries)? Their matches may be new objects with the same articles.
 */
export function sameContributions(before: readonly UnitContribution[], after: readonly UnitContribution[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const x = before[i];
    const y = after[i];
    if (x === y) continue;
    if (x.rel.length !== y.rel.length) return false;
    for (let k = 0; k < x.rel.length; k++) {
      if (x.rel[k].article !== y.rel[k].article) return false;
      const a = x.lacking[k];
      const b = y.lacking[k];
      if (a.length !== b.length) return false;
      for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
    }
  }
  return true;
}

/**
 * Coverage of every article: `byUnits` says which units implement it and what they lack (see
 * unitCoverage); safeguard warnings (and errors) on those units leave it partial.
 */
export function computeCoverage(data: ConventionData, analysis: DocumentAnalysis, byUnits: ReadonlyMap<number, ArticleUnits>): CoverageEntry[] {
  const byArticle = new Map<number, Building<CoverageEntry>>();
  for (const a of data.articles) {
    const units = byUnits.get(a.article);
    byArticle.set(a.article, {
      article: a.article,
      status: units ? 'partial' : a.needsDomesticProvision ? 'missing' : 'not-applicable',
      provisions: units ? units.provisions : [],
      missingElements: units && !units.complete ? units.missing : [],
      missingSafeguards: [],
    });
  }
  for (let k = 0; k < analysis.findings.length; k++) {
    const f = analysis.findings[k];
    // Information (a safeguard asked for only as appropriate to the power, or only to be
    // considered) does not leave an article partly implemented.
    if (!f.provision || !f.code.startsWith(COVERAGE_PREFIX) || f.severity === 'information' || f.severity === 'hint') continue;
    const pm = analysis.matches.get(f.provision);
    const best = pm?.matches[0];
    if (!best) continue;
    const entry = byArticle.get(best.article);
    if (entry && !entry.missingSafeguards.includes(f.code)) entry.missingSafeguards.push(f.code);
  }
  for (const entry of byArticle.values()) {
    const units = byUnits.get(entry.article);
    if (units?.complete && entry.missingSafeguards.length === 0) entry.status = 'implemented';
  }
  return [...byArticle.values()];
}

/** The required elements a match lacks (ids, in the article's order; not to be changed: most share one empty list). */
export function lackingElements(m: ArticleMatch): string[] {
  let ids: string[] | undefined;
  for (let k = 0; k < m.elements.length; k++) {
    const e = m.elements[k];
    if (e.required && !e.present) (ids ??= []).push(e.id);
  }
  return ids ?? NOTHING_LACKING;
}

/**
 * Shared by every match that lacks nothing. Made as a list that held strings, like the others
 * (an array literal with strings pushed): code that reads both sees one array shape, not two.
 */
const NOTHING_LACKING: string[] = [''].slice(0, 0);
