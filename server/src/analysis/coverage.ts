// Coverage of the whole convention by one draft: which articles some provision implements.
import type { ConventionData } from './data/types';
import type { CoverageEntry, DocumentAnalysis } from './types';

export function computeCoverage(data: ConventionData, analysis: DocumentAnalysis): CoverageEntry[] {
  const byArticle = new Map<number, CoverageEntry>();
  for (const a of data.articles) {
    byArticle.set(a.article, {
      article: a.article,
      status: a.needsDomesticProvision ? 'missing' : 'not-applicable',
      provisions: [],
      missingElements: [],
      missingSafeguards: [],
    });
  }
  for (const pm of analysis.matches.values()) {
    for (const m of pm.matches) {
      const entry = byArticle.get(m.article);
      if (!entry) continue;
      entry.provisions.push(pm.provision);
      for (const e of m.elements) if (e.required && !e.present && !entry.missingElements.includes(e.id)) entry.missingElements.push(e.id);
    }
  }
  for (const f of analysis.findings) {
    if (!f.provision || !f.code.startsWith('safeguard.')) continue;
    const pm = analysis.matches.get(f.provision);
    const best = pm?.matches[0];
    if (!best) continue;
    const entry = byArticle.get(best.article);
    if (entry && !entry.missingSafeguards.includes(f.code)) entry.missingSafeguards.push(f.code);
  }
  for (const entry of byArticle.values()) {
    if (entry.provisions.length === 0) continue;
    // An article counts as implemented when one provision has every required element;
    // elements spread over several provisions still leave it partial.
    const complete = entry.provisions.some((id) =>
      analysis.matches.get(id)?.matches.some((m) => m.article === entry.article && m.elements.every((e) => !e.required || e.present)),
    );
    entry.status = complete && entry.missingSafeguards.length === 0 ? 'implemented' : 'partial';
    if (complete) entry.missingElements = [];
  }
  return [...byArticle.values()];
}
