// `concordance eval CASES.jsonl`: measures matching and checks on labelled statute provisions,
// side by side with a plain BM25 search over the article titles and paraphrases.
import MiniSearch from 'minisearch';
import type { Analyzer } from '../analysis/analyze';
import type { ConventionData } from '../analysis/data/types';

export interface EvalCase {
  id: string;
  provision: string;
  heading: string;
  text: string;
  expected_articles: string[];
  acceptable_articles: string[];
  expected_codes: string[];
  forbidden_codes: string[];
}

export interface SystemFigures {
  top1: number;
  precision: number;
  recall: number;
  negativeFalsePositiveRate: number;
  positives: number;
  negatives: number;
}

export interface CodeFigures {
  code: string;
  expected: number;
  found: number;
  forbidden: number;
  falseAlarms: number;
}

export interface RunFigures {
  headings: boolean;
  concordance: SystemFigures;
  bm25: SystemFigures;
  perArticle: { article: string; cases: number; top1: number; bm25Top1: number }[];
  codes: CodeFigures[];
  codeRecall: number;
  falseAlarmRate: number;
  misses: { id: string; expected: string[]; got: string[] }[];
  msPerCase: number;
}

/** Parses JSON lines; a bad line is an error naming the line. */
export function parseCases(text: string, file: string): EvalCase[] {
  const out: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let c: EvalCase;
    try {
      c = JSON.parse(line) as EvalCase;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const at = `${file}:${i + 1}`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new Error(`${at}: a case must be a JSON object`);
    for (const f of ['id', 'text', 'expected_articles'] as const) {
      if (c[f] === undefined) throw new Error(`${at}: missing field "${f}"`);
    }
    const record = c as unknown as Record<string, unknown>;
    for (const f of ['id', 'text', 'heading', 'provision']) {
      if (record[f] !== undefined && typeof record[f] !== 'string') throw new Error(`${at}: field "${f}" must be a string`);
    }
    for (const f of ['expected_articles', 'acceptable_articles', 'expected_codes', 'forbidden_codes']) {
      const v = record[f];
      if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) throw new Error(`${at}: field "${f}" must be a list of strings`);
    }
    c.heading ??= '';
    c.provision ??= '';
    c.acceptable_articles ??= [];
    c.expected_codes ??= [];
    c.forbidden_codes ??= [];
    out.push(c);
  });
  return out;
}

/** Renders a case as a one-section draft, as the corpus README suggests. */
export function caseDraft(c: EvalCase, withHeading: boolean): string {
  const number = c.provision.replace(/^(s|art)\.\s*/i, '');
  return `Section ${number}${withHeading && c.heading ? ' ' + c.heading : ''}\n${c.text}\n`;
}

function baseline(data: ConventionData): MiniSearch {
  const ms = new MiniSearch({ fields: ['title', 'body'], storeFields: ['article'], idField: 'article' });
  ms.addAll(data.articles.map((a) => ({ article: a.article, title: a.title, body: a.paragraphs.map((p) => p.summary).join(' ') })));
  return ms;
}

export function bm25Top(ms: MiniSearch, text: string): number | undefined {
  const r = ms.search(text, { combineWith: 'OR' });
  return r.length ? (r[0].id as number) : undefined;
}

export function runEval(analyzer: Analyzer, cases: EvalCase[], withHeading: boolean): RunFigures {
  const ms = baseline(analyzer.data);
  const codes = new Map<string, CodeFigures>();
  const code = (c: string) => {
    let f = codes.get(c);
    if (!f) codes.set(c, (f = { code: c, expected: 0, found: 0, forbidden: 0, falseAlarms: 0 }));
    return f;
  };
  const perArticle = new Map<string, { article: string; cases: number; top1: number; bm25Top1: number }>();
  const sys = { top1: 0, tp: 0, proposed: 0, recalled: 0, expected: 0, negFp: 0 };
  const bm = { top1: 0, tp: 0, proposed: 0, recalled: 0, expected: 0, negFp: 0 };
  const misses: RunFigures['misses'] = [];
  let positives = 0;
  let negatives = 0;
  const t0 = Date.now();
  for (const c of cases) {
    const draft = caseDraft(c, withHeading);
    const analysis = analyzer.analyze(draft);
    let best: { article: number; score: number } | undefined;
    let proposed: number[] = [];
    for (const pm of analysis.matches.values()) {
      const top = pm.matches[0];
      if (top && (!best || top.score > best.score)) {
        best = top;
        proposed = pm.matches.map((m) => m.article);
      }
    }
    const emitted = new Set(analysis.findings.filter((f) => f.code !== 'coverage.missing').map((f) => f.code));
    for (const e of c.expected_codes) {
      code(e).expected++;
      if (emitted.has(e)) code(e).found++;
    }
    for (const f of c.forbidden_codes) {
      code(f).forbidden++;
      if (emitted.has(f)) code(f).falseAlarms++;
    }
    const bmTop = bm25Top(ms, withHeading ? `${c.heading} ${c.text}` : c.text);
    const ok = new Set([...c.expected_articles, ...c.acceptable_articles]);
    if (c.expected_articles.length === 0) {
      negatives++;
      if (proposed.length > 0) {
        sys.negFp++;
        misses.push({ id: c.id, expected: [], got: proposed.map(String) });
      }
      if (bmTop !== undefined) bm.negFp++;
      continue;
    }
    positives++;
    const hit = best !== undefined && ok.has(String(best.article));
    if (hit) sys.top1++;
    else misses.push({ id: c.id, expected: c.expected_articles, got: proposed.map(String) });
    const bmHit = bmTop !== undefined && ok.has(String(bmTop));
    if (bmHit) bm.top1++;
    sys.proposed += proposed.length;
    sys.tp += proposed.filter((a) => ok.has(String(a))).length;
    sys.expected += c.expected_articles.length;
    sys.recalled += c.expected_articles.filter((a) => proposed.includes(Number(a))).length;
    bm.proposed += bmTop !== undefined ? 1 : 0;
    bm.tp += bmHit ? 1 : 0;
    bm.expected += c.expected_articles.length;
    bm.recalled += c.expected_articles.filter((a) => String(bmTop) === a).length;
    for (const a of c.expected_articles) {
      let pa = perArticle.get(a);
      if (!pa) perArticle.set(a, (pa = { article: a, cases: 0, top1: 0, bm25Top1: 0 }));
      pa.cases++;
      if (hit) pa.top1++;
      if (bmHit) pa.bm25Top1++;
    }
  }
  const figures = (s: typeof sys): SystemFigures => ({
    top1: ratio(s.top1, positives),
    precision: ratio(s.tp, s.proposed),
    recall: ratio(s.recalled, s.expected),
    negativeFalsePositiveRate: ratio(s.negFp, negatives),
    positives,
    negatives,
  });
  const codeList = [...codes.values()].sort((a, b) => a.code.localeCompare(b.code));
  const totalExpected = codeList.reduce((s, c) => s + c.expected, 0);
  const totalForbidden = codeList.reduce((s, c) => s + c.forbidden, 0);
  return {
    headings: withHeading,
    concordance: figures(sys),
    bm25: figures(bm),
    perArticle: [...perArticle.values()].sort((a, b) => Number(a.article) - Number(b.article)),
    codes: codeList,
    codeRecall: ratio(codeList.reduce((s, c) => s + c.found, 0), totalExpected),
    falseAlarmRate: ratio(codeList.reduce((s, c) => s + c.falseAlarms, 0), totalForbidden),
    misses,
    msPerCase: cases.length ? (Date.now() - t0) / cases.length : 0,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1000) / 1000;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatEval(runs: RunFigures[], file: string): string {
  const out: string[] = [`Evaluation on ${file}`];
  for (const r of runs) {
    out.push('', `== ${r.headings ? 'with headings' : 'without headings'} (${r.concordance.positives} positive, ${r.concordance.negatives} negative cases; ${r.msPerCase.toFixed(1)} ms per case)`);
    out.push('Per article (top-1 hits / cases): concordance | bm25');
    out.push('  ' + r.perArticle.map((a) => `Art.${a.article} ${a.top1}/${a.cases}|${a.bm25Top1}`).join('  '));
    out.push('Codes (found/expected, false alarms/forbidden):');
    for (const c of r.codes) out.push(`  ${c.code.padEnd(28)} found ${c.found}/${c.expected}   false alarms ${c.falseAlarms}/${c.forbidden}`);
    if (r.misses.length) out.push('Misses: ' + r.misses.map((m) => `${m.id} (want ${m.expected.join('/') || 'none'}, got ${m.got.join('/') || 'none'})`).join('; '));
  }
  out.push('', 'Summary                     top-1    precision  recall   FP on negatives  code recall  false alarms');
  for (const r of runs) {
    const label = r.headings ? 'with headings' : 'no headings';
    const row = (name: string, s: SystemFigures, codes: string) =>
      `${(name + ' ' + label).padEnd(27)} ${pct(s.top1).padEnd(8)} ${pct(s.precision).padEnd(10)} ${pct(s.recall).padEnd(8)} ${pct(s.negativeFalsePositiveRate).padEnd(16)} ${codes}`;
    out.push(row('concordance', r.concordance, `${pct(r.codeRecall).padEnd(12)} ${pct(r.falseAlarmRate)}`));
    out.push(row('bm25', r.bm25, '-'));
  }
  return out.join('\n') + '\n';
}
