// Hover links are clickable (trusted Markdown) for Concordance's own hover commands only, and a
// hostile draft's text in a hover stays text: no image (a network request), link or HTML.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BILL, activeExtension, open, positionInSection, readWorkspaceText, waitForFindings, writeWorkspaceFile } from './helpers';

// Bundled into the test by esbuild: the renderer VS Code's Markdown preview uses, with HTML and linkify on.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
const render = (markdown: string): string => new MarkdownIt({ html: true, linkify: true }).render(markdown);

const ALLOWED = ['concordance.openArticle', 'concordance.compareWithArticle', 'concordance.revealInDraft'];
const HOSTILE = '![p](https://example.invalid/x.png?leak=1) <img src="https://example.invalid/y.png?leak=2"> [run](command:workbench.action.terminal.new) [open](command:concordance.openArticle?%5B1%5D)';

function markdownParts(hovers: vscode.Hover[] | undefined): vscode.MarkdownString[] {
  return (hovers ?? []).flatMap((h) => h.contents.filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString));
}

describe('hover trust', () => {
  before(async () => {
    await activeExtension();
  });

  it("hover Markdown is trusted for Concordance's hover commands only, and its links name only those", async () => {
    const { doc } = await open(BILL);
    await waitForFindings(doc.uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionInSection(doc, 17, 'judge'));
    const parts = markdownParts(hovers).filter((m) => m.value.includes('command:concordance.'));
    assert.ok(parts.length > 0, 'no Concordance hover with command links over section 17');
    for (const m of parts) {
      assert.notStrictEqual(m.isTrusted, true, 'hover Markdown must not be trusted for every command');
      assert.deepStrictEqual(m.isTrusted, { enabledCommands: ALLOWED });
      assert.ok(!m.supportHtml, 'hover Markdown must not render HTML');
      for (const [, href] of render(m.value).matchAll(/<a href="([^"]*)"/g)) assert.ok(ALLOWED.some((c) => href.startsWith(`command:${c}?`)), `a hover link to ${href}`);
    }
  });

  it("a hostile definition's text shows in the hover as text: no link or image", async () => {
    const bill = await readWorkspaceText(BILL);
    const hostile = bill.replace('"electronic data" means any representation', `"electronic data" means ${HOSTILE} any representation`);
    assert.notStrictEqual(hostile, bill, 'the example bill has no "electronic data" definition');
    const uri = await writeWorkspaceFile('examples/hostile-hover.draft', hostile);
    const { doc } = await open(uri);
    await waitForFindings(doc.uri);
    const at = doc.getText().indexOf('"electronic data" means');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 3));
    const parts = markdownParts(hovers).filter((m) => m.value.includes('defined in this draft'));
    assert.ok(parts.length > 0, `no definition hover: ${JSON.stringify(markdownParts(hovers).map((m) => m.value))}`);
    for (const m of parts) {
      const html = render(m.value);
      assert.ok(!/<img\b/i.test(html), `an image in the hover:\n${html}`);
      assert.ok(!/<a\b/i.test(html), `a link in the hover:\n${html}`);
      assert.ok(html.includes('![p](https://example.invalid/x.png?leak=1)'), `the definition's text is not shown as text:\n${html}`);
      assert.ok(html.includes('[run](command:workbench.action.terminal.new)'), html);
    }
  });
});
