// The server speaks the editor's display language (issue 23): the extension passes VS Code's
// language as initializationOptions.locale; diagnostics, hovers, code actions and lenses follow it.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, readFixture, ROOT, TestClient, failOnServerErrors, forProvision } from './client';

const text = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `locale-${++n}-${name}.draft`)).toString();

describe('the server speaks the display language (protocol)', function () {
  this.timeout(120_000);
  let client: TestClient;

  afterEach(failOnServerErrors(() => client));
  afterEach(() => client?.dispose());

  it('initializationOptions.locale "fr" gives French diagnostics, hover, quick fixes and lenses', async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 }, initializationOptions: { locale: 'fr' } }));
    const u = uriFor('fr');
    const { diagnostics } = await client.open(u, text);
    const production = forProvision(diagnostics, 'part-3/s-4').filter((d) => String(d.code).startsWith('safeguard.') && d.severity! <= 2);
    assert.strictEqual(production.length, 1, production.map((d) => d.message).join(' | '));
    // The power's name is the article title (English until official titles are verified); the rest is French.
    assert.match(String(production[0].message), /^Production order : il manque .*contrôle judiciaire ou autre contrôle indépendant.* \(art\. 24/);
    assert.match(production[0].codeDescription!.href, /^concordance:\/codes\/fr\/safeguard\.[a-z-]+\.md$/);
    const members = (production[0].data as { members: { code: string; message: string }[] }).members;
    const review = members.find((m) => m.code === 'safeguard.judicial-review')!;
    assert.match(review.message, /^Aucun contrôle judiciaire ou indépendant \(art\. 24\(2\), attendu pour ce pouvoir\) : cette disposition correspond à l'art\. 27 /);
    const coverage = diagnostics.find((d) => d.code === 'coverage.missing')!;
    assert.match(String(coverage.message), /^Aucune disposition ne met en œuvre \d+ articles obligatoires de la Convention : art\. /);

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: positionOf(text, 'An authorised officer may order', 5) });
    const md = (hover.contents as MarkupContent).value;
    for (const heading of ['**Éléments**', '**Garanties (art. 24)**', 'Comparer avec l’art. 27']) assert.ok(md.includes(heading), `${heading} in:\n${md}`);
    assert.ok(!md.includes('**Elements**'), md);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: production[0].range, context: { diagnostics: [production[0]] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Comparer la disposition avec l'art. 27"), titles.join(' | '));
    assert.ok(titles.includes('Ignorer safeguard.judicial-review pour cette disposition'), titles.join(' | '));

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    assert.ok(lenses.some((l) => l.command?.title === 'Comparer'), lenses.map((l) => l.command?.title).join(' | '));
    assert.ok(lenses.some((l) => / · \d+\/\d+ garanties$/.test(l.command?.title ?? '')), lenses.map((l) => l.command?.title).join(' | '));

    // The code's page in French: its section of docs/checks.fr.md, or its page with a French title.
    const page = await client.request<string | null>('concordance/virtualDocument', { uri: 'concordance:/codes/fr/safeguard.judicial-review.md' });
    assert.match(page ?? '', /^# `?safeguard\.judicial-review`?/);
  });

  it('a regional display language ("es-419") gives Spanish, LSP\'s own locale ("fr-CA") French, an unsupported one ("de") English', async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 }, initializationOptions: { locale: 'es-419' } }));
    const { diagnostics } = await client.open(uriFor('es'), text);
    const production = forProvision(diagnostics, 'part-3/s-4').find((d) => String(d.code).startsWith('safeguard.') && d.severity! <= 2)!;
    assert.match(String(production.message), /^Production order: falta .*control judicial u otro control independiente/);
    client.dispose();
    // An editor that gives only LSP's own `locale`.
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 }, locale: 'fr-CA' }));
    const { diagnostics: french } = await client.open(uriFor('lsp-locale'), text);
    assert.ok(french.some((d) => /^Aucune disposition ne met en œuvre /.test(String(d.message))), french.map((d) => d.message).join(' | '));
    client.dispose();
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 }, initializationOptions: { locale: 'de' } }));
    const { diagnostics: english } = await client.open(uriFor('de'), text);
    const same = forProvision(english, 'part-3/s-4').find((d) => String(d.code).startsWith('safeguard.') && d.severity! <= 2)!;
    assert.match(String(same.message), /^Production order lacks: /);
    assert.match(same.codeDescription!.href, /^concordance:\/codes\/safeguard\.[a-z-]+\.md$/);
  });
});
