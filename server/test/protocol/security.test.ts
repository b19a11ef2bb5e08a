// Hostile drafts, settings, params and clients over the protocol (issue 21): the hover shows a
// draft's text as text; bad settings fall back to defaults; a client that never answers
// workspace/configuration cannot hang requests; stale analyses are never served; malformed
// params get InvalidParams; nothing is answered after shutdown. Waits are on events.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { codes, positionOf, readFixture, ROOT, TestClient, forProvision } from './client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
/** The most permissive renderer: raw HTML and bare-URL linking on. */
const render = (markdown: string): string => new MarkdownIt({ html: true, linkify: true }).render(markdown);

const text = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `security-${++n}-${name}.draft`)).toString();
const hoverMarkdown = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');
/** The bill with judicial review in its production order (part-3/s-4): one finding fewer. */
const fixed = text.replace('(1) An authorised officer may order', '(1) A judge may, on application by an authorised officer, issue a warrant to order');
const lacksReview = (p: PublishDiagnosticsParams) => codes(forProvision(p.diagnostics, 'part-3/s-4')).includes('safeguard.judicial-review');

/** The error a request fails with (the test fails if it succeeds). */
async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    const r = await p;
    assert.fail(`expected an error, got ${JSON.stringify(r)?.slice(0, 200)}`);
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    return e;
  }
}

const IMAGE = '![p](https://example.invalid/x.png?leak=1)';
const HTML_IMAGE = '<img src="https://example.invalid/y.png?leak=2">';
const COMMAND = '[run](command:workbench.action.terminal.new)';
const OWN_COMMAND = '[open](command:concordance.openArticle?%5B1%5D)';
const HOSTILE = `${IMAGE} ${HTML_IMAGE} ${COMMAND} ${OWN_COMMAND} <b>bold</b> \`code\``;

/** Rendered hover HTML: no image, no HTML from the draft, links only to Concordance's own commands with their own arguments. */
function assertInert(markdown: string): string {
  const html = render(markdown);
  assert.ok(!/<img\b/i.test(html), `an image in the hover:\n${html}`);
  assert.ok(!/<b>|<code>/i.test(html), `draft markup rendered:\n${html}`);
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
    assert.match(href, /^command:concordance\.(openArticle|compareWithArticle|revealInDraft)\?/, `a link the server did not make: ${href}`);
    assert.doesNotThrow(() => JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))), href);
  }
  return html;
}

describe('security over the protocol', function () {
  this.timeout(120_000);

  describe('hover Markdown', () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await TestClient.start());
    });
    after(async () => {
      if (client) assert.strictEqual(await client.stop(), 0);
    });

    it('shows a hostile definition as text: no image, link or HTML', async () => {
      const draft = text.replace('"electronic data" means any representation', `"electronic data" means ${HOSTILE} any representation`);
      const uri = uriFor('hostile-definition');
      await client.open(uri, draft);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(draft, '"electronic data" means', 3) });
      const html = assertInert(hoverMarkdown(hover));
      assert.ok(!html.includes('<a '), `no link at all in a definition's hover:\n${html}`);
      // The hostile text is shown, literally.
      for (const s of [IMAGE, COMMAND, OWN_COMMAND, 'https://example.invalid/y.png?leak=2']) assert.ok(html.includes(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')), `"${s}" not shown as text:\n${html}`);
    });

    it("shows a hostile provision's evidence as text and keeps the server's own command links", async () => {
      const draft = text.replace('A person who intentionally and without right accesses', `A person who intentionally ${HOSTILE} and without right accesses`);
      const uri = uriFor('hostile-provision');
      await client.open(uri, draft);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(draft, 'A person who intentionally', 3) });
      const html = assertInert(hoverMarkdown(hover));
      assert.match(html, /<a href="command:concordance\.compareWithArticle\?/, `the hover lost its Compare link:\n${html}`);
      assert.match(html, /Art\. 7/);
    });
  });

  describe('settings from the workspace', () => {
    it('invalid values fall back to their defaults with one warning; no null severity', async () => {
      const settings = { languages: null, maxDiagnostics: 'abc', severity: { 'safeguard.judicial-review': 'fatal', 'safeguard.duration': null }, checks: 'all' };
      const { client } = await TestClient.start({ settings });
      try {
        assert.notStrictEqual(fixed, text);
        const a = await client.open(uriFor('bad-settings-a'), text);
        const b = await client.open(uriFor('bad-settings-b'), text.replace('CYBERCRIME', 'CYBERCRIME B'));
        for (const p of [a, b]) {
          assert.ok(p.diagnostics.length > 0, 'languages: null must not stop the analysis');
          assert.ok(p.diagnostics.length <= 500);
          for (const d of p.diagnostics) assert.ok(d.severity !== undefined && d.severity !== null && d.severity >= 1 && d.severity <= 4, `severity ${d.severity} on ${d.code}`);
          assert.ok(lacksReview(p), 'the "fatal" severity override is dropped, the finding kept at its default severity');
        }
        const warnings = client.logs.filter((l) => l.type === 2 && /settings are invalid/.test(l.message));
        assert.strictEqual(warnings.length, 1, `one warning, not ${warnings.length}: ${JSON.stringify(warnings)}`);
        for (const field of ['languages', 'maxDiagnostics', 'severity.safeguard.judicial-review', 'checks']) assert.match(warnings[0].message, new RegExp(`concordance\\.${field.replace(/\./g, '\\.')}`));
        assert.deepStrictEqual(client.errors, []);
      } finally {
        assert.strictEqual(await client.stop(), 0);
      }
    });

    it('a client that never answers workspace/configuration does not hang requests: defaults after a bounded wait', async () => {
      const { client } = await TestClient.start({ ignoreConfiguration: true });
      try {
        const uri = uriFor('no-configuration');
        const published = await client.open(uri, text);
        assert.ok(client.configurationRequests > 0, 'the server asked for the settings');
        assert.ok(published.diagnostics.length > 0);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Article 27 of the', 3) });
        assert.match(hoverMarkdown(hover), /Production order/);
        assert.ok(client.logs.some((l) => l.type === 2 && /did not answer/.test(l.message)), 'a warning says the settings were not answered');
      } finally {
        assert.strictEqual(await client.stop(), 0);
      }
    });
  });

  describe('bad data', () => {
    let tmp: string;
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-bad-matcher-'));
      fs.cpSync(path.join(ROOT, 'data'), path.join(tmp, 'data'), { recursive: true });
      const file = path.join(tmp, 'data', 'matcher.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      json.weights = 'heavy';
      fs.writeFileSync(file, JSON.stringify(json));
      // A loosened schema in the data folder changes nothing: the server validates with its own.
      fs.writeFileSync(path.join(tmp, 'data', 'schema', 'matcher.schema.json'), '{}');
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('a wrong shape of matcher.json: the server answers initialize and says where the problem is', async () => {
      const { client, init } = await TestClient.start({ env: { CONCORDANCE_DATA_DIR: path.join(tmp, 'data') } });
      try {
        assert.ok(!init.capabilities.hoverProvider && !init.capabilities.codeActionProvider, 'no features without data');
        // Logged (and shown to the user as an error message).
        const pattern = /could not load its convention data/;
        const message = client.logs.find((l) => pattern.test(l.message))?.message ?? (await client.nextLog(pattern)).message;
        assert.match(message, /data\/matcher\.json at \/weights: must be object/);
      } finally {
        assert.strictEqual(await client.stop(), 0, 'the server stays up until asked to exit');
      }
    });
  });

  describe('stale results', () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await TestClient.start());
    });
    after(async () => {
      if (client) assert.strictEqual(await client.stop(), 0);
    });

    it('a change that keeps the version number is analysed anew', async () => {
      const uri = uriFor('same-version-change');
      const v1 = await client.open(uri, text);
      assert.ok(lacksReview(v1));
      const next = client.nextDiagnostics(uri, 1);
      await client.change(uri, 1, [{ text: fixed }]);
      assert.ok(!lacksReview(await next), 'the diagnostics are those of the new text');
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(fixed, 'A judge may, on application by an authorised', 3) });
      assert.match(hoverMarkdown(hover), /Art\. 27/);
    });

    it('a second didOpen with the same version and another text is analysed anew', async () => {
      const uri = uriFor('second-open');
      const v1 = await client.open(uri, text);
      assert.ok(lacksReview(v1));
      const again = await client.open(uri, fixed);
      assert.strictEqual(again.version, 1);
      assert.ok(!lacksReview(again), 'the diagnostics are those of the second text');
    });

    it('an older version is never published after a newer one', async () => {
      const uri = uriFor('older-version');
      await client.open(uri, text, 'legal-draft', 5);
      // An older version number arrives (a misbehaving client): not published, but said so ...
      const outcome = Promise.race([
        client.nextLog(/version 3 is older than version 5/).then(() => 'refused'),
        client.nextDiagnostics(uri, 3).then(() => 'published'),
      ]);
      await client.change(uri, 3, [{ text: fixed }]);
      assert.strictEqual(await outcome, 'refused');
      // ... and a newer one is, after it.
      const v6 = await client.replace(uri, 6, text);
      assert.ok(lacksReview(v6));
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
      assert.ok(!versions.includes(3), `version 3 was published after version 5: ${versions.join(', ')}`);
      assert.deepStrictEqual(versions, [...versions].sort((x, y) => x! - y!), `published out of order: ${versions.join(', ')}`);
    });
  });

  describe('requests with malformed params (LSP and Concordance\'s own)', () => {
    let client: TestClient;
    const uri = uriFor('params');
    before(async () => {
      ({ client } = await TestClient.start());
      await client.open(uri, text);
    });
    after(async () => {
      if (client) assert.strictEqual(await client.stop(), 0);
    });

    const cases: [string, unknown, RegExp][] = [
      ['concordance/coverage', null, /params must be an object, not null/],
      ['concordance/coverage', { uri: 7 }, /params\.uri must be a string/],
      ['concordance/table', null, /params must be an object/],
      ['concordance/table', { uris: 'file:///x' }, /params\.uris must be a list of strings/],
      ['concordance/table', { uris: [], texts: { a: 1 } }, /params\.texts must be an object of strings/],
      ['concordance/compare', null, /params must be an object/],
      ['concordance/compare', { uri, position: { line: -1, character: 0 } }, /params\.position must be a position/],
      ['concordance/compare', { uri, article: '27' }, /params\.article must be an integer/],
      ['concordance/compareVersions', null, /params must be an object/],
      ['concordance/compareVersions', { textA: 'a' }, /params\.textB must be a string \(it is missing\)/],
      ['concordance/virtualDocument', null, /params must be an object/],
      ['concordance/virtualDocument', { uri: ['x'] }, /params\.uri must be a string/],
      ['concordance/tableExport', { uris: [] }, /params\.format must be a string \(it is missing\)/],
      ['concordance/tableExport', { uris: [], format: 'pdf' }, /params\.format must be "csv", "markdown" or "html"/],
      ['textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }, /params\.textDocument must be an object, not null/],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 'a', character: 0 } }, /params\.position must be a position/],
      ['textDocument/definition', { textDocument: { uri } }, /params\.position must be a position .* \(it is missing\)/],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: {} }, /params\.context\.diagnostics must be a list of objects \(it is missing\)/],
      ['textDocument/documentSymbol', { textDocument: 5 }, /params\.textDocument must be an object, not number/],
      ['textDocument/completion', { textDocument: { uri: null }, position: { line: 0, character: 0 } }, /params\.textDocument\.uri must be a string/],
      ['workspace/symbol', {}, /params\.query must be a string \(it is missing\)/],
    ];
    for (const [method, params, message] of cases) {
      it(`${method} ${JSON.stringify(params)} → InvalidParams`, async () => {
        const e = await errorOf(client.request(method, params));
        assert.strictEqual(e.code, -32602, `${e.code} ${e.message}`);
        assert.match(e.message, message);
        assert.ok(e.message.startsWith(method), e.message);
      });
    }

    it('well-formed params still work, and the server carries on', async () => {
      const r = await client.request<{ uri: string } | null>('concordance/coverage', { uri });
      assert.strictEqual(r?.uri, uri);
      assert.deepStrictEqual(client.errors, []);
    });
  });

  describe('after shutdown', () => {
    it('requests are refused with InvalidRequest; exit ends the server with 0', async () => {
      const { client } = await TestClient.start();
      try {
        const uri = uriFor('shutdown');
        await client.open(uri, text);
        await client.request('shutdown', null);
        for (const [method, params] of [
          ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
          ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }],
          ['workspace/symbol', { query: 'x' }],
          ['concordance/coverage', { uri }],
          ['concordance/articles', null],
        ] as const) {
          const e = await errorOf(client.request(method, params));
          assert.strictEqual(e.code, -32600, `${method}: ${e.code} ${e.message}`);
          assert.match(e.message, /shut down/);
        }
        const exited = new Promise<number | null>((resolve) => client.proc.on('exit', resolve));
        await client.connection.sendNotification('exit');
        assert.strictEqual(await exited, 0);
      } finally {
        client.dispose();
      }
    });
  });
});
