// Hand-built convention data and analyses for the table, comparison and version-compare tests.
// The wording is our own and deliberately small; nothing here is treaty or statute text.
import { getConventionData } from '../../../src/analysis/data/load';
import type { Article, ConventionData } from '../../../src/analysis/data/types';
import type { ArticleMatch, Building, CoverageEntry, DocumentAnalysis, ElementEvidence, Finding, Provision } from '../../../src/analysis/types';

function article(partial: Partial<Article> & Pick<Article, 'article' | 'chapter' | 'title'>): Article {
  return {
    kind: 'offence',
    obligation: 'mandatory',
    needsDomesticProvision: true,
    paragraphs: [{ n: '1', obligation: 'shall', summary: `Summary of article ${partial.article}.`, verified: true }],
    elements: [],
    safeguards: [],
    readWith: [],
    budapest: [],
    options: '',
    keyTerms: [],
    headingCues: { en: ['x', 'y'] },
    verified: true,
    ...partial,
  };
}

export function fixtureData(): ConventionData {
  return {
    chapters: [
      { chapter: 'I', title: 'General provisions', articles: [1, 2] },
      { chapter: 'II', title: 'Criminalization', articles: [7, 16] },
      { chapter: 'IV', title: 'Procedural measures', articles: [24, 28] },
    ],
    articles: [
      article({ article: 1, chapter: 'I', title: 'Purposes', kind: 'general', needsDomesticProvision: false }),
      article({
        article: 7,
        chapter: 'II',
        title: 'Illegal access',
        obligation: 'mixed',
        budapest: ['2'],
        readWith: [16],
        elements: [
          { id: 'conduct-access', label: 'Accessing a computer system', required: true, paragraph: '1', cues: { en: ['accesses'] } },
          { id: 'intent', label: 'Done intentionally', required: true, paragraph: '1', cues: { en: ['intentionally'] } },
          { id: 'without-right', label: 'Without right', required: true, paragraph: '1', cues: { en: ['without authority'] } },
        ],
      }),
      article({
        article: 16,
        chapter: 'II',
        title: 'Sharing private images without consent',
        obligation: 'mixed',
        elements: [{ id: 'no-consent', label: 'Without the consent of the person shown', required: true, cues: { en: ['without consent'] } }],
      }),
      article({
        article: 28,
        chapter: 'IV',
        title: 'Search of stored data',
        kind: 'procedural-power',
        budapest: ['19'],
        safeguards: ['judicial-review', 'proportionality'],
        elements: [{ id: 'search-access', label: 'Power to search a computer system', required: true, cues: { en: ['search'] } }],
      }),
      article({ article: 2, chapter: 'I', title: 'Use of terms', kind: 'definition', obligation: 'optional' }),
    ],
    safeguards: [
      {
        id: 'judicial-review',
        title: 'Judicial or independent review',
        citations: ['24(2)'],
        obligation: 'shall',
        requirement: 'A court or independent body reviews the use of the power.',
        appliesTo: [28],
        cues: { en: ['warrant issued by a judge'] },
        weakCues: [],
        verified: true,
      },
      {
        id: 'proportionality',
        title: 'Proportionality',
        citations: ['24(1)'],
        obligation: 'shall',
        requirement: 'The power is used only where proportionate.',
        appliesTo: [28],
        cues: { en: ['proportionate'] },
        weakCues: [],
        verified: true,
      },
    ],
    definitions: [],
    lexicon: [],
    checks: [
      {
        code: 'safeguard.judicial-review',
        family: 'safeguard',
        title: 'No judicial review',
        defaultSeverity: 'warning',
        citations: ['24(2)'],
        appliesTo: [28],
        safeguards: ['judicial-review'],
        description: 'd',
        example: 'e',
      },
    ],
    checkLexicon: { vagueTerms: { en: [] }, speechOffenceCues: { en: [] }, offenceMarkers: { en: [] }, techSpecific: [] },
    modelClauses: [
      {
        article: 7,
        title: 'Illegal access',
        text: 'A person who intentionally and without right accesses the whole or any part of a computer system commits an offence.',
        snippets: {},
      },
    ],
    budapest: [
      { article: '2', title: 'Illegal access (Budapest)', summary: 'Our summary of the Budapest access offence.' },
      { article: '19', title: 'Search and seizure (Budapest)', summary: 'Our summary of the Budapest search power.' },
    ],
    // The shipped language files: the parser and the language detector read them.
    languages: getConventionData().languages,
    messages: getConventionData().messages,
  };
}

export interface SectionSpec {
  label: string;
  heading?: string;
  body: string;
  /** Article matches: article number, present element ids. */
  matches?: { article: number; present: string[]; score?: number }[];
}

/**
 * Builds a draft text "Section N Heading\nbody\n\n…" and a DocumentAnalysis whose provisions,
 * matches and coverage follow `sections` (coverage computed the simple way: every required
 * element of the article present → implemented).
 */
export function fixtureDraft(data: ConventionData, sections: SectionSpec[], findings: Omit<Finding, 'span'>[] = []): { text: string; analysis: DocumentAnalysis } {
  let text = '';
  const provisions: Provision[] = [];
  const spans = new Map<string, { start: number; end: number }>();
  for (const s of sections) {
    const start = text.length;
    text += `Section ${s.label}${s.heading ? ' ' + s.heading : ''}\n${s.body}\n`;
    const end = text.length;
    text += '\n';
    const id = `s-${s.label}`;
    spans.set(id, { start, end });
    provisions.push({ id, kind: 'section', label: s.label, ...(s.heading ? { heading: s.heading } : {}), span: { start, end }, ownSpan: { start, end }, children: [], depth: 0 });
  }
  const matches = new Map<string, { provision: string; matches: ArticleMatch[] }>();
  sections.forEach((s, i) => {
    const p = provisions[i];
    const list: ArticleMatch[] = (s.matches ?? []).map((m) => {
      const a = data.articles.find((x) => x.article === m.article)!;
      const elements: ElementEvidence[] = a.elements.map((e) => {
        const present = m.present.includes(e.id);
        const ev: Building<ElementEvidence> = { id: e.id, label: e.label, required: e.required, present };
        if (present) {
          const cue = e.cues.en[0];
          const at = text.toLowerCase().indexOf(cue.toLowerCase(), p.span.start);
          if (at >= 0 && at < p.span.end) {
            ev.evidence = text.slice(at, at + cue.length);
            ev.span = { start: at, end: at + cue.length };
          }
        }
        return ev;
      });
      const score = m.score ?? 0.8;
      return { article: a.article, title: a.title, score, strength: score > 0.6 ? 'strong' : 'moderate', elements, reasons: ['heading says "access"'] };
    });
    matches.set(p.id, { provision: p.id, matches: list });
  });
  const withSpans: Finding[] = findings.map((f) => ({ ...f, span: spans.get(f.provision ?? '') ?? { start: 0, end: 0 } }));
  const coverage: CoverageEntry[] = data.articles.map((a) => {
    const entry: Building<CoverageEntry> = { article: a.article, status: a.needsDomesticProvision ? 'missing' : 'not-applicable', provisions: [], missingElements: [], missingSafeguards: [] };
    for (const [id, pm] of matches) {
      const m = pm.matches.find((x) => x.article === a.article);
      if (!m) continue;
      entry.provisions.push(id);
      for (const e of m.elements) if (e.required && !e.present && !entry.missingElements.includes(e.id)) entry.missingElements.push(e.id);
      for (const f of withSpans) if (f.provision === id && f.code.startsWith('safeguard.') && !entry.missingSafeguards.includes(f.code)) entry.missingSafeguards.push(f.code);
    }
    if (entry.provisions.length) entry.status = entry.missingElements.length === 0 && entry.missingSafeguards.length === 0 ? 'implemented' : 'partial';
    return entry;
  });
  return {
    text,
    analysis: {
      language: 'en',
      parsed: { provisions, byId: new Map(provisions.map((p) => [p.id, p])), definitions: [], references: [] },
      matches,
      findings: withSpans,
      coverage,
      problems: [],
    },
  };
}
