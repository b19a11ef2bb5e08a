// An Analyzer that makes only the findings the coverage reads (AnalyzerOptions.findings:
// 'coverage', what the CLI's table uses) gives every draft the same matches, the same coverage and
// so the same concordance table, in every format, as an ordinary Analyzer; its findings are the
// ordinary Analyzer's of the coverage's family (COVERAGE_FAMILY), no more, no fewer. Drafts: our
// own (English, Spanish, French), the fixtures, the example bill and generated ones; each
// Analyzer analyses them all in turn, so its match cache serves sections of earlier drafts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Analyzer } from '../../src/analysis/analyze';
import type { CheckOptions } from '../../src/analysis/checks';
import { COVERAGE_FAMILY } from '../../src/analysis/coverage';
import { createAnalyzer } from '../../src/analysis/engine';
import { buildTable, renderTable, type TableDocument, type TableFormat } from '../../src/analysis/table';
import type { DocumentAnalysis, Finding } from '../../src/analysis/types';
import { generatedDrafts, writtenDrafts } from './helpers/coverageDrafts';

const ROOT = path.join(__dirname, '../../../..');
const FORMATS: TableFormat[] = ['csv', 'markdown', 'html'];

function analyzerOf(findings?: 'coverage'): Analyzer {
  const { analyzer, problems } = createAnalyzer(undefined, findings ? { findings } : {});
  if (!analyzer) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
  return analyzer;
}

function fixtureDrafts(): { name: string; text: string }[] {
  const dir = path.join(ROOT, 'server/test/fixtures/drafts');
  const out = fs.readdirSync(dir).map((f) => ({ name: `fixture ${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  out.push({ name: 'examples/cybercrime-bill.draft', text: fs.readFileSync(path.join(ROOT, 'examples/cybercrime-bill.draft'), 'utf8') });
  return out;
}

const DRAFTS = [...writtenDrafts(), ...fixtureDrafts(), ...generatedDrafts()];

/** FUZZ_RUNS, or 400 under `npm run fuzz`; 60 in `npm test`. */
const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : process.env.npm_lifecycle_event === 'fuzz' ? 400 : 60;

// Random drafts made of sections whose headings and sentences are drawn from these: powers with
// and without a judge, negated, waived and limited safeguards, general safeguards clauses,
// offences with and without a counterpart, directives, in English, Spanish and French.
const HEADINGS = ['Search', 'Search and seizure', 'Production order', 'Preservation of data', 'Interception', 'Traffic data', 'Conditions and safeguards', 'Illegal access', 'False news', 'Extortion', 'Interpretation', 'Registro de sistemas', 'Condiciones y salvaguardias', 'Perquisition', 'Conditions et garanties', 'Offences'];
const SENTENCES = [
  'A police officer may search a computer system and seize stored computer data.',
  'A judge may issue a warrant authorising the search where there are reasonable grounds to believe that it holds evidence of a specified offence.',
  'An authorised officer may, without a warrant or other judicial authorisation, search any computer system.',
  'No court order is required for it.',
  'The order expires after thirty days.',
  'It shall be exercised only where necessary and proportionate.',
  'A person affected may apply to the court for a remedy.',
  'Every power under this Part is subject to prior authorisation by a judge and limited to a specific investigation.',
  'A police officer may require a person to preserve specified computer data for ninety days.',
  'A service provider shall submit subscriber information on request.',
  'The content of communications may be intercepted in real time.',
  'A person who intentionally and without right accesses a computer system commits an offence.',
  'A person who publishes false news by email that causes annoyance commits an offence.',
  'A person who threatens to disclose data in order to obtain money commits an offence.',
  '"computer system" means a device that processes data.',
  'This section gives effect to Article 99 of the Convention.',
  '[concordance-ignore safeguard.duration]',
  '[concordance-ignore safeguard.grounds, overbreadth.vague-term]',
  'concordance: all offences intentional',
  'La policía podrá registrar cualquier sistema informático sin autorización judicial.',
  'El juez podrá autorizar el registro por un plazo máximo de treinta días, siempre que sea proporcionado.',
  "L'officier de police judiciaire peut, sans autorisation du juge, procéder à la perquisition d'un système informatique.",
  "Le juge peut autoriser la perquisition pour une durée maximale de trente jours ; la personne concernée dispose d'un recours.",
];
const section = fc.tuple(fc.constantFrom(...HEADINGS), fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 }), fc.boolean());
const randomDraft = fc.array(section, { minLength: 1, maxLength: 12 }).map((sections) =>
  sections.map(([heading, sentences, numbered], i) => `Section ${i + 1} — ${heading}\n` + (numbered ? sentences.map((x, k) => `(${k + 1}) ${x}`).join('\n') : sentences.join(' '))).join('\n\n') + '\n',
);

const inCoverageFamily = (f: Finding) => f.code.split('.')[0] === COVERAGE_FAMILY;

/** The table of some drafts in every format. */
function tables(a: Analyzer, docs: TableDocument[]): Record<TableFormat, string> {
  const table = buildTable(a.data, docs, a.messages);
  return { csv: renderTable(table, 'csv', a.messages), markdown: renderTable(table, 'markdown', a.messages), html: renderTable(table, 'html', a.messages) };
}

/** What an ordinary and a coverage Analyzer give a draft must agree on. */
function assertSame(full: DocumentAnalysis, cov: DocumentAnalysis, name: string): void {
  assert.deepStrictEqual(cov.coverage, full.coverage, `${name}: coverage`);
  assert.deepStrictEqual([...cov.matches.entries()], [...full.matches.entries()], `${name}: matches`);
  assert.deepStrictEqual(cov.findings, full.findings.filter(inCoverageFamily), `${name}: findings of the coverage's family`);
  assert.deepStrictEqual({ language: cov.language, provisions: cov.parsed.provisions, problems: cov.problems }, { language: full.language, provisions: full.parsed.provisions, problems: full.problems }, name);
}

describe('an Analyzer making only the findings the coverage reads', function () {
  this.timeout(120_000);
  const full = analyzerOf();
  const cov = analyzerOf('coverage');
  const analysed = new Map<string, { full: DocumentAnalysis; cov: DocumentAnalysis }>();
  const analyses = (d: { name: string; text: string }) => {
    let got = analysed.get(d.name);
    if (!got) analysed.set(d.name, (got = { full: full.analyze(d.text), cov: cov.analyze(d.text) }));
    return got;
  };

  it('is made by the option, and keeps it in another language', () => {
    assert.strictEqual(full.findings, 'all');
    assert.strictEqual(cov.findings, 'coverage');
    assert.strictEqual(cov.withLocale('es').findings, 'coverage');
    assert.strictEqual(full.withLocale('fr').findings, 'all');
  });

  for (const d of DRAFTS) {
    it(`${d.name}: the same matches, coverage and table (every format)`, () => {
      const { full: a, cov: b } = analyses(d);
      assertSame(a, b, d.name);
      const docs = (x: DocumentAnalysis): TableDocument[] => [{ file: 'draft.txt', text: d.text, analysis: x }];
      assert.deepStrictEqual(tables(cov, docs(b)), tables(full, docs(a)));
    });
  }

  it('every draft in one table, in English and in Spanish', () => {
    const docs = (pick: (x: { full: DocumentAnalysis; cov: DocumentAnalysis }) => DocumentAnalysis) => DRAFTS.map((d, i): TableDocument => ({ file: `d${i}.txt`, text: d.text, analysis: pick(analyses(d)) }));
    assert.deepStrictEqual(tables(cov, docs((x) => x.cov)), tables(full, docs((x) => x.full)));
    const covEs = cov.withLocale('es');
    const fullEs = full.withLocale('es');
    const es = DRAFTS.slice(0, 8);
    assert.deepStrictEqual(
      tables(covEs, es.map((d, i) => ({ file: `d${i}.txt`, text: d.text, analysis: covEs.analyze(d.text) }))),
      tables(fullEs, es.map((d, i) => ({ file: `d${i}.txt`, text: d.text, analysis: fullEs.analyze(d.text) }))),
    );
  });

  it('the same after an edit (the previous version reused), and with check settings', () => {
    const [a, b] = [writtenDrafts()[1].text, writtenDrafts()[0].text];
    const prevFull = full.analyze(a);
    const prevCov = cov.analyze(a);
    const edited = b.replace('thirty days', 'forty days');
    assertSame(full.analyze(edited, { previous: { text: a, analysis: prevFull } }), cov.analyze(edited, { previous: { text: a, analysis: prevCov } }), 'edited');
    const checks: CheckOptions = { severity: { 'safeguard.remedy': 'information', 'safeguard.third-parties': 'warning' }, families: { element: false } };
    for (const d of DRAFTS.slice(0, 8)) assertSame(full.analyze(d.text, { checks }), cov.analyze(d.text, { checks }), `${d.name} with check settings`);
  });

  it(`random drafts of powers, safeguards and offences (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(randomDraft, (text) => {
        const a = full.analyze(text);
        const b = cov.analyze(text);
        assertSame(a, b, JSON.stringify(text.slice(0, 200)));
        const docs = (x: DocumentAnalysis): TableDocument[] => [{ file: 'random.txt', text, analysis: x }];
        assert.deepStrictEqual(tables(cov, docs(b)), tables(full, docs(a)));
      }),
      { numRuns: RUNS },
    );
  });

  it('the drafts exercise what the option leaves out and what it keeps', () => {
    const all = DRAFTS.map(analyses);
    const families = (pick: 'full' | 'cov') => new Set(all.flatMap((x) => x[pick].findings.map((f) => f.code.split('.')[0])));
    // Left out: every other family of findings the ordinary checks make on these drafts.
    for (const family of ['overbreadth', 'neutrality', 'element', 'definition', 'reference', 'coverage', 'cooperation']) assert.ok(families('full').has(family), `the drafts give ${family} findings`);
    assert.deepStrictEqual([...families('cov')], [COVERAGE_FAMILY]);
    // Kept: safeguards that leave an article partial, in each language.
    for (const lang of ['en', 'es', 'fr']) {
      assert.ok(
        all.some((x) => x.full.language === lang && x.full.coverage.some((c) => c.status === 'partial' && c.missingSafeguards.length > 0)),
        `a ${lang} draft with an article left partial by a missing safeguard`,
      );
    }
    // A general safeguards section answers safeguards draft-wide, and a directive silences one.
    const written = writtenDrafts().map(analyses);
    const count = (x: DocumentAnalysis) => x.findings.filter(inCoverageFamily).length;
    for (const [without, withGeneral] of [
      [0, 1],
      [4, 5],
      [6, 7],
    ]) {
      assert.ok(count(written[withGeneral].full) < count(written[without].full), `${writtenDrafts()[withGeneral].name}: fewer safeguard findings`);
    }
    const silenced = (x: DocumentAnalysis) => {
      const preservation = x.parsed.provisions.find((p) => p.heading === 'Preservation');
      assert.ok(preservation && x.matches.get(preservation.id)?.matches.length, 'the preservation section matches an article');
      return !x.findings.some((f) => f.provision === preservation.id && f.code === 'safeguard.duration');
    };
    const directive = ' [concordance-ignore safeguard.duration]';
    assert.ok(writtenDrafts()[0].text.includes(directive));
    assert.ok(silenced(written[0].full) && silenced(written[0].cov), 'concordance-ignore silences a safeguard');
    assert.ok(!silenced(cov.analyze(writtenDrafts()[0].text.replace(directive, ''))), 'which the section lacks');
    const negated = written[0].full.parsed.provisions.find((p) => p.heading === 'Search by an authorised officer');
    assert.ok(negated && written[0].cov.findings.some((f) => f.provision === negated.id && f.code === 'safeguard.judicial-review'), '"without a warrant" is no judicial review');
  });
});
