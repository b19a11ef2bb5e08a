// Hostile drafts, settings, params and clients over the protocol (issue 21): the hover shows a
// draft's text as text; bad settings fall back to defaults; a client that never answers
// workspace/configuration cannot hang requests; stale analyses are never served; malformed
// params get InvalidParams; nothing is answered after shutdown. Waits are on events.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, readFixture, ROOT, TestClient } from './client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
/** The most permissive renderer: raw HTML and bare-URL linking on. */
const render = (markdown: string): string => new MarkdownIt({ html: true, linkify: true }).render(markdown);

const text = readFixture('bill.draft');
let n = 0;
const uriFor = (name: string) => pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `security-${++n}-${name}.draft`)).toString();
const hoverMarkdown = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

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
    assert.match(href, /^command:concordance\.(openArticle|compareWithArticle)\?/, `a link the server did not make: ${href}`);
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
});
