// Language features over the example bill, through the same commands VS Code's UI uses:
// hover, code lenses and the outline (document symbols).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BILL, activeExtension, commandLinkArgs, hoverText, open, positionInSection, sectionRange, waitForFindings } from './helpers';

describe('language features', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    doc = (await open(BILL)).doc;
    await waitForFindings(doc.uri); // the server has analysed the bill
  });

  it('hover over the production order (section 17) names Art. 27 and links to the comparison', async () => {
    const pos = positionInSection(doc, 17, 'judge');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hoverText(hovers);
    assert.match(text, /Art\.\s*27\b/, `hover does not name Art. 27:\n${text}`);
    assert.match(text, /Production order/i);
    assert.match(text, /Safeguards/i, 'hover lists the Art. 24 safeguards');
    const args = commandLinkArgs(text, 'concordance.compareWithArticle');
    assert.ok(args, `hover has no "Compare with Art." link:\n${text}`);
    // Summary first (article, paragraphs, strength, what is missing), then the link to the comparison, then elements, then safeguards.
    const card = text.split('\n---\n').find((c) => c.startsWith('**Art. 27')) ?? '';
    assert.match(card.split('\n')[0], /^\*\*Art\. 27 — Production order\*\* · paras? .+ · \w+ match · (gaps: .+|nothing missing)$/, `summary line first:\n${text}`);
    assert.ok(card.split('\n\n')[1]?.startsWith('[Compare with Art. 27](command:concordance.compareWithArticle?'), `the comparison link second:\n${card}`);
    assert.ok(card.indexOf('**Elements**') > 0 && card.indexOf('**Elements**') < card.indexOf('**Safeguards'), card);
  });

  it("hover says where each element's evidence was found, and its link selects those words", async () => {
    const pos = positionInSection(doc, 17, 'judge');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
    // "✓ Label — [section 17(1)](command:concordance.revealInDraft?… "“words”")", items of one line split by " · "
    const lines = text.split('\n').flatMap((l) => l.split(' · ')).filter((l) => /^✓ .* — \[.+\]\(command:concordance\.revealInDraft\?\S+ "“.*”"\)$/.test(l));
    assert.ok(lines.length >= 2, `no element says where it was found:\n${text}`);
    const labels = lines.map((l) => / — \[(.+?)\]\(command:/.exec(l)![1].replace(/\\(.)/g, '$1'));
    assert.ok(labels.every((l) => /^(this section|section 17(\(\w+\))+)$/.test(l)), labels.join(', '));
    assert.ok(labels.some((l) => /^section 17\(1\)/.test(l)), `section 17's words are in its subsection (1): ${labels.join(', ')}`);
    for (const line of lines) {
      const words = / "“(.*)”"\)$/.exec(line)![1].replace(/\\(.)/g, '$1');
      const args = commandLinkArgs(line, 'concordance.revealInDraft')!;
      assert.strictEqual(args[0], doc.uri.toString());
      // The link, run as VS Code runs it, selects the evidence words in the draft.
      await vscode.commands.executeCommand('concordance.revealInDraft', ...args);
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.toString(), doc.uri.toString());
      assert.strictEqual(editor.document.getText(editor.selection).replace(/\s+/g, ' '), words, line);
    }
  });

  it('code lenses show the matched article on the provisions', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
    assert.ok(lenses && lenses.length > 0, 'no code lenses');
    const s17 = sectionRange(doc, 17);
    const near17 = lenses.filter((l) => l.range.start.line >= s17.start.line - 1 && l.range.start.line <= s17.end.line);
    const titles = near17.map((l) => l.command?.title ?? '(unresolved)');
    assert.ok(
      titles.some((t) => /Art\.?\s*27\b|Production order/i.test(t)),
      `no code lens on section 17 naming Art. 27; lenses there: ${JSON.stringify(titles)}`,
    );
    for (const l of lenses) assert.ok(l.command?.title, 'every resolved code lens has a title');
  });

  it('the outline lists the parts and sections, with section 17 "Production order"', async () => {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length > 0, 'no document symbols');
    const flat: { name: string; range: vscode.Range; depth: number }[] = [];
    const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation, depth: number) => {
      if ('children' in s) {
        flat.push({ name: s.name, range: s.range, depth });
        s.children.forEach((c) => walk(c, depth + 1));
      } else flat.push({ name: s.name, range: s.location.range, depth });
    };
    symbols.forEach((s) => walk(s, 0));
    const names = flat.map((s) => s.name);
    assert.ok(names.some((n) => /PART 3|Procedural powers/i.test(n)), `no symbol for Part 3 in ${JSON.stringify(names)}`);
    const line17 = sectionRange(doc, 17).start.line;
    const s17 = flat.find((s) => /Production order/i.test(s.name) && s.range.start.line <= line17 && s.range.end.line >= line17);
    assert.ok(s17, `no "Production order" symbol covering line ${line17 + 1} in ${JSON.stringify(names)}`);
    assert.ok(flat.length >= 24, `expected at least the 24 sections in the outline, got ${JSON.stringify(names)}`);
  });
});
