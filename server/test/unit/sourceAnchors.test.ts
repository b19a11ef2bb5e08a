// Which element a finding in an Akoma Ntoso act's analysed text links to: the innermost one holding
// the finding's start, at its position in the file; whatever order the client sends the anchors in.
import { addSourceElements, checkSourceAnchors, withPage } from '../../src/lsp/sourceAnchors';
import { LineIndex } from '../../src/analysis/text';
import * as fs from 'fs';
import type { Diagnostic } from 'vscode-languageserver';
import * as path from 'path';
import { Messages } from '../../src/analysis/messages';
import type { SourceAnchor } from '../../src/formats/akn';
import { check } from './check';

// 40 characters on one line: offsets are columns.
const TEXT = 'x'.repeat(40);
const lines = new LineIndex(TEXT);
const say = new Messages({ messages: { en: JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../data/messages/en.json'), 'utf8')) } });
const part: SourceAnchor = { start: 0, end: 40, eId: 'part_1', line: 2, column: 3 };
const sec1: SourceAnchor = { start: 5, end: 20, eId: 'sec_1', line: 5, column: 5 };
const sub1: SourceAnchor = { start: 5, end: 12, eId: 'sec_1__subsec_1', line: 7, column: 7 };
const sec2: SourceAnchor = { start: 20, end: 40, eId: 'sec_2', line: 11, column: 5 };
const unplaced: SourceAnchor = { start: 25, end: 30, eId: 'sec_2__para_a' };

/** The element each finding (by its start offset) is linked to, as "eId@line:character". */
function linked(input: { at: number[]; anchors: SourceAnchor[]; length?: number; draftLevel?: boolean }): (string | null)[] {
  const data = input.draftLevel ? { articles: ['2'] } : { provision: 's-1' };
  const diagnostics: Diagnostic[] = input.at.map((at) => ({ range: lines.rangeOf({ start: at, end: at }), message: 'finding', data }));
  addSourceElements(diagnostics, { uri: 'concordance-source:/act.akn.draft', source: 'file:///act.akn', length: input.length ?? TEXT.length, anchors: input.anchors }, TEXT, lines, say);
  return diagnostics.map((d) => {
    const r = d.relatedInformation?.[0];
    return r ? `${r.message.replace('Akoma Ntoso element ', '')}@${r.location.range.start.line}:${r.location.range.start.character}` : null;
  });
}

check('addSourceElements', [
  { name: 'the innermost element holding the start, at its start tag (0-based)', input: { at: [6, 15, 22], anchors: [part, sec1, sub1, sec2] }, expected: ['sec_1__subsec_1@6:6', 'sec_1@4:4', 'sec_2@10:4'] },
  { name: 'the same whatever order the anchors come in', input: { at: [6, 15, 22], anchors: [sec2, sub1, part, sec1] }, expected: ['sec_1__subsec_1@6:6', 'sec_1@4:4', 'sec_2@10:4'] },
  { name: 'an element with no known position: no link', input: { at: [26, 22], anchors: [part, sec2, unplaced] }, expected: [null, 'sec_2@10:4'] },
  { name: 'an element ends where the next begins', input: { at: [19, 20], anchors: [sec1, sec2] }, expected: ['sec_1@4:4', 'sec_2@10:4'] },
  { name: 'a draft-level finding at the start, inside the first element: none', input: { at: [0], anchors: [part, sec1], draftLevel: true }, expected: [null] },
  { name: 'outside every element: none', input: { at: [2], anchors: [sec1, sec2] }, expected: [null] },
  { name: 'anchors read from a text of another length: none', input: { at: [6], anchors: [part, sec1], length: 41 }, expected: [null] },
], linked);

check('checkSourceAnchors', [
  { name: 'a well-formed notification', input: { uri: 'u', source: 's', length: 3, anchors: [{ start: 0, end: 3, eId: 'a', line: 1, column: 1 }] }, expected: 'ok' },
  { name: 'not an object', input: null, expected: 'params must be an object' },
  { name: 'no source', input: { uri: 'u', length: 3, anchors: [] }, expected: 'uri and source must be strings' },
  { name: 'a negative length', input: { uri: 'u', source: 's', length: -1, anchors: [] }, expected: 'length must be a natural number' },
  { name: "a PDF's pages", input: { uri: 'u', source: 's', length: 30, anchors: [], pageStarts: [0, 10, 10, 25] }, expected: 'ok' },
  { name: 'pages that do not rise', input: { uri: 'u', source: 's', length: 30, anchors: [], pageStarts: [0, 10, 5] }, expected: 'pageStarts must be a rising list of natural numbers' },
  { name: 'an anchor ending before it starts', input: { uri: 'u', source: 's', length: 3, anchors: [{ start: 2, end: 1, eId: 'a' }] }, expected: 'anchors must be a list of { start, end, eId, line?, column? }' },
], (p: unknown) => {
  const r = checkSourceAnchors(p);
  return typeof r === 'string' ? r : 'ok';
});

check<{ source: string; offset: number; pageStarts?: number[] }, string>(
  'withPage: the last line of a hover in a PDF',
  [
    { name: 'the page of the offset, and the file name decoded', input: { source: 'file:///laws/act%20one.pdf', offset: 12, pageStarts: [0, 10, 30] }, expected: 'hover\n\n_Page 2 of act one\\.pdf_' },
    { name: 'an empty page gives way to the next', input: { source: 'file:///laws/act.pdf', offset: 10, pageStarts: [0, 10, 10] }, expected: 'hover\n\n_Page 3 of act\\.pdf_' },
    { name: 'a malformed %-sequence is shown as it is', input: { source: 'file:///laws/a%E0%A.pdf', offset: 0, pageStarts: [0] }, expected: 'hover\n\n_Page 1 of a\\%E0\\%A\\.pdf_' },
    { name: 'no pages: the hover as it is', input: { source: 'file:///laws/act.akn', offset: 0 }, expected: 'hover' },
  ],
  ({ source, offset, pageStarts }) => {
    const h = withPage({ contents: { kind: 'markdown', value: 'hover' } }, { uri: 'u', source, length: TEXT.length, anchors: [], ...(pageStarts ? { pageStarts } : {}) }, TEXT, offset, say);
    return (h!.contents as { value: string }).value;
  },
);
