// A table of contents at the head of a draft (an arrangement of sections, a "Sommaire", an
// "Índice") is not a second copy of the draft's sections: its entries are matched and checked as
// no provision, and "section 3" refers to the body's section 3. Drafts that only look like one
// are read as before.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { parseProvisions } from '../../src/analysis/parse';
import type { DocumentAnalysis } from '../../src/analysis/types';
import { unitsOf } from '../../src/analysis/units';
import { acrossThreads } from '../../src/cli/parallel';
import { check } from './check';
import { ARRANGED_BILL, LEY_CON_INDICE, LEY_CON_INDICE_EN_DOS_LINEAS, LOI_AVEC_SOMMAIRE, PARALLEL_PARTS, SHORT_SECTIONS, UNARRANGED_BILL } from './helpers/contentsDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

/** The labels of the table of contents' sections, and of the sections matched. */
function contentsAndUnits(text: string): { contents: string[]; units: string[] } {
  const parsed = parseProvisions(text);
  const label = (id: string) => parsed.byId.get(id)!.label;
  return { contents: [...(parsed.contents ?? [])].map(label), units: unitsOf(parsed).map((p) => p.label) };
}

check(
  'the sections of a table of contents at the head of a draft',
  [
    { name: 'an arrangement of sections by Part, before the long title', input: ARRANGED_BILL, expected: { contents: ['1', '2', '3', '4'], units: ['1', '2', '3', '4'] } },
    { name: 'a "Sommaire" with page numbers after a tab', input: LOI_AVEC_SOMMAIRE, expected: { contents: ['1', '2', '3'], units: ['1', '2', '3'] } },
    { name: 'an "Índice" with dot leaders', input: LEY_CON_INDICE, expected: { contents: ['1', '2', '3'], units: ['1', '2', '3'] } },
    { name: 'an "Índice" with each heading on the line below its number', input: LEY_CON_INDICE_EN_DOS_LINEAS, expected: { contents: ['1', '2', '3'], units: ['1', '2', '3'] } },
    { name: 'none: two Parts with the same numbers and headings, each section with a body', input: PARALLEL_PARTS, expected: { contents: [], units: ['1', '2', '1', '2'] } },
    { name: 'none: short headed sections with no copies further on', input: SHORT_SECTIONS, expected: { contents: [], units: ['1', '2', '3', '4'] } },
    { name: 'none: the bill without its arrangement', input: UNARRANGED_BILL, expected: { contents: [], units: ['1', '2', '3', '4'] } },
  ],
  contentsAndUnits,
);

/** Findings by code and the heading of their provision; the coverage; the articles each heading matches. */
function outcome(a: DocumentAnalysis): unknown {
  const heading = (id?: string) => (id === undefined ? null : (a.parsed.byId.get(id)?.heading ?? null));
  return {
    findings: a.findings.map((f) => [f.code, heading(f.provision)]).sort(),
    coverage: a.coverage.map((c) => [c.article, c.status]),
    matches: [...a.matches.values()].map((m) => [heading(m.provision), m.matches.map((x) => x.article)]),
  };
}

describe('a draft with a table of contents', () => {
  it('has the findings, coverage and matches of the same draft without it', () => {
    assert.deepStrictEqual(outcome(analyzer.analyze(ARRANGED_BILL)), outcome(analyzer.analyze(UNARRANGED_BILL)));
  });

  it('keeps its table of contents when its analysis crosses from a worker thread to the main thread', () => {
    const a = analyzer.analyze(ARRANGED_BILL);
    const back = acrossThreads(a);
    assert.ok(a.parsed.contents && a.parsed.contents.size === 4);
    assert.deepStrictEqual(back.parsed.contents, a.parsed.contents);
    assert.deepStrictEqual(unitsOf(back.parsed).map((p) => p.id), unitsOf(a.parsed).map((p) => p.id));
  });

  it('refers to the body\'s sections: "section 3" is the body\'s section 3, not its line in the arrangement', () => {
    const parsed = parseProvisions(ARRANGED_BILL);
    const ref = parsed.references.find((r) => r.kind === 'section' && r.target === '3');
    assert.ok(ref && ref.kind === 'section', JSON.stringify(parsed.references));
    const target = parsed.byId.get(ref.resolved!)!;
    assert.ok(!parsed.contents?.has(target.id), `resolved to ${target.id}`);
    assert.ok(ARRANGED_BILL.slice(target.span.start, target.span.end).includes('without authorisation accesses'));
  });
});
