// Drives the built language server (out/server.js --stdio) over JSON-RPC as an editor does.
// Every wait is on an event (publishDiagnostics for a uri/version, or a request's response).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, codes, fixtureUri, withCode, positionOf, readFixture, ROOT, TestClient, failOnServerErrors, forProvision } from './client';
import { ARRANGED_BILL } from '../unit/helpers/contentsDrafts';

const BILL = 'bill.draft';
const text = readFixture(BILL);

/** A uri of its own for each test that edits the draft, so tests stay independent. */
let scratch = 0;
const scratchUri = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `scratch-${++scratch}-${name}.draft`)).toString();


describe('language server over stdio (protocol)', function () {
  this.timeout(60_000);
  let client: TestClient;
  let init: InitializeResult;
  const uri = fixtureUri(BILL);
  let diagnostics: Diagnostic[];

  before(async () => {
    ({ client, init } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
    diagnostics = (await client.open(uri, text)).diagnostics;
  });

  afterEach(failOnServerErrors(() => client));

  after(() => client?.dispose());

  it('announces the features it serves', () => {
    const caps = init.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.codeLensProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.workspaceSymbolProvider);
    assert.ok(caps.definitionProvider);
    assert.ok(caps.completionProvider?.triggerCharacters?.includes(' '));
    assert.ok(client.configurationRequests > 0, 'settings were read with workspace/configuration');
  });

  it('publishes diagnostics with stable codes, code descriptions and related information', () => {
    const production = forProvision(diagnostics, 'part-3/s-4');
    assert.ok(codes(production).includes('safeguard.judicial-review'), `production order lacks judicial review: ${codes(production)}`);
    const d = withCode(production, 'safeguard.judicial-review')!;
    assert.strictEqual(d.source, 'concordance');
    assert.strictEqual(d.codeDescription?.href, `concordance:/codes/${String(d.code)}.md`);
    assert.ok(d.relatedInformation?.some((r) => /^concordance:\/article\/\d+\.md$/.test(r.location.uri)), 'points at the article it rests on');
    assert.strictEqual(d.range.start.line, positionOf(text, 'Production order').line, 'underlines the provision heading');
    const missing = diagnostics.filter((x) => x.code === 'coverage.missing');
    assert.strictEqual(missing.length, 1, 'one coverage finding for the articles the draft does not implement');
    assert.ok(
      diagnostics.every((x) => typeof x.code === 'string' && /^[a-z]+\.[a-z0-9-]+$/.test(x.code)),
      'every diagnostic has a code',
    );
  });

  it('hovers over a convention reference and over a matched provision', async () => {
    const onRef = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Article 27 of the', 3) });
    assert.match((onRef.contents as MarkupContent).value, /Art\. 27 — Production order/);
    const onSection = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'An authorised officer may enter', 5) });
    assert.match((onSection.contents as MarkupContent).value, /Art\. 28/);
  });

  it('hovers over a provision given no article with the reason, in the words of the draft', async () => {
    const u = scratchUri('no-article');
    const draft = 'Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.\n\nSection 2 — Other laws\nThis Part has effect without prejudice to the powers of the police under any other enactment.\n';
    await client.open(u, draft);
    const onSaving = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: positionOf(draft, 'This Part has effect', 3) });
    const value = (onSaving.contents as MarkupContent).value;
    assert.match(value, /^\*\*No article of the Convention\*\* · /);
    assert.ok(value.includes('has effect without prejudice to'), value);
    assert.strictEqual(onSaving.range?.start.line, positionOf(draft, 'Section 2').line);
    await client.close(u);
  });

  it('re-analyses after didChange and publishes for the new version', async () => {
    const u = scratchUri('change');
    const v1 = await client.open(u, text);
    assert.ok(codes(forProvision(v1.diagnostics, 'part-3/s-4')).includes('safeguard.judicial-review'));
    const fixed = text.replace('(1) An authorised officer may order', '(1) A judge may, on application by an authorised officer, issue a warrant to order');
    const v2 = await client.replace(u, 2, fixed);
    assert.strictEqual(v2.version, 2);
    assert.ok(!codes(forProvision(v2.diagnostics, 'part-3/s-4')).includes('safeguard.judicial-review'), 'judicial review now present');
    await client.close(u);
  });

  it('offers a quick fix that inserts the model safeguard as the next subsection, and the finding goes away', async () => {
    const u = scratchUri('fix');
    const { diagnostics: ds } = await client.open(u, text);
    const d = withCode(forProvision(ds, 'part-3/s-4'), 'safeguard.judicial-review')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.edit && /Judicial/.test(a.title));
    assert.ok(fix, `a preferred quick fix among ${actions.map((a) => a.title).join('; ')}`);
    assert.strictEqual(fix!.kind, 'quickfix');
    const after = applyWorkspaceEdit(text, u, fix!.edit!);
    assert.match(after, /\(3\) A person who fails to comply[^\n]*\n\(4\) The order may be issued only with the prior approval of a judge/);
    const v2 = await client.replace(u, 2, after);
    assert.ok(!codes(forProvision(v2.diagnostics, 'part-3/s-4')).includes('safeguard.judicial-review'), `fixed: ${codes(forProvision(v2.diagnostics, 'part-3/s-4'))}`);
    await client.close(u);
  });

  it('offers "silence this finding" as a drafting note the checks honour, and "compare" as a command', async () => {
    const u = scratchUri('silence');
    const { diagnostics: ds } = await client.open(u, text);
    const d = withCode(forProvision(ds, 'part-3/s-5'), 'safeguard.duration')!;
    assert.ok(d, 'search power lacks a duration limit');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
    const silence = actions.find((a) => /^Silence safeguard\.duration/.test(a.title));
    assert.ok(silence?.edit, actions.map((a) => a.title).join('; '));
    const after = applyWorkspaceEdit(text, u, silence!.edit!);
    assert.match(after, /offence under section 2 or section 3\.\n\[Drafting note: concordance-ignore safeguard\.duration\]\n?$/);
    const compare = actions.find((a) => a.command?.command === 'concordance.compareWithArticle');
    assert.deepStrictEqual(compare?.command?.arguments, [u, 'part-3/s-5', 28]);
    const v2 = await client.replace(u, 2, after);
    const now = codes(forProvision(v2.diagnostics, 'part-3/s-5'));
    assert.ok(!now.includes('safeguard.duration'), 'silenced');
    assert.ok(now.includes('safeguard.judicial-review'), 'other findings stay');
    await client.close(u);
  });

  it('inserts a model provision for a missing article, numbered after the last section', async () => {
    const u = scratchUri('coverage');
    const { diagnostics: ds } = await client.open(u, text);
    const d = ds.find((x) => x.code === 'coverage.missing' && (x.data as { members?: { fix?: { article?: number } }[] }).members?.some((m) => m.fix?.article === 9));
    assert.ok(d, 'Art. 9 is reported missing');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d!.range, context: { diagnostics: [d] } });
    const insert = actions.find((a) => /^Insert model provision for Art\. 9/.test(a.title));
    assert.ok(insert?.edit, actions.map((a) => a.title).join('; '));
    const after = applyWorkspaceEdit(text, u, insert!.edit!);
    assert.match(after, /section 3\.\n\nInterference with electronic data\n6\. \(1\) A person commits an offence/);
    const v2 = await client.replace(u, 2, after);
    assert.ok(
      !v2.diagnostics.some((x) => x.code === 'coverage.missing' && (x.data as { members?: { fix?: { article?: number } }[] }).members?.some((m) => m.fix?.article === 9)),
      'Art. 9 no longer missing',
    );
    await client.close(u);
  });

  it('replaces a definition narrower than the Convention by the model definition of the same term', async () => {
    const u = scratchUri('definition');
    const narrow = text.replace(/"ICT system" means [^;]*;/, '"ICT system" means a desktop computer;');
    const { diagnostics: ds } = await client.open(u, narrow);
    const d = ds.find((x) => x.code === 'definition.narrower' && x.range.start.line === positionOf(narrow, '"ICT system"').line);
    assert.ok(d, codes(ds).join(','));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d!.range, context: { diagnostics: [d] } });
    const replace = actions.find((a) => /^Replace the definition of "ICT system"/.test(a.title));
    assert.ok(replace?.edit, actions.map((a) => a.title).join('; '));
    const after = applyWorkspaceEdit(narrow, u, replace!.edit!);
    assert.match(after, /\n"ICT system" means a device[^;\n]*;\n"electronic data" means/);
    const v2 = await client.replace(u, 2, after);
    assert.ok(!v2.diagnostics.some((x) => x.code === 'definition.narrower' && x.range.start.line === d!.range.start.line), codes(v2.diagnostics).join(','));
    await client.close(u);
  });

  it('shows code lenses with the article, safeguard or element counts, and compare', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(titles.some((t) => /^Art\. 27 · Production order · \d\/5 safeguards$/.test(t ?? '')), titles.join(' | '));
    assert.ok(titles.some((t) => /^Art\. 7 · Illegal access · 4\/4 elements$/.test(t ?? '')), titles.join(' | '));
    const open = lenses.find((l) => /^Art\. 27/.test(l.command?.title ?? ''))!;
    assert.deepStrictEqual(open.command?.arguments, [27]);
    assert.strictEqual(open.command?.command, 'concordance.openArticle');
    const compare = lenses.find((l) => l.command?.title === 'Compare' && l.range.start.line === open.range.start.line);
    assert.deepStrictEqual(compare?.command?.arguments, [uri, 'part-3/s-4', 27]);
  });

  it('gives a hierarchical outline of Parts, sections and subsections', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['PART 1 — GENERAL', 'PART 2 — OFFENCES', 'PART 3 — POWERS'],
    );
    assert.strictEqual(symbols[0].kind, 3 /* Namespace */);
    const production = symbols[2].children!.find((s) => /Production order/.test(s.name))!;
    assert.strictEqual(production.detail, 'Art. 27 · Production order');
    assert.deepStrictEqual(
      production.children!.map((c) => c.name),
      ['(1)', '(2)', '(3)'],
    );
  });

  it('finds provisions across open documents by article number or title', async () => {
    for (const query of ['Art. 7', '7', 'illegal access']) {
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query });
      const here = found.filter((s) => s.location.uri === uri);
      assert.ok(
        here.some((s) => /Illegal access/.test(s.name) && s.containerName === 'Art. 7 · Illegal access'),
        `${query}: ${found.map((s) => s.name).join('; ')}`,
      );
      if (query === '7') assert.ok(!here.some((s) => /Production order/.test(s.name)), 'only what implements Art. 7');
    }
  });

  it('completes convention article numbers after "Article "', async () => {
    const u = scratchUri('completion');
    const edited = text + '\nThis section implements Article ';
    await client.open(u, edited);
    const end = positionOf(edited, 'implements Article ', 'implements Article '.length);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: end });
    assert.ok(list && list.items.length >= 68, `${list?.items.length} items`);
    const seven = list.items.find((i) => i.label === '7 — Illegal access');
    assert.ok(seven, list.items.slice(0, 10).map((i) => i.label).join('; '));
    assert.strictEqual((seven!.textEdit as { newText: string }).newText, '7');
    assert.ok((seven!.documentation as MarkupContent).value.length > 20);
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.ok(sorted[0].label.startsWith('1 — '));
    const none = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: u }, position: positionOf(edited, 'A person who intentionally', 2) });
    assert.ok(!none || none.items.length === 0, 'nothing offered in running text');
    await client.close(u);
  });

  it('goes to the article, the referenced section, and the definition of a term', async () => {
    const toArticle = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'Article 27 of the', 2) });
    assert.strictEqual(toArticle.uri, 'concordance:/article/27.md');
    const toSection = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'section 2 or', 8) });
    assert.strictEqual(toSection.uri, uri);
    assert.strictEqual(toSection.range.start.line, positionOf(text, 'Illegal access\n2.').line);
    const toSubsection = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'order under subsection (1)', 'order under subsection ('.length) });
    assert.strictEqual(toSubsection.range.start.line, positionOf(text, '4. (1) An authorised').line);
    const toTerm = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'electronic data to, from', 3) });
    assert.strictEqual(toTerm.range.start.line, positionOf(text, '"electronic data" means').line);
  });

  it("goes from a line of the bill's arrangement of sections to the section, with one set of findings on the body; the Outline holds the arrangement in one node", async () => {
    const u = scratchUri('arranged');
    const { diagnostics: ds } = await client.open(u, ARRANGED_BILL);
    const bodyLine = positionOf(ARRANGED_BILL, '4. Production order\n').line;
    const listed = positionOf(ARRANGED_BILL, '4. Production order.');
    const judicial = ds.filter((d) => d.code === 'safeguard.judicial-review');
    assert.deepStrictEqual(judicial.map((d) => d.range.start.line), [bodyLine], 'the arrangement\'s line is not checked');
    const toSection = await client.request<Location>('textDocument/definition', { textDocument: { uri: u }, position: { line: listed.line, character: 5 } });
    assert.strictEqual(toSection.range.start.line, bodyLine);
    // Past the last entry (the long title) is no entry.
    const none = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: u }, position: positionOf(ARRANGED_BILL, 'A BILL for', 3) });
    assert.strictEqual(none, null);
    // The Outline holds the arrangement in one node, before the body's Parts.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.deepStrictEqual(symbols.map((x) => x.name), ['Table of contents', 'PART I—PRELIMINARY', 'PART II—OFFENCES AND POWERS']);
    assert.deepStrictEqual(symbols[0].children!.map((x) => [x.name, x.children!.map((c) => c.name)]), [
      ['PART I—PRELIMINARY', ['1. Short title.', '2. Interpretation.']],
      ['PART II—OFFENCES AND POWERS', ['3. Unauthorised access.', '4. Production order.']],
    ]);
    await client.close(u);
  });

  it('marks defined terms and their uses with semantic tokens', async () => {
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.strictEqual(data.length % 5, 0);
    const tokens: { line: number; character: number; length: number; type: string; mods: number }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push({ line, character, length: data[i + 2], type: legend.tokenTypes[data[i + 3]], mods: data[i + 4] });
    }
    const lines = text.split('\n');
    const words = tokens.map((t) => lines[t.line].slice(t.character, t.character + t.length));
    assert.ok(words.includes('ICT system') && words.includes('electronic data'), words.join('; '));
    const declaration = 1 << legend.tokenModifiers.indexOf('declaration');
    const decl = tokens.find((t) => t.mods & declaration)!;
    assert.strictEqual(decl.line, positionOf(text, '"ICT system" means').line);
    assert.ok(tokens.filter((t) => !(t.mods & declaration)).length > 5, 'uses are marked too');
  });

  it('serves the read-only article and code documents', async () => {
    const article = await client.request<string | null>('concordance/virtualDocument', { uri: 'concordance:/article/27.md' });
    assert.match(article ?? '', /Production order/);
    const code = await client.request<string | null>('concordance/virtualDocument', { uri: 'concordance:/codes/safeguard.judicial-review.md' });
    assert.match(code ?? '', /safeguard\.judicial-review/);
    assert.strictEqual(await client.request('concordance/virtualDocument', { uri: 'concordance:/article/99.md' }), null);
  });

  it('after a burst of 200 edits publishes diagnostics for the last version only', async () => {
    const u = scratchUri('burst');
    await client.open(u, text);
    const last = 201;
    const lastDiagnostics = client.nextDiagnostics(u, last);
    const before = client.published.length;
    const at = positionOf(text, 'A Bill to give effect');
    for (let v = 2; v <= last; v++) {
      void client.change(u, v, [{ range: { start: at, end: at }, text: 'x' }]);
    }
    const published = await lastDiagnostics;
    assert.strictEqual(published.version, last);
    // A request round trip orders everything the server sent before it: no stale run arrives later.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: u } });
    const burst = client.published.slice(before).filter((p) => p.uri === u);
    assert.strictEqual(burst[burst.length - 1].version, last, `published: ${burst.map((p) => p.version).join(',')}`);
    const versions = burst.map((p) => p.version!);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
    assert.ok(burst.length <= 3, `debounced: ${burst.length} publications for 200 edits`);
    await client.close(u);
  });

  it('re-reads settings per resource after didChangeConfiguration: switching off the safeguard family', async () => {
    const u = scratchUri('settings');
    const { diagnostics: ds } = await client.open(u, text);
    assert.ok(ds.some((d) => String(d.code).startsWith('safeguard.')));
    const requestsBefore = client.configurationRequests;
    client.settings = (scope) => (scope === u ? { checks: { safeguard: false } } : { checks: {} });
    const next = client.nextDiagnostics(u);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await next;
    assert.ok(client.configurationRequests > requestsBefore, 'settings were asked for again');
    assert.ok(client.codeLensRefreshes > 0, 'the client was asked to refresh its code lenses');
    assert.ok(!after.diagnostics.some((d) => String(d.code).startsWith('safeguard.')), codes(after.diagnostics).join(','));
    assert.ok(after.diagnostics.some((d) => d.code === 'coverage.missing'), 'other families stay on');
    // The other document keeps its own settings.
    const other = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(other.some((l) => /safeguards$/.test(l.command?.title ?? '')));
    client.settings = { checks: {} };
    await client.close(u);
  });

  it('shuts down and exits with code 0', async () => {
    assert.strictEqual(await client.stop(), 0);
  });
});

describe('the example bill over the protocol', function () {
  this.timeout(60_000);
  const example = path.join(ROOT, 'examples/cybercrime-bill.draft');

  it('opens without errors and gets diagnostics, lenses and an outline', async function () {
    if (!fs.existsSync(example)) this.skip();
    const { client } = await TestClient.start();
    try {
      const uri = pathToFileURL(example).toString();
      const content = fs.readFileSync(example, 'utf8');
      const published = await client.open(uri, content);
      assert.strictEqual(published.version, 1);
      assert.ok(published.diagnostics.length > 0);
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.ok(lenses.length > 0);
      const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(outline.length > 0);
      assert.deepStrictEqual(client.errors, []);
      assert.strictEqual(await client.stop(), 0);
    } finally {
      client.dispose();
    }
  });
});
