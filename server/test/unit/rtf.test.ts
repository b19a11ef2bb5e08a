// RTF documents, written here as Word writes them: text, headings and list numbers as the word
// processor shows them, tracked changes read as accepted, everything that is not the text left
// out; the Spanish and French drafts as RTF give the analysis of the same drafts in UTF-8.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { readDocument } from '../../src/formats/read';
import { readRtf } from '../../src/formats/rtf';
import { assertReadsAsPlain, FRENCH_DRAFT, SPANISH_DRAFT, TRACKED_CHANGES } from './helpers/formatDrafts';
import { escape, para, RTF_HEADER, spanishRtf } from './helpers/rtfFixture';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

/**
 * The French draft with what Word adds around the text: a footnote and its mark, a comment, a
 * field whose result is the text, hidden text, a picture, binary data, an unknown destination,
 * and characters given as \uN with their fallbacks.
 */
function frenchRtf(): Uint8Array {
  const lines = FRENCH_DRAFT.split('\n').filter(Boolean);
  let body = para(`{${escape(lines[0])}}`, '\\s15');
  for (const [i, line] of lines.slice(1).entries()) {
    if (/^Article /.test(line)) body += para(`{${escape(line)}}`, '\\s1\\outlinelevel0');
    else if (i === 1) {
      const [first, ...rest] = line.split(' ');
      body += para(`{${escape(first)}}{\\cs17\\super \\chftn {\\footnote \\pard\\plain \\s0 {\\cs17\\super \\chftn } Note de la r\\'e9dactrice.\\par}}{\\*\\atnid R}{\\*\\atnauthor R}{\\*\\annotation {\\pard\\plain  \\'c0 revoir.\\par}}{\\v  brouillon}{\\*\\unknowndestination texte cach\\'e9}{\\pict\\wmetafile8 0102030405}{\\*\\objdata \\bin4 {}}\\} ${escape(rest.join(' ')).replace('automatis\\\'e9', '{\\field{\\*\\fldinst { REF auto }}{\\fldrslt {automatis\\u233\\\'3f}}}')}`);
    } else body += para(`{${escape(line)}}`);
  }
  return Buffer.from(`${RTF_HEADER}\n${body}}`, 'latin1');
}

describe('RTF', () => {
  it('the Spanish draft with list numbers and tracked changes, as Word saves it, reads as the plain draft', () => {
    // The plain draft has neither the deleted words nor the header's and footer's.
    assertReadsAsPlain(readDocument('ley.rtf', spanishRtf()), 'rtf', SPANISH_DRAFT, [TRACKED_CHANGES], (t) => analyzer.analyze(t));
  });

  it('the French draft with a footnote, a comment, fields, hidden text, a picture and binary data reads as the plain draft, without notices', () => {
    assertReadsAsPlain(readDocument('loi.rtf', frenchRtf()), 'rtf', FRENCH_DRAFT, [], (t) => analyzer.analyze(t));
  });

  it('reads tables cell by cell (once), line breaks, tabs and special characters (unknown control words show nothing); bullets are no numbers', () => {
    const rtf = [
      '{\\rtf1\\ansi',
      '\\pard\\plain Section 1 Definitions\\par',
      '\\trowd \\cellx3000\\cellx6000 \\pard\\intbl "data"\\cell means any record;\\cell \\row',
      // Word's copy of a nested table for readers without them: the table itself was read.
      '{\\nonesttables \\par "data" means any record;\\par}',
      '\\pard\\plain {\\listtext\\pard\\plain \\f3 \\\'b7\\tab}A person who intercepts\\line a transmission\\tab commits an\\~offence\\_free of \\{charge\\}\\par',
      '\\pard\\plain {\\listtext\\pard\\plain (a)\\tab}first case;\\par',
      '\\pard\\plain \\ldblquote quoted\\rdblquote  and\\endash dashed\\constructor\\toString\\par',
      '}',
    ].join('\r\n');
    const doc = readRtf(Buffer.from(rtf, 'latin1'));
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(doc.text, 'Section 1 Definitions\n"data"\nmeans any record;\nA person who intercepts\na transmission\tcommits an\u00a0offence-free of {charge}\n(a) first case;\n“quoted” and–dashed\n');
  });

  it('decodes bytes in the code page the document names, escaped or not', () => {
    const doc = readRtf(Buffer.from("{\\rtf1\\ansi\\ansicpg1251 \\pard \\'d1\\'f2\\'e0\\'f2\\'fc\\'ff 1\\par}", 'latin1'));
    assert.strictEqual(doc.text, 'Статья 1\n');
    // Raw bytes of Windows-1252, 0x80-0x9F included (the euro sign, curly quotes, a dash).
    const raw = readRtf(Uint8Array.from([...Buffer.from('{\\rtf1\\ansi\\ansicpg1252 \\pard ', 'latin1'), 0x93, 0x80, 0x20, 0x96, 0x20, 0xe9, 0x94, ...Buffer.from('\\par}', 'latin1')]));
    assert.strictEqual(raw.text, '“€ – é”\n');
  });

  it('a document cut short reads up to where it stops, and says so', () => {
    const whole = Buffer.from(spanishRtf()).toString('latin1');
    const doc = readRtf(Buffer.from(whole.slice(0, whole.indexOf('Interceptaci')), 'latin1'));
    assert.deepStrictEqual(doc.problems, []);
    assert.match(doc.text, /Artículo 1\. Acceso ilícito\n/);
    assert.match(doc.notices.join(), /ends before its groups are closed \(the file may be cut short\)/);
    assert.doesNotMatch(readRtf(spanishRtf()).notices.join(), /cut short/);
  });

  describe('bad RTF files: one problem, nothing read', () => {
    const cases: [string, string, RegExp][] = [
      ['groups nested 2,000 deep', `{\\rtf1 ${'{'.repeat(2000)}x${'}'.repeat(2000)}}`, /nests its groups more than 1000 deep/],
      ['a document with no text', '{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard\\par\\pard\\par}', /no text/],
      ['only hidden and deleted text', '{\\rtf1\\ansi{\\v hidden}{\\deleted gone}\\par}', /no text/],
    ];
    for (const [name, rtf, pattern] of cases) {
      it(name, () => {
        const doc = readDocument('bad.rtf', Buffer.from(rtf, 'latin1'));
        assert.strictEqual(doc.problems.length, 1, JSON.stringify(doc));
        assert.match(doc.problems[0], pattern);
        assert.strictEqual(doc.text, '');
      });
    }
  });
});
