// A drafter's provision side by side with a Convention article (or its Budapest counterpart):
// the plain model behind the "Compare Provision with Article" view. Pure core code: the LSP
// request `concordance/compare` builds it; the client only renders it.
import { diffWords } from 'diff';
import type { Article, ConventionData, Cues } from './data/types';
import { LineIndex } from './text';
import type { ArticleMatch, DocumentAnalysis, DraftLanguage, MatchStrength, Provision, Range, Span } from './types';

/** A piece of a word diff between the draft and the model clause. */
export interface DiffPart {
  /** same: in both; added: only in the draft (what it adds); removed: only in the model clause (what it omits). */
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Longest inputs diffed word by word; beyond this the diff is reported as too large. */
export const MAX_DIFF_CHARS = 60_000;

/**
 * Word-level diff of the draft against the model clause. `added` parts are the draft's own
 * words, `removed` parts the model's words the draft lacks. Returns undefined when the
 * texts are too large or too different to diff quickly.
 */
export function wordDiff(draft: string, model: string): DiffPart[] | undefined {
  if (draft.length + model.length > MAX_DIFF_CHARS) return undefined;
  const changes = diffWords(normalizeSpace(model), normalizeSpace(draft), { maxEditLength: 5000 });
  if (!changes) return undefined;
  const out: DiffPart[] = [];
  for (const c of changes) {
    const kind: DiffPart['kind'] = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else if (c.value) out.push({ kind, text: c.value });
  }
  return out;
}

/** Counts of words the draft adds and omits relative to the model clause. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number; same: number } {
  const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const out = { added: 0, removed: 0, same: 0 };
  for (const p of parts) out[p.kind] += words(p.text);
  return out;
}

function normalizeSpace(s: string): string {
  return s.replace(/[ \t]+/g, ' ').replace(/\s*\r?\n\s*/g, '\n').trim();
}

export interface ComparedElement {
  id: string;
  label: string;
  required: boolean;
  paragraph?: string;
  present: boolean;
  evidence?: string;
  /** Offsets of the evidence within the provision text (ComparisonModel.provision.text). */
  span?: Span;
}

export interface ComparedSafeguard {
  id: string;
  title: string;
  citations: string[];
  requirement: string;
  present: boolean;
  /** How presence was decided: by the safeguard checks' findings, or by looking for the safeguard's wording. */
  basis: 'findings' | 'wording';
  /** The general safeguards provision where the wording was found, when not in this provision. */
  foundIn?: string;
}

export interface CandidateArticle {
  article: number;
  title: string;
  score: number;
  strength: MatchStrength;
  /** The score in words, for the quick pick: "strong match (0.82): heading says …". */
  words: string;
}

export interface BudapestCounterpart {
  article: string;
  title: string;
  summary: string;
}

export interface ComparisonModel {
  mode: 'article' | 'budapest';
  uri: string;
  provision: {
    id: string;
    label: string;
    heading?: string;
    range: Range;
    /** The provision's text, as it stands in the draft. */
    text: string;
    /** Where the provision text starts in the document (offsets in spans are relative to this). */
    offset: number;
  };
  /** Articles the matcher proposes for this provision, best first. */
  candidates: CandidateArticle[];
  article: {
    number: number;
    title: string;
    chapter: string;
    chapterTitle: string;
    obligation: string;
    kind: string;
    paragraphs: { n: string; obligation: string; summary: string }[];
    readWith: { article: number; title: string }[];
    options: string;
    verified: boolean;
  };
  /** How the matcher rated this provision against the article; absent when it did not propose it. */
  match?: { score: number; strength: MatchStrength; reasons: readonly string[]; rank: number };
  elements: ComparedElement[];
  safeguards: ComparedSafeguard[];
  budapest: BudapestCounterpart[];
  /** Why there is no Budapest counterpart, when there is none. */
  budapestNote?: string;
  modelClause?: {
    title: string;
    text: string;
    /** Where the model clause says each element (by its cues), so both sides can be highlighted element by element. */
    marks?: { element: string; start: number; end: number }[];
  };
  /** Draft vs model clause; absent without a model clause, or when the texts are too large to diff. */
  diff?: DiffPart[];
  diffStats?: { added: number; removed: number; same: number };
}

export interface ComparisonInput {
  data: ConventionData;
  uri: string;
  text: string;
  analysis: DocumentAnalysis;
  /** The provision (any level); the comparison uses the matched section that contains it. */
  provisionId: string;
  /** Article to compare with; the best match when absent. */
  article?: number;
  mode?: 'article' | 'budapest';
  /**
   * Finds a cue phrase in the document within `span` (document offsets). The LSP layer passes
   * the matcher's cue finder; without it a case-insensitive search for the phrase is used.
   */
  findCue?: (cues: Cues, lang: DraftLanguage, span: Span) => Span | undefined;
}

/** The matched unit (section) that contains a provision, or the provision itself. */
export function comparisonUnit(analysis: DocumentAnalysis, provisionId: string): Provision | undefined {
  let p = analysis.parsed.byId.get(provisionId);
  const start = p;
  while (p) {
    if (analysis.matches.has(p.id)) return p;
    p = p.parent ? analysis.parsed.byId.get(p.parent) : undefined;
  }
  return start;
}

export function candidateWords(m: ArticleMatch): string {
  const reason = m.reasons.length ? ': ' + m.reasons.join('; ') : '';
  return `${m.strength} match (score ${m.score.toFixed(2)})${reason}`;
}

/** Plain case-insensitive phrase search: the fallback cue finder. */
export function findCuePlain(text: string): (cues: Cues, lang: DraftLanguage, span: Span) => Span | undefined {
  const lower = text.toLowerCase();
  return (cues, lang, span) => {
    const list = [...(cues[lang] ?? []), ...(lang === 'en' ? [] : cues.en)];
    let best: Span | undefined;
    for (const c of list) {
      const phrase = c.toLowerCase().trim();
      if (!phrase) continue;
      const at = lower.indexOf(phrase, span.start);
      if (at < 0 || at + phrase.length > span.end) continue;
      if (!best || at < best.start) best = { start: at, end: at + phrase.length };
    }
    return best;
  };
}

export function buildComparison(input: ComparisonInput): ComparisonModel | undefined {
  const { data, analysis, text } = input;
  const unit = comparisonUnit(analysis, input.provisionId);
  if (!unit) return undefined;
  const matches = analysis.matches.get(unit.id)?.matches ?? [];
  const number = input.article ?? matches[0]?.article;
  if (number === undefined) return undefined;
  const article = data.articles.find((a) => a.article === number);
  if (!article) return undefined;
  const findCue = input.findCue ?? findCuePlain(text);
  const lines = new LineIndex(text);
  const offset = unit.span.start;
  const rel = (s: Span): Span => ({ start: s.start - offset, end: s.end - offset });
  const rank = matches.findIndex((m) => m.article === number);
  const match = rank >= 0 ? matches[rank] : undefined;

  const elements: ComparedElement[] = article.elements.map((e) => {
    const ev = match?.elements.find((x) => x.id === e.id);
    const out: ComparedElement = { id: e.id, label: e.label, required: e.required, present: false };
    if (e.paragraph) out.paragraph = e.paragraph;
    if (match) {
      if (ev?.present) {
        out.present = true;
        if (ev.evidence) out.evidence = ev.evidence;
        if (ev.span) out.span = { ...ev.span }; // already relative to the provision
      }
    } else {
      const hit = findCue(e.cues, analysis.language, unit.span);
      if (hit) {
        out.present = true;
        out.evidence = text.slice(hit.start, hit.end);
        out.span = rel(hit);
      }
    }
    return out;
  });

  const safeguards = compareSafeguards(data, article, analysis, unit, rank === 0, findCue);
  const chapter = data.chapters.find((c) => c.chapter === article.chapter);
  const budapest = budapestFor(data, article);
  const clause = data.modelClauses.find((m) => m.article === number);
  const provisionText = text.slice(unit.span.start, unit.span.end);
  const model: ComparisonModel = {
    mode: input.mode ?? 'article',
    uri: input.uri,
    provision: {
      id: unit.id,
      label: unit.label,
      ...(unit.heading ? { heading: unit.heading } : {}),
      range: lines.rangeOf(unit.span),
      text: provisionText,
      offset,
    },
    candidates: matches.map((m) => ({ article: m.article, title: m.title, score: m.score, strength: m.strength, words: candidateWords(m) })),
    article: {
      number,
      title: article.title,
      chapter: article.chapter,
      chapterTitle: chapter?.title ?? '',
      obligation: article.obligation,
      kind: article.kind,
      paragraphs: article.paragraphs.map((p) => ({ n: p.n, obligation: p.obligation, summary: p.summary })),
      readWith: article.readWith.map((n) => ({ article: n, title: data.articles.find((a) => a.article === n)?.title ?? '' })),
      options: article.options,
      verified: article.verified,
    },
    elements,
    safeguards,
    budapest,
  };
  if (match) model.match = { score: match.score, strength: match.strength, reasons: match.reasons, rank };
  if (budapest.length === 0) {
    model.budapestNote = `The Budapest Convention has no counterpart to Art. ${number} (${article.title}); it is new in the UN Convention.`;
  }
  if (clause) {
    const inClause = findCuePlain(clause.text);
    const whole: Span = { start: 0, end: clause.text.length };
    const marks: { element: string; start: number; end: number }[] = [];
    for (const e of article.elements) {
      // Model clauses are English; the draft's own language first when the clause has its cues.
      const hit = inClause(e.cues, analysis.language, whole) ?? inClause(e.cues, 'en', whole);
      if (hit) marks.push({ element: e.id, start: hit.start, end: hit.end });
    }
    model.modelClause = { title: clause.title, text: clause.text, ...(marks.length ? { marks } : {}) };
    const diff = wordDiff(provisionText, clause.text);
    if (diff) {
      model.diff = diff;
      model.diffStats = diffStats(diff);
    }
  }
  return model;
}

function budapestFor(data: ConventionData, article: Article): BudapestCounterpart[] {
  return article.budapest.map((ref) => {
    const base = /^\d+/.exec(ref)?.[0] ?? ref;
    const b = data.budapest.find((x) => x.article === base);
    return { article: ref, title: b?.title ?? '', summary: b?.summary ?? '' };
  });
}

function compareSafeguards(
  data: ConventionData,
  article: Article,
  analysis: DocumentAnalysis,
  unit: Provision,
  isBest: boolean,
  findCue: NonNullable<ComparisonInput['findCue']>,
): ComparedSafeguard[] {
  const out: ComparedSafeguard[] = [];
  const unitFindings = analysis.findings.filter((f) => f.provision === unit.id && f.code.startsWith('safeguard.'));
  const safeguardArticles = new Set(data.articles.filter((a) => a.kind === 'safeguard').map((a) => a.article));
  const general: Provision[] = [];
  for (const [id, pm] of analysis.matches) {
    const best = pm.matches[0];
    const p = analysis.parsed.byId.get(id);
    if (p && p !== unit && best && safeguardArticles.has(best.article)) general.push(p);
  }
  for (const id of article.safeguards) {
    const s = data.safeguards.find((x) => x.id === id);
    if (!s) continue;
    const checks = data.checks.filter((c) => c.family === 'safeguard' && c.appliesTo.includes(article.article) && (c.safeguards ?? []).includes(id));
    let present: boolean;
    let basis: ComparedSafeguard['basis'];
    let foundIn: string | undefined;
    if (isBest && checks.length > 0) {
      // The analysis checked this provision against this article: trust its findings.
      present = !checks.some((c) => unitFindings.some((f) => f.code === c.code));
      basis = 'findings';
    } else {
      // Look in the provision, then in the draft's general safeguards provisions (those
      // implementing a safeguards article, e.g. Art. 24), whose conditions apply draft-wide.
      basis = 'wording';
      present = false;
      for (const where of [unit, ...general]) {
        if (findCue(s.cues, analysis.language, where.span) || checks.some((c) => c.cues && !!findCue(c.cues, analysis.language, where.span))) {
          present = true;
          if (where !== unit) foundIn = where.heading ? `${where.label} ${where.heading}` : where.label;
          break;
        }
      }
    }
    out.push({ id, title: s.title, citations: s.citations, requirement: s.requirement, present, basis, ...(foundIn ? { foundIn } : {}) });
  }
  return out;
}
