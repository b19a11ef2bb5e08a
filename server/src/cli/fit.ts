// `concordance fit`: learns the matcher's signal weights (data/matcher.json `weights`) from
// labelled provisions, so that how the signals combine is measured rather than guessed.
//
// The model is linear in the signals: for a provision, article a gets z_a = bias + Σ w_f · x_f(a),
// and the matcher shows the best article when z > 0 ("none" is at 0). The fit minimises what that
// decision needs (objective `top`): a softmax over the articles ranks the right one first, and a
// logistic loss on the best article's logit says whether it is shown. `concordance fit` chooses the
// L2 penalty by leave-one-jurisdiction-out inside the given cases (nested cross-validation). So the display
// threshold is where an article beats "none", and what a score means can be checked under
// cross-validation (`eval --lojo`).
import { Analyzer } from '../analysis/analyze';
import { FEATURES, type Feature } from '../analysis/match';
import type { MatcherSettings } from '../analysis/matcherSettings';
import { caseDraft, evaluateCases, summarise, type CaseOutcome, type EvalCase, type RunFigures } from './eval';

/** One provision as the fit sees it: every article's signals, and which articles are right (none: empty). */
export interface FitSample {
  caseId: string;
  jurisdiction: string;
  articles: number[];
  /** Row-major: articles.length × FEATURES.length. */
  x: Float64Array;
  right: Set<number>;
}

export interface FittedWeights {
  /** Per signal, on the logit scale. */
  weights: Record<Feature, number>;
  bias: number;
  /** Logits from which a best article is right in 90 % (strong) and 75 % (moderate) of training cases. */
  strongLogit: number;
  moderateLogit: number;
}

/** Shown scores are 0.5 + logit / SCORE_SCALE: "an article beats none" is 0.5, as before the fit. */
export const SCORE_SCALE = 10;

/** Every article's signals for each case (with and without its heading when asked). */
export function collectSamples(data: Analyzer['data'], settings: MatcherSettings, cases: EvalCase[], headings: boolean[]): FitSample[] {
  const out: FitSample[] = [];
  for (const withHeading of headings) {
    // A fresh analyzer: a cached provision would not be matched again, and its signals not seen.
    const analyzer = new Analyzer(data, settings);
    for (const c of cases) {
      const rows: { article: number; x: number[] }[] = [];
      analyzer.featureSink = (article, features) => rows.push({ article, x: Array.from(features) });
      analyzer.analyze(caseDraft(c, withHeading));
      analyzer.featureSink = undefined;
      // A case may split into several sections: the one whose best article scores highest under
      // the current weights speaks for it, as in `eval`.
      const perArticle = bestSection(rows, data.articles.length, settings);
      const x = new Float64Array(perArticle.length * FEATURES.length);
      perArticle.forEach((r, i) => x.set(r.x, i * FEATURES.length));
      const right = new Set([...c.expected_articles, ...(c.expected_articles.length ? c.acceptable_articles : [])].map(Number));
      out.push({ caseId: c.id, jurisdiction: c.jurisdiction ?? '', articles: perArticle.map((r) => r.article), x, right });
    }
  }
  return out;
}

/** How to fit. */
export interface FitOptions {
  iterations?: number;
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  /**
   * Move the intercept to where the most training cases are decided right (default: only for the
   * `choice` objective, whose likelihood leans towards "none"; `top` sets it by its own logistic loss).
   */
  shift?: boolean;
  /**
   * `top` (default): what the matcher decides —
   * a softmax over the articles ranks them (positives only), and a logistic loss on the best
   * article's logit says whether it is shown (the right one for a positive, none for a negative).
   * `choice`: one softmax over every article and "none" (the first model; it generalised worse).
   */
  objective?: 'choice' | 'top';
}

/**
 * Weights minimising the objective (with an L2 penalty, so rare signals do not run away) by Adam,
 * from zero weights. Deterministic: the same samples give the same weights.
 */
export function fitWeights(samples: FitSample[], options: FitOptions = {}): FittedWeights {
  const F = FEATURES.length;
  const iterations = options.iterations ?? 600;
  const l2 = options.l2 ?? 0.001;
  const objective = options.objective ?? 'top';
  const theta = new Float64Array(F + 1); // weights, then bias
  theta[F] = -2;
  const m = new Float64Array(F + 1);
  const v = new Float64Array(F + 1);
  const grad = new Float64Array(F + 1);
  const rate = 0.05;
  for (let it = 1; it <= iterations; it++) {
    grad.fill(0);
    for (const s of samples) (objective === 'top' ? accumulateTopGradient : accumulateGradient)(s, theta, grad);
    for (let k = 0; k <= F; k++) {
      const g = grad[k] / samples.length + (k < F ? l2 * theta[k] : 0);
      m[k] = 0.9 * m[k] + 0.1 * g;
      v[k] = 0.999 * v[k] + 0.001 * g * g;
      const mh = m[k] / (1 - 0.9 ** it);
      const vh = v[k] / (1 - 0.999 ** it);
      theta[k] -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
      // Every signal is evidence for an article (the saving wording counts -1, so its weight is a
      // penalty): no weight goes below zero, so a signal seen in few training cases cannot turn
      // into evidence against its meaning (projected gradient).
      if (k < F && theta[k] < 0) theta[k] = 0;
    }
  }
  const weights = {} as Record<Feature, number>;
  FEATURES.forEach((f, k) => (weights[f] = theta[k]));
  const fit = { weights, bias: theta[F] - (!(options.shift ?? objective === 'choice') ? 0 : decisionShift(samples, weights, theta[F])) };
  return { ...fit, strongLogit: calibrate(samples, fit, 0.9), moderateLogit: calibrate(samples, fit, 0.75) };
}

/**
 * Where to put "an article beats none" so that the most training cases are decided right (a
 * positive whose best article is right and shown, a negative with nothing shown): the likelihood
 * alone leans towards "none", as most articles are wrong for most provisions.
 */
function decisionShift(samples: FitSample[], weights: Record<Feature, number>, bias: number): number {
  const tops = samples.map((s) => ({ ...bestArticleOf(s, weights, bias), positive: s.right.size > 0 }));
  let best = 0;
  let bestCorrect = -1;
  for (const candidate of [0, ...tops.map((t) => t.z)]) {
    let correct = 0;
    for (const t of tops) correct += t.positive ? (t.right && t.z >= candidate ? 1 : 0) : t.z < candidate ? 1 : 0;
    if (correct > bestCorrect || (correct === bestCorrect && Math.abs(candidate) < Math.abs(best))) {
      bestCorrect = correct;
      best = candidate;
    }
  }
  return best;
}

/** The article with the highest logit for a sample, that logit, and whether the article is right. */
function bestArticleOf(s: FitSample, weights: Record<Feature, number>, bias: number): { z: number; right: boolean } {
  const F = FEATURES.length;
  let z = -Infinity;
  let article = -1;
  for (let i = 0; i < s.articles.length; i++) {
    const zi = weighted(s.x, i * F, weights, bias);
    if (zi > z) {
      z = zi;
      article = s.articles[i];
    }
  }
  return { z, right: s.right.has(article) };
}

/**
 * Adds the gradient of the `top` objective for one sample: -log softmax share of the right articles
 * among the articles (positives), plus the logistic loss of showing the best right article
 * (positives) or the best article (negatives).
 */
function accumulateTopGradient(s: FitSample, theta: Float64Array, grad: Float64Array): void {
  const F = FEATURES.length;
  const n = s.articles.length;
  const z = new Float64Array(n);
  let top = -Infinity;
  for (let i = 0; i < n; i++) {
    let zi = theta[F];
    for (let k = 0; k < F; k++) zi += theta[k] * s.x[i * F + k];
    z[i] = zi;
    if (zi > top) top = zi;
  }
  const add = (i: number, c: number) => {
    for (let k = 0; k < F; k++) grad[k] += c * s.x[i * F + k];
    grad[F] += c;
  };
  const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));
  if (s.right.size === 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (z[i] > z[best]) best = i;
    if (n) add(best, sigmoid(z[best]));
    return;
  }
  let all = 0;
  let right = 0;
  let bestRight = -1;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i] - top);
    all += e;
    if (s.right.has(s.articles[i])) {
      right += e;
      if (bestRight < 0 || z[i] > z[bestRight]) bestRight = i;
    }
  }
  if (right === 0) return; // no right article among those scored
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i] - top);
    const coefficient = e / all - (s.right.has(s.articles[i]) ? e / right : 0);
    if (coefficient !== 0) add(i, coefficient);
  }
  add(bestRight, sigmoid(z[bestRight]) - 1);
}

/** Adds the gradient of -log P(right choice) for one sample. */
function accumulateGradient(s: FitSample, theta: Float64Array, grad: Float64Array): void {
  const F = FEATURES.length;
  const n = s.articles.length;
  const z = new Float64Array(n);
  let top = 0; // "none" has logit 0
  for (let i = 0; i < n; i++) {
    let zi = theta[F];
    for (let k = 0; k < F; k++) zi += theta[k] * s.x[i * F + k];
    z[i] = zi;
    if (zi > top) top = zi;
  }
  // Softmax over all choices (p) and over the right ones (q), stabilised by the largest logit.
  let all = Math.exp(-top);
  let right = s.right.size === 0 ? Math.exp(-top) : 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i] - top);
    all += e;
    if (s.right.has(s.articles[i])) right += e;
  }
  if (right === 0) return; // no right article among those scored: nothing to learn from it
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i] - top);
    const coefficient = e / all - (s.right.has(s.articles[i]) ? e / right : 0);
    if (coefficient === 0) continue;
    for (let k = 0; k < F; k++) grad[k] += coefficient * s.x[i * F + k];
    grad[F] += coefficient;
  }
}

/**
 * Matcher settings using fitted weights: scores become 0.5 + logit / SCORE_SCALE, so 0.5 is where
 * an article beats "none" (the display threshold) whatever the fit.
 */
export function withFittedWeights(settings: MatcherSettings, fit: FittedWeights): MatcherSettings {
  const weights = { ...settings.weights };
  for (const f of FEATURES) weights[f] = round(fit.weights[f] / SCORE_SCALE);
  weights.bias = round(0.5 + fit.bias / SCORE_SCALE);
  const strong = round(0.5 + fit.strongLogit / SCORE_SCALE);
  const moderate = round(0.5 + fit.moderateLogit / SCORE_SCALE);
  return { ...settings, weights, thresholds: { ...settings.thresholds, show: 0.5, strong, moderate } };
}

/**
 * The logit above which the best article is right in at least `precision` of the training cases
 * that reach it (the lowest such point with at least a few cases above it).
 */
export function calibrate(samples: FitSample[], fit: Omit<FittedWeights, 'strongLogit' | 'moderateLogit'>, precision: number): number {
  const tops = samples.map((s) => bestArticleOf(s, fit.weights, fit.bias)).filter((t) => t.z > 0);
  tops.sort((a, b) => b.z - a.z);
  let right = 0;
  let threshold = tops.length ? tops[0].z : 0;
  tops.forEach((t, i) => {
    if (t.right) right++;
    if (i >= 4 && right / (i + 1) >= precision) threshold = t.z;
  });
  return Math.max(0, threshold);
}

function bestSection(rows: { article: number; x: number[] }[], perSection: number, settings: MatcherSettings): { article: number; x: number[] }[] {
  let best = rows.slice(0, perSection);
  let bestScore = -Infinity;
  for (let at = 0; at + perSection <= rows.length; at += perSection) {
    const section = rows.slice(at, at + perSection);
    for (const r of section) {
      const score = weighted(r.x, 0, settings.weights, settings.weights.bias ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = section;
      }
    }
  }
  return best;
}

/** bias + Σ weight × signal, over the FEATURES signals of x starting at `at`. */
function weighted(x: ArrayLike<number>, at: number, weights: Partial<Record<Feature, number>>, bias: number): number {
  let z = bias;
  FEATURES.forEach((f, k) => (z += (weights[f] ?? 0) * x[at + k]));
  return z;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Leave-one-jurisdiction-out: for each jurisdiction, the weights are fitted on all the others and
 * its cases are scored with them. What a statute from a jurisdiction never seen can expect.
 */
export function leaveOneJurisdictionOut(
  data: Analyzer['data'],
  settings: MatcherSettings,
  cases: EvalCase[],
  headings: boolean[],
  // A fixed small penalty: nested choice per held-out jurisdiction (fitWithChosenPenalty) chose 0 or
  // 0.001 in every fold on dev + dev2, with the same figures, at ten times the time.
  fitter: (training: FitSample[]) => FittedWeights = (training) => fitWeights(training),
): RunFigures[] {
  const samples = collectSamples(data, settings, cases, [true, false]);
  const jurisdictions = [...new Set(cases.map((c) => c.jurisdiction ?? ''))];
  const outcomes = new Map<boolean, CaseOutcome[]>(headings.map((h) => [h, []]));
  for (const j of jurisdictions) {
    const fit = fitter(samples.filter((s) => s.jurisdiction !== j));
    const analyzer = new Analyzer(data, withFittedWeights(settings, fit));
    const held = cases.filter((c) => (c.jurisdiction ?? '') === j);
    for (const h of headings) outcomes.get(h)!.push(...evaluateCases(analyzer, held, h));
  }
  return headings.map((h) => summarise(outcomes.get(h)!, h));
}

/** Right decisions of a fit on samples: a positive's best article right and above "none", nothing above "none" for a negative. */
export function decisionsRight(samples: FitSample[], fit: Pick<FittedWeights, 'weights' | 'bias'>): number {
  let n = 0;
  for (const s of samples) {
    const top = bestArticleOf(s, fit.weights, fit.bias);
    n += s.right.size ? (top.right && top.z >= 0 ? 1 : 0) : top.z < 0 ? 1 : 0;
  }
  return n;
}

/** The L2 penalties nested cross-validation chooses from. */
export const PENALTY_GRID = [0, 0.001, 0.01, 0.1];

/**
 * Chooses the L2 penalty by leave-one-jurisdiction-out within the training samples only (nested
 * cross-validation: the jurisdiction held out by the caller is never seen), then fits with it.
 */
export function fitWithChosenPenalty(samples: FitSample[], options: FitOptions & { grid?: number[] } = {}): FittedWeights & { l2: number } {
  const grid = options.grid ?? PENALTY_GRID;
  const jurisdictions = [...new Set(samples.map((s) => s.jurisdiction))];
  let best = grid[0];
  let bestRight = -1;
  for (const l2 of grid) {
    let right = 0;
    for (const j of jurisdictions) {
      const fit = fitWeights(samples.filter((s) => s.jurisdiction !== j), { ...options, l2 });
      right += decisionsRight(samples.filter((s) => s.jurisdiction === j), fit);
    }
    if (right > bestRight) {
      bestRight = right;
      best = l2;
    }
  }
  return { ...fitWeights(samples, { ...options, l2: best }), l2: best };
}
