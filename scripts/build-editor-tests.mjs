// Bundles the editor integration tests (client/src/test/suite) into out/test/suite/:
// index.js (the extensionTestsPath module exporting run()) and one bundle per *.test.ts.
// `vscode` and `mocha` stay external: the extension host provides vscode, mocha comes from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'client/src/test/suite');
const outDir = path.join(root, 'out/test/suite');

const entryPoints = fs
  .readdirSync(srcDir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(srcDir, f));

fs.rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`editor tests: ${entryPoints.length} bundles in ${path.relative(root, outDir)}/`);
