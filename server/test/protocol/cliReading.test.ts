// Structured files are read in a worker thread while the CLI loads its data (main.ts, readInWorker):
// the built CLI gives the same report as reading in one thread, and main() run from the compiled
// sources (where no worker can run the CLI's bundle) falls back to reading in its own thread.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateDraft } from '../../../bench/generate';
import { main } from '../../src/cli/main';
import { pdfOf } from '../unit/helpers/pdfFixture';
import { builtFileAndTempDir, CLI, ROOT } from './client';

describe('CLI: structured files read beside the data loading', function () {
  this.timeout(120_000);
  let tmp: string;
  let pdf: string;
  let plain: string;
  builtFileAndTempDir(CLI, 'concordance-reading-', (dir) => (tmp = dir));
  before(() => {
    const draft = generateDraft({ sizeBytes: 40_000, seed: 7, style: 'section' });
    pdf = path.join(tmp, 'law.pdf');
    fs.writeFileSync(pdf, pdfOf(draft, 46).bytes);
    // Large enough to be read in a worker (64 KB of structured files).
    assert.ok(fs.statSync(pdf).size >= 64 * 1024, `${fs.statSync(pdf).size} bytes`);
    plain = path.join(tmp, 'law.txt');
    fs.writeFileSync(plain, draft);
  });

  it('the built CLI reports a PDF read in a worker as main() in this process does, reading it here', async () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', pdf], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    let out = '';
    const code = await main(['check', '--format', 'json', pdf], (s) => {
      out += s;
      return undefined;
    });
    assert.strictEqual(code, 0);
    assert.strictEqual(r.stdout, out);
    const report = JSON.parse(out) as { format: string; provisions: unknown[] };
    assert.strictEqual(report.format, 'pdf');
    assert.ok(report.provisions.length > 50, `${report.provisions.length} provisions`);
  });

  it('a file that cannot be read is told, naming it, even when the data is bad too', () => {
    const bad = path.join(tmp, 'broken.pdf');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70 * 1024, 0x20)]));
    const dataDir = path.join(tmp, 'data');
    fs.cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'matcher.json'), '{ "weights": ');
    const r = spawnSync(process.execPath, [CLI, 'check', plain, bad], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONCORDANCE_DATA_DIR: dataDir } });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /broken\.pdf: not a readable PDF/);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
  });
});
