// Coverage of the whole convention by one draft: which articles some provision implements.
import type { ConventionData } from './data/types';
import type { ArticleMatch, CoverageEntry, DocumentAnalysis, Provision } from './types';

/** `units`: the matched units in order; `entries`: per unit, its matches and the required elements each lacks. */
export function computeCoverage(
  data: ConventionData,
  analysis: DocumentAnalysis,
  units: readonly Provision[],
  entries: readonly { rel: ArticleMatch[]; lacking: string[][] }[],
): CoverageEntry[] {
  const byArticle = new Map<number, CoverageEntry>();
  // Missing element ids per article, in order of first sight; articles some provision implements whole.
  const missing = new Map<number, Set<string>>();
  const complete = new Set<number>();
  for (const a of data.articles) {
    byArticle.set(a.article, {
      article: a.article,
      status: a.needsDomesticProvision ? 'missing' : 'not-applicable',
      provisions: [],
      missingElements: [],
      missingSafeguards: [],
    });
    missing.set(a.article, new Set());
  }
  // Indexed loops, not for…of: this runs cold on the first edits, where for…of allocates per step.
  for (let i = 0; i < entries.length; i++) {
    const { rel, lacking } = entries[i];
    for (let k = 0; k < rel.length; k++) {
      const m = rel[k];
      const entry = byArticle.get(m.article);
      if (!entry) continue;
      entry.provisions.push(units[i].id);
      const lacks = lacking[k];
      const set = missing.get(m.article)!;
      for (let j = 0; j < lacks.length; j++) set.add(lacks[j]);
      // An article counts as implemented when one provision has every required element;
      // elements spread over several provisions still leave it partial.
      if (lacks.length === 0) complete.add(m.article);
    }
  }
  for (let k = 0; k < analysis.findings.length; k++) {
    const f = analysis.findings[k];
    if (!f.provision || !f.code.startsWith('safeguard.')) continue;
    const pm = analysis.matches.get(f.provision);
    const best = pm?.matches[0];
    if (!best) continue;
    const entry = byArticle.get(best.article);
    if (entry && !entry.missingSafeguards.includes(f.code)) entry.missingSafeguards.push(f.code);
  }
  for (const entry of byArticle.values()) {
    if (entry.provisions.length === 0) continue;
    const whole = complete.has(entry.article);
    entry.status = whole && entry.missingSafeguards.length === 0 ? 'implemented' : 'partial';
    entry.missingElements = whole ? [] : [...missing.get(entry.article)!];
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
