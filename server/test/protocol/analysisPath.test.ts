// One analysis path: every request that needs a document's analysis (hover, the custom requests
// of shared/protocol.ts) gets it from the same time-sliced, cancellable run as the diagnostics,
// joining a run under way for that version instead of analysing again. The server is started with
// CONCORDANCE_TEST_HOOKS=1, which lets the test hold runs at their start (no timing involved):
// requests sent while the diagnostics run is held must wait on that run, not start their own.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationTokenSource, type Hover } from 'vscode-languageserver-protocol';
import { CoverageRequest, StatsRequest, TableRequest, TestHeldNotification, TestHoldRequest, type StatsResult } from '../../../shared/protocol';
import { readFixture, ROOT, TestClient, failOnServerErrors } from './client';

const text = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `path-${++n}-${name}.draft`)).toString();

describe('one analysis path for every request (protocol)', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 }, env: { CONCORDANCE_TEST_HOOKS: '1' } }));
  });
  afterEach(failOnServerErrors(() => client));
  after(() => client?.dispose());

  /** Opens `uri` with its first analysis held at its start; resolves once the server says it is held, with the promise of its diagnostics. */
  const openHeld = async (uri: string) => {
    await client.connection.sendRequest(TestHoldRequest, { hold: true });
    const held = new Promise<{ uri: string; version: number }>((resolve) => {
      const d = client.connection.onNotification(TestHeldNotification, (p) => {
        if (p.uri !== uri) return;
        d.dispose();
        resolve(p);
      });
    });
    const diagnostics = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'legal-draft', version: 1, text } });
    assert.deepStrictEqual(await held, { uri, version: 1 }, 'the diagnostics run is held at its start');
    return { diagnostics };
  };

  it('custom requests and hover sent while the diagnostics analysis is under way join it: one analysis of the version', async () => {
    const uri = uriFor('join');
    const before = (await client.connection.sendRequest(StatsRequest)).analyses;
    const { diagnostics } = await openHeld(uri);
    const coverage = client.connection.sendRequest(CoverageRequest, { uri });
    const table = client.connection.sendRequest(TableRequest, { uris: [uri] });
    const hover = client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 2 } });
    // The server handles messages in order: by the time it answers this, the three requests above
    // have reached the held run (and wait on it).
    const during: StatsResult = await client.connection.sendRequest(StatsRequest);
    assert.deepStrictEqual({ started: during.analyses.started - before.started, joined: during.analyses.joined - before.joined }, { started: 1, joined: 3 });
    await client.connection.sendRequest(TestHoldRequest, { hold: false });
    const [published, cov, tab] = await Promise.all([diagnostics, coverage, table, hover]);
    const after: StatsResult = await client.connection.sendRequest(StatsRequest);
    assert.strictEqual(after.analyses.started - before.started, 1, 'one analysis served the diagnostics and every request');
    // The answers are of that analysis: what the diagnostics say is missing, the coverage and the table say too.
    assert.ok(cov && cov.entries.length > 0);
    const missing = cov.entries.filter((e) => e.status === 'missing').map((e) => e.article);
    assert.deepStrictEqual(tab.chapters.flatMap((c) => c.rows).filter((r) => r.status === 'missing').map((r) => r.article).sort((a, b) => a - b), [...missing].sort((a, b) => a - b));
    assert.ok(published.diagnostics.length > 0);
    await client.close(uri);
  });

  it('a request cancelled while it waits on the run ends with RequestCancelled; the run goes on for the diagnostics', async () => {
    const uri = uriFor('cancel');
    const { diagnostics } = await openHeld(uri);
    const source = new CancellationTokenSource();
    const coverage = client.connection.sendRequest(CoverageRequest, { uri }, source.token).then(
      () => undefined,
      (e: { code?: number }) => e.code,
    );
    source.cancel();
    await client.connection.sendRequest(StatsRequest); // the cancellation has been read
    await client.connection.sendRequest(TestHoldRequest, { hold: false });
    assert.strictEqual(await coverage, -32800);
    assert.ok((await diagnostics).diagnostics.length > 0, 'the diagnostics of the run were published');
    await client.close(uri);
  });
});
