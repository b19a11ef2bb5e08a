// The readers on a word processor's own output: the same drafts as written by LibreOffice as
// OpenDocument, RTF and Word (server/test/fixtures/libreoffice/README.md says how they were made)
// read as the drafts they were made from, numbers and tracked changes included.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { readDocument } from '../../src/formats/read';
import { MULTILEVEL_LINES } from './helpers/docxFixture';
import { SPANISH_DRAFT, TRACKED_CHANGES } from './helpers/formatDrafts';

const DIR = path.join(__dirname, '../../../../server/test/fixtures/libreoffice');
const part = (name: string) => fs.readFileSync(path.join(DIR, name));

function packages(draft: string): [string, Uint8Array][] {
  return [
    [`${draft}.odt`, zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': part(`${draft}.odt.content.xml`), 'styles.xml': part(`${draft}.odt.styles.xml`) })],
    [`${draft}.rtf`, part(`${draft}.rtf`)],
    [`${draft}.docx`, zipSync({ 'word/document.xml': part(`${draft}.docx.document.xml`), 'word/numbering.xml': part(`${draft}.docx.numbering.xml`), 'word/styles.xml': part(`${draft}.docx.styles.xml`) })],
  ];
}

describe('files written by LibreOffice', () => {
  for (const [name, bytes] of packages('ley')) {
    it(`the Spanish draft as ${name}: the plain draft, article numbers as shown, tracked changes accepted with a notice`, () => {
      const doc = readDocument(name, bytes);
      assert.deepStrictEqual(doc.problems, []);
      assert.strictEqual(doc.text, SPANISH_DRAFT);
      assert.strictEqual(doc.notices.length, 1);
      assert.match(doc.notices[0], TRACKED_CHANGES);
    });
  }
  for (const [name, bytes] of packages('multi')) {
    it(`the multilevel list as ${name}: every number as the word processor shows it, the bullet left out`, () => {
      const doc = readDocument(name, bytes);
      assert.deepStrictEqual(doc.problems, []);
      assert.deepStrictEqual(doc.text.split('\n'), MULTILEVEL_LINES);
    });
  }
});
