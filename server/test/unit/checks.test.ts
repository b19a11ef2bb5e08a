// Every check code fires where it must and stays silent where it must not.
// Drafts are our own wording: the labelled provisions in server/test/fixtures/cases/checks.jsonl
// (one must-fire and one must-not-fire case per corpus code) plus short inline drafts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../src/analysis/analyze';
import type { CheckOptions } from '../../src/analysis/checks';
import type { ConventionData } from '../../src/analysis/data/types';
import { createAnalyzer } from '../../src/analysis/engine';
import type { Finding } from '../../src/analysis/types';
import { caseDraft, parseCases, runEval, type EvalCase } from '../../src/cli/eval';
import { check, type Case } from './check';
import { CORPUS_CODES } from './helpers/codes';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
const analyzer: Analyzer = loaded;

const CASES_FILE = path.join(__dirname, '..', '..', '..', '..', 'server', 'test', 'fixtures', 'cases', 'checks.jsonl');
const cases: EvalCase[] = parseCases(fs.readFileSync(CASES_FILE, 'utf8'), CASES_FILE);

function findings(text: string, options?: CheckOptions, a: Analyzer = analyzer): readonly Finding[] {
  return a.analyze(text, { checks: options }).findings;
}

function fires(code: string, text: string, a: Analyzer = analyzer): boolean {
  return findings(text, undefined, a).some((f) => f.code === code);
}

/** A copy of the shipped data with one change, for checks whose behaviour depends on data flags. */
function analyzerWith(change: (data: ConventionData) => ConventionData): Analyzer {
  return new Analyzer(change(structuredClone(analyzer.data)), analyzer.settings);
}

// ---------------------------------------------------------------------------------------------
// One must-fire and one must-not-fire draft per corpus code, taken from our labelled cases.

const corpusCases: Case<{ code: string; text: string }, boolean>[] = [];
for (const code of CORPUS_CODES) {
  const must = cases.find((c) => c.expected_codes.includes(code));
  const mustNot = cases.find((c) => c.forbidden_codes.includes(code));
  if (!must || !mustNot) throw new Error(`checks.jsonl lacks a must-fire or must-not-fire case for ${code}`);
  corpusCases.push({ name: `${code} fires on ${must.id}`, input: { code, text: caseDraft(must, true) }, expected: true });
  corpusCases.push({ name: `${code} is silent on ${mustNot.id}`, input: { code, text: caseDraft(mustNot, true) }, expected: false });
}
check('check codes on our labelled provisions', corpusCases, ({ code, text }) => fires(code, text));

// ---------------------------------------------------------------------------------------------
// The four draft-level codes, on inline drafts.

const ACCESS_ICT = 'Section 3 Illegal access\nA person who intentionally and without authorisation accesses an ICT system commits an offence.\n';
const ACCESS_COMPUTER = 'Section 3 Illegal access\nA person who intentionally and without authorisation accesses a computer commits an offence.\n';

check(
  'draft-level codes',
  [
    { name: 'neutrality.tech-specific fires on "computer"', input: { code: 'neutrality.tech-specific', text: ACCESS_COMPUTER }, expected: true },
    { name: 'neutrality.tech-specific is silent on "ICT system"', input: { code: 'neutrality.tech-specific', text: ACCESS_ICT }, expected: false },
    {
      name: 'definition.narrower fires on a definition that names only processing',
      input: { code: 'definition.narrower', text: 'Section 2 Interpretation\nIn this Act, "computer" means an electronic device that performs logical or arithmetic operations.\n\n' + ACCESS_ICT },
      expected: true,
    },
    {
      name: 'definition.narrower is silent on a definition with every element',
      input: {
        code: 'definition.narrower',
        text:
          'Section 2 Interpretation\nIn this Act, "ICT system" means any device or group of interconnected or related devices, one or more of which, under a program, processes electronic data automatically, or collects, stores, retrieves or transmits electronic data.\n\n' +
          ACCESS_ICT,
      },
      expected: false,
    },
    {
      name: 'reference.unknown-article fires on an article the Convention does not have',
      input: { code: 'reference.unknown-article', text: 'Section 1 Purpose\nThis Part implements Article 72 of the Convention.\n\n' + ACCESS_ICT },
      expected: true,
    },
    {
      name: 'reference.unknown-article is silent on a real article',
      input: { code: 'reference.unknown-article', text: 'Section 1 Purpose\nThis Part implements Article 27 of the Convention.\n\n' + ACCESS_ICT },
      expected: false,
    },
  ],
  ({ code, text }) => fires(code, text),
);

check(
  'coverage.missing',
  [
    { name: 'reports a mandatory article no provision implements (Art 27)', input: { article: '27', text: ACCESS_ICT }, expected: true },
    { name: 'is silent on an article the draft implements (Art 7)', input: { article: '7', text: ACCESS_ICT }, expected: false },
    { name: 'is silent on a text that implements nothing', input: { article: '27', text: 'Section 1 Short title\nThis Act may be cited as the Harbour Dues Act.\n' }, expected: false },
  ],
  ({ article, text }) => findings(text).some((f) => f.code === 'coverage.missing' && f.articles.includes(article)),
);

// ---------------------------------------------------------------------------------------------
// Draft-wide safeguards: a general safeguards clause counts, except for codes that say otherwise.

const GENERAL_SAFEGUARDS =
  'Part 4 Procedural powers\n\nSection 30 Conditions and safeguards\n(1) A power under this Part may be exercised only where it is necessary and proportionate to the purpose of a specific criminal investigation.\n(2) A person affected by an order under this Part may apply to the court to set the order aside.\n\n' +
  'Section 31 Production of subscriber information\nAn authorised officer who has reasonable grounds to believe that specified subscriber information is relevant to a specific criminal investigation may by notice require a service provider to produce it within 7 days.\n';

function codesOn(text: string, provisionSuffix: string, a: Analyzer = analyzer): string[] {
  return [...new Set(findings(text, undefined, a).filter((f) => f.provision?.endsWith(provisionSuffix)).map((f) => f.code))].sort();
}

check(
  'general safeguards clause',
  [
    { name: 'its proportionality and remedy apply to the power; its "court" does not authorise the power', input: analyzer, expected: ['safeguard.judicial-review'] },
    {
      name: 'with draftWide on for judicial review and no weak cues, the remedy clause would silence it',
      input: analyzerWith((d) => ({ ...d, checks: d.checks.map((c) => (c.code === 'safeguard.judicial-review' ? { ...c, draftWide: true, weakCues: undefined } : c)) })),
      expected: [],
    },
    {
      name: 'with draftWide on, "court" in a remedy clause still is no review (weakCues)',
      input: analyzerWith((d) => ({ ...d, checks: d.checks.map((c) => (c.code === 'safeguard.judicial-review' ? { ...c, draftWide: true } : c)) })),
      expected: ['safeguard.judicial-review'],
    },
  ],
  (a) => codesOn(GENERAL_SAFEGUARDS, 's-31', a),
);

// ---------------------------------------------------------------------------------------------
// concordance-ignore, severity overrides, family switches, optional obligations.

const TWO_OFFENCES =
  'Section 3 Illegal access\nA person who without authorisation accesses an ICT system commits an offence.\n\n' +
  'Section 4 Illegal interception\nA person who without right intercepts a non-public transmission of electronic data commits an offence.\n';

check(
  'concordance-ignore CODE',
  [
    { name: 'without the directive both provisions lack intent', input: TWO_OFFENCES, expected: ['s-3', 's-4'] },
    {
      name: 'the directive silences the code in its own provision only',
      input: TWO_OFFENCES.replace('commits an offence.\n\n', 'commits an offence. [concordance-ignore element.intent]\n\n'),
      expected: ['s-4'],
    },
    {
      name: 'a directive naming another code silences nothing here',
      input: TWO_OFFENCES.replace('commits an offence.\n\n', 'commits an offence. [concordance-ignore element.consent]\n\n'),
      expected: ['s-3', 's-4'],
    },
  ],
  (text) => findings(text).filter((f) => f.code === 'element.intent').map((f) => f.provision ?? ''),
);

check(
  'concordance-ignore leaves the other codes of the provision',
  [{ name: 'tech-specific still reported where element.intent is ignored', input: ACCESS_COMPUTER.replace('intentionally and ', '') + 'concordance-ignore element.intent\n', expected: ['neutrality.tech-specific'] }],
  (text) => [...new Set(findings(text).filter((f) => f.provision === 's-3').map((f) => f.code))].sort(),
);

const NO_INTENT = 'Section 3 Illegal access\nA person who without authorisation accesses a computer commits an offence.\n';

check(
  'CheckOptions',
  [
    { name: 'defaults', input: {}, expected: { 'element.intent': 'warning', 'neutrality.tech-specific': 'hint' } },
    { name: 'a severity override changes one code', input: { severity: { 'element.intent': 'error' } }, expected: { 'element.intent': 'error', 'neutrality.tech-specific': 'hint' } },
    { name: 'severity "off" drops the code', input: { severity: { 'neutrality.tech-specific': 'off' } }, expected: { 'element.intent': 'warning' } },
    { name: 'a family switched off drops its codes only', input: { families: { element: false } }, expected: { 'neutrality.tech-specific': 'hint' } },
    { name: 'a family switched on explicitly changes nothing', input: { families: { element: true } }, expected: { 'element.intent': 'warning', 'neutrality.tech-specific': 'hint' } },
  ],
  (options: CheckOptions) => {
    const out: Record<string, string> = {};
    for (const f of findings(NO_INTENT, options)) if (f.code !== 'coverage.missing') out[f.code] = f.severity;
    return out;
  },
);

check(
  'optional obligations are information',
  [
    { name: 'a mandatory paragraph gives a warning', input: analyzer, expected: { severity: 'warning', obligation: 'mandatory', articles: ['7(1)'] } },
    {
      name: 'a code marked optional in data gives information',
      input: analyzerWith((d) => ({ ...d, checks: d.checks.map((c) => (c.code === 'element.intent' ? { ...c, obligation: 'optional' as const } : c)) })),
      expected: { severity: 'information', obligation: 'optional', articles: ['7(1)'] },
    },
    {
      name: 'a cited paragraph that only permits ("may") gives information',
      input: analyzerWith((d) => ({
        ...d,
        articles: d.articles.map((a) => (a.article === 7 ? { ...a, paragraphs: a.paragraphs.map((p) => (p.n === '1' ? { ...p, obligation: 'may' } : p)) } : a)),
      })),
      expected: { severity: 'information', obligation: 'optional', articles: ['7(1)'] },
    },
  ],
  (a) => {
    const f = findings(NO_INTENT, undefined, a).find((x) => x.code === 'element.intent');
    return f ? { severity: f.severity, obligation: f.obligation, articles: f.articles } : undefined;
  },
);

describe('finding messages', () => {
  it('say what is missing in a drafter\'s words, cite article and paragraph, and say mandatory', () => {
    const f = findings(NO_INTENT).find((x) => x.code === 'element.intent');
    assert.ok(f, 'element.intent reported');
    assert.match(f.message, /\(Art\. 7\(1\), mandatory\)/);
    assert.match(f.message, /reads as Art\. 7 \(Illegal access\)/);
    assert.match(f.message, /intentionally/);
    assert.ok(f.lookedFor.length > 0 && f.lookedFor.length <= 8, 'lookedFor lists what was looked for');
  });
  it('name the outside subject of an offence with no counterpart', () => {
    const copyright = cases.find((c) => c.id === 'OWN-COPYRIGHT')!;
    const f = findings(caseDraft(copyright, true)).find((x) => x.code === 'overbreadth.no-counterpart');
    assert.ok(f);
    assert.match(f.message, /copyright/);
  });
});

// ---------------------------------------------------------------------------------------------
// The labelled cases as a whole: every expected code found, no forbidden code reported.

describe('runEval on checks.jsonl', () => {
  it('every case has the corpus fields and our own provenance', () => {
    for (const c of cases) {
      const raw = c as EvalCase & Record<string, unknown>;
      assert.match(c.id, /^OWN-/);
      assert.strictEqual(raw.jurisdiction, 'Concordance test drafts');
      assert.strictEqual(raw.license, 'MIT (written for Concordance)');
      assert.strictEqual(raw.source_url, '');
      for (const code of [...c.expected_codes, ...c.forbidden_codes]) assert.ok(CORPUS_CODES.includes(code), `${c.id}: ${code}`);
      assert.ok(!c.expected_codes.some((x) => c.forbidden_codes.includes(x)), `${c.id}: expected and forbidden overlap`);
    }
  });
  it('finds every expected code and reports no forbidden one', () => {
    const r = runEval(analyzer, cases, true);
    const wrong = r.codes.filter((c) => c.found !== c.expected || c.falseAlarms > 0);
    assert.deepStrictEqual(wrong, []);
    assert.strictEqual(r.codeRecall, 1);
    assert.strictEqual(r.falseAlarmRate, 0);
  });
});
