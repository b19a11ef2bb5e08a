// Property tests of the readers and the exporters on hostile input: random bytes with and without a
// byte-order mark, damaged Word packages (bytes flipped, cut short, XML spliced with junk), Akoma
// Ntoso spliced with junk, a PDF page's text placed anywhere (the column reader), and the JSON and
// SARIF writers on hostile drafts. Properties: no exception; a refusal is one problem and no text;
// anchors lie within the text; a page's reading order holds each of its items once; reports are
// valid JSON. `npm test` runs a bounded number; `npm run fuzz` (or FUZZ_RUNS=5000) many more.
import * as assert from 'assert';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { createAnalyzer } from '../../src/analysis/engine';
import { ChunkWriter, writeJsonReport, writeSarif } from '../../src/analysis/report';
import { readingOrder } from '../../src/formats/pdfColumns';
import { readDocumentAsync, type ReadDocument } from '../../src/formats/read';
import { documentXml, spanishDocx } from './helpers/docxFixture';
import { spanishOdt } from './helpers/odtFixture';
import { spanishRtf } from './helpers/rtfFixture';
import { AKN_ACT, SPANISH_DRAFT } from './helpers/formatDrafts';

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 2000 : 60));
const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

function wellFormed(doc: ReadDocument): void {
  if (doc.problems.length) {
    assert.strictEqual(doc.problems.length, 1);
    assert.strictEqual(doc.text, '');
    assert.ok(!doc.problems[0].includes('\n'), 'one line');
  } else {
    assert.strictEqual(typeof doc.text, 'string');
    for (const a of doc.anchors ?? []) assert.ok(a.start >= 0 && a.start <= a.end && a.end <= doc.text.length, JSON.stringify(a));
  }
}

const JUNK = ['<', '>', '&', '&amp;', '&#0;', '&#xD800;', ']]>', '<![CDATA[', '<!--', '-->', '<?x?>', '<!DOCTYPE x>', '<!ENTITY y "z">', '"', "'", '\u0000', '\uFFFF', '\uD800', 'eId="', '<num>', '</num>', '<section>', '</section>', '<w:p>', '</w:p>', '<w:numPr><w:numId w:val="9"/></w:numPr>', '<w:del>', '</w:ins>', 'xmlns:w="x"', '\r\n', ' '];
const junk = fc.array(fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 8 })), { maxLength: 6 }).map((xs) => xs.join(''));

/** Inserts `insert` at a fraction `at` of `s`. */
const splice = (s: string, at: number, insert: string, cut: number) => {
  const i = Math.floor(at * s.length);
  return s.slice(0, i) + insert + s.slice(i + cut);
};

describe('fuzz: readers and exporters on hostile input', function () {
  this.timeout(0);
  const docx = spanishDocx();
  const odt = spanishOdt();

  it(`random bytes under any name (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('x.txt', 'x.docx', 'x.odt', 'x.rtf', 'x.akn', 'x.xml', 'x.pdf', 'x.draft'),
        fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0x25, 0x50, 0x44, 0x46, 0x2d], [...Buffer.from('{\\rtf1')], [...Buffer.from('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">')]),
        fc.uint8Array({ maxLength: 400 }),
        async (name, prefix, body) => wellFormed(await readDocumentAsync(name, Uint8Array.from([...prefix, ...body]))),
      ),
      { numRuns: RUNS },
    );
  });

  it(`a PDF page's text placed anywhere, two columns of it or none: the reading order holds every item once (${RUNS} runs)`, () => {
    const number = fc.oneof(fc.double({ min: -2000, max: 2000, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0, 1e300, -1e300));
    const anywhere = fc.record({ str: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', ' ', 'word')), x: number, y: number, width: number, size: number });
    // Two columns of lines, then items moved anywhere: the reader's layout tests on the edge of holding.
    const columns = fc.tuple(fc.nat({ max: 40 }), fc.array(fc.tuple(fc.nat(), anywhere), { maxLength: 10 })).map(([rows, moved]) => {
      const items = Array.from({ length: rows * 2 }, (_v, k) => ({ str: 'some words of a line', x: k % 2 ? 318 : 72, y: 740 - Math.floor(k / 2) * 13, width: 200, size: 10 }));
      for (const [at, it] of moved) if (items.length) items[at % items.length] = it;
      return items;
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(anywhere, { maxLength: 80 }), columns), fc.array(fc.nat({ max: 100 }), { maxLength: 5 }), (items, skipped) => {
        const order = readingOrder(items, new Set(skipped));
        if (!order) return;
        assert.deepStrictEqual([...order.order].sort((a, b) => a - b), items.map((_it, i) => i));
        for (const b of order.breaks) assert.ok(b >= 0 && b < items.length);
        assert.ok(order.columns >= 2);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it(`a Word or OpenDocument package with bytes flipped or cut short (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(['x.docx', docx] as const, ['x.odt', odt] as const), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat()), async ([name, original], flips, cut) => {
        const bytes = Uint8Array.from(original);
        for (const [at, b] of flips) bytes[at % bytes.length] = b;
        wellFormed(await readDocumentAsync(name, cut === null ? bytes : bytes.subarray(0, cut % bytes.length)));
      }),
      { numRuns: RUNS },
    );
  });

  it(`Word and Akoma Ntoso XML and RTF spliced with junk (${RUNS} runs)`, async () => {
    const rtf = Buffer.from(spanishRtf()).toString('latin1');
    const wordXml = documentXml(SPANISH_DRAFT.split('\n').map((l) => ({ runs: l, num: /^Art/.test(l) ? { id: 1, level: 0 } : undefined })));
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), junk, fc.nat({ max: 20 }), async (at, insert, cut) => {
        wellFormed(await readDocumentAsync('x.akn', Buffer.from(splice(AKN_ACT, at, insert, cut))));
        const zip = zipSync({ 'word/document.xml': strToU8(splice(wordXml, at, insert, cut)) });
        wellFormed(await readDocumentAsync('x.docx', zip));
        wellFormed(await readDocumentAsync('x.rtf', Buffer.from(splice(rtf, at, insert, cut), 'latin1')));
      }),
      { numRuns: RUNS },
    );
  });

  it(`the JSON and SARIF reports of hostile drafts are valid JSON (${Math.ceil(RUNS / 3)} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom('Section 1 Illegal access\n', '(1) A judge may order ', 'data.\n', '"\u2028"', '\uD800', '\u0000', '</script>', '\\', '\r'), fc.string({ maxLength: 20 })), { maxLength: 30 }), async (parts) => {
        const text = parts.join('');
        const doc = { file: 'x"\n.draft', text, analysis: analyzer!.analyze(text) };
        const out: string[] = [];
        const w = new ChunkWriter((s) => out.push(s));
        await writeJsonReport(doc, analyzer!.data, w);
        await w.flush();
        JSON.parse(out.join(''));
        const sarif: string[] = [];
        await writeSarif([doc], analyzer!.data, { version: '0', helpUri: (c) => `https://x/${c}`, artifactUri: (f) => encodeURIComponent(f) }, (s) => sarif.push(s));
        JSON.parse(sarif.join(''));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
