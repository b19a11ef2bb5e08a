// Plain-text drafts in any common encoding read as the same text, with a notice for every guess,
// and give the same provisions and findings as the UTF-8 draft.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { binaryText, decodeText, decodeWindows1252 } from '../../src/formats/encoding';
import { readDocument } from '../../src/formats/read';
import { check } from './check';
import { encodeUtf16, encodeWindows1252, FRENCH_DRAFT, SPANISH_DRAFT, summary } from './helpers/formatDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

check<{ bytes: number[] }, { encoding: string; text: string; notices: number; problems: number }>(
  'decodeText',
  [
    { name: 'plain ASCII is UTF-8, no notice', input: { bytes: [...Buffer.from('Section 1\n')] }, expected: { encoding: 'UTF-8', text: 'Section 1\n', notices: 0, problems: 0 } },
    { name: 'UTF-8 byte-order mark is dropped', input: { bytes: [0xef, 0xbb, 0xbf, ...Buffer.from('Artículo')] }, expected: { encoding: 'UTF-8', text: 'Artículo', notices: 0, problems: 0 } },
    { name: 'UTF-16 LE with mark', input: { bytes: [...encodeUtf16('Artículo 1', false)] }, expected: { encoding: 'UTF-16 LE', text: 'Artículo 1', notices: 1, problems: 0 } },
    { name: 'UTF-16 BE with mark', input: { bytes: [...encodeUtf16('Artículo 1', true)] }, expected: { encoding: 'UTF-16 BE', text: 'Artículo 1', notices: 1, problems: 0 } },
    { name: 'UTF-16 LE without mark, known by its zero bytes', input: { bytes: [...encodeUtf16('Section 1. Illegal access', false, false)] }, expected: { encoding: 'UTF-16 LE', text: 'Section 1. Illegal access', notices: 1, problems: 0 } },
    { name: 'invalid UTF-8 read as Windows-1252', input: { bytes: [0x41, 0x72, 0x74, 0xed, 0x63, 0x75, 0x6c, 0x6f, 0x20, 0x97, 0x20, 0x80] }, expected: { encoding: 'Windows-1252', text: 'Artículo — €', notices: 1, problems: 0 } },
    { name: 'NUL bytes: binary', input: { bytes: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49] }, expected: { encoding: 'binary', text: '', notices: 0, problems: 1 } },
    { name: 'control bytes without NUL: binary', input: { bytes: [...Array.from({ length: 400 }, (_, i) => [0x01, 0x02, 0x1b, 0x41][i % 4])] }, expected: { encoding: 'binary', text: '', notices: 0, problems: 1 } },
    { name: 'empty file is empty UTF-8 text', input: { bytes: [] }, expected: { encoding: 'UTF-8', text: '', notices: 0, problems: 0 } },
  ],
  ({ bytes }) => {
    const d = decodeText(Uint8Array.from(bytes));
    return { encoding: d.encoding, text: d.text, notices: d.notices.length, problems: d.problems.length };
  },
);

describe('encodings give the same analysis as UTF-8', () => {
  for (const [name, draft] of [['Spanish', SPANISH_DRAFT], ['French', FRENCH_DRAFT]] as const) {
    const expected = summary(analyzer.analyze(draft));
    it(`${name}: the UTF-8 draft has provisions, matches and findings (the comparison means something)`, () => {
      const s = expected as { provisions: unknown[]; matches: [string, number[]][]; findings: unknown[] };
      assert.ok(s.provisions.length >= 3, JSON.stringify(s.provisions));
      assert.ok(s.matches.filter((m) => m[1].length > 0).length >= 2, JSON.stringify(s.matches));
      assert.ok(s.findings.length >= 1);
    });
    const encoded: [string, Buffer, string][] = [
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(draft)]), 'UTF-8'],
      ['UTF-16 LE', encodeUtf16(draft, false), 'UTF-16 LE'],
      ['UTF-16 BE', encodeUtf16(draft, true), 'UTF-16 BE'],
      ['Windows-1252', encodeWindows1252(draft), 'Windows-1252'],
      ['Windows-1252 with CRLF line ends', encodeWindows1252(draft.replace(/\n/g, '\r\n')), 'Windows-1252'],
    ];
    for (const [label, bytes, encoding] of encoded) {
      it(`${name} in ${label}`, () => {
        const doc = readDocument(`draft-${label}.txt`, bytes);
        assert.deepStrictEqual(doc.problems, []);
        assert.strictEqual(doc.encoding, encoding);
        assert.strictEqual(doc.notices.length, encoding === 'UTF-8' ? 0 : 1, doc.notices.join('; '));
        const crlf = label.includes('CRLF');
        assert.strictEqual(doc.text, crlf ? draft.replace(/\n/g, '\r\n') : draft);
        if (!crlf) assert.deepStrictEqual(summary(analyzer.analyze(doc.text)), expected);
        else assert.deepStrictEqual((summary(analyzer.analyze(doc.text)) as { provisions: unknown }).provisions, (expected as { provisions: unknown }).provisions);
      });
    }
    it(`${name} in Windows-1252 misread as UTF-8 loses accents, and the analysis says so at the first lost letter`, () => {
      const misread = encodeWindows1252(draft).toString('utf8');
      assert.ok(misread.includes('\ufffd'));
      const analysis = analyzer.analyze(misread);
      assert.notDeepStrictEqual(summary(analysis), expected);
      const lost = [...misread].filter((c) => c === '\ufffd').length;
      assert.deepStrictEqual(
        analysis.problems.map((p) => [p.message.startsWith(`The text has ${lost} replacement character(s) (\ufffd)`), p.span]),
        [[true, { start: misread.indexOf('\ufffd'), end: misread.indexOf('\ufffd') + 1 }]],
      );
      assert.deepStrictEqual(analyzer.analyze(draft).problems, [], 'the draft read right has no such problem');
    });
  }
});

describe('decodeWindows1252 and binaryText', () => {
  it('maps every byte to one character, 0x80–0x9F through the Windows table', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = decodeWindows1252(all);
    assert.strictEqual(s.length, 256);
    assert.strictEqual(s[0x80], '€');
    assert.strictEqual(s[0x97], '—');
    assert.strictEqual(s[0xe9], 'é');
    assert.strictEqual(s[0x81], '\u0081');
  });
  it('decodes more than one chunk', () => {
    const big = Buffer.alloc(20000, 0xe9);
    assert.strictEqual(decodeWindows1252(big), 'é'.repeat(20000));
  });
  it('finds a NUL beyond the sample', () => {
    assert.ok(binaryText('a'.repeat(70000) + '\u0000'));
    assert.ok(!binaryText('a'.repeat(70000) + '\t\r\n\f'));
  });
});

check<string, boolean>(
  'binaryText at the edges of the count',
  [
    { name: 'prose with tabs, line ends and a form feed', input: 'a\tb\r\nc\fd', expected: false },
    { name: 'one NUL', input: 'abc\u0000', expected: true },
    { name: 'one control character in ten is not more than a tenth', input: 'abcdefghi\u0001', expected: false },
    { name: 'two in ten are', input: 'abcdefgh\u0001\u007f', expected: true },
    { name: 'a vertical tab counts', input: 'ab\u000b\u000b', expected: true },
    { name: 'controls past the first 64 K characters are not counted', input: 'a'.repeat(65536) + '\u0001'.repeat(100), expected: false },
    { name: 'controls in the first 64 K are, whatever follows', input: '\u0002'.repeat(7000) + 'a'.repeat(60000) + 'b'.repeat(10000), expected: true },
    { name: 'no text at all', input: '', expected: false },
  ],
  binaryText,
);

check<[string, Uint8Array], string[]>(
  'decodeText refuses a NUL past the first 64 K characters, whatever the encoding',
  [
    { name: 'UTF-8', input: ['utf-8', Buffer.from('a'.repeat(70000) + '\u0000')], expected: ['looks like a binary file, not a text draft'] },
    { name: 'UTF-8 with a byte-order mark', input: ['utf-8 bom', Buffer.from('\ufeff' + 'a'.repeat(70000) + '\u0000')], expected: ['looks like a binary file, not a text draft'] },
    { name: 'UTF-16 LE with a byte-order mark', input: ['utf-16', Buffer.from('\ufeff' + 'a'.repeat(70000) + '\u0000', 'utf16le')], expected: ['looks like a binary file, not a text draft'] },
    { name: 'Windows-1252', input: ['1252', Uint8Array.from([...Buffer.from('a'.repeat(70000)), 0xe9, 0])], expected: ['looks like a binary file, not a text draft'] },
    { name: 'none in a long UTF-8 text', input: ['utf-8', Buffer.from('é'.repeat(70000))], expected: [] },
    { name: 'none in a long UTF-16 text', input: ['utf-16', Buffer.from('\ufeff' + 'é'.repeat(70000), 'utf16le')], expected: [] },
  ],
  ([, bytes]) => decodeText(bytes).problems,
);

check<{ name: string; text: string }, { reading: string[]; analysis: string[]; provisions: number }>(
  'HTML is refused and RTF read as a document: neither is analysed as if its markup were the draft',
  [
    {
      name: 'an RTF document',
      input: { name: 'ley.rtf', text: '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0\\fs24 Section 1 Illegal access\\par A person who accesses a computer system commits an offence.\\par}' },
      expected: { reading: [], analysis: ['This is an RTF document shown as plain text'], provisions: 0 },
    },
    {
      name: 'an HTML page, after a byte-order mark and blank lines',
      input: { name: 'act.html', text: '\ufeff\n\n<!DOCTYPE html><html><body><h2>Section 1 Illegal access</h2><p>A person who accesses a computer system commits an offence.</p></body></html>' },
      expected: { reading: ["an HTML page, which Concordance does not read: save the law's text as plain text or Word (.docx)"], analysis: ['This is an HTML page'], provisions: 0 },
    },
    {
      name: 'a draft that mentions RTF and HTML is a draft',
      input: { name: 'draft.txt', text: 'Section 1 Formats\nA notice may be served as an RTF {\\rtf} file or an <html> page.\n' },
      expected: { reading: [], analysis: [], provisions: 1 },
    },
  ],
  ({ name, text }) => {
    const analysis = analyzer.analyze(text);
    return {
      reading: readDocument(name, Buffer.from(text, 'utf8')).problems,
      analysis: analysis.problems.map((p) => p.message.split(',')[0].split(':')[0]),
      provisions: analysis.parsed.provisions.filter((p) => p.kind !== 'preamble').length,
    };
  },
);
