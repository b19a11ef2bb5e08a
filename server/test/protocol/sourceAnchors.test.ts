// The analysed text of an Akoma Ntoso act, as the extension opens it (`concordance-source:`), with the
// anchors the client sends: a finding inside an element points at that element's start tag in the
// file; stale or malformed anchors change nothing.
import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { readAkn } from '../../src/formats/akn';
import { AKN_ACT, AKN_ACT_PLAIN } from '../unit/helpers/formatDrafts';
import { failOnServerErrors, TestClient, withCode } from './client';

const SOURCE = 'file:///laws/act.akn';
const URI = `concordance-source:/laws/act.akn.draft?${encodeURIComponent(SOURCE)}`;

/** 0-based line and column of the start tag of the element with this eId, found in the XML by hand. */
function startTagOf(eId: string): { line: number; character: number } {
  const at = AKN_ACT.indexOf(`eId="${eId}"`);
  const tag = AKN_ACT.lastIndexOf('<', at);
  const before = AKN_ACT.slice(0, tag).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const sourceElements = (d: Diagnostic) => (d.relatedInformation ?? []).filter((r) => r.location.uri === SOURCE);

describe('findings in an Akoma Ntoso act point at the element in the file (concordance/sourceAnchors)', function () {
  this.timeout(60_000);
  let client: TestClient;
  const read = readAkn(AKN_ACT);

  beforeEach(async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
  });
  afterEach(failOnServerErrors(() => client));
  afterEach(() => client?.dispose());

  it('the text the reader gives is the plain act (what the anchors are offsets into)', () => {
    assert.strictEqual(read.text, AKN_ACT_PLAIN);
    assert.ok(read.anchors.some((a) => a.eId === 'part_2__sec_3'));
  });

  it('a finding gets the innermost element holding it, at its start tag; the draft-level finding none', async () => {
    const first = await client.open(URI, read.text);
    assert.ok(first.diagnostics.every((d) => sourceElements(d).length === 0), 'no element before the anchors arrive');
    const next = client.nextDiagnostics(URI, 1);
    await client.connection.sendNotification('concordance/sourceAnchors', { uri: URI, source: SOURCE, length: read.text.length, anchors: read.anchors });
    const { diagnostics } = await next;
    const production = withCode(diagnostics, 'safeguard.judicial-review');
    assert.ok(production, `the production order lacks judicial review: ${diagnostics.map((d) => d.code).join(', ')}`);
    const [element] = sourceElements(production);
    assert.ok(element, `the safeguard finding names its element: ${JSON.stringify(production.relatedInformation)}`);
    assert.strictEqual(element.message, 'Akoma Ntoso element part_2__sec_3');
    assert.deepStrictEqual(element.location.range.start, startTagOf('part_2__sec_3'));
    assert.ok(production.relatedInformation!.some((r) => r.location.uri.startsWith('concordance:')), 'the article links are still there');
    const coverage = withCode(diagnostics, 'coverage.missing');
    assert.ok(coverage && sourceElements(coverage).length === 0, 'the draft-level finding stands in no element');
  });

  it("a hover in a PDF's analysed text says on which page it stands", async () => {
    const pdfSource = 'file:///laws/act.pdf';
    const pdfUri = `concordance-source:/laws/act.pdf.draft?${encodeURIComponent(pdfSource)}`;
    const text = AKN_ACT_PLAIN;
    await client.open(pdfUri, text);
    // Three pages, as a PDF reader would say: the title, the offences, the powers.
    const pageStarts = [0, text.indexOf('Section 1'), text.indexOf('Part 2')];
    const next = client.nextDiagnostics(pdfUri, 1);
    await client.connection.sendNotification('concordance/sourceAnchors', { uri: pdfUri, source: pdfSource, length: text.length, anchors: [], pageStarts });
    await next;
    const hoverAt = async (word: string) => {
      const before = text.slice(0, text.indexOf(word) + 2).split('\n');
      const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: pdfUri }, position: { line: before.length - 1, character: before[before.length - 1].length } });
      return h?.contents.value ?? '';
    };
    assert.match(await hoverAt('Illegal access'), /_Page 2 of act\\?\.pdf_$/);
    assert.match(await hoverAt('Production order'), /_Page 3 of act\\?\.pdf_$/);
    // The same text without pages: no such line.
    const plain = 'file:///laws/act.draft';
    await client.open(plain, text);
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: plain }, position: { line: 4, character: 12 } });
    assert.ok(h && !/Page \d/.test(h.contents.value));
  });

  it('anchors for a document that is not open are not kept', async () => {
    await client.connection.sendNotification('concordance/sourceAnchors', { uri: URI, source: SOURCE, length: read.text.length, anchors: read.anchors });
    const { diagnostics } = await client.open(URI, read.text);
    assert.ok(withCode(diagnostics, 'safeguard.judicial-review'));
    assert.ok(diagnostics.every((d) => sourceElements(d).length === 0), 'anchors sent before the text was open name no element');
  });

  it('anchors read from another text (another length) and malformed ones are not used', async () => {
    await client.open(URI, read.text);
    const warned = client.nextLog(/sourceAnchors ignored/);
    await client.connection.sendNotification('concordance/sourceAnchors', { uri: URI, source: SOURCE, length: read.text.length, anchors: [{ start: 5, end: 1, eId: 'x' }] });
    assert.match((await warned).message, /anchors must be a list/);
    const next = client.nextDiagnostics(URI, 1);
    await client.connection.sendNotification('concordance/sourceAnchors', { uri: URI, source: SOURCE, length: read.text.length + 1, anchors: read.anchors });
    const { diagnostics } = await next;
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => sourceElements(d).length === 0), 'stale anchors name no element');
  });
});
