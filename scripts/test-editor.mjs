#!/usr/bin/env node
// `npm run test:editor`: the integration tests in a real VS Code.
//  1. builds the extension (npm run build) and the test bundles (out/test/suite/);
//  2. copies examples/ into a temporary workspace folder, so tests never touch the repo's files;
//  3. runs the suite
//     - with the vscode-e2e harness (../shared/tools/vscode-e2e/run.sh, or $VSCODE_E2E_RUN): code-server,
//       a VS Code 1.139 workbench with a Node extension host, installed from npm + apt only (offline CI);
//     - else with @vscode/test-electron (downloads VS Code, or uses $CONCORDANCE_VSCODE_PATH);
//     - else fails with a message saying why.
//  4. with the harness (and no --grep): scripts/test-webviews.mjs, the webviews on a hostile draft in its chromium,
//     scripts/test-hover-click.mjs, a hover link clicked in the workbench, and the "display language" tests
//     (client/src/test/suite/l10n.test.ts) again under a Spanish and a French display language.
// The exit code is the tests' result. Options: --grep <text> (only matching tests), --keep (keep the workspace),
// --locale es|fr (the whole run under that display language; see displayLanguage below).
// Results and logs: out/editor-tests/ (test-output.log, result.json, logs/), or $CONCORDANCE_EDITOR_TEST_OUT.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const keep = argv.includes('--keep');
const grep = opt('--grep');
const locale = opt('--locale');
if (locale !== undefined && !/^[a-z]{2}(-[a-z]{2})?$/i.test(locale)) fail(`--locale takes a language code such as es or fr, not "${locale}"`, 2);
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`;
const say = (m) => console.log(`[test:editor ${secs()}] ${m}`);

function run(cmd, args, extra = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...extra });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
function fail(message, code = 1) {
  console.error(`test:editor: ${message}`);
  process.exit(code);
}

// ---------------------------------------------------------------- build
say('building the extension (npm run build)');
if (run('npm', ['run', 'build']) !== 0) fail('npm run build failed');
if (run(process.execPath, ['scripts/build-editor-tests.mjs']) !== 0) fail('building the editor tests failed');
const testsModule = path.join(root, 'out/test/suite/index.js');
if (!fs.existsSync(path.join(root, 'out/extension.js'))) fail('out/extension.js is missing after the build');

// ---------------------------------------------------------------- workspace + output
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-editor-ws-'));
fs.cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const outDir = path.resolve(process.env.CONCORDANCE_EDITOR_TEST_OUT || path.join(root, 'out/editor-tests'));
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const env = harnessEnv();
if (grep) env.CONCORDANCE_TEST_GREP = grep;
say(`workspace ${workspace} (a copy of examples/); results in ${path.relative(root, outDir) || outDir}`);

let status;
const harness = process.env.VSCODE_E2E_RUN || path.resolve(root, '../shared/tools/vscode-e2e/run.sh');
if (fs.existsSync(harness)) {
  status = runWithHarness(harness);
} else {
  say(`no vscode-e2e harness at ${harness}; trying @vscode/test-electron`);
  status = await runWithTestElectron();
}
summarize(status);
if (status === 0 && !keep) fs.rmSync(workspace, { recursive: true, force: true });
else say(`workspace kept: ${workspace}`);
if (fs.existsSync(harness) && !grep) {
  // The webviews in the harness's chromium, on a hostile draft (nothing executes, text shows literally).
  say('webview security test (scripts/test-webviews.mjs)');
  const webviews = run(process.execPath, ['scripts/test-webviews.mjs'], { env });
  say(webviews === 0 ? 'webview security test PASSED' : `webview security test FAILED (exit ${webviews})`);
  if (status === 0) status = webviews;
  // A hover link clicked in the workbench (trusted for Concordance's commands only).
  say('hover link click test (scripts/test-hover-click.mjs)');
  const click = run(process.execPath, ['scripts/test-hover-click.mjs'], { env });
  say(click === 0 ? 'hover link click test PASSED' : `hover link click test FAILED (exit ${click})`);
  if (status === 0) status = click;
  // The display-language tests under a Spanish and a French VS Code (the English run was above).
  if (!locale) {
    for (const lang of ['es', 'fr']) {
      say(`display language ${lang}: the "display language" tests (l10n.test.ts) under --locale ${lang}`);
      const ws = fs.mkdtempSync(path.join(os.tmpdir(), `concordance-editor-ws-${lang}-`));
      fs.cpSync(path.join(root, 'examples'), path.join(ws, 'examples'), { recursive: true });
      const out = path.join(outDir, `locale-${lang}`);
      const display = displayLanguage(lang);
      const langEnv = { ...env, ...display.env, CONCORDANCE_TEST_GREP: 'display language' };
      const code = run('bash', [harness, ...display.args, 'test', root, testsModule, ws, out], { env: langEnv, stdio: ['ignore', 'ignore', 'inherit'] });
      const log = fs.existsSync(path.join(out, 'test-output.log')) ? fs.readFileSync(path.join(out, 'test-output.log'), 'utf8') : '';
      const counts = /^\s*\d+ passing.*$/m.exec(log)?.[0].trim() ?? '(no mocha summary)';
      const failing = /^\s*\d+ failing.*$/m.exec(log)?.[0].trim();
      say(`display language ${lang}: ${code === 0 ? 'PASSED' : `FAILED (exit ${code})`}: ${counts}${failing ? ', ' + failing : ''}${code === 0 ? '' : ` (see ${path.relative(root, out)}/test-output.log)`}`);
      if (code !== 0) console.log(log.replace(/\x1b\[[0-9;]*m/g, ''));
      fs.rmSync(path.dirname(display.env.CONCORDANCE_TEST_LANGUAGE_PACK), { recursive: true, force: true });
      if (code === 0) fs.rmSync(ws, { recursive: true, force: true });
      if (status === 0) status = code;
    }
  }
}
process.exit(status);

// ---------------------------------------------------------------- runners
/**
 * The environment for run.sh, without what `npm run` added. Inherited npm_config_* variables are read
 * as config by every npm below: the harness's own `npm run postinstall` of code-server would then see
 * this npm's `npm_config_user_agent` ("node/v20") and refuse to build for Node 24.
 */
function harnessEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE') continue;
    env[k] = v;
  }
  if (env.PATH) {
    env.PATH = env.PATH.split(path.delimiter)
      .filter((d) => !/[\\/]node_modules[\\/]\.bin$/.test(d) && !/node-gyp-bin$/.test(d))
      .join(path.delimiter);
  }
  return env;
}

/**
 * A VS Code display language for the harness's workbench, set as a user sets it: a language pack for
 * it is installed, `"locale"` is written into argv.json (what "Configure Display Language" writes),
 * and the window is reloaded. code-server then resolves the workbench's language from argv.json and
 * the installed packs, and that language is `vscode.env.language` in the extension host: the
 * extension reads package.nls.<lang>.json and l10n/bundle.l10n.<lang>.json, and its server gets it
 * as the initialize request's `locale`.
 * run.sh has no option for any of this (no --locale, no argv.json, and packs given with `--also`
 * are installed by code-server's command line, which does not record them as language packs), so
 * the test runner does it from inside the window (client/src/test/suite/index.ts) with what this
 * function gives it: CONCORDANCE_TEST_LOCALE and CONCORDANCE_TEST_LANGUAGE_PACK, a stand-in pack
 * packed here with the harness's vsce (none can be downloaded offline). The stand-in contributes the
 * language and translates none of the workbench's own strings: VS Code's menus stay English.
 */
function displayLanguage(lang) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `concordance-display-${lang}-`));
  const pack = path.join(dir, 'pack');
  fs.mkdirSync(path.join(pack, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(pack, 'package.json'), JSON.stringify({
    name: `concordance-test-language-pack-${lang}`,
    displayName: `Concordance editor tests: display language ${lang}`,
    description: 'A stand-in language pack: it makes the language selectable and translates nothing.',
    publisher: 'concordance-test',
    version: '0.0.1',
    license: 'MIT',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: lang, languageName: lang, localizedLanguageName: lang, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }, null, 2));
  fs.writeFileSync(path.join(pack, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(pack, 'README.md'), 'A stand-in language pack for the Concordance editor tests.\n');
  const vsce = path.join(process.env.VSCODE_E2E_CACHE || '/tmp/vscode-harness', 'tools/node_modules/.bin/vsce');
  const vsix = path.join(dir, `language-pack-${lang}.vsix`);
  const packed = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: pack, env: harnessEnv(), encoding: 'utf8' });
  if (packed.status !== 0) fail(`could not pack the stand-in language pack for ${lang} with ${vsce}: ${packed.stderr || packed.error}`);
  return { env: { CONCORDANCE_TEST_LOCALE: lang, CONCORDANCE_TEST_LANGUAGE_PACK: vsix }, args: [] };
}

function runWithHarness(runSh) {
  // run.sh itself needs curl (health check) besides what its setup installs (chromium, iproute2, libkrb5-dev).
  if (spawnSync('sh', ['-c', 'command -v curl']).status !== 0) {
    if (process.getuid?.() === 0) {
      say('installing curl (apt), which the harness uses for its health check');
      run('sh', ['-c', 'apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null']);
    } else say('warning: curl is missing; the harness will wait its full start-up timeout');
  }
  say(`vscode-e2e setup (${runSh}; the first run installs code-server + chromium, ~2-3 min)`);
  const setup = run('bash', [runSh, 'setup'], { env });
  if (setup !== 0) fail(`the vscode-e2e setup failed (exit ${setup}); see its output above`, setup);
  const display = locale ? displayLanguage(locale) : { env: {}, args: [] };
  say(`running the suite in code-server${locale ? ` under the display language ${locale}` : ''}`);
  return run('bash', [runSh, ...display.args, 'test', root, testsModule, workspace, outDir], { env: { ...env, ...display.env } });
}

async function runWithTestElectron() {
  let runTests;
  try {
    ({ runTests } = await import('@vscode/test-electron'));
  } catch (e) {
    fail(`no VS Code to test in: the vscode-e2e harness is not at ${harness} and @vscode/test-electron is not installed (${e.message})`);
  }
  try {
    return await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: testsModule,
      vscodeExecutablePath: process.env.CONCORDANCE_VSCODE_PATH || undefined,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: grep ? { CONCORDANCE_TEST_GREP: grep } : undefined,
    });
  } catch (e) {
    const msg = String(e?.message ?? e);
    if (/download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|network/i.test(msg)) {
      fail(
        'no VS Code to test in: the vscode-e2e harness is not at ' + harness +
          ' and @vscode/test-electron could not download VS Code (offline?).\n' +
          '  Put the harness there (or set VSCODE_E2E_RUN), or set CONCORDANCE_VSCODE_PATH to a local VS Code executable.\n' +
          `  (${msg.split('\n')[0]})`,
      );
    }
    console.error(`test:editor: the tests failed: ${msg.split('\n')[0]}`);
    return 1;
  }
}

function summarize(code) {
  const log = path.join(outDir, 'test-output.log');
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '') : '';
  const counts = ['passing', 'pending', 'failing']
    .map((k) => new RegExp(`^\\s*(\\d+) ${k}\\b.*$`, 'm').exec(text)?.[0].trim())
    .filter(Boolean);
  const rejections = /^(\d+) unhandled promise rejection\(s\)/m.exec(text)?.[0];
  if (rejections) counts.push(rejections.replace(/:.*$/, ''));
  const line = counts.length ? counts.join(', ') : '(no mocha summary; see the output above)';
  say(`${code === 0 ? 'PASSED' : `FAILED (exit ${code})`}: ${line}`);
}
