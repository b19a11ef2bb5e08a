// The built CLI (out/cli.js) as a child process: huge drafts, binary files, corrupted data.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateDraft } from '../../../bench/generate';
import { ROOT } from './client';

const CLI = path.join(ROOT, 'out/cli.js');

/** Runs the CLI; stdout is collected as Buffers (a report on 20 MB is large). */
function run(args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeArgs, CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr }));
  });
}

describe('CLI (built bundle) on hostile input', function () {
  this.timeout(600_000);
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build"`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('checks a 20 MB draft with bounded memory: exit 0 and valid JSON', async () => {
    const file = path.join(tmp, 'huge.draft');
    // Written in pieces so the test itself stays small in memory.
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < 10; i++) fs.writeSync(fd, generateDraft({ sizeBytes: 2 * 1024 * 1024, seed: 100 + i }) + '\n\n');
    fs.closeSync(fd);
    assert.ok(fs.statSync(file).size >= 20 * 1024 * 1024);
    // A heap limit far below "load it all many times over" turns unbounded growth into a failure.
    const r = await run(['check', '--format', 'json', file], {}, ['--max-old-space-size=1536']);
    assert.strictEqual(r.code, 0, r.stderr.slice(0, 2000));
    const report = JSON.parse(r.stdout) as { provisions: unknown[]; diagnostics: unknown[] };
    assert.ok(report.provisions.length > 50_000, `${report.provisions.length} provisions`);
    assert.ok(report.diagnostics.length > 0);
  });

  it('refuses a binary file with exit 2, naming the file', () => {
    const file = path.join(tmp, 'image.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.ok(r.stderr.includes(file), r.stderr);
    assert.match(r.stderr, /binary file/);
    assert.strictEqual(r.stdout, '');
  });

  it('with corrupted data exits 2 saying data/<file> at <json path>: <message>', () => {
    const dataDir = path.join(tmp, 'data');
    fs.cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
    const articles = JSON.parse(fs.readFileSync(path.join(dataDir, 'articles.json'), 'utf8'));
    articles.articles[1].article = 'seven';
    fs.writeFileSync(path.join(dataDir, 'articles.json'), JSON.stringify(articles));
    const draft = path.join(ROOT, 'examples/cybercrime-bill.draft');
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', draft], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONCORDANCE_DATA_DIR: dataDir } });
    assert.strictEqual(r.status, 2, r.stdout.slice(0, 500));
    assert.match(r.stderr, /data\/articles\.json at \/articles\/1(\/article)?: \S/);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace for a data problem: ' + r.stderr);

    // Not JSON at all: the file and "/" are named.
    fs.writeFileSync(path.join(dataDir, 'matcher.json'), '{ "weights": ');
    fs.copyFileSync(path.join(ROOT, 'data/articles.json'), path.join(dataDir, 'articles.json'));
    const r2 = spawnSync(process.execPath, [CLI, 'check', draft], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONCORDANCE_DATA_DIR: dataDir } });
    assert.strictEqual(r2.status, 2);
    assert.match(r2.stderr, /data\/matcher\.json at \/: /);
  });
});
