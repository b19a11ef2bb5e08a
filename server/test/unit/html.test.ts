// The webview HTML builders (client/src/html.ts): escaping of hostile draft text, CSP, no inline code.
import * as assert from 'assert';
import { buildComparison } from '../../src/analysis/compare';
import { buildTable } from '../../src/analysis/table';
import { compareVersions } from '../../src/analysis/versionCompare';
import { comparisonBody, contentSecurityPolicy, diffHtml, english, escapeHtml, highlightEvidence, makeNonce, messageBody, page, tableBody, versionsBody, type Translate } from '../../../client/src/html';
import { fixtureData, fixtureDraft } from './helpers/concordanceFixture';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror="alert(2)">';
const LINK = '<a href="javascript:alert(3)">click</a>';
const HOSTILE = `${SCRIPT} ${IMG} ${LINK} '"\` &amp;`;

/** Everything a page may contain besides our own markup: no script but the nonce'd one, no handlers, no javascript: URLs. */
function assertInert(html: string): void {
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  for (const s of scripts) assert.match(s, /^<script nonce="[A-Za-z0-9]+" src="[^"]+">$/, `unexpected script tag ${s}`);
  assert.ok(!/<img\b/i.test(html), 'an <img> element got through');
  assert.ok(!/<a\b/i.test(html), 'an <a> element got through');
  // Real tags only: escaped text has no "<", so whatever looks like a tag is markup.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const attrs = tag.replace(/"[^"]*"/g, '""');
    assert.ok(!/\son[a-z]+\s*=/i.test(attrs), `an event-handler attribute got through: ${tag}`);
    assert.ok(!/\sstyle\s*=/i.test(attrs), `inline style attribute: ${tag}`);
    assert.ok(!/(href|src)\s*=\s*"\s*javascript:/i.test(tag), `a javascript: URL in an attribute: ${tag}`);
  }
}

describe('webview HTML', () => {
  describe('escapeHtml', () => {
    it('shows markup literally', () => {
      assert.strictEqual(escapeHtml(SCRIPT), '&lt;script&gt;alert(1)&lt;/script&gt;');
      assert.strictEqual(escapeHtml(IMG), '&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
      assert.strictEqual(escapeHtml(LINK), '&lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;');
      assert.strictEqual(escapeHtml(`'\`&amp;`), '&#39;&#96;&amp;amp;');
    });

    it('turns anything into text', () => {
      assert.strictEqual(escapeHtml(undefined), '');
      assert.strictEqual(escapeHtml(null), '');
      assert.strictEqual(escapeHtml(42), '42');
    });
  });

  describe('page shell', () => {
    it('has a strict CSP with the nonce, one nonce\'d script and escaped state', () => {
      const nonce = makeNonce();
      assert.match(nonce, /^[A-Za-z0-9]{32}$/);
      assert.notStrictEqual(makeNonce(), nonce);
      const html = page({ title: SCRIPT, cspSource: 'vscode-resource:', nonce, styleUri: 'res/webview.css', scriptUri: 'res/webview.js', body: '<p>x</p>', state: { uri: HOSTILE }, view: 'table' });
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1].replace(/&#39;/g, "'");
      assert.strictEqual(csp, `default-src 'none'; style-src vscode-resource: 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src vscode-resource:; font-src vscode-resource:; base-uri 'none'; form-action 'none'`);
      assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
      assert.ok(html.includes(`<script nonce="${nonce}" src="res/webview.js"></script>`));
      assert.ok(html.includes('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
      assertInert(html);
      // The state attribute decodes back to the same JSON.
      const attr = /data-state="([^"]*)"/.exec(html)![1];
      const decoded = attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      assert.deepStrictEqual(JSON.parse(decoded), { uri: HOSTILE });
    });

    it('CSP allows nothing but the webview source and the nonce', () => {
      const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
      assert.ok(csp.startsWith("default-src 'none'"));
      assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    });

    it('message pages escape their text', () => {
      const html = messageBody(SCRIPT, IMG, [{ action: 'retry', label: LINK }]);
      assertInert(html);
      assert.ok(html.includes('<button type="button" data-action="retry">'));
    });
  });

  describe('comparison', () => {
    const data = fixtureData();
    const draft = fixtureDraft(data, [
      { label: '3', heading: HOSTILE, body: `A person who intentionally accesses ${SCRIPT} a computer. ${IMG} ${LINK}`, matches: [{ article: 7, present: ['conduct-access', 'intent'] }] },
    ]);
    const model = buildComparison({ data, uri: 'file:///x.draft', text: draft.text, analysis: draft.analysis, provisionId: 's-3' })!;

    it('escapes the draft in the provision, the highlights and the word diff', () => {
      const html = comparisonBody(model);
      assertInert(html);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;'));
      assert.ok(html.includes('&lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;'));
      assert.match(html, /<mark class="evidence el-0" data-n="1" title="1\. Accessing a computer system">accesses<\/mark>/);
      assert.match(html, /<del title="only in the model clause">.*without right/s);
      assert.ok(html.includes('data-action="openDiff"'));
      assert.ok(html.includes('data-action="openArticle" data-article="16"'), 'read-with link');
      assert.ok(html.includes('summary'), 'paraphrases are labelled summary');
    });

    it('keeps the Budapest view honest about a missing counterpart', () => {
      const m = buildComparison({ data, uri: 'file:///x.draft', text: draft.text, analysis: draft.analysis, provisionId: 's-3', article: 16, mode: 'budapest' })!;
      const html = comparisonBody(m);
      assertInert(html);
      assert.match(html, /no counterpart to Art\. 16/);
      assert.ok(!html.includes('data-action="openDiff"'));
    });

    it('highlightEvidence skips overlapping and out-of-range marks', () => {
      const out = highlightEvidence('<b>abc</b>', [
        { start: 3, end: 6, label: 'x' },
        { start: 4, end: 5, label: 'y' },
        { start: 8, end: 99, label: 'z' },
      ]);
      assert.strictEqual(out, '&lt;b&gt;<mark class="evidence" title="x">abc</mark>&lt;/b&gt;');
    });

    it('numbers each element alike on both sides: the draft, the checklist and the model clause', () => {
      const html = comparisonBody(model);
      const draft = html.slice(html.indexOf('<pre class="provision"'), html.indexOf('</pre>', html.indexOf('<pre class="provision"')));
      const clause = html.slice(html.indexOf('<pre class="model"'), html.indexOf('</pre>', html.indexOf('<pre class="model"')));
      const numbered = (part: string) => [...part.matchAll(/<mark class="evidence el-(\d)" data-n="(\d+)" title="\d+\. ([^"]+)">/g)].map((m) => `${m[2]}:${m[3]}`).sort();
      assert.deepStrictEqual(numbered(draft), ['1:Accessing a computer system', '2:Done intentionally']);
      assert.deepStrictEqual(numbered(clause), ['1:Accessing a computer system', '2:Done intentionally']);
      // The checklist carries the same numbers, including the element the draft lacks.
      const list = html.slice(html.indexOf('<ul class="checklist elements">'));
      assert.deepStrictEqual([...list.matchAll(/<li class="(present|absent)"><span class="el-badge el-\d" aria-hidden="true">(\d+)<\/span>/g)].map((m) => `${m[2]}:${m[1]}`), ['1:present', '2:present', '3:absent']);
    });

    it('puts the draft and the article in two columns, the draft first', () => {
      const html = comparisonBody(model);
      assert.ok(html.indexOf('<section class="column draft"') < html.indexOf('<section class="column article"'));
      assert.ok(html.indexOf('<section class="diff"') > html.indexOf('<section class="column article"'), 'the word diff is beside the draft, not below both');
    });

    it('keeps spaces between words in the word diff', () => {
      const text = (h: string) => h.replace(/<span class="sr-only">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '');
      const cases: [Parameters<typeof diffHtml>[0], string][] = [
        [[{ kind: 'same', text: 'an ' }, { kind: 'added', text: 'authorised' }, { kind: 'removed', text: 'police' }, { kind: 'same', text: ' officer' }], 'an authorised police officer'],
        [[{ kind: 'removed', text: 'a judge' }, { kind: 'added', text: 'the court' }], 'a judge the court'],
        [[{ kind: 'same', text: 'the' }, { kind: 'added', text: ' authorised ' }, { kind: 'same', text: 'police' }], 'the authorised police'],
        [[{ kind: 'removed', text: 'x' }, { kind: 'added', text: ',' }], 'x ,'],
      ];
      for (const [parts, expected] of cases) assert.strictEqual(text(diffHtml(parts)), expected);
      // Whitespace at the ends of a change stays outside the underline / strike-through.
      assert.ok(diffHtml([{ kind: 'same', text: 'the' }, { kind: 'added', text: ' authorised ' }, { kind: 'same', text: 'police' }]).startsWith('the <ins '));
    });

    it('translates its words through the function it is given', () => {
      const upper: Translate = (m, ...args) => english(m, ...args).toUpperCase();
      const html = comparisonBody(model, upper);
      assert.ok(html.includes('>GO TO THE PROVISION</button>'));
      assert.ok(html.includes('MODEL CLAUSE'));
      assertInert(html);
    });

    it('diffHtml marks additions and omissions for screen readers too', () => {
      const html = diffHtml([
        { kind: 'same', text: 'a ' },
        { kind: 'added', text: SCRIPT },
        { kind: 'removed', text: 'b' },
      ]);
      assert.ok(html.includes('[draft adds: </span>&lt;script&gt;'));
      assert.ok(html.includes('[draft omits: </span>b'));
    });
  });

  describe('concordance table', () => {
    it('escapes provisions and files and carries filter data', () => {
      const data = fixtureData();
      const d = fixtureDraft(data, [{ label: '3', heading: HOSTILE, body: 'Whoever accesses a computer.', matches: [{ article: 7, present: ['conduct-access'] }] }]);
      const t = buildTable(data, [
        { file: 'file:///w/%3Cscript%3E.draft', ...d },
        { file: 'file:///w/b.draft', ...d },
      ]);
      const html = tableBody(t, { scope: 'workspace', canShowWorkspace: true });
      assertInert(html);
      assert.ok(html.includes('&lt;script&gt;.draft'));
      assert.match(html, /<tr class="article-row" data-chapter="II" data-status="partial" data-search="7 illegal access 3 &lt;script&gt;/);
      assert.match(html, /data-action="reveal" data-uri="file:\/\/\/w\/%3Cscript%3E\.draft" data-line="0"/);
      assert.ok(html.includes('<select id="filter-status" data-filter="status">'));
      assert.ok(html.includes('data-action="scope" data-scope="active"'));
    });

    it('gives one status per article per draft, the drafts as columns', () => {
      const data = fixtureData();
      const a = fixtureDraft(data, [{ label: '3', heading: 'Access', body: 'Whoever accesses a computer.', matches: [{ article: 7, present: ['conduct-access', 'intent', 'without-right'] }] }]);
      const b = fixtureDraft(data, [{ label: '9', heading: 'Other', body: 'Nothing to do with access.', matches: [] }]);
      const many = tableBody(buildTable(data, [{ file: 'file:///w/a.draft', ...a }, { file: 'file:///w/b.draft', ...b }]), { scope: 'workspace', canShowWorkspace: true });
      const head = /<thead>(.*?)<\/thead>/s.exec(many)![1];
      assert.deepStrictEqual([...head.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]), ['Art.', 'Title', 'a.draft', 'b.draft', 'Implementing provisions', 'Still missing']);
      const row7 = /<tr class="article-row" data-chapter="II" data-status="[^"]*" data-search="7 [^"]*">(.*?)<\/tr>/s.exec(many)![1];
      assert.deepStrictEqual([...row7.matchAll(/<td class="file"><span class="status status-([a-z-]+)">/g)].map((m) => m[1]), ['implemented', 'missing']);
      assert.ok(!/a\.draft: implemented/.test(many), 'no per-file status repeated as text in another column');
      // One draft: a single status column.
      const one = tableBody(buildTable(data, [{ file: 'file:///w/a.draft', ...a }]), { scope: 'active', canShowWorkspace: true });
      assert.deepStrictEqual([.../<thead>(.*?)<\/thead>/s.exec(one)![1].matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]), ['Art.', 'Title', 'Status', 'Implementing provisions', 'Still missing']);
      assertInert(many);
    });
  });

  describe('version comparison', () => {
    it('escapes provision headings, finding messages and labels', () => {
      const data = fixtureData();
      const a = fixtureDraft(data, [{ label: '1', heading: 'Access', body: 'Whoever accesses a computer.', matches: [{ article: 7, present: ['conduct-access'] }] }]);
      const b = fixtureDraft(
        data,
        [{ label: '1', heading: HOSTILE, body: `Whoever accesses ${SCRIPT} a computer.`, matches: [{ article: 7, present: ['conduct-access'] }] }],
        [{ code: 'element.missing', severity: 'warning', message: IMG, provision: 's-1', articles: ['7'], obligation: 'mandatory', lookedFor: [] }],
      );
      const v = compareVersions(a.analysis, a.text, b.analysis, b.text, data);
      const html = versionsBody(v, { a: SCRIPT, b: 'new.draft', uriB: 'file:///new.draft', canDiff: true });
      assertInert(html);
      assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;'));
      assert.ok(html.includes('<span class="status change-changed">changed</span>'));
      assert.ok(html.includes('<h1>&lt;script&gt;alert(1)&lt;/script&gt;'));
    });
  });
});
