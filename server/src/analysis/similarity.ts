// Text similarity between a provision and each article: tf-idf cosine over word keys (stems and
// word-family keys), through inverted profiles so that a provision only touches the articles it
// shares words with.
import type { TokenIndex } from './cues';

export class SimilarityIndex {
  /**
   * Inverted profiles by the key's vocabulary id, flat: the articles (by index) whose profile has
   * key `id` are postingArticle[postingStart[id] … postingStart[id + 1]), with f × idf in
   * postingWeight; idfById[id] is its idf (0: in no profile). Ids past the end are draft words.
   */
  private readonly postingStart: Int32Array;
  private readonly postingArticle: Int32Array;
  private readonly postingWeight: Float64Array;
  private readonly idfById: Float64Array;
  private readonly norms: Float64Array;

  /** `profiles[i]`: key → frequency for article i; `pin` gives a key's vocabulary id. */
  constructor(profiles: Map<string, number>[], pin: (key: string) => number) {
    const idf = new Map<string, number>();
    for (const p of profiles) for (const k of p.keys()) idf.set(k, (idf.get(k) ?? 0) + 1);
    for (const [k, df] of idf) idf.set(k, Math.log(1 + profiles.length / df));
    this.norms = Float64Array.from(profiles, (p) => {
      let norm = 0;
      for (const [k, f] of p) norm += (f * (idf.get(k) ?? 0)) ** 2;
      return Math.sqrt(norm);
    });
    const postings: { i: number; w: number }[][] = [];
    const idfs: number[] = [];
    profiles.forEach((p, i) => {
      for (const [k, f] of p) {
        const w = f * (idf.get(k) ?? 0);
        if (!w) continue;
        const id = pin(k);
        (postings[id] ??= []).push({ i, w });
        idfs[id] = idf.get(k)!;
      }
    });
    this.postingStart = new Int32Array(postings.length + 1);
    const total = postings.reduce((n, list) => n + (list?.length ?? 0), 0);
    this.postingArticle = new Int32Array(total);
    this.postingWeight = new Float64Array(total);
    this.idfById = new Float64Array(postings.length);
    let at = 0;
    for (let id = 0; id < postings.length; id++) {
      this.postingStart[id] = at;
      this.idfById[id] = idfs[id] ?? 0;
      for (const { i, w } of postings[id] ?? []) {
        this.postingArticle[at] = i;
        this.postingWeight[at++] = w;
      }
    }
    this.postingStart[postings.length] = at;
  }

  /** Writes the cosine similarity of the indexed provision with each article's profile into `dots` (by article index). */
  into(index: TokenIndex, dots: Float64Array): void {
    dots.fill(0);
    let norm = 0;
    const { idfById, postingStart, postingArticle, postingWeight, norms } = this;
    for (let d = 0; d < index.distinct; d++) {
      const id = index.keyAt(d);
      if (id >= idfById.length) continue;
      const idf = idfById[id];
      if (!idf) continue;
      const wk = (1 + Math.log(index.countAt(d))) * idf;
      norm += wk * wk;
      for (let j = postingStart[id]; j < postingStart[id + 1]; j++) dots[postingArticle[j]] += wk * postingWeight[j];
    }
    if (norm === 0) return;
    norm = Math.sqrt(norm);
    for (let i = 0; i < dots.length; i++) dots[i] = dots[i] > 0 && norms[i] > 0 ? dots[i] / (norm * norms[i]) : 0;
  }
}
