// PDF: the text layer in reading order, running heads and page numbers left out, hyphenation joined;
// a PDF without text is refused. Fixtures are written by helpers/pdfFixture.ts in the test.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { ChunkWriter, pageAt, toTextReport, writeJsonReport } from '../../src/analysis/report';
import { builtInHolders, pagesToText, type PdfPage } from '../../src/formats/pdf';
import { readDocument, readDocumentAsync } from '../../src/formats/read';
import { buildPdf, pdfOf } from './helpers/pdfFixture';
import { AKN_ACT_PLAIN, SPANISH_DRAFT } from './helpers/formatDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

/** Every built-in method there is before any test runs (so before any PDF is read in this process). */
const builtInsAtLoad = new Map<string, unknown>();
for (const [name, holder] of builtInHolders()) {
  for (const key of Reflect.ownKeys(holder)) {
    const d = Object.getOwnPropertyDescriptor(holder, key);
    if (typeof d?.value === 'function') builtInsAtLoad.set(`${name}.${String(key)}`, d.value);
  }
}

/** The words of a text, whatever its line breaks. */
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What the analysis says, without offsets (a PDF breaks lines where the plain draft does not). */
function findingsOf(text: string): unknown {
  const a = analyzer!.analyze(text);
  return {
    provisions: a.parsed.provisions.map((p) => [p.id, p.kind, p.label, p.heading ?? null]),
    matches: [...a.matches.values()].map((m) => [m.provision, m.matches.map((x) => x.article)]),
    findings: a.findings.map((f) => [f.code, f.provision ?? null, f.articles.join(' ')]),
  };
}

describe('PDF', function () {
  this.timeout(30_000);

  for (const [name, draft] of [['English act', AKN_ACT_PLAIN], ['Spanish draft', SPANISH_DRAFT]] as const) {
    it(`${name} over several pages with running heads, page numbers and hyphenation reads as the plain draft`, async () => {
      const { bytes, hyphenated } = pdfOf(draft, 6);
      assert.ok(hyphenated > 0, 'the fixture hyphenates some word');
      const doc = await readDocumentAsync('law.pdf', bytes);
      assert.deepStrictEqual(doc.problems, []);
      assert.strictEqual(doc.format, 'pdf');
      assert.strictEqual(words(doc.text), words(draft));
      assert.match(doc.notices.join(), /\d+ running header, footer and page-number lines left out/);
      const expected = findingsOf(draft) as { findings: unknown[] };
      assert.ok(expected.findings.length > 0);
      assert.deepStrictEqual(findingsOf(doc.text), expected);
    });
  }

  it('keeps raised and lowered text on its line; footnote marks are left out (a footnote\'s own too), raised letters ("1er") kept', async () => {
    const lines = [
      // A mark raised by text rise in the same text object, mid-sentence.
      'BT /F1 11 Tf 72 700 Td (A person who) Tj /F1 7 Tf 4 Ts (1) Tj /F1 11 Tf 0 Ts ( intentionally accesses a computer system) Tj ET',
      'BT /F1 11 Tf 72 684 Td (commits an offence.) Tj ET',
      // A mark set as a text object of its own after a section number.
      'BT /F1 11 Tf 72 660 Td (Section 2) Tj ET BT /F1 7 Tf 118 664 Td (2) Tj ET BT /F1 11 Tf 123 660 Td (Illegal interception) Tj ET',
      'BT /F1 11 Tf 72 636 Td (Article 1) Tj /F1 7 Tf 4 Ts (er) Tj /F1 11 Tf 0 Ts ( du code) Tj ET',
      'BT /F1 11 Tf 72 612 Td (water is H) Tj /F1 7 Tf -3 Ts (2) Tj /F1 11 Tf 0 Ts (O) Tj ET',
      // A footnote at the foot of the page, its own mark first.
      'BT /F1 6 Tf 72 100 Td (3) Tj ET BT /F1 8 Tf 76 97 Td (Amended by Act 4 of 2021.) Tj ET',
    ];
    const doc = await readDocumentAsync('marks.pdf', buildPdf({ pages: [[]], raw: lines.join('\n') }));
    assert.deepStrictEqual(doc.problems, []);
    assert.deepStrictEqual(doc.text.split('\n').filter(Boolean), [
      'A person who intentionally accesses a computer system',
      'commits an offence.',
      'Section 2 Illegal interception',
      'Article 1er du code',
      'water is H2O',
      'Amended by Act 4 of 2021.',
    ]);
  });

  describe('line numbers in the margin, as bills are printed', () => {
    const BILL = [
      'SECTION 1. SHORT TITLE.',
      'This Act may be cited as the Computer Crime Act of 2026.',
      'SEC. 2. UNAUTHORIZED ACCESS.',
      '(a) OFFENSE. Whoever intentionally accesses a computer',
      'without authorization shall be fined or imprisoned not more',
      'than 1 year, or both.',
      '(b) DEFINITION. In this section, the term "computer"',
      'means an electronic data processing device.',
      'SEC. 3. EFFECTIVE DATE.',
      'This Act takes effect 90 days after its enactment.',
    ];
    /** One page: each line at 24 units below the last, a number (when `numberOf` gives one) in the left margin. */
    const page = (lines: string[], numberOf: (k: number) => number | undefined, numberX = 40) =>
      lines.map((t, k) => {
        const n = numberOf(k);
        return `${n === undefined ? '' : `BT /F1 8 Tf ${numberX} ${700 - k * 24} Td (${n}) Tj ET `}BT /F1 12 Tf 90 ${700 - k * 24} Td (${t}) Tj ET`;
      }).join('\n');
    const provisions = (text: string) => analyzer!.analyze(text).parsed.provisions.filter((p) => p.kind !== 'preamble').map((p) => p.id);

    it('every line numbered (1, 2, 3 …): the numbers are left out, with a notice, and the sections read', async () => {
      // The page's own number stands in the same margin, at its foot: it ends the run of line numbers, and goes as a page number.
      const doc = await readDocumentAsync('bill.pdf', buildPdf({ pages: [[]], raw: page(BILL, (k) => k + 1) + '\nBT /F1 8 Tf 40 30 Td (7) Tj ET' }));
      assert.deepStrictEqual(doc.problems, []);
      assert.strictEqual(doc.text, BILL.join('\n') + '\n');
      assert.match(doc.notices.join(), /10 line numbers in the margin left out/);
      assert.deepStrictEqual(provisions(doc.text), provisions(BILL.join('\n')));
      assert.ok(provisions(doc.text).length >= 3);
    });

    it('every fifth line numbered (5, 10 …): those numbers are left out', async () => {
      const lines = [...BILL, ...BILL];
      const doc = await readDocumentAsync('bill.pdf', buildPdf({ pages: [[]], raw: page(lines, (k) => ((k + 1) % 5 === 0 ? k + 1 : undefined)) }));
      assert.strictEqual(doc.text, lines.join('\n') + '\n');
      assert.match(doc.notices.join(), /4 line numbers in the margin left out/);
    });

    it('section numbers set in the margin, several lines apart, are kept', async () => {
      // Six sections of two lines: their numbers rise by one every second line, not every line.
      const headings = ['Short title', 'Unauthorised access', 'Illegal interception', 'Data interference', 'Penalty', 'Commencement'];
      const act = headings.flatMap((h) => [h, `The ${h.toLowerCase()} provision of the Computer Crime Act 2026.`]);
      const doc = await readDocumentAsync('act.pdf', buildPdf({ pages: [[]], raw: page(act, (k) => (k % 2 === 0 ? k / 2 + 1 : undefined), 72) }));
      assert.deepStrictEqual(
        doc.text.split('\n').filter((l) => /^\d/.test(l)),
        headings.map((h, i) => `${i + 1} ${h}`),
      );
      assert.ok(!doc.notices.join().includes('line number'));
    });
  });

  it('a PDF without a text layer is refused with a message, not an empty analysis', async () => {
    const doc = await readDocumentAsync('scan.pdf', buildPdf({ pages: [['x', 'y'], ['z']], noText: true }));
    assert.strictEqual(doc.problems.length, 1);
    assert.match(doc.problems[0], /has no text layer .*2 pages.*OCR/);
    assert.strictEqual(doc.text, '');
  });

  it('a damaged PDF is one problem', async () => {
    const doc = await readDocumentAsync('bad.pdf', Buffer.from('%PDF-1.7\nthis is not a PDF body\n'));
    assert.strictEqual(doc.problems.length, 1);
    assert.match(doc.problems[0], /not a readable PDF/);
  });

  it("reading a PDF leaves the process's built-in methods as they were (PDF.js's polyfills only add)", async () => {
    const doc = await readDocumentAsync('law.pdf', pdfOf(AKN_ACT_PLAIN, 6).bytes);
    assert.deepStrictEqual(doc.problems, []);
    assert.ok(builtInsAtLoad.size > 500, `${builtInsAtLoad.size} built-in methods seen`);
    for (const name of ['Array.prototype.push', 'JSON.parse', 'Function.prototype.toString']) assert.ok(builtInsAtLoad.has(name), name);
    const replaced: string[] = [];
    for (const [name, holder] of builtInHolders()) {
      for (const key of Reflect.ownKeys(holder)) {
        const before = builtInsAtLoad.get(`${name}.${String(key)}`);
        if (before !== undefined && Object.getOwnPropertyDescriptor(holder, key)?.value !== before) replaced.push(`${name}.${String(key)}`);
      }
    }
    assert.deepStrictEqual(replaced, []);
  });

  it('the reports give the page each provision and finding stands on', async () => {
    const doc = await readDocumentAsync('act.pdf', pdfOf(AKN_ACT_PLAIN, 6).bytes);
    assert.deepStrictEqual(doc.problems, []);
    const pageStarts = doc.pageStarts!;
    assert.ok(pageStarts.length >= 3, `${pageStarts.length} pages`);
    const analysis = analyzer.analyze(doc.text);
    let json = '';
    const w = new ChunkWriter((c) => (json += c));
    await writeJsonReport({ file: 'act.pdf', text: doc.text, analysis, format: 'pdf', pageStarts }, analyzer.data, w);
    await w.flush();
    const report = JSON.parse(json) as { provisions: { heading: string | null; page: number }[]; diagnostics: { page: number }[] };
    // The page of "Section 3 Production order", found in the text by hand.
    const section3 = pageStarts.filter((start) => start <= doc.text.indexOf('Section 3')).length;
    assert.ok(section3 > 1);
    assert.strictEqual(report.provisions.find((p) => p.heading === 'Production order')?.page, section3);
    assert.ok(report.diagnostics.length > 0 && report.diagnostics.every((d) => d.page >= 1 && d.page <= pageStarts.length));
    assert.match(toTextReport({ file: 'act.pdf', text: doc.text, analysis, format: 'pdf', pageStarts }, analyzer.messages), new RegExp(`Production order \\(p\\. ${section3}\\)`));
  });

  it('only the asynchronous reader reads PDF', () => {
    assert.strictEqual(readDocument('x.pdf', buildPdf({ pages: [['Section 1 Text']] })).problems.length, 1);
  });

  describe('pagesToText', () => {
    const page = (...lines: [string, number][]): PdfPage => ({ height: 800, lines: lines.map(([text, y]) => ({ text, y, size: 11 })) });
    it('drops running heads whose page number changes, and lone page numbers in the margins', () => {
      const { text, removed } = pagesToText([
        page(['Cybercrime Act — page 1 of 3', 780], ['Section 1 Illegal access', 700], ['- 1 -', 20]),
        page(['Cybercrime Act — page 2 of 3', 780], ['Section 2 Interception', 700], ['- 2 -', 20]),
        page(['Cybercrime Act — page 3 of 3', 780], ['Section 3 Interference', 700], ['iii', 20]),
      ]);
      assert.strictEqual(text, 'Section 1 Illegal access\nSection 2 Interception\nSection 3 Interference\n');
      assert.strictEqual(removed, 6);
    });
    it('drops a header and footer set inside a wider page margin, apart from the body, as a word processor sets them', () => {
      // A LibreOffice page with 2 cm margins: the header stands at 8.5 % from the top, the footer at 8.6 % from the bottom.
      const body = (n: number, top: number) => [`Section ${n} Illegal access`, 'Provisions repeated on every page stay.', 'A person who accesses a system commits an offence.', 'The penalty is a fine.'].map((t, i): [string, number] => [t, top - 14 * i]);
      const pages = [1, 2, 3].map((n) => page(['OFFICIAL GAZETTE — Act 17 of 2026', 732], ...body(n, 711), ['Page ' + n + ' of 3', 69]));
      const { text, removed } = pagesToText(pages);
      assert.strictEqual(removed, 6);
      assert.deepStrictEqual(text.split('\n').filter((l) => /GAZETTE|Page/.test(l)), []);
      assert.strictEqual(text.split('\n').filter((l) => /repeated on every page/.test(l)).length, 3);
    });
    it('keeps the first and last lines of pages without a header, even when they recur, when they follow the body at its usual spacing', () => {
      // A full page (lines 14 units apart from 720 down to 90), its first and last lines in the edge band, recurring.
      const lines = (n: number): [string, number][] => Array.from({ length: 46 }, (_, i): [string, number] => [i === 0 ? `Section ${n}` : i === 45 ? '(continued)' : `Body line ${i} of page ${n}.`, 720 - 14 * i]);
      const { text, removed } = pagesToText([page(...lines(1)), page(...lines(2)), page(...lines(3))]);
      assert.strictEqual(removed, 0);
      assert.strictEqual(text.split('\n').filter((l) => /^Section \d$|^\(continued\)$/.test(l)).length, 6);
    });
    it('leaves out footnotes: smaller lines below the text, apart from it, the first with its number; a word hyphenated across them joins', () => {
      const sized = (...lines: [string, number, number][]): PdfPage => ({ height: 800, lines: lines.map(([text, y, size]) => ({ text, y, size })) });
      const body = (first: number, n: number, last: string): [string, number, number][] => Array.from({ length: n }, (_, i): [string, number, number] => [i === n - 1 ? last : `Line ${first + i} of the section's text.`, 700 - 14 * i, 12]);
      const { text, notes } = pagesToText([
        sized(...body(1, 6, 'A person who intercepts data commits an of-'), ['1 Inserted by the Amendment Act 2024, s. 3.', 560, 10], ['2 Words substituted by the', 548, 10], ['Amendment Act 2025.', 536, 10]),
        sized(['fence under this section.', 700, 12], ...body(7, 5, 'The end.').map(([t, y, z]): [string, number, number] => [t, y - 14, z])),
      ]);
      assert.strictEqual(notes, 3);
      assert.ok(!/Inserted|substituted|Amendment/.test(text), text);
      assert.match(text, /commits an offence under this section\.\n/);
    });
    it('keeps the last lines of a page when they are not footnotes: the same size, no gap, or no number first', () => {
      const sized = (...lines: [string, number, number][]): PdfPage => ({ height: 800, lines: lines.map(([text, y, size]) => ({ text, y, size })) });
      const body: [string, number, number][] = Array.from({ length: 6 }, (_, i): [string, number, number] => [`Line ${i + 1} of the section's text.`, 700 - 14 * i, 12]);
      for (const last of [
        ['1 A numbered paragraph of the text.', 560, 12],
        ['1 A smaller paragraph straight after the text.', 616, 10],
        ['Table: smaller text after a gap.', 560, 10],
      ] as [string, number, number][]) {
        const { text, notes } = pagesToText([sized(...body, last)]);
        assert.strictEqual(notes, 0, last[0]);
        assert.ok(text.includes(last[0]), last[0]);
      }
    });
    it('keeps a title that appears on one page only, and body lines that look like numbers', () => {
      const { text } = pagesToText([page(['THE CYBERCRIME ACT', 780], ['Section 1', 700], ['3', 690]), page(['Section 2', 700])]);
      assert.strictEqual(text, 'THE CYBERCRIME ACT\nSection 1\n3\nSection 2\n');
    });
    it('joins a hyphenated word only before a lower-case letter', () => {
      const { text } = pagesToText([page(['data con-', 700], ['cerning a person; Part', 690], ['A-', 680], ['B follows', 670])]);
      assert.strictEqual(text, 'data concerning a person; Part\nA-\nB follows\n');
    });
    it('says where each page begins: a word hyphenated across pages on the first, an empty page where the next begins', () => {
      const { text, pageStarts } = pagesToText([
        page(['Cybercrime Act', 780], ['Section 1 Illegal access', 700], ['A person who accesses com-', 690]),
        page(['Cybercrime Act', 780], ['puter data commits an offence.', 700], ['Section 2 Interception', 690]),
        page(['Cybercrime Act', 780]),
        page(['Cybercrime Act', 780], ['Section 3 Interference', 700]),
      ]);
      assert.strictEqual(text, 'Section 1 Illegal access\nA person who accesses computer data commits an offence.\nSection 2 Interception\nSection 3 Interference\n');
      const at = (s: string) => text.indexOf(s);
      assert.deepStrictEqual(pageStarts, [0, at('Section 2'), at('Section 3'), at('Section 3')]);
      assert.deepStrictEqual(['Section 1', 'commits', 'Section 2', 'Section 3'].map((w) => pageAt(pageStarts, at(w))), [1, 1, 2, 4]);
    });
    it('puts a blank line where the page leaves a wider gap', () => {
      const { text } = pagesToText([page(['one', 700], ['two', 688], ['three', 676], ['four', 640], ['five', 628])]);
      assert.strictEqual(text, 'one\ntwo\nthree\n\nfour\nfive\n');
    });
  });
});
