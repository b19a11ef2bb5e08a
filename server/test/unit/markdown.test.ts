// Escaping draft and data text for Markdown (server/src/analysis/markdown.ts): rendered by a
// real Markdown renderer (markdown-it with raw HTML and linkify on, the most permissive), every
// escaped text shows as exactly itself — no image, link, HTML, code or emphasis.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Analyzer } from '../../src/analysis/analyze';
import { findDataDir } from '../../src/analysis/data/load';
import { createAnalyzer } from '../../src/analysis/engine';
import { codeFence, escapeDotsInNames, escapeMarkdown, escapeMarkdownSource } from '../../src/analysis/markdown';
import { computeCompletion } from '../../src/lsp/completion';
import { virtualDocument } from '../../src/lsp/virtualDocs';
import { markdownCell } from '../../src/analysis/table';
import { check } from './check';

// markdown-it ships no types; only render() is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });
const render = (markdown: string): string => renderer.render(markdown);

/** What a renderer must produce for text shown as text: one paragraph holding it, HTML-escaped. */
const asText = (text: string): string => `<p>${text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}</p>\n`;

const HOSTILE: { name: string; input: string }[] = [
  { name: 'an image (a network request on hover)', input: 'as defined ![p](https://example.invalid/x.png?leak=1) here' },
  { name: 'an HTML image', input: 'see <img src="https://example.invalid/x.png?leak=2"> here' },
  { name: 'raw HTML and a script', input: '<div title="x">hi</div> <script>alert(1)</script>' },
  { name: 'a link', input: 'read [the guide](https://example.invalid/guide) now' },
  { name: 'a command link', input: '[Open article](command:concordance.openArticle?%5B1%5D)' },
  { name: 'a command link to another command', input: '[click](command:workbench.action.terminal.new)' },
  { name: 'an autolink', input: 'mail <https://example.invalid/a> or <command:x>' },
  { name: 'a bare URL, a www name and an e-mail address', input: 'https://example.invalid/x www.example.com person@example.com example.com' },
  { name: 'backticks (code spans)', input: 'use `code` and ``more ` code`` here' },
  { name: 'emphasis and strike-through', input: '*a* _b_ **c** __d__ ~~e~~' },
  { name: 'entities', input: '&lt;img src=x&gt; &#x3C;b&#x3E; &copy;' },
  { name: 'a reference link and its definition on the next line', input: 'see [x][1]\n[1]: https://example.invalid/ref' },
  { name: 'table pipes', input: 'a | b | c' },
  { name: 'a heading marker', input: '# Title' },
  { name: 'a list marker', input: '- item' },
  { name: 'a numbered list marker', input: '1. item' },
  { name: 'a quote marker', input: '> quoted' },
  { name: 'a setext underline on the next line', input: 'Heading\n===' },
  { name: 'backslashes', input: 'a\\b \\* \\[x\\](y)' },
  { name: 'a hard line break and a line break', input: 'one\\\ntwo\r\nthree' },
];

const PLAIN = 'Whoever, without right, intentionally accesses a computer system commits an offence (see Art. 7 and section 12(3)).';

describe('Markdown escaping', () => {
  for (const [mode, escape] of [
    ['escapeMarkdown (hovers)', escapeMarkdown],
    ['escapeMarkdownSource (exports, article documents)', escapeMarkdownSource],
  ] as const) {
    check(
      `${mode}: hostile text renders as exactly itself`,
      HOSTILE.map((c) => ({ name: c.name, input: c.input, expected: asText(c.input.replace(/\r\n|\n/g, ' ')) })),
      (input) => render(escape(input)),
    );

    it(`${mode}: plain text renders unchanged`, () => {
      assert.strictEqual(render(escape(PLAIN)), asText(PLAIN));
    });

    it(`${mode}: no image, link or HTML element comes out of any text`, () => {
      const chars = fc.constantFrom(...'![]()<>`*_~&#:/@.|\\-+=>"\'a b1xw'.split(''), 'https://', 'www.', 'command:', '&lt;', '<img src=x>', '\n');
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
          const text = parts.join('').replace(/\s+/g, ' ').trim();
          fc.pre(text.length > 0);
          assert.strictEqual(render(escape(text)), asText(text));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('escapeMarkdownSource leaves prose as written (readable as source)', () => {
    assert.strictEqual(escapeMarkdownSource(PLAIN), PLAIN);
    assert.strictEqual(escapeMarkdownSource('Production order'), 'Production order');
  });

  it('escapeDotsInNames escapes the dots the lookbehind pattern it stands in for escapes', () => {
    const lookbehind = (t: string) => t.replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '\\.');
    for (const t of ['', '.', 'a.', '.a', 'a.b', 'a..b', '1.2.3', 'law-001.txt', 'x. y', 'é.ß', '𝐀.𝐀', '\ud835.a', 'a.\udc00', '\ud801\udc00.٣', 'a\\.b']) {
      assert.strictEqual(escapeDotsInNames(t), lookbehind(t), JSON.stringify(t));
    }
    const chars = fc.constantFrom('.', '..', 'a', 'Z', '1', '٣', 'é', 'e\u0301', '𝐀', '😀', '\ud835', '\udc00', ' ', '-', '\\', '_', 'ß');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.strictEqual(escapeDotsInNames(text), lookbehind(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapeMarkdown leaves words and spaces as they are', () => {
    assert.strictEqual(escapeMarkdown('Production order with judicial review'), 'Production order with judicial review');
  });

  it('a table cell of hostile text renders as itself inside the table', () => {
    const cell = HOSTILE.map((c) => c.input).join(' ');
    const html = render(`| h |\n| --- |\n| ${markdownCell(cell)} |\n`);
    assert.ok(!/<(img|a|script|div)\b/i.test(html), html);
    assert.ok(html.includes(asText(cell.replace(/\r\n|\n/g, ' ')).slice(3, -5)), html);
  });

  it('codeFence cannot be closed by the fenced text', () => {
    for (const text of ['plain', 'a ``` b', '````\nx', 'x ` y']) {
      const fence = codeFence(text);
      const html = render(`${fence}\n${text}\n${fence}\n`);
      assert.strictEqual(html, `<pre><code>${asText(text).slice(3, -5)}\n</code></pre>\n`, text);
    }
  });
});

describe('Markdown made from a hostile data folder', () => {
  // A data folder may come from anyone (CONCORDANCE_DATA_DIR): its text is escaped too.
  const HOSTILE_TEXT = 'Seizure ![p](https://example.invalid/x.png?leak=3) <img src=x> [run](command:workbench.action.terminal.new)';
  let tmp: string;
  let analyzer: Analyzer;
  before(function () {
    this.timeout(60_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-hostile-data-'));
    const dir = path.join(tmp, 'data');
    fs.cpSync(findDataDir(__dirname), dir, { recursive: true });
    const edit = (file: string, change: (json: any) => void) => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      change(json);
      fs.writeFileSync(path.join(dir, file), JSON.stringify(json));
    };
    edit('articles.json', (j) => {
      const a = j.articles.find((x: any) => x.article === 2);
      a.title = HOSTILE_TEXT;
      a.paragraphs[0].summary = HOSTILE_TEXT;
    });
    edit('model-clauses.json', (j) => (j.clauses.find((c: any) => c.article === 2).text = 'Clause text\n```\n<img src=y>\n```'));
    edit('checks.json', (j) => (j.codes[0].description = HOSTILE_TEXT));
    const r = createAnalyzer(dir);
    assert.ok(r.analyzer, r.problems.map((p) => p.message).join('\n'));
    analyzer = r.analyzer;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const assertInert = (markdown: string) => {
    const html = render(markdown);
    assert.ok(!/<img\b|<a\b/i.test(html), html);
    assert.ok(html.includes('![p](https://example.invalid/x.png?leak=3)'), `the text is not shown as text:\n${html}`);
  };

  it('the article document', () => {
    const md = virtualDocument(analyzer, 'concordance:/article/2.md')!;
    assertInert(md);
    assert.ok(render(md).includes('&lt;img src=y&gt;'), 'the model clause stays inside its code block');
  });

  it('the code document', () => {
    assertInert(virtualDocument(analyzer, `concordance:/codes/${analyzer.data.checks[0].code}.md`)!);
  });

  it('completion documentation', () => {
    const list = computeCompletion('Article ', analyzer, { line: 0, character: 8 })!;
    const item = list.items.find((i) => i.filterText === '2')!;
    assertInert((item.documentation as { value: string }).value);
  });
});
