// The extension follows VS Code's display language (issue 23). `npm run test:editor` runs these tests
// in English with the whole suite, then again under a Spanish and a French display language
// (`--locale es|fr`: the workbench's browser is told that language, see scripts/test-editor.mjs).
// CONCORDANCE_TEST_LOCALE names the language the run asked for; each string is checked against our
// own translation files, and for es/fr also against the English, so an untranslated UI fails.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { BILL, EXTENSION_ID, activeExtension, allTabs, closeAllEditors, describeTabs, hoverText, isWebviewTab, open, positionInSection, waitForFindings, waitForTab } from './helpers';

const LOCALE = process.env.CONCORDANCE_TEST_LOCALE || 'en';

describe(`display language: ${LOCALE}`, () => {
  let root: string;
  const readJson = (rel: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
  /** Our translation of an English message (l10n bundle), or the message itself in English. */
  const message = (english: string): string => (LOCALE === 'en' ? english : readJson(`l10n/bundle.l10n.${LOCALE}.json`)[english]);
  /** What the server says in that language: data/messages/<locale>.json (the hover's words among them). */
  const serverMessage = (key: string): string => (JSON.parse(fs.readFileSync(path.join(root, `data/messages/${LOCALE}.json`), 'utf8')) as { text: Record<string, string> }).text[key];
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  before(async () => {
    root = (await activeExtension()).extensionPath;
  });

  it('vscode.env.language is the display language of the run', () => {
    assert.strictEqual(vscode.env.language.split('-')[0], LOCALE, `vscode.env.language is ${vscode.env.language}`);
  });

  it('command titles and setting descriptions come from package.nls for that language', () => {
    const english = readJson('package.nls.json');
    const nls = LOCALE === 'en' ? english : readJson(`package.nls.${LOCALE}.json`);
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    // The manifest VS Code loaded, with its %placeholders% replaced.
    const loaded = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    // A localized string is { value, original } in the loaded manifest.
    const shown = (v: string | { value: string } | undefined) => (typeof v === 'object' && v ? v.value : v);
    const titles = new Map<string, string | undefined>(loaded.contributes.commands.map((c: { command: string; title: string | { value: string } }) => [c.command, shown(c.title)]));
    let checked = 0;
    for (const c of raw.contributes.commands as { command: string; title: string }[]) {
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      if (!key) continue;
      assert.strictEqual(titles.get(c.command), nls[key], `${c.command}: title`);
      if (LOCALE !== 'en' && english[key] !== 'Concordance') assert.notStrictEqual(titles.get(c.command), english[key], `${c.command}: still English`);
      checked++;
    }
    assert.ok(checked >= 8, `${checked} command titles checked`);
    assert.strictEqual(shown(loaded.displayName), nls.displayName);
  });

  it('messages come from the l10n bundle for that language (vscode.l10n)', () => {
    for (const m of ['Try again', 'Concordance table', 'Proposed for this provision']) {
      assert.ok(message(m), `no translation of "${m}" in l10n/bundle.l10n.${LOCALE}.json`);
      assert.strictEqual(vscode.l10n.t(m), message(m));
      if (LOCALE !== 'en') assert.notStrictEqual(vscode.l10n.t(m), m, `"${m}" still English`);
    }
    if (LOCALE !== 'en') assert.ok(vscode.l10n.bundle, 'VS Code loaded no l10n bundle for the extension');
  });

  it('the concordance table opens under a title in that language', async () => {
    const { doc } = await open(BILL);
    await waitForFindings(doc.uri);
    await vscode.commands.executeCommand('concordance.showTable');
    const title = message('Concordance table: {0}').replace('{0}', 'cybercrime-bill.draft');
    await waitForTab((t) => isWebviewTab(t) && t.label === title, `the table tab "${title}"`);
    await closeAllEditors();
    assert.ok(!allTabs().some((t) => t.label === title), describeTabs());
  });

  it('the hover over a provision: its own words in that language, the draft’s numbering kept (the server reads the locale)', async () => {
    const { doc } = await open(BILL);
    await waitForFindings(doc.uri);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionInSection(doc, 17, 'judge')));
    for (const k of ['hover.elements', 'hover.readWith', 'hover.budapest']) assert.ok(text.includes(`**${serverMessage(k)}**`), `"${serverMessage(k)}" not in the hover:\n${text}`);
    assert.ok(text.includes(`[${serverMessage('hover.compareWith').replace('{0}', '27')}](command:concordance.compareWithArticle?`), text);
    // Section 15 (its general safeguards) answers proportionality (Art. 24(1); its name is in the display language): linked, with the bill's numbering (it has no numbering word).
    const pin = escapeRe(serverMessage('pin').replace('{0}', '24(1)').replace(/[.()]/g, '\\$&'));
    assert.match(text, new RegExp(`\\(${pin}\\) — \\[${serverMessage('hover.section')} 15\\\\\\(1\\\\\\)\\]\\(command:concordance\\.revealInDraft\\?`), text);
    if (LOCALE !== 'en') assert.ok(!text.includes('**Elements**') && !text.includes('Read with'), `English left in the hover:\n${text}`);
  });
});
