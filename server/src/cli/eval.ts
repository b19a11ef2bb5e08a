// `concordance eval CASES.jsonl`: measures matching and checks on labelled statute provisions,
// side by side with a plain BM25 search over the article titles and paraphrases.
import MiniSearch from 'minisearch';
import type { Analyzer } from '../analysis/analyze';
import type { ConventionData } from '../analysis/data/types';

export interface EvalCase {
  id: string;
  jurisdiction?: string;
  language?: string;
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
  /** Expected codes not reported, and forbidden codes reported, case by case (in case order). */
  codeMisses: { id: string; code: string }[];
  codeFalseAlarms: { id: string; code: string }[];
  msPerCase: number;
  /** Share of cases whose best article is labelled strong, and how often such a best article is right. */
  strongShare: number;
  strongPrecision: number;
  byLanguage: GroupFigures[];
  byJurisdiction: GroupFigures[];
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

/** What happened to one case. */
export interface CaseOutcome {
  id: string;
  jurisdiction: string;
  language: string;
  expected: string[];
  /** The articles proposed for the case's best section, best first. */
  proposed: number[];
  /** The best article was expected or acceptable (positives); nothing was proposed (negatives). */
  right: boolean;
  strength?: string;
  bm25Right: boolean;
  bm25Proposed: boolean;
  expectedCodes: string[];
  forbiddenCodes: string[];
  emitted: Set<string>;
  okCount: number;
  recalled: number;
  truePositives: number;
}

/** Runs every case as a one-section draft. */
export function evaluateCases(analyzer: Analyzer, cases: EvalCase[], withHeading: boolean): CaseOutcome[] {
  const ms = baseline(analyzer.data);
  return cases.map((c) => {
    const analysis = analyzer.analyze(caseDraft(c, withHeading));
    let best: { article: number; score: number; strength: string } | undefined;
    let proposed: number[] = [];
    for (const pm of analysis.matches.values()) {
      const top = pm.matches[0];
      if (top && (!best || top.score > best.score)) {
        best = top;
        proposed = pm.matches.map((m) => m.article);
      }
    }
    const emitted = new Set(analysis.findings.filter((f) => f.code !== 'coverage.missing').map((f) => f.code));
    const bmTop = bm25Top(ms, withHeading ? `${c.heading} ${c.text}` : c.text);
    const ok = new Set([...c.expected_articles, ...c.acceptable_articles]);
    const positive = c.expected_articles.length > 0;
    return {
      id: c.id,
      jurisdiction: c.jurisdiction ?? '',
      language: c.language ?? '',
      expected: c.expected_articles,
      proposed,
      right: positive ? best !== undefined && ok.has(String(best.article)) : proposed.length === 0,
      strength: best?.strength,
      bm25Right: positive ? bmTop !== undefined && ok.has(String(bmTop)) : bmTop === undefined,
      bm25Proposed: bmTop !== undefined,
      expectedCodes: c.expected_codes,
      forbiddenCodes: c.forbidden_codes,
      emitted,
      okCount: c.expected_articles.length,
      recalled: c.expected_articles.filter((a) => proposed.includes(Number(a))).length,
      truePositives: proposed.filter((a) => ok.has(String(a))).length,
    };
  });
}

export function runEval(analyzer: Analyzer, cases: EvalCase[], withHeading: boolean): RunFigures {
  const t0 = Date.now();
  const outcomes = evaluateCases(analyzer, cases, withHeading);
  return summarise(outcomes, withHeading, cases.length ? (Date.now() - t0) / cases.length : 0);
}

/** Top-1 and false positives on negatives for the cases of each value of `key` (language, jurisdiction). */
export interface GroupFigures {
  group: string;
  positives: number;
  negatives: number;
  top1: number;
  negativeFalsePositiveRate: number;
}

function groups(outcomes: CaseOutcome[], key: (o: CaseOutcome) => string): GroupFigures[] {
  const by = new Map<string, CaseOutcome[]>();
  for (const o of outcomes) {
    const list = by.get(key(o));
    if (list) list.push(o);
    else by.set(key(o), [o]);
  }
  return [...by.entries()]
    .map(([group, list]) => {
      const pos = list.filter((o) => o.expected.length > 0);
      const neg = list.filter((o) => o.expected.length === 0);
      return {
        group,
        positives: pos.length,
        negatives: neg.length,
        top1: ratio(pos.filter((o) => o.right).length, pos.length),
        negativeFalsePositiveRate: ratio(neg.filter((o) => !o.right).length, neg.length),
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
}

export function summarise(outcomes: CaseOutcome[], withHeading: boolean, msPerCase = 0): RunFigures {
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
  const codeMisses: RunFigures['codeMisses'] = [];
  const codeFalseAlarms: RunFigures['codeFalseAlarms'] = [];
  let positives = 0;
  let negatives = 0;
  let strong = 0;
  let strongRight = 0;
  for (const o of outcomes) {
    for (const e of o.expectedCodes) {
      code(e).expected++;
      if (o.emitted.has(e)) code(e).found++;
      else codeMisses.push({ id: o.id, code: e });
    }
    for (const f of o.forbiddenCodes) {
      code(f).forbidden++;
      if (o.emitted.has(f)) {
        code(f).falseAlarms++;
        codeFalseAlarms.push({ id: o.id, code: f });
      }
    }
    if (o.strength === 'strong') {
      strong++;
      if (o.right && o.expected.length > 0) strongRight++;
    }
    if (o.expected.length === 0) {
      negatives++;
      if (!o.right) {
        sys.negFp++;
        misses.push({ id: o.id, expected: [], got: o.proposed.map(String) });
      }
      if (o.bm25Proposed) bm.negFp++;
      continue;
    }
    positives++;
    if (o.right) sys.top1++;
    else misses.push({ id: o.id, expected: o.expected, got: o.proposed.map(String) });
    if (o.bm25Right) bm.top1++;
    sys.proposed += o.proposed.length;
    sys.tp += o.truePositives;
    sys.expected += o.okCount;
    sys.recalled += o.recalled;
    bm.proposed += o.bm25Proposed ? 1 : 0;
    bm.tp += o.bm25Right ? 1 : 0;
    bm.expected += o.okCount;
    bm.recalled += o.bm25Right && o.okCount > 0 ? 1 : 0;
    for (const a of o.expected) {
      let pa = perArticle.get(a);
      if (!pa) perArticle.set(a, (pa = { article: a, cases: 0, top1: 0, bm25Top1: 0 }));
      pa.cases++;
      if (o.right) pa.top1++;
      if (o.bm25Right) pa.bm25Top1++;
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
    codeMisses,
    codeFalseAlarms,
    msPerCase,
    strongShare: ratio(strong, outcomes.length),
    strongPrecision: ratio(strongRight, strong),
    byLanguage: groups(outcomes, (o) => o.language || '?'),
    byJurisdiction: groups(outcomes, (o) => o.jurisdiction || '?'),
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1000) / 1000;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The code misses and false alarms of a run, one line each (none when there are none): "id (code)". */
export function codeLines(prefix: string, r: Pick<RunFigures, 'codeMisses' | 'codeFalseAlarms'>): string[] {
  const list = (l: { id: string; code: string }[]) => l.map((m) => `${m.id} (${m.code})`).join('; ');
  const out: string[] = [];
  if (r.codeMisses.length) out.push(`${prefix}Code misses: ${list(r.codeMisses)}`);
  if (r.codeFalseAlarms.length) out.push(`${prefix}Code false alarms: ${list(r.codeFalseAlarms)}`);
  return out;
}

export function formatEval(runs: RunFigures[], file: string, lojo: RunFigures[] = []): string {
  const out: string[] = [`Evaluation on ${file}`];
  for (const r of runs) {
    out.push('', `== ${r.headings ? 'with headings' : 'without headings'} (${r.concordance.positives} positive, ${r.concordance.negatives} negative cases; ${r.msPerCase.toFixed(1)} ms per case)`);
    out.push('Per article (top-1 hits / cases): concordance | bm25');
    out.push('  ' + r.perArticle.map((a) => `Art.${a.article} ${a.top1}/${a.cases}|${a.bm25Top1}`).join('  '));
    out.push('Codes (found/expected, false alarms/forbidden):');
    for (const c of r.codes) out.push(`  ${c.code.padEnd(28)} found ${c.found}/${c.expected}   false alarms ${c.falseAlarms}/${c.forbidden}`);
    if (r.misses.length) out.push('Misses: ' + r.misses.map((m) => `${m.id} (want ${m.expected.join('/') || 'none'}, got ${m.got.join('/') || 'none'})`).join('; '));
    out.push(...codeLines('', r));
  }
  const summary = (title: string, list: RunFigures[], withBm25: boolean) => {
    out.push('', title.padEnd(28) + 'top-1    precision  recall   FP on negatives  code recall  false alarms  strong right');
    for (const r of list) {
      const label = r.headings ? 'with headings' : 'no headings';
      const row = (name: string, s: SystemFigures, rest: string) =>
        `${(name + ' ' + label).padEnd(27)} ${pct(s.top1).padEnd(8)} ${pct(s.precision).padEnd(10)} ${pct(s.recall).padEnd(8)} ${pct(s.negativeFalsePositiveRate).padEnd(16)} ${rest}`;
      out.push(row('concordance', r.concordance, `${pct(r.codeRecall).padEnd(12)} ${pct(r.falseAlarmRate).padEnd(13)} ${pct(r.strongPrecision)} of ${pct(r.strongShare)}`));
      if (withBm25) out.push(row('bm25', r.bm25, '-'));
    }
    const groupsOf = (name: string, pick: (r: RunFigures) => GroupFigures[]) => {
      out.push(`  by ${name} (top-1 / FP on negatives; ${list.map((r) => (r.headings ? 'with headings' : 'no headings')).join(' | ')}):`);
      const first = pick(list[0]);
      for (const g of first) {
        const cells = list.map((r) => {
          const x = pick(r).find((y) => y.group === g.group)!;
          return `${x.positives ? pct(x.top1) : '—'} / ${x.negatives ? pct(x.negativeFalsePositiveRate) : '—'}`;
        });
        out.push(`    ${g.group.padEnd(40)} ${String(g.positives).padStart(3)}+${String(g.negatives).padEnd(3)} ${cells.join(' | ')}`);
      }
    };
    groupsOf('language', (r) => r.byLanguage);
    groupsOf('jurisdiction', (r) => r.byJurisdiction);
  };
  summary('Summary (in-sample)', runs, true);
  if (lojo.length) {
    summary('Leave one jurisdiction out', lojo, false);
    for (const r of lojo) if (r.misses.length) out.push(`  misses ${r.headings ? 'with headings' : 'no headings'}: ` + r.misses.map((m) => `${m.id} (want ${m.expected.join('/') || 'none'}, got ${m.got.join('/') || 'none'})`).join('; '));
    for (const r of lojo) out.push(...codeLines(`  ${r.headings ? 'with headings' : 'no headings'}: `, r));
  }
  return out.join('\n') + '\n';
}
