#!/usr/bin/env node
// `npm run test:hover-click` (also run by `npm run test:editor` without --grep): clicks hover
// links in a real VS Code (the vscode-e2e harness's workbench, driven by keyboard like a user:
// show the hover, focus it, Tab to its first link, Enter): a provision's "where found" link selects
// the evidence words in the draft; a Convention reference's "Open article" opens the article.
// Hover links are `command:` links, which VS Code runs only from trusted Markdown: the client
// trusts hovers for Concordance's hover commands (client/src/hoverTrust.ts). Without that, the
// links are not rendered as links and the step waiting for them fails.
// Results: out/hover-click/ (result.json, screenshots, logs). Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harness = process.env.VSCODE_E2E_RUN || path.resolve(root, '../shared/tools/vscode-e2e/run.sh');
if (!fs.existsSync(harness)) {
  console.error(`test:hover-click: no vscode-e2e harness at ${harness} (set VSCODE_E2E_RUN)`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'out/extension.js'))) {
  console.error('test:hover-click: out/extension.js is missing: run "npm run build" first');
  process.exit(2);
}
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-hover-click-'));
fs.cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const bill = path.join(workspace, 'examples/cybercrime-bill.draft');
const billLines = fs.readFileSync(bill, 'utf8').split('\n');
// Section 17 (a production order, matched to Art. 27): its hover has "where found", "Read with" and "Compare" links.
const line = billLines.findIndex((l) => l.startsWith('17. ')) + 1;
if (line === 0) throw new Error('examples/cybercrime-bill.draft has no section 17');
// A reference to an article of the Convention: its hover's one link opens the article.
const refLine = billLines.findIndex((l) => /Article \d+ of the Convention/.test(l)) + 1;
if (refLine === 0) throw new Error('examples/cybercrime-bill.draft cites no article of the Convention');
const refCol = billLines[refLine - 1].search(/Article \d+ of the Convention/) + 3;
const refArticle = /Article (\d+) of the Convention/.exec(billLines[refLine - 1])[1];
const hover = '.monaco-hover:not(.hidden)';
const scenario = {
  viewport: { width: 1400, height: 900 },
  timeoutMs: 45_000,
  settings: { 'editor.hover.delay': 200 },
  steps: [
    { open: bill },
    { waitForActivation: true },
    { problems: { expectMin: 1 } },
    // Once in a CI run (6 December) the first Ctrl+K Ctrl+I showed no hover within 45 s, and the
    // next two runs passed: a hover shown (and closed) first, allowed to fail, makes the steps
    // below start from a workbench that has shown one.
    { hover: { line, col: 7, expect: 'Art. 27' }, mode: 'keyboard', optional: true, timeoutMs: 20_000 },
    { press: 'Escape' },
    { goto: `${line}:7` },
    { press: 'Control+K Control+I' },
    // Rendered as links (not plain text): the Markdown is trusted for these commands.
    { waitForSelector: `${hover} a[data-href^="command:concordance.revealInDraft"]`, screenshot: 'hover' },
    // An element's words are the tooltip of the link to them (the hover keeps to its first screen).
    { waitForSelector: `${hover} a[data-href^="command:concordance.revealInDraft"][title^="“"]` },
    { waitForSelector: `${hover} a[data-href^="command:concordance.openArticle"]` },
    { waitForSelector: `${hover} a[data-href^="command:concordance.compareWithArticle"]` },
    { readText: hover, as: 'hover' },
    // Focus the hover, Tab past its first link (the comparison, right under the summary line) to the
    // second (where the first element's words were found), press Enter: a click. The words are
    // selected: the status bar counts them.
    { press: 'Control+K Control+I' },
    { press: 'Tab' },
    { waitForSelector: `${hover} a:focus[data-href^="command:concordance.compareWithArticle"]` },
    { press: 'Tab' },
    { waitForSelector: `${hover} a:focus[data-href^="command:concordance.revealInDraft"]` },
    { press: 'Enter' },
    { waitForSelector: '#status\\.editor\\.selection:has-text("selected")', screenshot: 'evidence-selected' },
    { readText: '#status\\.editor\\.selection', as: 'selection' },
    // The hover over "Article N of the Convention": its "Open article" link opens the article.
    { press: 'Escape' },
    { goto: `${refLine}:${refCol}` },
    { press: 'Control+K Control+I' },
    { waitForSelector: `${hover} a[data-href^="command:concordance.openArticle"]` },
    { press: 'Control+K Control+I' },
    { press: 'Tab' },
    { press: 'Enter' },
    { waitForTab: `/^${refArticle}\\.md/`, screenshot: 'article-opened' },
  ],
};
const outDir = path.join(root, 'out/hover-click');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const scenarioFile = path.join(outDir, 'scenario.json');
fs.writeFileSync(scenarioFile, JSON.stringify(scenario, null, 2));
// Without what `npm run` added (see scripts/test-editor.mjs, harnessEnv).
const env = {};
for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE') env[k] = v;
if (env.PATH) env.PATH = env.PATH.split(path.delimiter).filter((d) => !/[\\/]node_modules[\\/]\.bin$/.test(d) && !/node-gyp-bin$/.test(d)).join(path.delimiter);
const r = spawnSync('bash', [harness, root, workspace, scenarioFile, outDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env, encoding: 'utf8' });
const result = fs.existsSync(path.join(outDir, 'result.json')) ? JSON.parse(fs.readFileSync(path.join(outDir, 'result.json'), 'utf8')) : undefined;
for (const s of result?.steps ?? []) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} step ${s.i} ${s.action}${s.error ? ': ' + s.error.split('\n')[0] : ''}`);
if (result?.reads?.selection) console.log(`  after the "where found" link: ${JSON.stringify(result.reads.selection)}`);
const blocked = result?.blockedRequests ?? [];
if (blocked.length) console.log(`  requests that tried to leave the machine: ${JSON.stringify(blocked)}`);
// Errors in the extension host, unhandled promise rejections among them (VS Code logs a rejection
// nobody handled within a second as "rejected promise not handled" and as an error), fail the test.
const hostErrors = [...(result?.extHostErrors ?? []), ...(result?.consoleErrors ?? []).filter((l) => /rejected promise not handled|unhandled promise rejection|Uncaught \(in promise\)/i.test(l))];
for (const e of hostErrors) console.log(`  FAIL error in the extension host or workbench: ${String(e).split('\n').slice(0, 3).join(' | ')}`);
const ok = r.status === 0 && blocked.length === 0 && hostErrors.length === 0;
const why = [r.status !== 0 && `harness exit ${r.status}`, blocked.length && `${blocked.length} request(s) off the machine`, hostErrors.length && `${hostErrors.length} extension-host error(s)`].filter(Boolean).join(', ');
console.log(`test:hover-click: ${ok ? 'PASSED' : `FAILED (${why})`}; results in ${path.relative(root, outDir)}/`);
fs.rmSync(workspace, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
