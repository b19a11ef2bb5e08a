// Bundles the extension client, the language server and the CLI into one file each (out/), and
// PDF.js with its worker into out/pdfjs.js, which the three load from beside them when a PDF is read
// (so the packaged extension, which has no node_modules, reads PDFs; with the edits of
// scripts/pdfjsPatches.mjs, which make its text extraction cheaper); and the data's JSON Schema
// validators, compiled once into out/validators.js (scripts/validators.mjs).
import { build } from 'esbuild';
import { pdfjsPatches } from './pdfjsPatches.mjs';
import { buildValidators } from './validators.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'out/cli.js' }),
  build({ ...common, entryPoints: ['server/src/cli/readerWorker.ts'], outfile: 'out/reader.js' }),
  build({
    ...common,
    entryPoints: ['server/src/formats/pdfjsBundle.ts'],
    outfile: 'out/pdfjs.js',
    // PDF.js is an ES module that asks import.meta.url for a require(); a CommonJS bundle gives it its own file's URL.
    define: { 'import.meta.url': '__pdfjsBundleUrl' },
    banner: { js: "var __pdfjsBundleUrl = require('url').pathToFileURL(__filename).href;" },
    sourcemap: false,
    // Its own licence comments are kept.
    legalComments: 'inline',
    // Less work per glyph in its text extraction, the same results (scripts/pdfjsPatches.mjs).
    plugins: [pdfjsPatches()],
  }),
  buildValidators('data/schema', 'out/validators.js', common),
]);
