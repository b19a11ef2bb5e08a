// The bundles as the packaged extension ships them (.vscodeignore keeps out/*.js and data/, no
// node_modules): copied to a folder outside the repository, where no node_modules can be found,
// the CLI reads a PDF through out/pdfjs.js (PDF.js bundled by scripts/build.mjs) like the checkout does.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { AKN_ACT_PLAIN } from '../unit/helpers/formatDrafts';
import { pdfOf } from '../unit/helpers/pdfFixture';

const ROOT = path.resolve(__dirname, '../../../..');

interface Report {
  format: string;
  provisions: { id: string }[];
  diagnostics: { code: string }[];
  notices?: string[];
}

describe('the packaged bundles read PDF without node_modules', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    for (const f of ['cli.js', 'reader.js', 'pdfjs.js', 'validators.js']) assert.ok(fs.existsSync(path.join(ROOT, 'out', f)), `out/${f} is missing: run "npm run build"`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-bundle-'));
    // What the .vsix holds of the CLI: its bundle and its reading worker's, PDF.js's bundle, the data's compiled validators and the data.
    fs.mkdirSync(path.join(dir, 'ext/out'), { recursive: true });
    for (const f of ['cli.js', 'reader.js', 'pdfjs.js', 'validators.js']) fs.copyFileSync(path.join(ROOT, 'out', f), path.join(dir, 'ext/out', f));
    fs.cpSync(path.join(ROOT, 'data'), path.join(dir, 'ext/data'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'ext/package.json'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('no node_modules is within reach of the copy', () => {
    assert.throws(() => createRequire(path.join(dir, 'ext/out/cli.js')).resolve('pdfjs-dist/legacy/build/pdf.mjs'), /Cannot find module/);
  });

  it('the copied CLI reads a PDF with running headers as the plain act, and says PDF.js read it', () => {
    const pdf = path.join(dir, 'act.pdf');
    fs.writeFileSync(pdf, pdfOf(AKN_ACT_PLAIN, 8).bytes);
    const plain = path.join(dir, 'act.draft');
    fs.writeFileSync(plain, AKN_ACT_PLAIN);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: '' };
    delete env.CONCORDANCE_DATA_DIR;
    const r = spawnSync(process.execPath, [path.join(dir, 'ext/out/cli.js'), 'check', '--format', 'json', pdf, plain], { cwd: dir, encoding: 'utf8', env });
    assert.strictEqual(r.status, 0, r.stderr);
    const [fromPdf, fromText] = JSON.parse(r.stdout) as Report[];
    assert.strictEqual(fromPdf.format, 'pdf');
    assert.match((fromPdf.notices ?? []).join(' '), /read from the PDF's text layer/);
    assert.deepStrictEqual(fromPdf.provisions.map((p) => p.id), fromText.provisions.map((p) => p.id));
    assert.deepStrictEqual(fromPdf.diagnostics.map((d) => d.code), fromText.diagnostics.map((d) => d.code));
  });
});
