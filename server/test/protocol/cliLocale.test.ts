// `concordance check|table --locale en|es|fr` (issue 23): the findings' messages and the table's words
// in Spanish or French, the same on one core and in worker threads; English by default.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, ROOT } from './client';

const BILL = path.join(ROOT, 'server/test/fixtures/protocol/bill.draft');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  /** Messages are written once in `messages`; a diagnostic names its message by index (docs/json.md). */
  diagnostics: { code: string; message: number }[];
  messages: string[];
}

const messageOf = (report: Report, code: string) => {
  const d = report.diagnostics.find((x) => x.code === code);
  return d ? report.messages[d.message] : '';
};

describe('CLI --locale', function () {
  this.timeout(300_000);
  before(() => assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build"`));

  it('check --locale es writes the findings in Spanish, on one core and with --jobs 2', () => {
    const english = JSON.parse(run(['check', '--format', 'json', BILL]).stdout) as Report;
    const one = run(['check', '--format', 'json', '--locale', 'es', BILL]);
    assert.strictEqual(one.code, 0, one.stderr);
    const spanish = JSON.parse(one.stdout) as Report;
    assert.deepStrictEqual(
      spanish.diagnostics.map((d) => d.code),
      english.diagnostics.map((d) => d.code),
      'the same findings',
    );
    assert.match(messageOf(english, 'safeguard.judicial-review'), /^No judicial or independent review /);
    assert.match(messageOf(spanish, 'safeguard.judicial-review'), /^Sin control judicial ni independiente .*: esta disposición se corresponde con el art\. \d+ /);
    assert.match(messageOf(spanish, 'coverage.missing'), /^Ninguna disposición aplica el art\. \d+ \(.+\), artículo obligatorio de la Convención\.$/);
    // Worker threads analyse in the same language.
    const two = run(['check', '--format', 'json', '--locale', 'es', '--jobs', '2', BILL, BILL]);
    assert.strictEqual(two.code, 0, two.stderr);
    const both = JSON.parse(two.stdout) as Report[];
    const texts = (r: Report) => r.diagnostics.map((d) => r.messages[d.message]);
    for (const r of both) assert.deepStrictEqual(texts(r), texts(spanish));
  });

  it('check --locale fr writes the text report in French, English by default', () => {
    const french = run(['check', '--locale', 'fr', BILL]);
    assert.strictEqual(french.code, 0, french.stderr);
    assert.match(french.stdout, /^Dispositions correspondant à la Convention : \d+$/m);
    assert.match(french.stdout, /^Constats : \d+$/m);
    assert.match(french.stdout, /→ Art\. 27 Production order \(correspondance (forte|moyenne|faible), \d+\/\d+ éléments\)/);
    assert.match(french.stdout, /^Couverture : \d+ mis en œuvre, \d+ partiels, \d+ manquants, sur \d+ articles qui appellent des dispositions internes\.$/m);
    const english = run(['check', BILL]).stdout;
    assert.match(english, /^Findings: \d+$/m);
    assert.match(english, /→ Art\. 27 Production order \((strong|moderate|weak) match, \d+\/\d+ elements\)/);
  });

  it('table --locale fr writes its columns and statuses in French', () => {
    const r = run(['table', '--format', 'csv', '--locale', 'fr', BILL]);
    assert.strictEqual(r.code, 0, r.stderr);
    const header = r.stdout.replace(/^\ufeff/, '').split('\r\n')[0];
    assert.strictEqual(header, 'Chapitre,Article,Titre,Obligation,État,Dispositions,Éléments manquants,Garanties manquantes,Convention de Budapest');
    assert.match(r.stdout, /,mis en œuvre,/);
  });

  it('refuses an unknown locale with one line, and lists --locale in the help', () => {
    const r = run(['check', '--locale', 'de', BILL]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr.trim(), /^concordance: check: unknown locale "de"; use en, es, fr$/);
    for (const command of ['check', 'table']) assert.match(run([command, '--help']).stdout, /--locale L\s+the language/);
  });
});
