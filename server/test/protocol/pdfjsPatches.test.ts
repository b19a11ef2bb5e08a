// out/pdfjs.js is PDF.js with the edits of scripts/pdfjsPatches.mjs (less work per glyph of its
// text extraction, no deep copy of each page's text). They must not change what it reads: the text content of every page — strings,
// matrices, widths, heights, line ends — is the same, to the bit, as node_modules' PDF.js gives, on
// PDFs whose text is rotated, scaled, stretched, raised, kerned and spaced.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateDraft } from '../../../bench/generate';
import { buildPdf, pdfOf } from '../unit/helpers/pdfFixture';
import { builtFileAndTempDir } from './client';

const ROOT = path.resolve(__dirname, '../../../..');
const BUNDLE = path.join(ROOT, 'out/pdfjs.js');

/** Prints, as JSON, every page's text content of the PDFs named, read by the bundle (argv[1] a path) or by node_modules' PDF.js ("node_modules"). */
const READ = `
(async () => {
  const fs = require('fs');
  console.warn = () => undefined;
  let pdfjs;
  if (process.argv[1] === 'node_modules') {
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } else pdfjs = require(process.argv[1]);
  const out = [];
  for (const f of process.argv.slice(2)) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(f)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true }).promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      out.push(await page.getTextContent());
      page.cleanup();
    }
    await doc.destroy();
  }
  process.stdout.write(JSON.stringify(out));
})();`;

const TRANSFORMED = [
  'BT /F1 10 Tf 0.866 0.5 -0.5 0.866 100 500 Tm (Rotated by thirty degrees) Tj ET',
  'q 1.5 0 0 1.2 10 20 cm BT /F1 9 Tf 80 400 Td 120 Tz 2 Ts 0.5 Tc 1.5 Tw (Scaled, stretched and raised words) Tj ET Q',
  'BT /F1 11 Tf 0 1 -1 0 500 100 Tm (Turned a quarter) Tj ET',
  'BT /F1 11 Tf -1 0 0 -1 500 300 Tm (Upside down) Tj ET',
  'BT /F1 11 Tf 72 200 Td [(Ker) -120 (ned) 250 (words) -2000 (far apart)] TJ ET',
  "BT /F1 11 Tf 14 TL 72 180 Td (one) Tj 0 -13 Td (two) Tj T* (three) ' ET",
  'BT 3 Tr /F1 8 Tf 0.2 0 0 0.2 300 650 Tm (tiny invisible text) Tj ET',
].join('\n');

describe('PDF.js as bundled, with its edits (scripts/pdfjsPatches.mjs)', function () {
  this.timeout(120_000);
  let tmp: string;
  builtFileAndTempDir(BUNDLE, 'concordance-pdfjs-', (dir) => (tmp = dir));

  it('has the edits', () => {
    const bundle = fs.readFileSync(BUNDLE, 'utf8');
    assert.match(bundle, /getCurrentTextTransform\(positionScratch\)/);
    assert.doesNotMatch(bundle, /Util\.transform\(textState\.ctm, Util\.transform\(textState\.textMatrix, tsm\)\)/);
    assert.match(bundle, /obj\.stream === StreamKind\d*\.ENQUEUE && obj\.chunk && Array\.isArray\(obj\.chunk\.items\)/);
    assert.match(bundle, /textChunk\.prevTransform = getCurrentTextTransform\(textChunk\.prevTransform \?\? (void 0|undefined)\)/);
  });

  it('reads every page as node_modules’ PDF.js does, to the bit', () => {
    const files: string[] = [];
    const put = (name: string, bytes: Uint8Array) => {
      const f = path.join(tmp, name);
      fs.writeFileSync(f, bytes);
      files.push(f);
    };
    put('law.pdf', pdfOf(generateDraft({ sizeBytes: 30_000, seed: 4, style: 'section' }), 46).bytes);
    put('transformed.pdf', buildPdf({ pages: [['A heading', 'Section 1 Illegal access'], ['Second page']], header: 'Running header', pageNumbers: true, raw: TRANSFORMED }));
    const read = (which: string) => {
      const r = spawnSync(process.execPath, ['-e', READ, which, ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.strictEqual(r.status, 0, r.stderr);
      return r.stdout;
    };
    const bundled = read(BUNDLE);
    const original = read('node_modules');
    const pages = JSON.parse(bundled) as { items: { str: string; transform: number[] }[] }[];
    assert.ok(pages.length >= 5, `${pages.length} pages`);
    const items = pages.flatMap((p) => p.items);
    assert.ok(items.some((i) => i.str.includes('Rotated') && i.transform[1] !== 0), 'rotated text is read');
    assert.ok(items.some((i) => i.str.includes('far apart')), 'kerned text is read');
    assert.strictEqual(bundled, original);
  });
});
