// Word documents: text, headings and automatic numbering as Word shows them, tracked changes read as
// accepted; the Spanish and French drafts as .docx give the analysis of the same drafts in UTF-8.
import * as assert from 'assert';
import { strToU8, zipSync } from 'fflate';
import { createAnalyzer } from '../../src/analysis/engine';
import { formatNumber, readDocx } from '../../src/formats/docx';
import { readDocument } from '../../src/formats/read';
import { check } from './check';
import { buildDocx, documentXml, spanishDocx, type Para } from './helpers/docxFixture';
import { FRENCH_DRAFT, SPANISH_DRAFT, summary } from './helpers/formatDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

function frenchDocx(): Uint8Array {
  const lines = FRENCH_DRAFT.split('\n').filter(Boolean);
  return buildDocx({ paragraphs: lines.map((l, i) => ({ runs: l, style: i === 0 ? 'Title' : /^Article /.test(l) ? 'Heading2' : undefined })) });
}

describe('Word (.docx)', () => {
  it('the Spanish draft with automatic article numbers and tracked changes reads as the plain draft', () => {
    const doc = readDocument('ley.docx', spanishDocx());
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(doc.format, 'docx');
    assert.strictEqual(doc.text, SPANISH_DRAFT);
    assert.ok(!doc.text.includes('descuido'), 'deleted text is left out');
    assert.deepStrictEqual(doc.notices.length, 1);
    assert.match(doc.notices[0], /tracked changes: read as if they were all accepted/);
    assert.deepStrictEqual(summary(analyzer.analyze(doc.text)), summary(analyzer.analyze(SPANISH_DRAFT)));
  });

  it('the French draft with heading styles reads as the plain draft, without notices', () => {
    const doc = readDocument('loi.docx', frenchDocx());
    assert.deepStrictEqual([doc.problems, doc.notices], [[], []]);
    assert.strictEqual(doc.text, FRENCH_DRAFT);
    assert.deepStrictEqual(summary(analyzer.analyze(doc.text)), summary(analyzer.analyze(FRENCH_DRAFT)));
  });

  it('numbers multilevel lists as Word shows them, restarting lower levels and honouring start overrides and style numbering', () => {
    const p = (text: string, level: number, id = 1, style?: string): Para => ({ runs: text, num: { id, level }, style });
    const bytes = buildDocx({
      paragraphs: [
        { runs: 'PRELIMINARY', style: 'Heading1' },
        p('Illegal access', 0),
        p('A person who accesses a computer system without right commits an offence.', 1),
        p('first case;', 2),
        p('second case, where', 2),
        p('the data are secret.', 3),
        p('A second subsection.', 1),
        p('Interception', 0),
        p('A first subsection of section 2.', 1),
        { runs: 'OFFENCES', style: 'Heading1' },
        p('Renumbered from five', 0, 2),
        p('Bullet text', 0, 4),
        { runs: '', num: { id: 1, level: 1 } },
      ],
      lists: {
        1: [
          { format: 'decimal', text: 'Section %1', suffix: 'space' },
          { format: 'decimal', text: '(%2)' },
          { format: 'lowerLetter', text: '(%3)' },
          { format: 'lowerRoman', text: '(%4)' },
        ],
        2: [{ format: 'upperRoman', text: 'PART %1 —', suffix: 'space' }],
        3: [{ format: 'bullet', text: '•' }],
      },
      nums: { 1: { abstract: 1 }, 2: { abstract: 1, startOverride: { 0: 5 } }, 3: { abstract: 2 }, 4: { abstract: 3 } },
      styleNumbering: { Heading1: { numId: 3, level: 0 } },
    });
    const doc = readDocx(bytes);
    assert.deepStrictEqual(doc.problems, []);
    assert.deepStrictEqual(doc.text.split('\n'), [
      'PART I — PRELIMINARY',
      'Section 1 Illegal access',
      '(1) A person who accesses a computer system without right commits an offence.',
      '(a) first case;',
      '(b) second case, where',
      '(i) the data are secret.',
      '(2) A second subsection.',
      'Section 2 Interception',
      '(1) A first subsection of section 2.',
      '',
      'PART II — OFFENCES',
      'Section 5 Renumbered from five',
      'Bullet text',
      '', // the empty numbered paragraph takes no number (and ends the text)
    ]);
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
