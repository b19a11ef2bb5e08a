// Incremental re-analysis gives exactly the full analysis: after random edits to real and
// generated drafts, `reparseProvisions` deep-equals `parseProvisions` of the new text, and
// `Analyzer.analyze(text, { previous })` deep-equals `analyze(text)` on a fresh Analyzer.
// `npm test` runs a bounded number of edits; `npm run fuzz` more, FUZZ_RUNS=2000 many more.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { generateDraft } from '../../../bench/generate';
import { MAX_ANALYSED_CHARS, type Analyzer } from '../../src/analysis/analyze';
import { createAnalyzer } from '../../src/analysis/engine';
import { parseProvisions, reparseProvisions } from '../../src/analysis/parse';
import type { DocumentAnalysis, ParsedDraft } from '../../src/analysis/types';
import { ARRANGED_BILL, LEY_CON_INDICE_EN_DOS_LINEAS, LOI_AVEC_SOMMAIRE, SHORT_SECTIONS } from './helpers/contentsDrafts';

const ROOT = path.join(__dirname, '../../../..');
/** FUZZ_RUNS, or 600 under `npm run fuzz` (parse: that many sequences; analysis: a tenth); 0: the bounded defaults of `npm test`. */
const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : process.env.npm_lifecycle_event === 'fuzz' ? 600 : 0;

function drafts(): { name: string; text: string }[] {
  const dir = path.join(ROOT, 'server/test/fixtures/drafts');
  const out = fs.readdirSync(dir).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  out.push({ name: 'cybercrime-bill.draft', text: fs.readFileSync(path.join(ROOT, 'examples/cybercrime-bill.draft'), 'utf8') });
  for (const [sizeBytes, seed] of [
    [3000, 1],
    [8000, 2],
    [20000, 3],
  ])
    out.push({ name: `generated-${sizeBytes}`, text: generateDraft({ sizeBytes, seed }) });
  out.push({ name: 'crlf', text: out[0].text.replace(/\r?\n/g, '\r\n') });
  return out;
}

// With drafts that begin with a table of contents: an edit there may change what it is.
const DRAFTS = [...drafts(), { name: 'arranged bill', text: ARRANGED_BILL }, { name: 'loi avec sommaire', text: LOI_AVEC_SOMMAIRE }, { name: 'short sections', text: SHORT_SECTIONS }, { name: 'ley con índice', text: LEY_CON_INDICE_EN_DOS_LINEAS }];

/** References whose reading depends on the words around them (Convention or not, titles, paragraphs). */
const REFERENCES = [
  'Section 1 Definitions',
  '(1) In this Act, as in Article 2 of the Convention, "computer data" means data.',
  '(2) See section 3(2) and Articles 27 to 29 (Production order) of the Convention.',
  'Section 2 Offences',
  'A person who acts contrary to article 7, paragraph 2 of the UN Convention commits an offence; see also sections 1 and 3.',
  'Section 3 Powers',
  '(1) A judge may order it, as the Convention, in article 24(2), requires.',
  '(2) Subsection (1) applies to article 99 of the Budapest Convention.',
  '(3) A person acting under',
  '(a) subsection (2) is liable.',
  'Illegal access',
  'Section 4',
  'A person who accesses a computer system commits an offence.',
  '',
].join('\n');

/** Definitions that end at the next term, at their provision's end, or at a blank line after a sentence. */
const DEFINITIONS = [
  'Section 1 Interpretation',
  '(1) In this Act, "computer system" means a device; "data" means any representation',
  'of facts, in any form; and',
  '"traffic data" means data about a communication.',
  '',
  'It continues here. "service provider" includes a person who',
  '(2) "subscriber" means a customer.',
  'Section 2',
  'A person who uses "the network" commits an offence.',
  '',
].join('\n');

/** Plain data: Maps become arrays of entries, so deepStrictEqual compares everything in order. */
function plainParsed(p: ParsedDraft): unknown {
  return { provisions: p.provisions, byId: [...p.byId.entries()], definitions: p.definitions, references: p.references, contents: [...(p.contents ?? [])] };
}

function plainAnalysis(a: DocumentAnalysis): unknown {
  return { language: a.language, parsed: plainParsed(a.parsed), matches: [...a.matches.entries()], findings: a.findings, coverage: a.coverage, problems: a.problems };
}

const PIECES = ['\n', '\n\n', '\r\n', ' ', 'x', 'a', 'A', '1', '2', '9', '(', ')', '"', '“', '”', "'", '.', ';', ':', '—', '-', 'Section', 'Section 3', '(a)', '(1)', '(ii)', 'Article', 'Article 27', 'PART 2', '§', '# ', 'means', 'of the Convention', 'section 14(2)', 'concordance-ignore safeguard.duration', '**', '\t'];

interface Edit {
  /** Where, as a fraction of the text length (or a line start when `atLine`). */
  at: number;
  atLine: boolean;
  del: number;
  ins: string;
}

const insertion = fc.oneof(
  fc.constant(''),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('').slice(0, 20)),
  fc.string({ maxLength: 20 }),
);

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  atLine: fc.boolean(),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })),
  ins: insertion,
});

function apply(text: string, e: Edit): string {
  let at = Math.min(text.length, Math.floor(e.at * text.length));
  if (e.atLine) {
    // near a line start, where numbering and headings live
    const nl = text.lastIndexOf('\n', at);
    at = nl < 0 ? 0 : nl + 1 + (at % 3);
    at = Math.min(at, text.length);
  }
  const del = Math.min(e.del, text.length - at);
  return text.slice(0, at) + e.ins + text.slice(at + del);
}

describe('incremental parsing', function () {
  this.timeout(0);
  let incremental = 0;
  let total = 0;

  it('equals the full parse after every edit of a sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DRAFTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (d, edits) => {
        let text = DRAFTS[d].text;
        let parsed = parseProvisions(text);
        for (const e of edits) {
          const next = apply(text, e);
          const inc = reparseProvisions(parsed, text, next);
          assert.deepStrictEqual(plainParsed(inc), plainParsed(parseProvisions(next)), `${DRAFTS[d].name}: ${JSON.stringify(e)}`);
          total++;
          if (inc.provisions.length > 0 && inc.provisions[0] === parsed.provisions[0]) incremental++;
          text = next;
          parsed = inc;
        }
      }),
      { numRuns: RUNS || 300 },
    );
    // The property must exercise the incremental path, not only its fallback.
    assert.ok(incremental > total / 10, `only ${incremental} of ${total} edits were parsed incrementally`);
  });

  it('equals the full parse for one-character edits everywhere in a draft', () => {
    const cases: [string, number][] = [
      [DRAFTS.find((x) => x.name === 'cybercrime-bill.draft')!.text, 7],
      [REFERENCES, 1],
      [DEFINITIONS, 1],
      [REFERENCES.slice(REFERENCES.indexOf('Section 3')), 1],
      ['  \n \t \n' + REFERENCES.slice(REFERENCES.indexOf('(3)')), 1],
      [ARRANGED_BILL, 1],
      [LEY_CON_INDICE_EN_DOS_LINEAS, 1],
    ];
    for (const [text, step] of cases) {
      const parsed = parseProvisions(text);
      for (let at = 0; at <= text.length; at += step) {
        for (const ins of ['x', '', '(', '1', ' ']) {
          const next = text.slice(0, at) + ins + text.slice(at + (ins === '' ? 1 : 0));
          assert.deepStrictEqual(plainParsed(reparseProvisions(parsed, text, next)), plainParsed(parseProvisions(next)), `at ${at}: ${JSON.stringify(ins)}`);
        }
      }
    }
  });

  it('returns the full parse when the previous parse is unknown or the text is the same', () => {
    const text = DRAFTS[0].text;
    const foreign: ParsedDraft = { provisions: [], byId: new Map(), definitions: [], references: [] };
    assert.deepStrictEqual(plainParsed(reparseProvisions(foreign, text, text + 'x')), plainParsed(parseProvisions(text + 'x')));
    const parsed = parseProvisions(text);
    assert.deepStrictEqual(plainParsed(reparseProvisions(parsed, text, text)), plainParsed(parsed));
    assert.deepStrictEqual(plainParsed(reparseProvisions(parsed, text, '')), plainParsed(parseProvisions('')));
  });
});

describe('incremental analysis', function () {
  this.timeout(0);
  let analyzer: Analyzer;

  before(() => {
    analyzer = createAnalyzer().analyzer!;
  });

  it('equals the analysis of a fresh Analyzer after every edit of a sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DRAFTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (d, edits) => {
        let text = DRAFTS[d].text;
        let analysis = analyzer.analyze(text);
        const fresh = createAnalyzer().analyzer!;
        for (const e of edits) {
          const next = apply(text, e);
          const inc = analyzer.analyze(next, { previous: { text, analysis } });
          assert.deepStrictEqual(plainAnalysis(inc), plainAnalysis(fresh.analyze(next)), `${DRAFTS[d].name}: ${JSON.stringify(e)}`);
          text = next;
          analysis = inc;
        }
      }),
      { numRuns: RUNS ? Math.ceil(RUNS / 10) : 25 },
    );
  });

  it('equals the full analysis when a Part or section heading is rewritten', () => {
    const text = DRAFTS.find((x) => x.name === 'generated-20000')!.text;
    const analysis = analyzer.analyze(text);
    const fresh = createAnalyzer().analyzer!;
    const headings = [...text.matchAll(/^(?:PART \d+ — |Section \d+ — |CHAPTER [IVX]+\n)(.+)$/gm)].slice(0, 12);
    assert.ok(headings.length > 3);
    for (const m of headings) {
      const at = m.index! + m[0].length - m[1].length;
      for (const title of ['Offences against computer systems', 'Miscellaneous', 'Procedural powers and safeguards']) {
        const next = text.slice(0, at) + title + text.slice(at + m[1].length);
        assert.deepStrictEqual(plainAnalysis(analyzer.analyze(next, { previous: { text, analysis } })), plainAnalysis(fresh.analyze(next)), `${m[0]} → ${title}`);
      }
    }
  });

  it('reuses the previous analysis of a draft longer than MAX_ANALYSED_CHARS, and equals the full analysis', () => {
    // A generated draft repeated past the cut (its units repeat: the full analyses stay cheap).
    const piece = generateDraft({ sizeBytes: 200_000, seed: 7 });
    let text = piece.repeat(Math.ceil((MAX_ANALYSED_CHARS + 50_000) / piece.length)).slice(0, MAX_ANALYSED_CHARS + 50_000);
    let analysis = analyzer.analyze(text);
    const fresh = createAnalyzer().analyzer!;
    const middle = [...analysis.matches.keys()][analysis.matches.size >> 1];
    const edits: [string, (t: string) => string][] = [
      ['one character typed near the start', (t) => t.slice(0, 1000) + 'x' + t.slice(1000)],
      ['five characters deleted near the start', (t) => t.slice(0, 2000) + t.slice(2005)],
      ['a line typed just before the cut', (t) => t.slice(0, MAX_ANALYSED_CHARS - 10) + '\nA new line.\n' + t.slice(MAX_ANALYSED_CHARS - 10)],
      ['one character typed after the cut', (t) => t.slice(0, MAX_ANALYSED_CHARS + 100) + 'y' + t.slice(MAX_ANALYSED_CHARS + 100)],
    ];
    for (const [name, change] of edits) {
      const next = change(text);
      const matched = analyzer.matchedCount;
      const inc = analyzer.analyze(next, { previous: { text, analysis } });
      // Only the units at the edit and at the cut are matched again; a unit between keeps its match (the same object).
      assert.ok(analyzer.matchedCount - matched <= 4, `${name}: ${analyzer.matchedCount - matched} units matched again`);
      assert.strictEqual(inc.matches.get(middle), analysis.matches.get(middle), `${name}: the middle unit was matched again`);
      assert.deepStrictEqual(plainAnalysis(inc), plainAnalysis(fresh.analyze(next)), name);
      text = next;
      analysis = inc;
    }
  });

  it('equals the full analysis when the checks options or the forced language differ', () => {
    const text = DRAFTS.find((x) => x.name === 'cybercrime-bill.draft')!.text;
    const analysis = analyzer.analyze(text);
    const next = text.replace('computer', 'computor');
    const options = { checks: { families: { coverage: false }, severity: { 'safeguard.duration': 'hint' as const } } };
    assert.deepStrictEqual(plainAnalysis(analyzer.analyze(next, { ...options, previous: { text, analysis } })), plainAnalysis(createAnalyzer().analyzer!.analyze(next, options)));
    assert.deepStrictEqual(plainAnalysis(analyzer.analyze(next, { language: 'fr', previous: { text, analysis } })), plainAnalysis(createAnalyzer().analyzer!.analyze(next, { language: 'fr' })));
  });
});
