#!/usr/bin/env node
// `npm run test:webviews`: the Concordance webviews in a real browser, on a hostile draft.
//
//  1. Bundles the real HTML builders (client/src/html.ts) and the real analysis (createAnalyzer,
//     buildComparison, buildTable, compareVersions) with esbuild into out/test/webviews/lib.js.
//  2. Analyses a draft written to attack the pages: headings and text with <script>, <img onerror>,
//     javascript: links, "><svg onload>, </textarea>, template literals, attribute-breaking quotes.
//     Builds the comparison (article and Budapest mode), concordance-table, version-compare and
//     message pages, with the CSP and nonce the extension uses; cspSource is a loopback HTTP server
//     (127.0.0.1, random port, stops itself) that serves the pages and media/webview.{js,css}.
//  3. Loads each page in headless Chromium (Debian's /usr/bin/chromium) through playwright-core from
//     the vscode-e2e harness cache ($VSCODE_E2E_CACHE or /tmp/vscode-harness; `run.sh setup` is run
//     when it is missing), with a fresh profile and no network beyond 127.0.0.1. acquireVsCodeApi is
//     a stub that records postMessage/setState, as the webview host would provide.
//  4. Checks on every page: nothing the draft contains executes (window.__pwned stays undefined and no
//     dialog opens, after load and after clicking every control); no hostile element, event-handler
//     attribute or javascript: URL reached the DOM; the hostile strings show literally in innerText;
//     the CSP in force blocks an inline script and an inline handler injected on purpose; webview.js
//     ran (every button posts its message with its data, the state round-trips, the table's filters
//     hide rows) and webview.css applied. Load-time CSP violations are listed (blocked is not executed).
//
// Prints `N passed, N failed`; the exit code is non-zero on any failure.
// Env: CONCORDANCE_WEBVIEW_SHOTS (a folder: screenshots of the comparison and table pages at 700 px), VSCODE_E2E_CACHE, VSCODE_E2E_CHROMIUM, VSCODE_E2E_RUN (harness run.sh), CONCORDANCE_WEBVIEW_TEST_TIMEOUT (s, default 180).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (m) => console.log(`[test:webviews ${secs()}] ${m}`);
const require = createRequire(import.meta.url);

let passed = 0;
let failed = 0;
// An unhandled promise rejection in this script fails it, with the reason.
process.on('unhandledRejection', (e) => {
  console.log(`  FAIL unhandled promise rejection in the test script — ${e instanceof Error ? e.stack : String(e)}`);
  failed++;
  finish();
});
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}
function finish(extra) {
  if (extra) console.log(extra);
  console.log(`${passed} passed, ${failed} failed (${secs()})`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

// ---------------------------------------------------------------- the hostile draft
const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  link: '<a href="javascript:window.__pwned=3">x</a>',
  svg: '"><svg onload=window.__pwned=4>',
  textarea: '</textarea>',
  template: '${window.__pwned=5}`;window.__pwned=5;`',
  singleQuote: "' onmouseover='window.__pwned=6' x='",
  doubleQuote: '" autofocus onfocus="window.__pwned=7',
  details: '<details open ontoggle="alert(8)">',
  iframe: '<iframe srcdoc="<script>parent.__pwned=9</script>"></iframe>',
  entities: '&lt;b&gt; &amp;amp; &#60;script&#62;',
  comment: '<!-- --!> </pre></td></table><style>body{display:none}</style>',
};
const H = HOSTILE;

const OLDER = `CYBERCRIME BILL (FIRST DRAFT)

PART 2 — OFFENCES

Section 1: Interpretation
In this Act "ICT system" means any device that processes electronic data.

Section 3: Illegal access
A person who intentionally and without right accesses the whole or any part of an ICT system commits an offence.

Section 4: Interception
A person who intentionally and without right intercepts a non-public transmission of electronic data commits an offence.

Section 5: Production orders
A police officer may order a person to produce electronic data.

Section 7: Repealed provision
This section is repealed.
`;

const NEWER = `CYBERCRIME BILL ${H.comment}

PART 2 — OFFENCES

Section 1: Interpretation ${H.textarea}
In this Act "${H.script}" means any device; "ICT system" means any device ${H.img} that processes electronic data ${H.entities}.

Section 3: Illegal access ${H.script}
A person who intentionally and without right accesses the whole or any part of an ICT system ${H.img} commits an offence ${H.link} ${H.details} ${H.iframe}.

Section 4: Interception ${H.svg} ${H.textarea}
A person who intentionally and without right intercepts ${H.template} a non-public transmission of electronic data commits an offence ${H.singleQuote} ${H.doubleQuote}.

Section 5: Production orders ${H.img}
A police officer may order a person to produce ${H.link} electronic data ${H.template} ${H.comment}.

Section 6: False news ${H.singleQuote}
A person who publishes false news ${H.svg} ${H.doubleQuote} by means of a computer commits an offence.
`;

// File names and labels are hostile too (the table and the version comparison show them).
const URI_NEWER = `file:///ws/${encodeURIComponent(`bill ${H.img}`)}.draft`;
const URI_OTHER = `file:///ws/${encodeURIComponent(H.script)}.draft`;
const URI_OLDER = `file:///ws/${encodeURIComponent(`older ${H.svg}`)}.draft`;

// ---------------------------------------------------------------- 1. bundle the real builders
const libFile = path.join(root, 'out/test/webviews/lib.js');
say('bundling client/src/html.ts and server/src/analysis with esbuild');
await build({
  stdin: {
    contents: [
      "export * as html from './client/src/html';",
      "export { createAnalyzer } from './server/src/analysis/engine';",
      "export { buildComparison } from './server/src/analysis/compare';",
      "export { buildTable } from './server/src/analysis/table';",
      "export { compareVersions } from './server/src/analysis/versionCompare';",
      "export { TokenIndex } from './server/src/analysis/cues';",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'webview-test-entry.ts',
    loader: 'ts',
  },
  outfile: libFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
const lib = require(libFile);
const { html } = lib;

// ---------------------------------------------------------------- 2. analyse, build models and pages
const { analyzer, problems } = lib.createAnalyzer(path.join(root, 'data'));
if (!analyzer) finish(`test:webviews: the convention data did not load: ${problems.map((p) => `${p.file} at ${p.jsonPath}: ${p.message}`).join('; ')}`);
const newer = analyzer.analyze(NEWER);
const older = analyzer.analyze(OLDER);

/** The cue finder the server's concordance/compare request uses (server/src/lsp/compare.ts). */
function findCueFor(text) {
  const cues = analyzer.matcher.cues;
  const indexes = new Map();
  return (c, lang, span) => {
    const key = `${lang}:${span.start}:${span.end}`;
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new lib.TokenIndex(cues.run(text, lang, span))));
    let compiled = cues.compileAll(c, lang);
    if (compiled.length === 0 && lang !== 'en') compiled = cues.compileAll(c, 'en');
    return index.findAny(compiled)?.span;
  };
}
function comparison(provisionId, mode, article) {
  const m = lib.buildComparison({ data: analyzer.data, uri: URI_NEWER, text: NEWER, analysis: newer, provisionId, mode, findCue: findCueFor(NEWER), ...(article ? { article } : {}) });
  if (!m) finish(`test:webviews: no comparison for ${provisionId}: the hostile draft no longer parses or matches as expected`);
  return m;
}

const present = (...texts) => Object.values(HOSTILE).filter((s) => texts.some((t) => typeof t === 'string' && t.includes(s)));
const pages = [];
function addPage(name, view, title, body, state, literal, extra = {}) {
  pages.push({ name, view, title, body, state, literal, ...extra });
}

for (const [id, mode] of [
  ['part-2/s-1', 'article'],
  ['part-2/s-3', 'article'],
  ['part-2/s-5', 'article'],
  ['part-2/s-4', 'budapest'],
]) {
  const m = comparison(id, mode);
  const state = { kind: 'comparison', uri: URI_NEWER, mode, article: m.article.number, provision: m.provision.id, position: m.provision.range.start };
  addPage(`comparison ${id} (${mode})`, 'comparison', html.comparisonTitle(m), html.comparisonBody(m), state, present(m.provision.text, m.provision.heading), { evidence: m.elements.some((e) => e.present && e.span) });
}
{
  const t = lib.buildTable(analyzer.data, [
    { file: URI_NEWER, text: NEWER, analysis: newer },
    { file: URI_OTHER, text: OLDER, analysis: older },
  ]);
  const headings = t.chapters.flatMap((c) => c.rows.flatMap((r) => r.provisions.map((p) => p.heading ?? '')));
  const names = t.files.map((f) => decodeURIComponent(f));
  addPage('concordance table', 'table', 'Concordance table', html.tableBody(t, { scope: 'workspace', canShowWorkspace: true }), { kind: 'table', scope: 'workspace', uri: URI_NEWER }, present(...headings, ...names), { table: t });
}
{
  const v = lib.compareVersions(older, OLDER, newer, NEWER, analyzer.data);
  const labels = { a: `older ${H.svg}.draft (HEAD)`, b: `bill ${H.img}.draft`, uriA: URI_OLDER, uriB: URI_NEWER, canDiff: true };
  const headings = v.provisions.filter((p) => p.change !== 'unchanged').flatMap((p) => [p.a?.heading, p.b?.heading]);
  addPage('version comparison', 'versions', `${labels.a} ↔ ${labels.b}`, html.versionsBody(v, labels), { kind: 'versions', older: URI_OLDER, newer: URI_NEWER }, present(labels.a, labels.b, ...headings), { versions: v });
}
{
  const message = `The draft ${decodeURIComponent(URI_NEWER)} cannot be opened any more.`;
  addPage('message', 'message', `Comparison ${H.script}`, html.messageBody(`Comparison ${H.script}`, message, [{ action: 'retry', label: `Try again ${H.doubleQuote}`, data: { uri: URI_NEWER } }]), { kind: 'comparison', uri: URI_NEWER }, present(H.script, message, H.doubleQuote));
}

// ---------------------------------------------------------------- 3. the browser (from the vscode-e2e harness)
const cache = process.env.VSCODE_E2E_CACHE || '/tmp/vscode-harness';
const chromiumPath = process.env.VSCODE_E2E_CHROMIUM || '/usr/bin/chromium';
const playwrightDir = path.join(cache, 'tools/node_modules/playwright-core');
if (!fs.existsSync(chromiumPath) || !fs.existsSync(playwrightDir)) {
  const runSh = process.env.VSCODE_E2E_RUN || path.resolve(root, '../shared/tools/vscode-e2e/run.sh');
  if (!fs.existsSync(runSh)) finish(`test:webviews: no browser: ${chromiumPath} or ${playwrightDir} is missing and there is no vscode-e2e harness at ${runSh} to install them`);
  say(`installing chromium + playwright-core with the vscode-e2e harness (${runSh} setup)`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE'));
  const r = spawnSync('bash', [runSh, 'setup'], { stdio: 'inherit', env });
  if (r.status !== 0 || !fs.existsSync(chromiumPath) || !fs.existsSync(playwrightDir)) finish(`test:webviews: the vscode-e2e setup failed (exit ${r.status})`);
}
const { chromium } = require(playwrightDir);

const limit = Number(process.env.CONCORDANCE_WEBVIEW_TEST_TIMEOUT) || 180;
let browserContext;
let userDataDir;
const watchdog = setTimeout(() => {
  check(`the whole test finishes within ${limit}s`, false);
  browserContext?.close().catch(() => {});
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  finish();
}, limit * 1000);

// ---------------------------------------------------------------- 4. the loopback server (cspSource)
const served = new Map(); // path -> { type, body() }
const requests = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  requests.push(url.pathname);
  const entry = served.get(url.pathname);
  if (!entry || req.method !== 'GET') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': entry.type, 'cache-control': 'no-store' }).end(entry.body());
});
await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
// Bounded: the server closes itself even if this script is stuck.
setTimeout(() => server.close(), (limit + 10) * 1000).unref();
served.set('/media/webview.js', { type: 'text/javascript; charset=utf-8', body: () => fs.readFileSync(path.join(root, 'media/webview.js')) });
served.set('/media/webview.css', { type: 'text/css; charset=utf-8', body: () => fs.readFileSync(path.join(root, 'media/webview.css')) });
pages.forEach((p, i) => {
  p.nonce = html.makeNonce();
  p.path = `/page/${i}.html`;
  p.html = html.page({ title: p.title, cspSource: origin, nonce: p.nonce, styleUri: `${origin}/media/webview.css`, scriptUri: `${origin}/media/webview.js`, body: p.body, state: p.state, view: p.view });
  served.set(p.path, { type: 'text/html; charset=utf-8', body: () => p.html });
});
say(`serving ${pages.length} pages and media/ on ${origin}`);

// What the webview host provides (acquireVsCodeApi) plus the recorders the checks read.
const INIT_SCRIPT = `(() => {
  const posted = [], violations = [];
  let state, acquired = 0;
  Object.defineProperty(window, '__test', { value: Object.freeze({ posted, violations, state: () => state, acquired: () => acquired }) });
  window.acquireVsCodeApi = () => {
    if (++acquired > 1) throw new Error('acquireVsCodeApi called twice');
    return Object.freeze({
      postMessage: (m) => { posted.push(JSON.parse(JSON.stringify(m))); },
      getState: () => state,
      setState: (s) => { state = JSON.parse(JSON.stringify(s)); return s; },
    });
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample, disposition: e.disposition });
  }, true);
})();`;

// ---------------------------------------------------------------- 5. the checks
userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-webviews-profile-'));
say(`starting ${chromiumPath} (headless, fresh profile)`);
browserContext = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
browserContext.setDefaultTimeout(10_000);
await browserContext.addInitScript({ content: INIT_SCRIPT });

const seenLiterally = new Set();
for (const p of pages) {
  try {
    await checkPage(p);
  } catch (e) {
    check(`the checks of the ${p.name} page ran to the end`, false, e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}
const missed = Object.entries(HOSTILE).filter(([, s]) => !seenLiterally.has(s)).map(([k]) => k);
check('every hostile string was shown literally on some page', missed.length === 0, missed.length ? `never shown: ${missed.join(', ')}` : `${Object.keys(HOSTILE).length} strings`);
check('the pages loaded webview.js and webview.css from the loopback server', requests.includes('/media/webview.js') && requests.includes('/media/webview.css'));

await browserContext.close().catch(() => {});
fs.rmSync(userDataDir, { recursive: true, force: true });
server.close();
clearTimeout(watchdog);
finish();

async function checkPage(p) {
  console.log(`${p.name} (${p.path})`);
  const page = await browserContext.newPage();
  const dialogs = [];
  const pageErrors = [];
  const offsite = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin + '/') && !r.url().startsWith('data:')) offsite.push(r.url());
  });
  const pwned = () => page.evaluate(() => ({ pwned: window.__pwned, parentPwned: window.parent.__pwned, probe: window.__cspProbe }));
  const nothingRan = (r) => r.pwned === undefined && r.parentPwned === undefined && dialogs.length === 0;
  const url = origin + p.path;

  await page.goto(url, { waitUntil: 'load' });
  const ran = await page
    .waitForFunction(() => window.__test.acquired() > 0, null, { timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  // Let anything the page queued (image errors, toggle events, focus) run before looking.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));

  check('webview.js ran (acquireVsCodeApi called once) without errors', ran && pageErrors.length === 0, pageErrors.join('; '));
  let r = await pwned();
  check('nothing executed on load (window.__pwned undefined, no dialog)', nothingRan(r), JSON.stringify({ ...r, dialogs }));

  const dom = await page.evaluate(() => {
    const bad = [];
    const dangerous = new Set(['IMG', 'SVG', 'svg', 'A', 'IFRAME', 'OBJECT', 'EMBED', 'TEXTAREA', 'FORM', 'BASE', 'STYLE', 'LINK', 'META', 'DETAILS']);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
        if (/^[\s\u0000-\u001f]*(javascript|vbscript|data):/i.test(a.value) && a.name !== 'data-state') bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
        if (a.name === 'autofocus' || a.name === 'srcdoc') bad.push(`${el.tagName} ${a.name}`);
      }
      if (dangerous.has(el.tagName)) {
        const ours =
          (el.tagName === 'LINK' && el.parentElement === document.head && el.getAttribute('rel') === 'stylesheet') ||
          (el.tagName === 'META' && el.parentElement === document.head) ||
          (el.tagName === 'DETAILS' && !el.hasAttribute('open') && el.closest('tr.diff-row'));
        if (!ours) bad.push(el.tagName);
      }
    }
    const scripts = [...document.scripts].map((s) => s.src);
    const cspMeta = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return { bad, scripts, csp: cspMeta?.getAttribute('content'), metas: document.querySelectorAll('meta[http-equiv]').length, jsLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length };
  });
  check('no hostile element, event handler or javascript: URL in the DOM', dom.bad.length === 0 && dom.jsLinks === 0, dom.bad.slice(0, 8).join('; '));
  check('one script (media/webview.js) and the CSP meta as built', dom.scripts.length === 1 && dom.scripts[0] === `${origin}/media/webview.js` && dom.metas === 1 && dom.csp === html.contentSecurityPolicy(origin, p.nonce), JSON.stringify(dom.scripts));

  const text = await page.evaluate(() => document.body.innerText);
  const missing = p.literal.filter((s) => !text.includes(s));
  for (const s of p.literal) if (text.includes(s)) seenLiterally.add(s);
  check(`the hostile strings show literally (${p.literal.length})`, p.literal.length > 0 && missing.length === 0, missing.map((s) => JSON.stringify(s)).join(', '));
  if (p.evidence) check('evidence is highlighted inside the escaped provision text', await page.locator('pre.provision mark.evidence').count() > 0);

  const styled = await page.evaluate(() => {
    const s = document.createElement('span');
    s.className = 'sr-only';
    document.body.append(s);
    const pos = getComputedStyle(s).position;
    s.remove();
    return pos;
  });
  check('webview.css applied (loaded under the CSP)', styled === 'absolute', `.sr-only position: ${styled}`);

  const state = await page.evaluate(() => window.__test.state());
  check('the page state round-trips through data-state and setState', !!state && JSON.stringify({ ...state, filters: undefined }) === JSON.stringify({ ...p.state, filters: undefined }), JSON.stringify(state)?.slice(0, 200));

  // Click every control: each posts its message with its data; nothing runs; no navigation.
  const controls = await page.$$('button, a, summary, [data-action], [tabindex], input[type="button"], input[type="submit"]');
  const problemsClicking = [];
  let clicked = 0;
  for (const el of controls) {
    const info = await el.evaluate((e) => ({ tag: e.tagName, action: e.getAttribute('data-action'), data: { ...e.dataset }, href: e.getAttribute('href') }));
    if (info.href && /^\s*javascript:/i.test(info.href)) continue; // counted above: there must be none
    const before = await page.evaluate(() => window.__test.posted.length);
    if (await el.isVisible()) await el.click({ timeout: 3000 });
    else await el.dispatchEvent('click');
    clicked++;
    const after = await page.evaluate(() => ({ posted: window.__test.posted.slice(), pwned: window.__pwned, url: location.href }));
    if (after.pwned !== undefined) problemsClicking.push(`${info.tag} ${info.action}: __pwned=${after.pwned}`);
    if (after.url !== url) problemsClicking.push(`${info.tag} ${info.action}: navigated to ${after.url}`);
    if (info.action) {
      const msg = after.posted[before];
      const { action, ...data } = info.data;
      if (after.posted.length !== before + 1 || msg.type !== action || JSON.stringify(msg.data) !== JSON.stringify(data)) problemsClicking.push(`${action}: posted ${JSON.stringify(after.posted.slice(before))}`);
    }
  }
  r = await pwned();
  const posted = await page.evaluate(() => window.__test.posted);
  check(`clicked ${clicked} controls: each posted its message and data, nothing executed, no navigation`, clicked > 0 && problemsClicking.length === 0 && nothingRan(r), problemsClicking.slice(0, 5).join('; ') || (nothingRan(r) ? '' : JSON.stringify({ ...r, dialogs })));
  const reveal = posted.find((m) => m.type === 'reveal' && m.data.uri);
  if (reveal) check('a reveal message carries the hostile draft URI unchanged', [URI_NEWER, URI_OTHER, URI_OLDER].includes(reveal.data.uri), reveal.data.uri);

  if (p.view === 'comparison' || p.view === 'table') await checkLayout(page, p);
  if (p.view === 'table') await checkTableFilters(page, p);

  // The CSP in force: an injected inline script and inline handler must be blocked, and reported.
  const loadViolations = await page.evaluate(() => window.__test.violations.slice());
  if (loadViolations.length) console.log(`       note: the CSP blocked ${loadViolations.length} thing(s) before the probe: ${JSON.stringify(loadViolations.slice(0, 3))}`);
  const probe = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const s = document.createElement('script');
        s.textContent = 'window.__cspProbe = "inline script";';
        document.body.append(s);
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__cspProbe = "inline handler";');
        img.addEventListener('error', () => setTimeout(() => resolve({ probe: window.__cspProbe, violations: window.__test.violations.map((v) => v.directive) }), 50));
        img.src = '/no-such-image.png';
        document.body.append(img);
        setTimeout(() => resolve({ probe: window.__cspProbe, violations: window.__test.violations.map((v) => v.directive), timeout: true }), 3000);
      }),
  );
  const blocked = probe.violations.slice(loadViolations.length);
  check(
    'the CSP is enforced: an injected inline script and inline handler are blocked and reported',
    probe.probe === undefined && blocked.includes('script-src-elem') && blocked.includes('script-src-attr'),
    JSON.stringify(probe),
  );
  check('no request left 127.0.0.1', offsite.length === 0, offsite.slice(0, 3).join(', '));
  check('no dialog opened at any point', dialogs.length === 0, dialogs.join('; '));
  // Errors and unhandled promise rejections in the page fail it, after every click too. The
  // detector itself is tried: a rejection made on purpose must be reported as a page error.
  const errorsSeen = pageErrors.slice();
  check('no error or unhandled promise rejection in the page at any point', errorsSeen.length === 0, errorsSeen.join('; '));
  const probeSeen = page.waitForEvent('pageerror', { predicate: (e) => e.message.includes('concordance-rejection-probe'), timeout: 5000 }).then(() => true, () => false);
  await page.evaluate(() => void Promise.reject(new Error('concordance-rejection-probe')));
  check('an unhandled rejection made in the page on purpose is caught (the check above can fail)', await probeSeen);
  await page.close();
}

// In a normal split (700 px wide): the comparison shows the draft and the article side by side, the draft
// kept in view while the article scrolls; the table fits without a horizontal scroll bar. Below 600 px
// the comparison stacks.
async function checkLayout(page, p) {
  await page.setViewportSize({ width: 700, height: 600 });
  const shots = process.env.CONCORDANCE_WEBVIEW_SHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${p.name.replace(/[^a-z0-9]+/gi, '-')}-700px.png`) });
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(`${p.view} at 700 px: no horizontal scrolling`, overflow <= 1, `${overflow} px too wide`);
  if (p.view === 'comparison') {
    const at = (scroll) =>
      page.evaluate((y) => {
        window.scrollTo(0, y);
        const box = (sel) => document.querySelector(sel)?.getBoundingClientRect();
        const d = box('section.column.draft');
        const a = box('section.column.article');
        return d && a ? { dl: d.left, dr: d.right, dt: d.top, al: a.left, at: a.top, ah: a.height, scrolled: window.scrollY } : null;
      }, scroll);
    const top = await at(0);
    check('comparison at 700 px: two columns, the draft on the left', !!top && top.dr <= top.al && Math.abs(top.dt - top.at) < 2 && top.dr - top.dl > 250, JSON.stringify(top));
    const down = await at(100000);
    if (down && down.scrolled > 0 && down.ah > 600) check('comparison at 700 px: the draft stays in view while the article scrolls', down.dt >= -1 && down.dt < 50, JSON.stringify(down));
    await page.setViewportSize({ width: 500, height: 600 });
    const narrow = await at(0);
    check('comparison at 500 px: one column (the article under the draft)', !!narrow && narrow.at > narrow.dt && Math.abs(narrow.al - narrow.dl) < 2, JSON.stringify(narrow));
    await page.evaluate(() => window.scrollTo(0, 0));
  } else {
    const cols = await page.evaluate(() => [...document.querySelectorAll('table.concordance thead th')].map((th) => th.getBoundingClientRect().right));
    check('table at 700 px: every column is within the page', cols.length > 0 && cols.every((r) => r <= 701), JSON.stringify(cols.map(Math.round)));
  }
  await page.setViewportSize({ width: 1200, height: 900 });
}

async function checkTableFilters(page, p) {
  const rows = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('tr.article-row')].map((tr) => ({ shown: tr.getClientRects().length > 0, status: tr.dataset.status, chapter: tr.dataset.chapter, text: tr.innerText })),
    );
  const count = () => page.locator('#filter-count').textContent();
  const all = await rows();
  check('table: every article row is shown before filtering', all.length > 0 && all.every((x) => x.shown) && (await count()) === `${all.length} articles`, `${all.length} rows, count "${await count()}"`);

  await page.selectOption('#filter-status', 'missing');
  let now = await rows();
  let shown = now.filter((x) => x.shown);
  check(
    'table: the status filter hides the other rows',
    shown.length > 0 && shown.length < all.length && shown.every((x) => x.status === 'missing') && now.filter((x) => !x.shown).every((x) => x.status !== 'missing') && (await count()) === `${shown.length} of ${all.length} articles shown`,
    `${shown.length} of ${all.length} shown, count "${await count()}"`,
  );
  const state = await page.evaluate(() => window.__test.state());
  check('table: the filters are saved with setState', state?.filters?.status === 'missing', JSON.stringify(state?.filters));

  await page.selectOption('#filter-status', '');
  await page.fill('#filter-text', 'window.__pwned=1');
  now = await rows();
  shown = now.filter((x) => x.shown);
  check('table: searching for hostile text finds the rows whose provision heading holds it', shown.length > 0 && shown.every((x) => x.text.includes(HOSTILE.script)), `${shown.length} shown`);

  await page.fill('#filter-text', 'no article has this text');
  const none = await page.evaluate(() => ({ note: document.getElementById('no-rows')?.getClientRects().length ?? 0, groups: [...document.querySelectorAll('tbody[data-chapter]')].filter((g) => g.getClientRects().length > 0).length }));
  check('table: no match shows the "No article matches" note and hides every chapter', none.note > 0 && none.groups === 0, JSON.stringify(none));

  await page.fill('#filter-text', '');
  const chapter = p.table.chapters[1]?.chapter ?? p.table.chapters[0].chapter;
  await page.selectOption('#filter-chapter', chapter);
  now = await rows();
  shown = now.filter((x) => x.shown);
  check(`table: the chapter filter shows only chapter ${chapter}`, shown.length > 0 && shown.every((x) => x.chapter === chapter), `${shown.length} shown`);
  await page.selectOption('#filter-chapter', '');
}
