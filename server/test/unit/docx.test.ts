// Word documents: text, headings and automatic numbering as Word shows them, tracked changes read as
// accepted; the Spanish and French drafts as .docx give the analysis of the same drafts in UTF-8.
import * as assert from 'assert';
import { strToU8, zipSync } from 'fflate';
import { createAnalyzer } from '../../src/analysis/engine';
import { readDocx } from '../../src/formats/docx';
import { formatNumber } from '../../src/formats/wordProcessing';
import { readDocument } from '../../src/formats/read';
import { check } from './check';
import { buildDocx, documentXml, MULTILEVEL_LINES, multilevelDocx, spanishDocx } from './helpers/docxFixture';
import { assertReadsAsPlain, FRENCH_DRAFT, SPANISH_DRAFT, TRACKED_CHANGES } from './helpers/formatDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

function frenchDocx(): Uint8Array {
  const lines = FRENCH_DRAFT.split('\n').filter(Boolean);
  return buildDocx({ paragraphs: lines.map((l, i) => ({ runs: l, style: i === 0 ? 'Title' : /^Article /.test(l) ? 'Heading2' : undefined })) });
}

describe('Word (.docx)', () => {
  it('the Spanish draft with automatic article numbers and tracked changes reads as the plain draft', () => {
    assertReadsAsPlain(readDocument('ley.docx', spanishDocx()), 'docx', SPANISH_DRAFT, [TRACKED_CHANGES], (t) => analyzer.analyze(t));
  });

  it('the French draft with heading styles reads as the plain draft, without notices', () => {
    assertReadsAsPlain(readDocument('loi.docx', frenchDocx()), 'docx', FRENCH_DRAFT, [], (t) => analyzer.analyze(t));
  });

  it('numbers multilevel lists as Word shows them, restarting lower levels and honouring start overrides and style numbering', () => {
    const doc = readDocx(multilevelDocx());
    assert.deepStrictEqual(doc.problems, []);
    // The empty numbered paragraph at the end takes no number (and ends the text).
    assert.deepStrictEqual(doc.text.split('\n'), MULTILEVEL_LINES);
  });

  it('reads tables cell by cell, content controls, fields and breaks; a deleted paragraph mark joins two paragraphs', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
    const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const xml = `<?xml version="1.0"?><w:document ${W}><w:body>
      ${p(r('Section 1 Definitions'))}
      <w:tbl><w:tr><w:tc>${p(r('"data"'))}</w:tc><w:tc>${p(r('means any record;'))}</w:tc></w:tr></w:tbl>
      <w:sdt><w:sdtPr/><w:sdtContent>${p(r('Section 2 Access'))}</w:sdtContent></w:sdt>
      ${p(r('A person who accesses') + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r(' a system') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + '<w:r><w:tab/></w:r>' + r('commits') + '<w:r><w:br/></w:r>' + r('an offence'), '<w:rPr><w:del w:id="5" w:author="x" w:date="2026-01-01T00:00:00Z"/></w:rPr>')}
      ${p(r(' under this section.'))}
      <w:sectPr/></w:body></w:document>`;
    const doc = readDocx(buildDocx({ paragraphs: [], documentXml: xml }));
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(doc.text, 'Section 1 Definitions\n"data"\nmeans any record;\nSection 2 Access\nA person who accesses a system\tcommits\nan offence under this section.\n');
    assert.match(doc.notices.join(), /tracked changes/);
  });

  it('says so when the text is kept in embedded HTML or RTF parts (altChunk), which only Word reads', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const doc = (body: string) => readDocx(buildDocx({ paragraphs: [], documentXml: `<?xml version="1.0"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>` }));
    const only = doc('<w:altChunk r:id="rId9"/>');
    assert.strictEqual(only.text, '');
    assert.match(only.problems.join(), /keeps its text in embedded parts .* save it again/);
    const mixed = doc('<w:p><w:r><w:t>Section 1 Access</w:t></w:r></w:p><w:altChunk r:id="rId9"/><w:altChunk r:id="rId10"/>');
    assert.deepStrictEqual(mixed.problems, []);
    assert.strictEqual(mixed.text, 'Section 1 Access\n');
    assert.match(mixed.notices.join(), /^2 embedded parts .* left out/);
  });

  it('leaves hidden text out, and reads a text box once, on lines of its own after its paragraph', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const others = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
    const r = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    const box = (...paras: string[]) => `<w:txbxContent>${paras.map((t) => `<w:p>${r(t)}</w:p>`).join('')}</w:txbxContent>`;
    // As Word writes a text box: a drawing, and the same box in VML for older readers.
    const boxRun = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('Note: see Part 3.', 'Inserted 2026.')}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('Note: see Part 3.', 'Inserted 2026.')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const xml = `<?xml version="1.0"?><w:document ${W} ${MC} ${others}><w:body>
      <w:p>${r('Section 4 Interception')}</w:p>
      <w:p>${r('A person who intercepts ')}${boxRun}${r('drafting query: keep?', '<w:vanish/>')}${r('a transmission commits an offence.')}</w:p>
      <w:p>${r('Section 5 ')}${r('Penalty', '<w:vanish w:val="0"/>')}</w:p>
      <w:sectPr/></w:body></w:document>`;
    const doc = readDocx(buildDocx({ paragraphs: [], documentXml: xml }));
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(doc.text, 'Section 4 Interception\nA person who intercepts a transmission commits an offence.\nNote: see Part 3.\nInserted 2026.\nSection 5 Penalty\n');
  });

  check<[number, string], string>(
    'formatNumber',
    [
      { name: 'decimal', input: [12, 'decimal'], expected: '12' },
      { name: 'lower letter', input: [3, 'lowerLetter'], expected: 'c' },
      { name: 'letters repeat after z', input: [27, 'lowerLetter'], expected: 'aa' },
      { name: 'upper letter', input: [28, 'upperLetter'], expected: 'BB' },
      { name: 'lower roman', input: [14, 'lowerRoman'], expected: 'xiv' },
      { name: 'upper roman', input: [1999, 'upperRoman'], expected: 'MCMXCIX' },
      { name: 'leading zero', input: [7, 'decimalZero'], expected: '07' },
      { name: 'a start value past what letters can spell: digits', input: [1e12, 'upperRoman'], expected: '1000000000000' },
      { name: 'zero and negative numbers: digits', input: [0, 'lowerLetter'], expected: '0' },
    ],
    ([n, f]) => formatNumber(n, f),
  );

  describe('bad Word files: one problem, nothing read', () => {
    const cases: [string, () => Uint8Array, RegExp][] = [
      ['a damaged (truncated) archive', () => spanishDocx().subarray(0, 300), /damaged|no word\/document\.xml/],
      ['a password-protected document (an OLE compound file)', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), /password-protected/],
      ['a zip without word/document.xml', () => zipSync({ 'content.xml': strToU8('<office/>') }), /no word\/document\.xml/],
      ['a zip bomb (8 MB of zeros in a few KB)', () => zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 }), /zip bomb/],
      ['document.xml with a DTD and an external entity', () => buildDocx({ paragraphs: [], documentXml: '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' }), /DTD/],
      ['document.xml that is not XML', () => buildDocx({ paragraphs: [], documentXml: '<w:document><w:body><w:p>' }), /not well-formed XML|no body/],
      ['a document with no text', () => buildDocx({ paragraphs: [{ runs: '' }] }), /no text/],
      ['a .docx that is not a zip', () => strToU8('Section 1 plain text saved with the wrong name'), /a \.docx file is a zip archive, and this is not one/],
      [
        'insertions nested 100,000 deep (the readers walk by recursion)',
        () => buildDocx({ paragraphs: [], documentXml: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>${Array.from({ length: 100_000 }, (_, i) => `<w:ins w:id="${i}">`).join('')}<w:r><w:t>x</w:t></w:r>${'</w:ins>'.repeat(100_000)}</w:p></w:body></w:document>` }),
        /nests its elements more than 1000 deep/,
      ],
    ];
    for (const [name, make, pattern] of cases) {
      it(name, () => {
        const doc = readDocument('bad.docx', make());
        assert.strictEqual(doc.problems.length, 1, JSON.stringify(doc));
        assert.match(doc.problems[0], pattern);
        assert.strictEqual(doc.text, '');
      });
    }
    it('a part whose zip header understates its size is cut at the stated size, never expanded past it', () => {
      const zip = zipSync({ 'word/document.xml': strToU8(documentXml([{ runs: 'Section 1 Illegal access' }]) + ' '.repeat(4 * 1024 * 1024)) }, { level: 9 });
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      for (let i = 0; i + 4 <= zip.length; i++) {
        const sig = view.getUint32(i, true);
        if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
        if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
      }
      const doc = readDocument('liar.docx', zip);
      assert.strictEqual(doc.problems.length, 1);
      assert.match(doc.problems[0], /not well-formed XML|no body|damaged/);
    });
  });
});
