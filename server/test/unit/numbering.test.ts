// Where quick fixes insert text and how they number it: in the draft's own style.
import * as assert from 'assert';
import { parseProvisions } from '../../src/analysis/parse';
import { appendSection, appendSubdivision, ignoreDirective, nextLabel, nextSectionLabel } from '../../src/lsp/numbering';

function apply(text: string, ins: { offset: number; text: string }): string {
  return text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
}

function section(text: string, label: string) {
  const parsed = parseProvisions(text);
  const p = parsed.provisions.find((x) => x.kind === 'section' && x.label === label);
  assert.ok(p, `section ${label} in ${parsed.provisions.map((x) => `${x.kind}:${x.label}`).join(', ')}`);
  return { parsed, p: p! };
}

describe('numbering for quick fixes', () => {
  it('continues a series of numbers, letters and Roman numerals', () => {
    assert.strictEqual(nextLabel('(3)'), '(4)');
    assert.strictEqual(nextLabel('(c)'), '(d)');
    assert.strictEqual(nextLabel('(C)'), '(D)');
    assert.strictEqual(nextLabel('c)'), 'd)');
    assert.strictEqual(nextLabel('3.'), '4.');
    assert.strictEqual(nextLabel('2.3'), '2.4');
    assert.strictEqual(nextLabel('(z)'), '(aa)');
    assert.strictEqual(nextLabel('(iii)', ['(i)', '(ii)', '(iii)']), '(iv)');
    assert.strictEqual(nextLabel('(i)', ['(i)']), '(ii)');
    assert.strictEqual(nextLabel('(i)', ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)']), '(j)', 'a letter after (h)');
    assert.strictEqual(nextSectionLabel('14'), '15');
    assert.strictEqual(nextSectionLabel('12 bis'), '13');
    assert.strictEqual(nextSectionLabel('323-1'), '323-2');
  });

  it('adds "(4)" after "(3)" on a new line with the same indentation', () => {
    const text = 'Section 14 — Production order\n  (1) A judge may order a person to produce data.\n  (2) The order shall specify the data.\n  (3) A person may comply by electronic means.\n\nSection 15 — Search\nAn officer may search.\n';
    const { parsed, p } = section(text, '14');
    const out = apply(text, appendSubdivision(text, parsed, p, 'The order has effect for a period not exceeding 30 days.'));
    assert.ok(
      out.includes('  (3) A person may comply by electronic means.\n  (4) The order has effect for a period not exceeding 30 days.\n\nSection 15'),
      out,
    );
  });

  it('adds "(d)" after "(c)"', () => {
    const text = 'Section 3 — Powers\nAn officer may—\n(a) enter premises;\n(b) search; and\n(c) seize data.\n';
    const { parsed, p } = section(text, '3');
    const out = apply(text, appendSubdivision(text, parsed, p, 'The powers are subject to a warrant.'));
    assert.ok(out.endsWith('(c) seize data.\n(d) The powers are subject to a warrant.\n'), out);
  });

  it('adds a new paragraph to a provision without subdivisions, and keeps CRLF line ends', () => {
    const text = 'Section 5 — Search\r\nAn officer may search an ICT system.\r\n';
    const { parsed, p } = section(text, '5');
    const out = apply(text, appendSubdivision(text, parsed, p, 'A judge shall authorise the search.'));
    assert.strictEqual(out, 'Section 5 — Search\r\nAn officer may search an ICT system.\r\nA judge shall authorise the search.\r\n');
  });

  it('adds a drafting note, or a code to the provision\'s existing directive', () => {
    const text = 'Section 5 — Search\nAn officer may search an ICT system.\n';
    const { p } = section(text, '5');
    const once = apply(text, ignoreDirective(text, p, 'safeguard.duration'));
    assert.strictEqual(once, 'Section 5 — Search\nAn officer may search an ICT system.\n[Drafting note: concordance-ignore safeguard.duration]\n');
    const { p: p2 } = section(once, '5');
    const twice = apply(once, ignoreDirective(once, p2, 'safeguard.scope'));
    assert.ok(twice.includes('[Drafting note: concordance-ignore safeguard.duration, safeguard.scope]'), twice);
  });

  it('appends a model provision numbered and headed like the last section', () => {
    const keyword = 'Section 14 — Illegal access\nA person who accesses an ICT system without right commits an offence.\n';
    const out1 = apply(keyword, appendSection(keyword, parseProvisions(keyword), 'Production order', '(1) A judge may order.'));
    assert.ok(out1.endsWith('offence.\n\nSection 15 — Production order\n(1) A judge may order.\n'), out1);

    const marginal = 'Illegal access\n3. (1) A person who accesses an ICT system without right commits an offence.\n';
    const out2 = apply(marginal, appendSection(marginal, parseProvisions(marginal), 'Production order', '(1) A judge may order.'));
    assert.ok(out2.endsWith('offence.\n\nProduction order\n4. (1) A judge may order.\n'), out2);
  });
});
