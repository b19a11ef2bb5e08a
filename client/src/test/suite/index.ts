// Entry point of the editor integration tests: the module @vscode/test-electron's `extensionTestsPath`
// (or vscode-e2e's `run.sh test`) loads inside the extension host. Compiled to out/test/suite/index.js
// by scripts/build-editor-tests.mjs, next to one bundle per *.test.ts.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Files that must run first, in this order: activation is observed before anything forces it. */
const FIRST = ['activation.test.js'];

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    // CONCORDANCE_TEST_GREP="hover" narrows a local run to matching tests.
    grep: process.env.CONCORDANCE_TEST_GREP || undefined,
  });
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js'));
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed.`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}

function rank(file: string): number {
  const i = FIRST.indexOf(file);
  return i < 0 ? FIRST.length : i;
}
