// Coverage of the whole convention by one draft: which articles some provision implements.
import type { ConventionData } from './data/types';
import type { ArticleMatch, CoverageEntry, DocumentAnalysis } from './types';

export function computeCoverage(data: ConventionData, analysis: DocumentAnalysis): CoverageEntry[] {
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
  // forEach and indexed loops, not for…of: this runs cold on the first edits, where for…of allocates per step.
  analysis.matches.forEach((pm) => {
    for (let k = 0; k < pm.matches.length; k++) {
      const m = pm.matches[k];
      const entry = byArticle.get(m.article);
      if (!entry) continue;
      entry.provisions.push(pm.provision);
      const lacks = lacking(m);
      const ids = missing.get(m.article)!;
      for (const id of lacks) ids.add(id);
      // An article counts as implemented when one provision has every required element;
      // elements spread over several provisions still leave it partial.
      if (lacks.length === 0) complete.add(m.article);
    }
  });
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

/** Required elements a match lacks, remembered per match: a match outlives the versions that keep its provision. */
const lackingOf = new WeakMap<ArticleMatch, string[]>();

function lacking(m: ArticleMatch): string[] {
  let ids = lackingOf.get(m);
  if (!ids) {
    ids = m.elements.filter((e) => e.required && !e.present).map((e) => e.id);
    lackingOf.set(m, ids);
  }
  return ids;
}
