// OpenDocument texts (.odt): text, headings and automatic numbering as the word processor shows
// them, tracked changes read as accepted; the Spanish and French drafts as .odt give the analysis
// of the same drafts in UTF-8.
import * as assert from 'assert';
import { strToU8, zipSync } from 'fflate';
import { createAnalyzer } from '../../src/analysis/engine';
import { readOdt } from '../../src/formats/odt';
import { readDocument } from '../../src/formats/read';
import { esc } from './helpers/docxFixture';
import { assertReadsAsPlain, FRENCH_DRAFT, SPANISH_DRAFT, TRACKED_CHANGES } from './helpers/formatDrafts';
import { buildOdt, HEADING_STYLES, listStyle, spanishOdt } from './helpers/odtFixture';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

/** The French draft as a word processor saves it, the markup indented (white space it collapses). */
function frenchOdt(): Uint8Array {
  const lines = FRENCH_DRAFT.split('\n').filter(Boolean);
  const body = lines.map((l, i) => {
    if (i === 0) return `<text:p text:style-name="Title">${esc(l)}</text:p>`;
    if (/^Article /.test(l)) return `\n    <text:h text:style-name="Heading_20_2" text:outline-level="2">\n      ${esc(l)}\n    </text:h>`;
    // A footnote, a comment and a bookmark: none of them is the provision's text.
    const [first, ...rest] = esc(l).split(' ');
    return `\n    <text:p>${first}<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Note de la rédactrice.</text:p></text:note-body></text:note><office:annotation><text:p>À revoir</text:p></office:annotation><text:bookmark text:name="b${i}"/> <text:span text:style-name="T1">${rest.join('\n      ')}</text:span><text:soft-page-break/></text:p>`;
  });
  return buildOdt({ body: body.join(''), styles: HEADING_STYLES });
}

describe('OpenDocument text (.odt)', () => {
  it('the Spanish draft with automatic article numbers and tracked changes reads as the plain draft', () => {
    assertReadsAsPlain(readDocument('ley.odt', spanishOdt()), 'odt', SPANISH_DRAFT, [TRACKED_CHANGES], (t) => analyzer.analyze(t));
  });

  it('the French draft, its markup indented, with notes, comments and bookmarks, reads as the plain draft, without notices', () => {
    assertReadsAsPlain(readDocument('loi.odt', frenchOdt()), 'odt', FRENCH_DRAFT, [], (t) => analyzer.analyze(t));
  });

  it('numbers headings and multilevel lists as the word processor shows them', () => {
    const h = (text: string, level: number, attrs = '') => `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}"${attrs}>${text}</text:h>`;
    const item = (inner: string, attrs = '') => `<text:list-item${attrs}>${inner}</text:list-item>`;
    const para = (text: string) => `<text:p>${text}</text:p>`;
    const body = [
      h('PRELIMINARY', 1),
      `<text:list xml:id="sections" text:style-name="L1">`,
      item(para('Illegal access') + `<text:list>${item(para('A person who accesses a computer system without right commits an offence.') + `<text:list>${item(para('first case;'))}${item(para('second case.'))}</text:list>`)}${item(para('A second subsection.'))}</text:list>`),
      item(para('Interception')),
      `</text:list>`,
      para('An unnumbered paragraph between the lists.'),
      // Continues the list above by its id; an item that restarts at 7; an empty item still counts.
      `<text:list text:continue-list="sections">${item(para('Data interference'))}${item(para(''))}${item(para('Misuse of devices'))}${item(para('Renumbered'), ' text:start-value="7"')}<text:list-header>${para('A list header takes no number.')}</text:list-header></text:list>`,
      // A new list of the same style starts again.
      `<text:list text:style-name="L1">${item(para('Restarted'))}</text:list>`,
      `<text:list text:style-name="L2">${item(para('Bullet text'))}</text:list>`,
      h('OFFENCES', 1),
      h('Heading of level two', 2),
      h('Unnumbered heading', 1, ' text:is-list-header="true"'),
      h('SAFEGUARDS', 1),
    ].join('');
    const doc = readOdt(
      buildOdt({
        body,
        automaticStyles: listStyle('L1', [{ format: '1', prefix: 'Section ' }, { format: '1', prefix: '(', suffix: ')' }, { format: 'a', prefix: '(', suffix: ')' }]) + listStyle('L2', [{ format: '' }]),
        styles: HEADING_STYLES + listStyle('Outline', [{ format: 'I', prefix: 'PART ', suffix: ' —' }, { format: '1', displayLevels: 2 }], 'text:outline-style'),
      }),
    );
    assert.deepStrictEqual(doc.problems, []);
    assert.deepStrictEqual(doc.text.split('\n'), [
      'PART I — PRELIMINARY',
      'Section 1 Illegal access',
      '(1) A person who accesses a computer system without right commits an offence.',
      '(a) first case;',
      '(b) second case.',
      '(2) A second subsection.',
      'Section 2 Interception',
      'An unnumbered paragraph between the lists.',
      'Section 3 Data interference',
      'Section 5 Misuse of devices',
      'Section 7 Renumbered',
      'A list header takes no number.',
      'Section 1 Restarted',
      'Bullet text',
      '',
      'PART II — OFFENCES',
      '',
      'II.1 Heading of level two',
      '',
      'Unnumbered heading',
      '',
      'PART III — SAFEGUARDS',
      '',
    ]);
  });

  it('reads tables cell by cell and sections, leaves hidden text and a table of contents out, and reads a frame once, after its paragraph', () => {
    const body = [
      // A table of contents, which the word processor makes from the headings, is not read.
      '<text:table-of-content text:name="T"><text:index-body><text:index-title><text:p>Contents</text:p></text:index-title><text:p>Section 1 Definitions<text:tab/>1</text:p><text:p>Section 5 Penalty<text:tab/>2</text:p></text:index-body></text:table-of-content>',
      '<text:section text:name="S1"><text:p>Section 1 Definitions</text:p></text:section>',
      '<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Term</text:p></table:table-cell><table:table-cell><text:p>Meaning</text:p></table:table-cell></table:table-row></table:table-header-rows>',
      '<table:table-row><table:table-cell><text:p>"data"</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>means any record;</text:p></table:table-cell></table:table-row></table:table>',
      '<text:p>A person who intercepts <draw:frame draw:name="f1"><draw:text-box><text:p>Note: see Part 3.</text:p><text:p>Inserted 2026.</text:p></draw:text-box></draw:frame><text:span text:style-name="Hidden">drafting query: keep? </text:span><text:hidden-text text:is-hidden="true" text:string-value="x" text:condition="ooow:1">also hidden </text:hidden-text>a<text:s text:c="2"/>transmission<text:tab/>commits<text:line-break/>an offence.</text:p>',
      '<text:p text:style-name="HiddenParagraph">A paragraph the author hid.</text:p>',
      '<text:p>Section 5 Penalty</text:p>',
    ].join('');
    const doc = readOdt(
      buildOdt({
        body,
        automaticStyles: '<style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style><style:style style:name="HiddenParagraph" style:family="paragraph"><style:text-properties text:display="none"/></style:style>',
      }),
    );
    assert.deepStrictEqual([doc.problems, doc.notices], [[], []]);
    assert.strictEqual(doc.text, 'Section 1 Definitions\nTerm\nMeaning\n"data"\nmeans any record;\nA person who intercepts a  transmission\tcommits\nan offence.\nNote: see Part 3.\nInserted 2026.\nSection 5 Penalty\n');
  });

  it('numbering attributes out of all bounds (levels, start values) give a label at once, not a hang', () => {
    const doc = readOdt(
      buildOdt({
        body: '<text:h text:outline-level="1000000000" text:restart-numbering="true" text:start-value="1000000000000000">Huge</text:h><text:list text:style-name="L1"><text:list-item text:start-value="99999999999"><text:p>Far</text:p></text:list-item></text:list>',
        automaticStyles: listStyle('L1', [{ format: 'I', displayLevels: 1000000000 }]),
        styles: listStyle('Outline', Array.from({ length: 10 }, () => ({ format: 'a', displayLevels: 1000000000 })), 'text:outline-style'),
      }),
    );
    assert.deepStrictEqual(doc.problems, []);
    assert.deepStrictEqual(doc.text.split('\n').filter(Boolean), ['a.a.a.a.a.a.a.a.a.1000000000000000 Huge', '99999999999 Far']);
  });

  it('an OpenDocument text whose mimetype is not its first entry is known by its name', () => {
    const bytes = buildOdt({ body: '<text:p>Section 1 Illegal access</text:p>', mimetypeFirst: false });
    assert.strictEqual(readDocument('law.odt', bytes).text, 'Section 1 Illegal access\n');
    assert.strictEqual(readDocument('law.ott', bytes).format, 'odt');
    // Named otherwise, the package has no sign of being one: it is taken for a Word document.
    assert.match(readDocument('law.zip', bytes).problems.join(), /no word\/document\.xml/);
  });

  describe('bad OpenDocument files: one problem, nothing read', () => {
    const cases: [string, () => Uint8Array, RegExp][] = [
      ['a damaged (truncated) archive', () => spanishOdt().subarray(0, 300), /damaged|no content\.xml/],
      [
        'a password-protected document',
        () => buildOdt({ body: '<text:p>x</text:p>', manifestEntries: '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry>' }),
        /password-protected OpenDocument text/,
      ],
      ['a spreadsheet', () => buildOdt({ body: '', mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }), /an OpenDocument spreadsheet, not a text document/],
      ['a type entry of binary bytes, as a damaged archive gives', () => buildOdt({ body: '<text:p>x</text:p>', mimetype: 'appl\u0003\ncation/\u00ff' }), /the zip archive is damaged \(its type entry is not text\)/],
      ['a package without content.xml', () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }] }), /no content\.xml/],
      ['a zip bomb (8 MB of zeros in a few KB)', () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 }), /zip bomb/],
      [
        'content.xml with a DTD and an external entity',
        () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') }),
        /DTD/,
      ],
      ['content.xml that is not XML', () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<office:document-content><office:body>') }), /not well-formed XML|no office:text/],
      ['a document with no text', () => buildOdt({ body: '<text:p/><text:p>  </text:p>' }), /no text/],
      ['an .odt that is not a zip', () => strToU8('Section 1 plain text saved with the wrong name'), /an \.odt file is a zip archive, and this is not one/],
      [
        'lists nested 2,000 deep (the reader walks by recursion)',
        () => buildOdt({ body: `${'<text:list><text:list-item>'.repeat(2_000)}<text:p>x</text:p>${'</text:list-item></text:list>'.repeat(2_000)}` }),
        /nests its elements more than 1000 deep/,
      ],
    ];
    for (const [name, make, pattern] of cases) {
      it(name, () => {
        const doc = readDocument('bad.odt', make());
        assert.strictEqual(doc.problems.length, 1, JSON.stringify(doc));
        assert.match(doc.problems[0], pattern);
        assert.ok(!doc.problems[0].includes('\n'), 'one line');
        assert.strictEqual(doc.text, '');
      });
    }
  });
});
