// The readers on a word processor's own output: the same drafts as written by LibreOffice as
// OpenDocument, RTF and Word (server/test/fixtures/libreoffice/README.md says how they were made)
// read as the drafts they were made from, numbers and tracked changes included.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { readDocument } from '../../src/formats/read';
import { SPANISH_DRAFT } from './helpers/formatDrafts';

const DIR = path.join(__dirname, '../../../../server/test/fixtures/libreoffice');
const part = (name: string) => fs.readFileSync(path.join(DIR, name));

function packages(draft: string): [string, Uint8Array][] {
  return [
    [`${draft}.odt`, zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': part(`${draft}.odt.content.xml`), 'styles.xml': part(`${draft}.odt.styles.xml`) })],
    [`${draft}.rtf`, part(`${draft}.rtf`)],
    [`${draft}.docx`, zipSync({ 'word/document.xml': part(`${draft}.docx.document.xml`), 'word/numbering.xml': part(`${draft}.docx.numbering.xml`), 'word/styles.xml': part(`${draft}.docx.styles.xml`) })],
  ];
}

/** The multilevel list of docx.test.ts as Word shows it (its empty last paragraph aside). */
const MULTI = [
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
  '',
];

describe('files written by LibreOffice', () => {
  for (const [name, bytes] of packages('ley')) {
    it(`the Spanish draft as ${name}: the plain draft, article numbers as shown, tracked changes accepted with a notice`, () => {
      const doc = readDocument(name, bytes);
      assert.deepStrictEqual(doc.problems, []);
      assert.strictEqual(doc.text, SPANISH_DRAFT);
      assert.deepStrictEqual(doc.notices, ['has tracked changes: read as if they were all accepted (insertions kept, deletions left out)']);
    });
  }
  for (const [name, bytes] of packages('multi')) {
    it(`the multilevel list as ${name}: every number as the word processor shows it, the bullet left out`, () => {
      const doc = readDocument(name, bytes);
      assert.deepStrictEqual(doc.problems, []);
      assert.deepStrictEqual(doc.text.split('\n'), MULTI);
    });
  }
});
