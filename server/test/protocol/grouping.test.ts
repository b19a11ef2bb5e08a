// A calm Problems panel (issue 23): a provision's missing safeguards are one diagnostic per
// provision and concern, coverage gaps one draft-level diagnostic, the squiggle on the first line,
// "Compare" once in the lightbulb, each safeguard still its own quick fix; the hover summary first.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, codes, positionOf, readFixture, ROOT, TestClient, withCode, failOnServerErrors, forProvision } from './client';

const text = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `grouping-${++n}-${name}.draft`)).toString();
const safeguardDiagnostics = (ds: Diagnostic[]) => ds.filter((d) => String(d.code).startsWith('safeguard.'));
const members = (d: Diagnostic) => (d.data as { members?: { code: string; severity: string }[] }).members ?? [];

describe('a calm Problems panel (protocol)', function () {
  this.timeout(120_000);
  let client: TestClient;

  afterEach(failOnServerErrors(() => client));
  afterEach(() => client?.dispose());

  it("groups a provision's missing safeguards into one diagnostic, each safeguard as related information", async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
    const { diagnostics } = await client.open(uriFor('group'), text);
    const production = safeguardDiagnostics(forProvision(diagnostics, 'part-3/s-4')).filter((d) => d.severity! <= 2);
    assert.strictEqual(production.length, 1, `one warning for the production order's safeguards: ${production.map((d) => d.message).join(' | ')}`);
    const d = production[0];
    const inGroup = members(d).map((m) => m.code);
    assert.ok(inGroup.length >= 2 && inGroup.includes('safeguard.judicial-review'), inGroup.join(','));
    assert.strictEqual(new Set(inGroup).size, inGroup.length, 'each safeguard once');
    assert.match(String(d.message), /^Production order lacks: (.+, )?judicial or other independent review(, .+)? \(Art\. 24/);
    assert.strictEqual(d.code, inGroup[0], "the group's code is its first (most severe) member's");
    // Among equally severe members, the order (and so the group's code) is that of data/checks.json.
    const dataOrder = (JSON.parse(fs.readFileSync(path.join(ROOT, 'data/checks.json'), 'utf8')) as { codes: { code: string }[] }).codes.map((c) => c.code);
    assert.deepStrictEqual(inGroup, [...inGroup].sort((a, b) => dataOrder.indexOf(a) - dataOrder.indexOf(b)));
    assert.strictEqual(d.relatedInformation?.length, inGroup.length, 'one related entry per safeguard');
    assert.ok(d.relatedInformation!.every((r) => /^concordance:\/article\/24\.md$/.test(r.location.uri)), JSON.stringify(d.relatedInformation));
    // No safeguard finding is left outside a group: every safeguard code appears once per provision.
    const all = codes(forProvision(diagnostics, 'part-3/s-4')).filter((c) => c.startsWith('safeguard.'));
    assert.strictEqual(new Set(all).size, all.length, all.join(','));
  });

  it('a safeguard set to "off" drops out of the group; the group takes its most severe member\'s severity and code', async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: { 'safeguard.duration': 'off', 'safeguard.scope': 'error' }, maxDiagnostics: 500 } }));
    const { diagnostics } = await client.open(uriFor('severity'), text);
    const search = safeguardDiagnostics(forProvision(diagnostics, 'part-3/s-5'));
    const inGroups = codes(search);
    assert.ok(!inGroups.includes('safeguard.duration'), `duration is off: ${inGroups}`);
    assert.ok(inGroups.includes('safeguard.judicial-review'), inGroups.join(','));
    const group = withCode(search, 'safeguard.scope')!;
    assert.ok(group, `scope still reported: ${inGroups}`);
    assert.strictEqual(group.severity, 1, 'error: the most severe member');
    assert.strictEqual(group.code, 'safeguard.scope');
    assert.ok(members(group).length >= 2 && members(group).some((m) => m.severity === 'warning'), JSON.stringify(members(group)));
  });

  it('coverage gaps are one draft-level diagnostic at the first line, an article per related entry', async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
    const { diagnostics } = await client.open(uriFor('coverage'), text);
    const coverage = diagnostics.filter((d) => d.code === 'coverage.missing');
    assert.strictEqual(coverage.length, 1, coverage.map((d) => d.message).join(' | '));
    const d = coverage[0];
    assert.strictEqual(d.range.start.line, 0);
    assert.strictEqual(d.range.end.line, 0);
    const articles = members(d).length;
    assert.ok(articles >= 2, `several articles missing: ${articles}`);
    assert.match(String(d.message), new RegExp(`^No provision implements ${articles} mandatory articles`));
    assert.strictEqual(d.relatedInformation?.length, articles);
    assert.ok(d.relatedInformation!.some((r) => r.location.uri === 'concordance:/article/9.md'), 'Art. 9 among them');
  });

  it("squiggles the provision's first line, cut to its first sentence when that line is the whole paragraph", async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
    const { diagnostics } = await client.open(uriFor('range'), text);
    const d = safeguardDiagnostics(forProvision(diagnostics, 'part-3/s-5'))[0];
    const heading = positionOf(text, 'Search of ICT systems');
    assert.deepStrictEqual(d.range, { start: heading, end: { line: heading.line, character: 'Search of ICT systems'.length } });
    // Without its heading line, the provision's first line is a long paragraph: only its start is underlined.
    const bare = text.replace('Search of ICT systems\n', '');
    const { diagnostics: ds } = await client.open(uriFor('range-bare'), bare);
    const e = safeguardDiagnostics(ds).find((x) => /^5\. /.test(bare.split('\n')[x.range.start.line]))!;
    assert.ok(e, ds.map((x) => `${x.code}@${x.range.start.line}`).join(','));
    assert.strictEqual(e.range.end.line, e.range.start.line);
    const lineLength = bare.split('\n')[e.range.start.line].length;
    assert.ok(e.range.end.character - e.range.start.character <= 80 && e.range.end.character < lineLength, JSON.stringify(e.range));
  });

  it('"Compare provision with Art. N" appears once in the lightbulb, and each safeguard keeps its own quick fix', async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
    const u = uriFor('actions');
    const { diagnostics } = await client.open(u, text);
    const here = forProvision(diagnostics, 'part-3/s-4');
    const group = withCode(here, 'safeguard.judicial-review')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: group.range, context: { diagnostics: here } });
    const compares = actions.filter((a) => a.command?.command === 'concordance.compareWithArticle');
    assert.strictEqual(compares.length, 1, actions.map((a) => a.title).join('; '));
    assert.ok(actions.filter((a) => a.isPreferred).length <= here.length, 'at most one preferred fix per diagnostic');
    const before = members(group).map((m) => m.code);
    let fixes = 0;
    let version = 1;
    for (const code of before) {
      const silence = actions.find((a) => a.title === `Silence ${code} for this provision`);
      assert.ok(silence?.edit, `a silence action for ${code}: ${actions.map((a) => a.title).join('; ')}`);
      const insert = actions.find((a) => a.edit && a.title.startsWith('Insert model wording') && a.diagnostics?.some((x) => x.code === group.code) && fixFor(a, code));
      if (!insert) continue;
      fixes++;
      const after = applyWorkspaceEdit(text, u, insert.edit!);
      const now = codes(safeguardDiagnostics(forProvision((await client.replace(u, ++version, after)).diagnostics, 'part-3/s-4')));
      assert.deepStrictEqual(now.sort(), before.filter((c) => c !== code).sort(), `the fix for ${code} clears only ${code}`);
    }
    assert.ok(fixes >= 2, `quick fixes for at least two safeguards of the group: ${actions.map((a) => a.title).join('; ')}`);

    /** Does this action insert the wording for `code`? (its title names the safeguard's label) */
    function fixFor(a: CodeAction, code: string): boolean {
      const labels: Record<string, RegExp> = {
        'safeguard.judicial-review': /review/i,
        'safeguard.grounds': /grounds/i,
        'safeguard.scope': /scope/i,
        'safeguard.duration': /duration/i,
        'safeguard.remedy': /remedy/i,
        'safeguard.proportionality': /proportionality/i,
        'safeguard.third-parties': /third parties/i,
        'safeguard.serious-crime': /serious/i,
      };
      return labels[code]?.test(a.title) ?? false;
    }
  });

  it('the provision hover starts with one summary line: article, paragraphs, strength, what is missing (with citations); then the comparison link', async () => {
    ({ client } = await TestClient.start({ settings: { checks: {}, severity: {}, maxDiagnostics: 500 } }));
    const u = uriFor('hover');
    const { diagnostics } = await client.open(u, text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: positionOf(text, 'An authorised officer may order', 5) });
    const value = (hover.contents as MarkupContent).value;
    const [first] = value.split('\n');
    assert.match(first, /^\*\*Art\. 27 — Production order\*\* · paras? .+ · \w+ match · gaps: .*no judicial or independent review \(Art\\\. 24\\\(2\\\)\)/);
    const sections = ['[Compare with Art. 27]', '**Elements**', '**Safeguards (Art. 24)**', '**Budapest Convention:**'].map((s) => value.indexOf(s));
    assert.ok(sections.every((i, k) => i > 0 && (k === 0 || i > sections[k - 1])), `summary, compare, elements, safeguards, references in order:\n${value}`);
    // The diagnostics' texts are the editor's to show: none is repeated in the card.
    for (const d of forProvision(diagnostics, 'part-3/s-4')) assert.ok(!value.includes(String(d.message)), `repeats "${d.message}"`);
    assert.ok(!/this provision reads as/.test(value), value);
  });
});
