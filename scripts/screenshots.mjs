#!/usr/bin/env node
// `npm run screenshots`: plays docs/scenario.json in a real VS Code workbench (the vscode-e2e harness:
// code-server + chromium, offline) and saves docs/images/{hover,problems,comparison,table}.png.
// The workspace is a temporary copy of examples/. The scenario's hover line is checked against the
// example bill (section 17, the production order) and corrected in the copy that is played if the
// bill has moved. Options: --out DIR (keep the raw run: result.json, logs, every screenshot), --pack
// (install the packaged .vsix instead of loading the folder under development, built by `npm run package`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outArg = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
const pack = argv.includes('--pack');
const SHOTS = ['hover', 'problems', 'comparison', 'table'];
const MAX_BYTES = 300 * 1024;
const say = (m) => console.log(`[screenshots] ${m}`);
const fail = (m, code = 1) => {
  console.error(`screenshots: ${m}`);
  process.exit(code);
};
// run.sh gets the environment without what `npm run` added: inherited npm_config_* variables (the
// user agent "node/v20" above all) would break the harness's own npm install of code-server.
const harnessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE'));
if (harnessEnv.PATH) harnessEnv.PATH = harnessEnv.PATH.split(path.delimiter).filter((d) => !/[\\/]node_modules[\\/]\.bin$/.test(d) && !/node-gyp-bin$/.test(d)).join(path.delimiter);
const run = (cmd, args, env = cmd === 'bash' ? harnessEnv : process.env) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 1;
};

const harness = process.env.VSCODE_E2E_RUN || path.resolve(root, '../shared/tools/vscode-e2e/run.sh');
if (!fs.existsSync(harness)) fail(`the vscode-e2e harness is not at ${harness} (set VSCODE_E2E_RUN)`, 2);

say('building (npm run build)');
if (run('npm', ['run', 'build']) !== 0) fail('npm run build failed');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-screens-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const out = path.resolve(outArg || path.join(tmp, 'out'));

// The hover and the comparison go to section 17 of the example bill: check the line numbers still hold.
const scenario = JSON.parse(fs.readFileSync(path.join(root, 'docs/scenario.json'), 'utf8'));
const billLines = fs.readFileSync(path.join(root, 'examples/cybercrime-bill.draft'), 'utf8').split(/\r?\n/);
const line17 = billLines.findIndex((l) => /^17\.\s/.test(l)) + 1;
if (line17 === 0) fail('examples/cybercrime-bill.draft has no section 17');
// The scenario's line for section 17 is its first hover's; gotos to that line move with it (others,
// such as the one that scrolls the bill before the hover, stay as written).
const scenarioLine = scenario.steps.find((s) => s.hover && typeof s.hover === 'object')?.hover.line;
for (const step of scenario.steps) {
  if (step.hover && typeof step.hover === 'object' && step.hover.line !== line17) {
    say(`section 17 is on line ${line17}, not ${step.hover.line}: playing the scenario with line ${line17} (update docs/scenario.json)`);
    step.hover.line = line17;
  }
  if (typeof step.goto === 'string' && Number(step.goto.split(':')[0]) === scenarioLine && scenarioLine !== line17) step.goto = `${line17}:${step.goto.split(':')[1] ?? 1}`;
}
const scenarioFile = path.join(tmp, 'scenario.json');
fs.writeFileSync(scenarioFile, JSON.stringify(scenario, null, 2));

say(`vscode-e2e setup (${harness})`);
if (run('bash', [harness, 'setup']) !== 0) fail('the vscode-e2e setup failed', 2);
say(`playing docs/scenario.json (workspace ${workspace})`);
const status = run('bash', [harness, ...(pack ? ['--pack'] : []), root, workspace, scenarioFile, out]);

const dest = path.join(root, 'docs/images');
fs.mkdirSync(dest, { recursive: true });
const missing = [];
for (const name of SHOTS) {
  const src = path.join(out, `${name}.png`);
  if (!fs.existsSync(src)) {
    missing.push(name);
    continue;
  }
  fs.copyFileSync(src, path.join(dest, `${name}.png`));
  const size = fs.statSync(src).size;
  say(`docs/images/${name}.png  ${(size / 1024).toFixed(0)} KB${size > MAX_BYTES ? '  (over 300 KB: consider a smaller viewport in docs/scenario.json)' : ''}`);
}
const ok = status === 0 && missing.length === 0;
if (!outArg && ok) fs.rmSync(tmp, { recursive: true, force: true });
else say(`raw run (result.json, logs/, every screenshot) kept in ${out}`);
if (!ok) fail(`scenario failed (exit ${status})${missing.length ? `; not taken: ${missing.join(', ')}` : ''}`);
say('done');
