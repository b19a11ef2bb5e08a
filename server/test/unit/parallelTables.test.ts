// Tables of parallel text (a law in two or three languages side by side, a law beside its
// amendment) in Word and OpenDocument files are read a column at a time, each version whole;
// other tables (terms and definitions, offences and penalties) row by row, as before.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { readDocument } from '../../src/formats/read';
import { tableLines } from '../../src/formats/wordProcessing';
import { buildDocx, esc, paragraph, type Para } from './helpers/docxFixture';
import { buildOdt, listStyle } from './helpers/odtFixture';
import { escape, para, RTF_HEADER } from './helpers/rtfFixture';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

// Our own wording, three provisions in English and in French.
const EN = [
  ['Section 1 Illegal access', 'A person who, intentionally and without right, accesses the whole or any part of a computer system commits an offence.'],
  ['Section 2 Illegal interception', 'A person who, intentionally and without right, intercepts by technical means a non-public transmission of computer data commits an offence.'],
  ['Section 3 Production order', 'A judge may order a person in the territory to produce specified computer data in that person’s possession or control, for a period not exceeding thirty days.'],
];
const FR = [
  ['Article 1 Accès illégal', 'Quiconque, intentionnellement et sans droit, accède à tout ou partie d’un système informatique commet une infraction.'],
  ['Article 2 Interception illégale', 'Quiconque, intentionnellement et sans droit, intercepte par des moyens techniques une transmission non publique de données informatiques commet une infraction.'],
  ['Article 3 Ordonnance de communication', 'Le juge peut ordonner à une personne se trouvant sur le territoire de communiquer des données informatiques précises qu’elle a en sa possession, pour une période d’au plus trente jours.'],
];

/** Rows of a bilingual table: a heading row and a text row for each provision, English left, French right. */
const bilingualRows = (): string[][][] => EN.flatMap((en, k) => [[[en[0]], [FR[k][0]]], [[en[1]], [FR[k][1]]]]);

function check(rows: string[][][], expected: string[], parallel: boolean): void {
  const read = tableLines(rows);
  assert.deepStrictEqual(read.lines, expected);
  assert.strictEqual(read.parallel, parallel);
}

describe('tables of parallel text', () => {
  describe('tableLines', () => {
    it('a law in English beside its French version: each column whole, a blank line between', () =>
      check(bilingualRows(), [...EN.flat(), '', ...FR.flat()], true));

    it('a title across the table stays first; the columns follow it', () =>
      check([[['CYBERCRIME ACT — LOI SUR LA CYBERCRIMINALITÉ']], ...bilingualRows()], ['CYBERCRIME ACT — LOI SUR LA CYBERCRIMINALITÉ', ...EN.flat(), '', ...FR.flat()], true));

    it('three languages side by side: three columns in turn', () => {
      const rows = bilingualRows().map((r) => [...r, r[0]]);
      check(rows, [...EN.flat(), '', ...FR.flat(), '', ...EN.flat()], true);
    });

    it('terms beside their definitions: row by row', () => {
      const rows = EN.map(([h, t]) => [[h.replace(/^Section \d /, '')], [t]]);
      check(rows, rows.flat(2), false);
    });

    it('offences beside penalties: row by row', () => {
      const rows = [['illegal access', 'two years'], ['interception', 'three years'], ['data interference', 'three years'], ['fraud', 'five years']].map((r) => r.map((c) => [c]));
      check(rows, rows.flat(2), false);
    });

    it('a provision beside a short note: row by row', () => {
      const rows = EN.map(([h, t]) => [[h, t], ['Inserted in 2026.']]);
      check(rows, rows.flat(2), false);
    });

    it('two rows only: row by row', () => {
      const rows = bilingualRows().slice(0, 2);
      check(rows, rows.flat(2), false);
    });
  });

  describe('in a file', () => {
    const expected = [...EN.flatMap(([h, t], k) => [h, `(${k + 1}) ${t}`]), '', ...FR.flatMap(([h, t], k) => [h, `(${k + 1}) ${t}`])];

    /** A Word table of the bilingual provisions, each text paragraph numbered from list `numId` (English) or `numId + 1` (French). */
    const wordTable = (lists: Parameters<typeof buildDocx>[0]['lists'], nums: Parameters<typeof buildDocx>[0]['nums']) => {
      const cell = (paras: Para[]) => `<w:tc>${paras.map(paragraph).join('')}</w:tc>`;
      const rows = EN.flatMap((en, k) => [
        `<w:tr>${cell([{ runs: en[0] }])}${cell([{ runs: FR[k][0] }])}</w:tr>`,
        `<w:tr>${cell([{ runs: en[1], num: { id: 1, level: 0 } }])}${cell([{ runs: FR[k][1], num: { id: 2, level: 0 } }])}</w:tr>`,
      ]);
      const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${rows.join('')}</w:tbl><w:sectPr/></w:body></w:document>`;
      return readDocument('law.docx', buildDocx({ paragraphs: [], documentXml, lists, nums }));
    };
    const LEVEL = [{ format: 'decimal', text: '(%1)', suffix: 'space' as const }];

    it('Word: each column whole, with the numbers Word shows (each language its own list)', () => {
      const doc = wordTable({ 1: LEVEL, 2: LEVEL }, { 1: { abstract: 1 }, 2: { abstract: 2 } });
      assert.deepStrictEqual(doc.problems, []);
      assert.deepStrictEqual(doc.text.split('\n').slice(0, -1), expected);
      assert.match(doc.notices.join(), /a table of parallel text \(versions side by side\) read a column at a time/);
      // Each version is analysed as a whole: the English half reads as the English provisions alone.
      const provisions = (text: string) => analyzer!.analyze(text).parsed.provisions.filter((p) => p.kind !== 'preamble').map((p) => [p.label, p.heading ?? null]);
      const english = provisions(expected.slice(0, 6).join('\n'));
      assert.ok(english.length >= 3);
      assert.deepStrictEqual(provisions(doc.text).slice(0, english.length), english);
    });

    it('Word: where both columns share one list, the numbers stay those Word shows, counted across the rows', () => {
      // Two list instances of one abstract list without a restart are one list to Word: (1) English, (2) French, (3) English …
      const doc = wordTable({ 1: LEVEL }, { 1: { abstract: 1 }, 2: { abstract: 1 } });
      const numbers = doc.text.split('\n').filter((l) => /^\(\d\)/.test(l)).map((l) => l.slice(0, 3));
      assert.deepStrictEqual(numbers, ['(1)', '(3)', '(5)', '(2)', '(4)', '(6)']);
    });

    it('OpenDocument: each column whole, with the numbers of its lists', () => {
      const cell = (inner: string) => `<table:table-cell office:value-type="string">${inner}</table:table-cell>`;
      const item = (style: string, text: string) => `<text:list text:style-name="${style}" text:continue-numbering="true"><text:list-item><text:p>${esc(text)}</text:p></text:list-item></text:list>`;
      const rows = EN.flatMap((en, k) => [
        `<table:table-row>${cell(`<text:p>${esc(en[0])}</text:p>`)}${cell(`<text:p>${esc(FR[k][0])}</text:p>`)}</table:table-row>`,
        `<table:table-row>${cell(item('EN', en[1]))}${cell(item('FR', FR[k][1]))}</table:table-row>`,
      ]);
      const body = `<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>${rows.join('')}</table:table>`;
      const automaticStyles = listStyle('EN', [{ format: '1', prefix: '(', suffix: ')' }]) + listStyle('FR', [{ format: '1', prefix: '(', suffix: ')' }]);
      const doc = readDocument('law.odt', buildOdt({ body, automaticStyles }));
      assert.deepStrictEqual(doc.problems, []);
      assert.deepStrictEqual(doc.text.split('\n').slice(0, -1), expected);
      assert.match(doc.notices.join(), /a table of parallel text/);
    });

    it('RTF, as Word writes a table: each column whole, the paragraphs before and after it where they stand', () => {
      const rowProps = '\\trowd \\irow0\\trgaph108\\trleft-108\\cellx4788\\cellx9576';
      const cell = (text: string) => `\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\widctlpar\\intbl {${escape(text)}}\\cell\n`;
      const row = (left: string, right: string) => `${rowProps}\n${cell(left)}${cell(right)}\\pard\\plain \\ltrpar\\ql \\widctlpar\\intbl {${rowProps}\\row }\n`;
      const rows = EN.flatMap((en, k) => [row(en[0], FR[k][0]), row(`(${k + 1}) ${en[1]}`, `(${k + 1}) ${FR[k][1]}`)]).join('');
      const rtf = `${RTF_HEADER}\n${para('CYBERCRIME ACT')}${rows}${para('Made on 1 March 2026.')}}`;
      const doc = readDocument('law.rtf', Buffer.from(rtf, 'latin1'));
      assert.deepStrictEqual(doc.problems, []);
      assert.deepStrictEqual(doc.text.split('\n').slice(0, -1), ['CYBERCRIME ACT', ...expected, 'Made on 1 March 2026.']);
      assert.match(doc.notices.join(), /a table of parallel text/);
    });

    it('a table of terms and definitions in Word is read row by row, without a notice', () => {
      const rows = EN.map(([h, t]) => `<w:tr><w:tc>${paragraph({ runs: h })}</w:tc><w:tc>${paragraph({ runs: t })}</w:tc></w:tr>`);
      const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${rows.join('')}</w:tbl><w:sectPr/></w:body></w:document>`;
      const doc = readDocument('law.docx', buildDocx({ paragraphs: [], documentXml }));
      assert.deepStrictEqual(doc.text.split('\n').slice(0, -1), EN.flat());
      assert.ok(!doc.notices.join().includes('parallel'));
    });
  });
});
