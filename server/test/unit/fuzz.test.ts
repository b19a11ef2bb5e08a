// Property tests over the whole pipeline (Analyzer.analyze: parser, matcher, checks, coverage)
// with hostile input: random Unicode, control characters, BOM, CRLF/CR/LF mixes, very long lines,
// deep numbering, empty files, binary bytes, right-to-left text, combining marks.
// Properties: no exception; every span lies within the text; each input is analysed within a
// bound (a hang detector, not a speed test). `npm test` runs a bounded number of small inputs;
// `npm run fuzz` (or FUZZ_RUNS=5000) runs many more.
// The parser's own properties (tiling, tree shape) are in parse.test.ts.
import * as assert from 'assert';
import fc from 'fast-check';
import type { Analyzer } from '../../src/analysis/analyze';
import { createAnalyzer } from '../../src/analysis/engine';
import type { DocumentAnalysis, Span } from '../../src/analysis/types';

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 5000 : 100));
/** Above this an input counts as a hang. */
const HANG_MS = 2000;

// Building blocks drawn from drafting and from trouble.
const NUMBERING = ['1. ', '(1) ', '(a) ', '(i) ', '(A) ', 'a) ', '1.2.3 ', 'Section 3 ', 'Article 12 bis – ', '§ 1030. ', 'PART 2 — ', 'CHAPTER IV\n', '# ', '## ', 'Artículo 5.º ', 'Article 1er – '];
const WORDS = ['A person who', 'intentionally', 'without right', 'accesses', 'a computer system', 'commits an offence', 'means', '"computer data"', 'a judge may order', 'for a period not exceeding 90 days', 'Article 27 of the Convention', 'section 3(2)', 'subject to section 14', 'concordance-ignore safeguard.duration', 'Toda persona que', 'accède sans droit'];
const ODD = ['\uFEFF', '\r\n', '\r', '\n', '\u0000', '\u0001', '\u001b[31m', '\t', '\u00A0', '\u2028', '\u2029', '\u200B', '\u202E', '\u202D', 'مادة ١ ', 'שלום ', '\u05D0\u0301', 'e\u0301\u0302\u0303', '\uD83D\uDE00', '\uD800', '\uDFFF', '\uFFFD', '\uFFFF', '"', '“', '—', '(', ')', '((((', '))))', '§§', '…'];

/** Fragments joined into a draft-like text. */
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERING) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => String.fromCharCode(...b)) },
);
const draftLike = fc.array(fragment, { maxLength: 60 }).map((xs) => xs.join(''));

/** Numbering nested `depth` levels deep, e.g. "1.1.1.1 …" or "(a)(i)(A)…". */
const deepNumbering = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.constantFrom('decimal', 'paren', 'lines')).map(([depth, style]) => {
  if (style === 'decimal') return Array.from({ length: depth }, (_, i) => Array.from({ length: i + 1 }, () => '1').join('.') + ' Text of level ' + i).join('\n');
  if (style === 'paren') return 'Section 1\n' + Array.from({ length: depth }, (_, i) => ['(1)', '(a)', '(i)', '(A)'][i % 4]).join(' ') + ' deep text';
  return 'Section 1\n' + Array.from({ length: depth }, (_, i) => ' '.repeat(i) + ['(1)', '(a)', '(i)', '(A)', '(I)'][i % 5] + ' level ' + i).join('\n');
});

/** Long lines and large repetitions, kept moderate so `npm test` stays quick. */
const longLine = fc.tuple(fc.constantFrom('x', 'word ', '(1)', '"a" means ', 'Article 7 ', '\u0301', 'مادة '), fc.integer({ min: 1000, max: 100_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

const lineBreaks = fc.tuple(draftLike, fc.constantFrom('\r\n', '\r', '\n')).map(([t, nl]) => t.replace(/\n/g, nl));

const anyInput = fc.oneof(
  { weight: 6, arbitrary: draftLike },
  { weight: 2, arbitrary: lineBreaks },
  { weight: 2, arbitrary: deepNumbering },
  { weight: 1, arbitrary: longLine },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: draftLike.map((t) => '\uFEFF' + t) },
);

function spansOf(a: DocumentAnalysis): [string, Span][] {
  const out: [string, Span][] = [];
  for (const p of a.parsed.provisions) out.push([`provision ${p.id}`, p.span], [`provision ${p.id} own`, p.ownSpan]);
  for (const d of a.parsed.definitions) out.push([`definition ${d.term}`, d.span], [`definition ${d.term} body`, d.definitionSpan]);
  for (const r of a.parsed.references) out.push([`reference`, r.span]);
  // Evidence offsets are relative to the matched provision.
  for (const pm of a.matches.values()) {
    const at = a.parsed.byId.get(pm.provision)?.span.start ?? NaN;
    for (const m of pm.matches) for (const e of m.elements) if (e.span) out.push([`evidence ${pm.provision} ${m.article} ${e.id}`, { start: at + e.span.start, end: at + e.span.end }]);
  }
  for (const f of a.findings) out.push([`finding ${f.code}`, f.span]);
  for (const p of a.problems) if (p.span) out.push(['problem', p.span]);
  return out;
}

function assertWellFormed(analyzer: Analyzer, text: string): void {
  const t0 = Date.now();
  const a = analyzer.analyze(text);
  const ms = Date.now() - t0;
  assert.ok(ms <= HANG_MS, `analysis took ${ms} ms (> ${HANG_MS}) for an input of ${text.length} chars`);
  for (const [what, s] of spansOf(a)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: span not integral ${JSON.stringify(s)}`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: span ${JSON.stringify(s)} outside [0, ${text.length}]`);
  }
  for (const pm of a.matches.values()) assert.ok(a.parsed.byId.has(pm.provision), `match for unknown provision ${pm.provision}`);
}

describe('fuzz: the whole analysis on hostile input', function () {
  this.timeout(Math.max(60_000, RUNS * 400));
  let analyzer: Analyzer;
  before(() => {
    const r = createAnalyzer();
    assert.ok(r.analyzer, JSON.stringify(r.problems));
    analyzer = r.analyzer;
  });

  it(`never throws, keeps spans in the text, never hangs (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        assertWellFormed(analyzer, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('a generated-looking draft spliced with hostile fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...WORDS, ...NUMBERING), fc.constantFrom(...ODD, '\n', ' ')), { minLength: 1, maxLength: 200 }), (pairs) => {
        assertWellFormed(analyzer, pairs.map(([a, b]) => a + b).join(''));
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 2)) },
    );
  });

  it('more findings than a call takes arguments: 150 000 references to an article the Convention does not have', () => {
    const text = 'Section 1 Definitions\n' + 'See Article 99 of the Convention. '.repeat(150_000);
    // Not through assertWellFormed: 5 MB of references take about a second, near its hang limit on a slow machine.
    const analysis = analyzer.analyze(text);
    assert.strictEqual(analysis.findings.filter((f) => f.code === 'reference.unknown-article').length, 150_000);
  });

  it('fixed nasties: empty, BOM only, NUL, lone surrogates, 100 000-character line, 50-deep numbering', () => {
    for (const text of [
      '',
      '\uFEFF',
      '\u0000\u0000',
      '\uD800\uDC00\uD800',
      'x'.repeat(100_000),
      '(1) '.repeat(25_000),
      Array.from({ length: 50 }, (_, i) => '1' + '.1'.repeat(i) + ' level').join('\n'),
      '\u202E' + 'Section 1 Illegal access\nA person who intentionally accesses a computer system without right commits an offence.',
      'Section 1\r\n(1) a\r(2) b\n(3) c\r\n',
    ]) {
      assertWellFormed(analyzer, text);
    }
  });
});
