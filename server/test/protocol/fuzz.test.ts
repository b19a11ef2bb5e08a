// Fuzzing the real server over the protocol (issue 21), as a hostile or broken editor would speak to it:
// - settings: random and hostile `concordance` settings sent through workspace/configuration;
// - request params: random and hostile params for every request the server handles, the custom
//   `concordance/*` ones included;
// - incremental edits: random sequences of incremental didChange edits.
// Properties: every request is answered with a result or an InvalidParams error (never another
// error, never a hang); published diagnostics are well formed; the server logs no error and keeps
// serving; after a sequence of edits, the diagnostics of the edited document equal those of a
// document opened with the same final text (incremental re-analysis equals a fresh one).
// `npm test` runs a few runs of each; `npm run fuzz` (or FUZZ_RUNS=…) many more. Waits are on events;
// the only timers are upper bounds that turn a hang into a failure.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import fc from 'fast-check';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFixture, ROOT, TestClient } from './client';

const FUZZING = process.env.npm_lifecycle_event === 'fuzz';
/** Runs per property: FUZZ_RUNS scaled down (each run is a round trip to the server, not a function call). */
const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Math.max(5, Math.ceil(Number(process.env.FUZZ_RUNS) / 10)) : FUZZING ? 300 : 12;
/** Above this a request counts as hung. */
const HANG_MS = 15_000;
const INVALID_PARAMS = -32602;

const bill = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `fuzz-${++n}-${name}.draft`)).toString();

/** The request's result, or its InvalidParams error; any other error or a hang fails. */
async function answered(client: TestClient, method: string, params: unknown): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} not answered within ${HANG_MS} ms; params ${show(params)}`)), HANG_MS);
  });
  try {
    return await Promise.race([client.connection.sendRequest(method, params), hang]);
  } catch (e) {
    if (e instanceof ResponseError && e.code === INVALID_PARAMS) return e;
    if (e instanceof ResponseError) assert.fail(`${method} failed with ${e.code} (${e.message}); params ${show(params)}`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? s.slice(0, 300) + '…' : s;
}

/** Diagnostics as LSP requires them: a range of naturals in order, a severity 1–4, a message and a code. */
function assertWellFormed(p: PublishDiagnosticsParams): void {
  for (const d of p.diagnostics) {
    const { start, end } = d.range;
    for (const x of [start.line, start.character, end.line, end.character]) assert.ok(Number.isInteger(x) && x >= 0, `range ${JSON.stringify(d.range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `range ${JSON.stringify(d.range)}`);
    assert.ok([1, 2, 3, 4].includes(d.severity!), `severity ${d.severity} of ${d.code}`);
    assert.ok(typeof d.message === 'string' || typeof (d.message as { value?: unknown }).value === 'string', `message of ${d.code}`);
    assert.ok(typeof d.code === 'string' && d.code.length > 0, `code ${d.code}`);
  }
}

/** An object with an own `__proto__` key, as JSON.parse gives it (a client's JSON can hold one). */
const protoKey = (inner: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}, "constructor": {"prototype": {"x": 1}}}`) as unknown;

/** Values a broken or hostile client may send where anything is expected. */
const HOSTILE_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53, '', 'abc', 'fatal', '0', 'null', [], [null], [1, 'a'], {}, { a: 1 }, protoKey({ polluted: true }), 'x'.repeat(10_000), '\u0000\uD800\uFFFF', '../../etc/passwd', 'file:///', 'untitled:', '%'];
const hostile: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) });

// ---------------------------------------------------------------------------------------------
// Settings

const SEVERITY_WORDS = ['error', 'warning', 'information', 'hint', 'off', 'Error', 'fatal', '', 'none'];
const CODES = ['safeguard.duration', 'safeguard.judicial-review', 'coverage.missing', 'element.intent', 'a.b', '', '__proto__', 'constructor', 'toString'];
const FAMILIES = ['safeguard', 'coverage', 'element', 'exception', 'cooperation', 'speech', '', '__proto__', 'hasOwnProperty'];

/** A `concordance` section: valid, nearly valid or hostile values per setting, and junk keys. */
const settingsSection: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: hostile },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        languages: fc.oneof(fc.constant(['legal-draft']), fc.constant(['legal-draft', 'plaintext', 'markdown']), fc.array(fc.oneof(fc.constantFrom('legal-draft', '', 'plaintext'), hostile), { maxLength: 3 }), hostile),
        checks: fc.oneof(fc.dictionary(fc.constantFrom(...FAMILIES), fc.oneof(fc.boolean(), hostile), { maxKeys: 4 }), hostile),
        severity: fc.oneof(fc.dictionary(fc.constantFrom(...CODES), fc.oneof(fc.constantFrom(...SEVERITY_WORDS), hostile), { maxKeys: 4 }), hostile),
        maxDiagnostics: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double(), hostile),
        generalPart: fc.oneof(fc.record({ intentional: fc.oneof(fc.boolean(), hostile) }), hostile),
        junk: hostile,
      },
      { requiredKeys: [] },
    ),
  },
);

describe('fuzz over the protocol', function () {
  this.timeout(0);

  describe('settings through workspace/configuration', () => {
    let client: TestClient;
    let current: unknown = {};
    before(async () => {
      // The section is whatever the property sets; `settings` is read per request.
      ({ client } = await TestClient.start({ settings: () => current as Record<string, unknown> }));
    });
    after(async () => {
      if (client) assert.strictEqual(await client.stop(), 0);
    });

    it(`random and hostile settings never break the analysis (${RUNS} runs)`, async () => {
      const uri = uriFor('settings');
      const first = await client.open(uri, bill);
      assertWellFormed(first);
      await fc.assert(
        fc.asyncProperty(settingsSection, async (section) => {
          current = section;
          // A configuration change drops the cached settings and re-analyses with the new ones (a
          // `languages` list without legal-draft gives an empty, unversioned publication).
          const next = client.nextDiagnostics(uri);
          await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
          const published = await next;
          assertWellFormed(published);
          // Requests over the document with these settings are answered too.
          await answered(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 4 } });
          await answered(client, 'textDocument/codeLens', { textDocument: { uri } });
          assert.deepStrictEqual(client.errors.splice(0), [], `settings ${show(section)}`);
        }),
        { numRuns: RUNS },
      );
      // What invalid settings fall back to is still a working analysis.
      current = { languages: null, maxDiagnostics: 'abc', severity: { 'safeguard.duration': 'fatal' } };
      const next = client.nextDiagnostics(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.ok((await next).diagnostics.length > 0);
      await client.close(uri);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Request params

  describe('params of every request', () => {
    let client: TestClient;
    let open: string;
    before(async () => {
      ({ client } = await TestClient.start({ settings: { maxDiagnostics: 500 } }));
      open = uriFor('params');
      await client.open(open, bill);
    });
    after(async () => {
      if (client) assert.strictEqual(await client.stop(), 0);
    });
    afterEach(function () {
      const errors = client.errors.splice(0);
      if (errors.length && this.currentTest?.state !== 'failed') assert.fail(errors.join('\n'));
    });

    const uri = () => fc.oneof({ weight: 4, arbitrary: fc.constant(open) }, { weight: 1, arbitrary: fc.constantFrom('file:///nowhere.draft', 'untitled:Untitled-1', '', 'concordance:/article/27.md') }, { weight: 1, arbitrary: hostile });
    const position = fc.oneof(
      { weight: 3, arbitrary: fc.record({ line: fc.nat({ max: 80 }), character: fc.nat({ max: 120 }) }) },
      { weight: 1, arbitrary: fc.record({ line: fc.oneof(fc.integer(), fc.double(), hostile), character: fc.oneof(fc.integer(), fc.double(), hostile) }) },
      { weight: 1, arbitrary: hostile },
    );
    const range = fc.oneof({ weight: 3, arbitrary: fc.record({ start: position, end: position }) }, { weight: 1, arbitrary: hostile });
    const textDocument = () => fc.oneof({ weight: 4, arbitrary: fc.record({ uri: uri() }) }, { weight: 1, arbitrary: hostile });
    /** Params shaped like the request's, with any field replaced, dropped or hostile; or anything at all. */
    const shaped = (fields: Record<string, fc.Arbitrary<unknown>>) =>
      fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: fc.record({ ...fields, extra: hostile }) }, { weight: 1, arbitrary: hostile });
    const text = fc.oneof(fc.constant(bill), fc.string({ maxLength: 200 }), hostile);

    /** A diagnostic sent back in a code-action request: Concordance's shape with any field hostile. */
    const fix = fc.oneof(fc.record({ safeguard: fc.oneof(fc.constantFrom(...CODES), hostile), element: hostile, article: fc.oneof(fc.integer({ min: -1, max: 70 }), hostile) }, { requiredKeys: [] }), hostile);
    const diagnostic = fc.record(
      {
        range,
        message: fc.oneof(fc.string(), hostile),
        source: fc.oneof({ weight: 4, arbitrary: fc.constant('concordance') }, { weight: 1, arbitrary: hostile }),
        code: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CODES) }, { weight: 1, arbitrary: hostile }),
        data: fc.oneof(
          fc.record({
            provision: fc.oneof(fc.constantFrom('part-3/s-4', 'part-2/s-1', 'nope'), hostile),
            fix,
            articles: fc.oneof(fc.array(fc.constantFrom('27', '24(2)', 'x'), { maxLength: 2 }), hostile),
            members: fc.oneof(fc.array(fc.record({ code: fc.oneof(fc.constantFrom(...CODES), hostile), message: hostile, fix, articles: hostile }, { requiredKeys: [] }), { maxLength: 3 }), hostile),
          }, { requiredKeys: [] }),
          hostile,
        ),
      },
      { requiredKeys: ['range'] },
    );

    const REQUESTS: Record<string, fc.Arbitrary<unknown>> = {
      'textDocument/hover': shaped({ textDocument: textDocument(), position }),
      'textDocument/definition': shaped({ textDocument: textDocument(), position }),
      'textDocument/completion': shaped({ textDocument: textDocument(), position, context: hostile }),
      'textDocument/codeAction': shaped({
        textDocument: textDocument(),
        range,
        context: fc.oneof(fc.record({ diagnostics: fc.oneof(fc.array(diagnostic, { maxLength: 3 }), hostile), only: fc.oneof(fc.constant(['quickfix']), hostile) }, { requiredKeys: ['diagnostics'] }), hostile),
      }),
      'textDocument/codeLens': shaped({ textDocument: textDocument() }),
      'textDocument/documentSymbol': shaped({ textDocument: textDocument() }),
      'textDocument/semanticTokens/full': shaped({ textDocument: textDocument() }),
      'workspace/symbol': shaped({ query: fc.oneof(fc.string({ maxLength: 20 }), hostile) }),
      'concordance/articles': hostile,
      'concordance/stats': hostile,
      'concordance/virtualDocument': shaped({ uri: fc.oneof(fc.constantFrom('concordance:/article/27.md', 'concordance:/article/999.md', 'concordance:/codes/safeguard.duration.md', 'concordance:/codes/..%2F..%2Fx.md', 'concordance:/x'), hostile) }),
      'concordance/coverage': shaped({ uri: uri() }),
      'concordance/table': shaped({ uris: fc.oneof(fc.array(uri(), { maxLength: 3 }), hostile), texts: fc.oneof(fc.dictionary(fc.constantFrom('file:///a.draft', 'file:///b.draft'), text, { maxKeys: 2 }), hostile) }),
      'concordance/compare': shaped({ uri: uri(), provision: fc.oneof(fc.constantFrom('part-3/s-4', 's-1', 'preamble', ''), hostile), position, article: fc.oneof(fc.integer({ min: -3, max: 100 }), hostile), budapest: fc.oneof(fc.boolean(), hostile) }),
      'concordance/compareVersions': shaped({ textA: text, textB: text, languageId: fc.oneof(fc.constantFrom('legal-draft', 'plaintext', 'python'), hostile), uri: uri() }),
      'concordance/tableExport': shaped({ uris: fc.oneof(fc.array(uri(), { maxLength: 3 }), hostile), format: fc.oneof(fc.constantFrom('csv', 'markdown', 'html', 'pdf'), hostile) }),
    };

    for (const [method, params] of Object.entries(REQUESTS)) {
      const runs = RUNS;
      it(`${method}: a result or InvalidParams for any params (${runs} runs)`, async () => {
        await fc.assert(
          fc.asyncProperty(params, async (p) => {
            await answered(client, method, p);
          }),
          { numRuns: runs },
        );
        // Still serving the open document.
        const symbols = await answered(client, 'textDocument/documentSymbol', { textDocument: { uri: open } });
        assert.ok(Array.isArray(symbols) && symbols.length > 0, `after ${method}: ${show(symbols)}`);
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  // Incremental edits

  describe('incremental edits', () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await TestClient.start({ settings: { maxDiagnostics: 2000 } }));
    });
    after(async () => {
      if (client) assert.strictEqual(await client.stop(), 0);
    });

    const PIECES = ['\n', '\r\n', '\n\n', ' ', 'x', '1', '(', ')', '(a)', '(2)', '"', '“', '.', ';', 'Section 7 ', 'Article 27 of the Convention', 'means ', 'a judge may order ', 'for a period not exceeding 90 days', 'commits an offence', 'PART 9 — ', 'concordance-ignore safeguard.duration', '\uD83D\uDE00', 'é', '\t'];
    /** One change: a range given as fractions of the text (turned into line/character when applied), and its new text. */
    const change = fc.record({
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.oneof(fc.constant(0), fc.nat({ max: 40 })),
      text: fc.oneof(fc.constant(''), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')), fc.string({ maxLength: 12 })),
    });
    /** didChange notifications of one to three changes each (applied in order, as LSP says). */
    const sequence = fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

    const comparable = (ds: Diagnostic[], uri: string) => JSON.parse(JSON.stringify(ds).split(JSON.stringify(uri).slice(1, -1)).join('<uri>')) as unknown;

    it(`after random incremental edits, the diagnostics equal those of the same text opened afresh (${RUNS} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(bill, bill.replace(/\n/g, '\r\n'), bill.slice(0, 1500)), sequence, async (start, notifications) => {
          const uri = uriFor('edited');
          await client.open(uri, start);
          let doc = TextDocument.create(uri, 'legal-draft', 1, start);
          let version = 1;
          for (const changes of notifications) {
            const events: TextDocumentContentChangeEvent[] = [];
            for (const c of changes) {
              // Each change's range is in the text as the changes before it left it.
              const t = doc.getText();
              const from = Math.floor(c.from * t.length);
              const range = { start: doc.positionAt(from), end: doc.positionAt(Math.min(t.length, from + c.length)) };
              events.push({ range, text: c.text });
              doc = TextDocument.update(doc, [{ range, text: c.text }], doc.version);
            }
            version++;
            doc = TextDocument.update(doc, [], version);
            await client.change(uri, version, events);
          }
          const edited = await client.diagnosticsFor(uri, version);
          assertWellFormed(edited);
          const fresh = uriFor('fresh');
          const opened = await client.open(fresh, doc.getText());
          assert.deepStrictEqual(comparable(edited.diagnostics, uri), comparable(opened.diagnostics, fresh), `edits ${show(notifications)}`);
          await client.close(uri);
          await client.close(fresh);
          assert.deepStrictEqual(client.errors.splice(0), []);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
