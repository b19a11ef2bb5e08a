// Reliability over the protocol: many documents, bursts of edits, cancelled requests, large and
// binary documents. Results must always belong to the latest version; nothing may be left as an
// unhandled rejection, in the server (stderr) or here. Waits are on events, never on time.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateDraft } from '../../../bench/generate';
import { readFixture, ROOT, TestClient } from './client';

const text = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `reliability-${++n}-${name}.draft`)).toString();
const hoverText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

describe('reliability over the protocol', function () {
  this.timeout(120_000);
  let client: TestClient;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
  });

  afterEach(function () {
    const problems = [...client.errors.splice(0), ...rejections.splice(0).map((e) => 'unhandled rejection in the test process: ' + String((e as Error)?.stack ?? e))];
    if (problems.length && this.currentTest?.state !== 'failed') assert.fail(problems.join('\n'));
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    if (client) assert.strictEqual(await client.stop(), 0);
  });

  it('20 documents opened at once each get diagnostics for their version', async () => {
    const uris = Array.from({ length: 20 }, (_, i) => uriFor('many-' + i));
    const texts = uris.map((_, i) => text.replace('CYBERCRIME', `CYBERCRIME ${i}`));
    const all = await Promise.all(uris.map((u, i) => client.open(u, texts[i], 'legal-draft', 1)));
    all.forEach((p, i) => {
      assert.strictEqual(p.uri, uris[i]);
      assert.strictEqual(p.version, 1);
      assert.ok(p.diagnostics.length > 0);
    });
    // Each document's hover sees its own text.
    const hovers = await Promise.all(uris.map((u) => client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 0 } })));
    assert.strictEqual(hovers.length, 20);
    await Promise.all(uris.map((u) => client.close(u)));
  });

  it('300 edits in a burst: the diagnostics and hovers that follow belong to the last version', async () => {
    const uri = uriFor('burst');
    await client.open(uri, text);
    let doc = TextDocument.create(uri, 'legal-draft', 1, text);
    const last = 301;
    const lastDiagnostics = client.nextDiagnostics(uri, last);
    const before = client.published.length;
    // Type a sentence one character at a time at the end of the draft; the last edits cite an article.
    const typed = '\nThis Act gives effect to Article 27 of the Convention.';
    const keystrokes = (typed + ' ').repeat(Math.ceil(300 / (typed.length + 1))).slice(0, 300);
    for (let v = 2; v <= last; v++) {
      const end = doc.positionAt(doc.getText().length);
      const change = { range: { start: end, end }, text: keystrokes[v - 2] };
      doc = TextDocument.update(doc, [change], v);
      void client.change(uri, v, [change]);
    }
    const published = await lastDiagnostics;
    assert.strictEqual(published.version, last);
    // A request round trip orders all the server sent before it: no stale publication after.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const burst = client.published.slice(before).filter((p) => p.uri === uri);
    const versions = burst.map((p) => p.version);
    assert.strictEqual(versions[versions.length - 1], last, versions.join(','));
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a! - b!), 'never an older version after a newer one');
    // The hover over the last typed reference reflects the latest text.
    const at = doc.positionAt(doc.getText().lastIndexOf('Article 27') + 3);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
    assert.match(hoverText(hover), /Art\. 27/);
    await client.close(uri);
  });

  it('cancelled requests are answered or refused cleanly, during edits, and the server goes on', async () => {
    const uri = uriFor('cancel');
    await client.open(uri, text);
    const requests: Promise<unknown>[] = [];
    let doc = TextDocument.create(uri, 'legal-draft', 1, text);
    for (let v = 2; v <= 41; v++) {
      const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v % 2 ? 'y' : 'z' };
      doc = TextDocument.update(doc, [change], v);
      void client.change(uri, v, [change]);
      for (const method of ['textDocument/hover', 'textDocument/codeLens', 'textDocument/documentSymbol', 'textDocument/semanticTokens/full']) {
        const source = new CancellationTokenSource();
        const params = method === 'textDocument/hover' ? { textDocument: { uri }, position: { line: 5, character: 3 } } : { textDocument: { uri } };
        // A cancelled request either resolves (null or a result) or fails with RequestCancelled.
        requests.push(client.connection.sendRequest(method, params, source.token).catch((e: { code?: number }) => assert.strictEqual(e.code, -32800, String(e))));
        source.cancel();
      }
    }
    await Promise.all(requests);
    const final = await client.diagnosticsFor(uri, 41);
    assert.strictEqual(final.version, 41);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'still serving');
    await client.close(uri);
  });

  it('a binary document is not analysed, and says so', async () => {
    const uri = uriFor('binary');
    const published = await client.open(uri, 'PK\u0003\u0004\u0000\u0000\u0014\u0000' + '\u0000\u0001\u0002'.repeat(200));
    const notes = published.diagnostics.filter((d) => d.code === 'concordance.input');
    assert.strictEqual(notes.length, 1, JSON.stringify(published.diagnostics));
    assert.match(messageText(notes[0].message), /binary file.*not analysed/);
    await client.close(uri);
  });

  it('a large draft: other requests are answered while it is analysed; diagnostics are capped with a note', async () => {
    const uri = uriFor('large');
    const big = generateDraft({ sizeBytes: 2 * 1024 * 1024, seed: 3 });
    const order: string[] = [];
    const diagnostics = client.nextDiagnostics(uri, 1).then((p: PublishDiagnosticsParams) => (order.push('diagnostics'), p));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'legal-draft', version: 1, text: big } });
    // Completion needs no analysis; the stats request none either: both are answered in a slice of the analysis.
    const completion = client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } }).then(() => order.push('completion'));
    const stats = client.request('concordance/stats', null).then(() => order.push('stats'));
    const hover = client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 2 } });
    const published = await diagnostics;
    await Promise.all([completion, stats, hover]);
    assert.deepStrictEqual(order.slice(0, 2).sort(), ['completion', 'stats'], `answered in this order: ${order.join(', ')}`);
    const capped = published.diagnostics.filter((d: Diagnostic) => d.code === 'concordance.capped');
    assert.strictEqual(capped.length, 1);
    assert.match(messageText(capped[0].message), /^Showing 500 of \d+ findings/);
    assert.ok(published.diagnostics.length <= 502);
    await client.close(uri);
  });

  it('a closed document, or one never opened, leaves nothing cached in the server', async () => {
    type Cached = { cached: { analyses: number; settings: number; pending: number } };
    const before = (await client.request<Cached>('concordance/stats', null)).cached;
    // Opened, asked about, and closed before the answer: the analysis the hover started finishes
    // after the close, and must not be kept for the closed document.
    const hovers: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i++) {
      const uri = uriFor('closed-' + i);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'legal-draft', version: 1, text } });
      hovers.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }));
      await client.close(uri);
    }
    await Promise.all(hovers);
    // Drafts the editor never opened, compared by URI: their settings are read, not kept.
    for (let i = 0; i < 8; i++) await client.request('concordance/compareVersions', { textA: text, textB: text + '\nx', uri: uriFor('never-opened-' + i) });
    const after = (await client.request<Cached>('concordance/stats', null)).cached;
    assert.deepStrictEqual(after, before);
  });
});

/** LSP 3.18 lets a diagnostic message be Markdown; ours are plain strings. */
function messageText(m: string | { value: string }): string {
  return typeof m === 'string' ? m : m.value;
}
