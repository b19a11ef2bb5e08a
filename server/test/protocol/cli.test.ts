// The built CLI (out/cli.js) as a child process: huge drafts, binary files, corrupted data.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateDraft } from '../../../bench/generate';
import { shortSections } from '../../../bench/sections';
import { buildDocx, spanishDocx } from '../unit/helpers/docxFixture';
import { buildOdt, spanishOdt } from '../unit/helpers/odtFixture';
import { spanishRtf } from '../unit/helpers/rtfFixture';
import { ARRANGED_BILL } from '../unit/helpers/contentsDrafts';
import { buildPdf, pdfOf } from '../unit/helpers/pdfFixture';
import { AKN_ACT, AKN_ACT_PLAIN, encodeUtf16, encodeWindows1252, SPANISH_DRAFT } from '../unit/helpers/formatDrafts';
import { zipSync } from 'fflate';
import { builtFileAndTempDir, CLI, ROOT } from './client';


/** Runs the CLI to its end; `input` is its standard input. */
function runSync(args: string[], input?: string | Buffer, nodeArgs: string[] = []): { code: number | null; stdout: string; stderr: string; raw: Buffer } {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd: ROOT, input, maxBuffer: 512 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/** A refusal: exit 2, exactly one line on stderr (no stack trace), nothing on stdout. */
function assertRefused(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.strictEqual(r.code, 2, `exit ${r.code}; stderr: ${r.stderr}`);
  assert.strictEqual(r.stdout, '', 'nothing is written on a refusal');
  const lines = r.stderr.trimEnd().split('\n');
  assert.strictEqual(lines.length, 1, `one line, got: ${r.stderr}`);
  assert.match(lines[0], pattern);
}

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
  builtFileAndTempDir(CLI, 'concordance-cli-', (dir) => (tmp = dir));

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

describe('CLI commands, options and inputs', function () {
  this.timeout(120_000);
  let tmp: string;
  const bill = path.join(ROOT, 'examples/cybercrime-bill.draft');
  builtFileAndTempDir(CLI, 'concordance-cli-', (dir) => (tmp = dir));

  it('--version prints the version of package.json', () => {
    const r = runSync(['--version']);
    assert.strictEqual(r.code, 0);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.strictEqual(r.stdout, `concordance ${version}\n`);
  });

  it('every command has its own help, exit 0', () => {
    for (const c of ['check', 'table', 'article', 'eval', 'lsp']) {
      const r = runSync([c, '--help']);
      assert.strictEqual(r.code, 0, c);
      assert.ok(r.stdout.startsWith(`usage: concordance ${c}`), r.stdout);
    }
    assert.match(runSync(['check', '--help']).stdout, /--format sarif/);
    assert.match(runSync(['help', 'table']).stdout, /UTF-8 byte-order mark/);
  });

  it('unknown options, formats and commands are refused with one line, exit 2', () => {
    assertRefused(runSync(['check', '--colour', bill]), /check: unknown option --colour/);
    assertRefused(runSync(['check', '--format', 'xml', bill]), /check: unknown format "xml"; use text, json, sarif/);
    assertRefused(runSync(['table', '--format=pdf', bill]), /table: unknown format "pdf"/);
    assertRefused(runSync(['check', '--format']), /--format needs a value/);
    assertRefused(runSync(['frobnicate']), /unknown command "frobnicate"/);
    assertRefused(runSync(['check']), /check: give at least one draft, folder or -/);
    assertRefused(runSync(['article', '99']), /not an article of the Convention/);
  });

  it('check reads a folder (every draft in it, sub-folders too) and - (standard input)', () => {
    const dir = path.join(tmp, 'book');
    fs.mkdirSync(path.join(dir, 'older'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.draft'), SPANISH_DRAFT);
    fs.writeFileSync(path.join(dir, 'older', 'b.txt'), fs.readFileSync(bill));
    fs.writeFileSync(path.join(dir, 'notes.json'), '{"not": "a draft"}');
    const r = runSync(['check', '--format', 'json', dir, '-'], SPANISH_DRAFT);
    assert.strictEqual(r.code, 0, r.stderr);
    const reports = JSON.parse(r.stdout) as { file: string; language: string; provisions: unknown[] }[];
    assert.deepStrictEqual(reports.map((x) => x.file), [path.join(dir, 'a.draft'), path.join(dir, 'older', 'b.txt'), '-']);
    assert.deepStrictEqual(reports.map((x) => x.language), ['es', 'en', 'es']);
    assert.deepStrictEqual(reports[2].provisions, reports[0].provisions, 'stdin reads as the file does');
    assertRefused(runSync(['check', path.join(dir, 'older', 'missing.draft')]), /missing\.draft: no such file/);
    const empty = path.join(tmp, 'empty-dir');
    fs.mkdirSync(empty);
    assertRefused(runSync(['table', empty]), /empty-dir: no drafts in this folder/);
  });

  it('--jobs N reads and analyses drafts of every format in worker threads with the same output as one thread', () => {
    const dir = path.join(tmp, 'jobs');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.draft'), fs.readFileSync(bill));
    fs.writeFileSync(path.join(dir, 'b.txt'), SPANISH_DRAFT);
    fs.writeFileSync(path.join(dir, 'c.draft'), generateDraft({ sizeBytes: 60 * 1024, seed: 7 }));
    fs.writeFileSync(path.join(dir, 'd.docx'), spanishDocx());
    fs.writeFileSync(path.join(dir, 'd2.odt'), spanishOdt());
    fs.writeFileSync(path.join(dir, 'd3.rtf'), spanishRtf());
    fs.writeFileSync(path.join(dir, 'd4.bill'), ARRANGED_BILL);
    fs.writeFileSync(path.join(dir, 'e.akn'), AKN_ACT);
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdfOf(AKN_ACT_PLAIN, 8).bytes);
    for (const args of [['check', '--format', 'json'], ['check', '--format', 'sarif'], ['table', '--format', 'csv']]) {
      const one = runSync([...args, dir]);
      const two = runSync([...args, '--jobs', '2', dir]);
      assert.strictEqual(one.code, 0, one.stderr);
      assert.strictEqual(two.code, 0, two.stderr);
      assert.ok(one.stdout.length > 1000);
      assert.strictEqual(two.stdout, one.stdout);
    }
    assertRefused(runSync(['check', '--jobs', '0', dir]), /check: --jobs needs a whole number from 1 to 64, not "0"/);
    // A file the workers cannot read stops the run: one line naming it, exit 2, nothing written.
    fs.writeFileSync(path.join(dir, 'g.docx'), 'not a zip');
    for (const command of ['check', 'table']) assertRefused(runSync([command, '--jobs', '2', dir]), /g\.docx: not a Word document/);
  });

  it('a draft with no provisions says so (text, JSON and table)', () => {
    const file = path.join(tmp, 'memo.txt');
    fs.writeFileSync(file, 'A memorandum about the cybercrime bill, with no numbered provisions at all.\n');
    const text = runSync(['check', file]);
    assert.strictEqual(text.code, 0);
    assert.match(text.stdout, /no provisions found/);
    const json = JSON.parse(runSync(['check', '--format', 'json', file]).stdout) as { problems: { message: string }[] };
    assert.ok(json.problems.some((p) => /no provisions found/.test(p.message)), JSON.stringify(json.problems));
    assert.match(runSync(['table', file]).stderr, /memo\.txt: no provisions found/);
    assert.doesNotMatch(runSync(['check', bill]).stdout, /no provisions found/);
  });

  it('the JSON report marks the lines of a table of contents, which match no article', () => {
    const file = path.join(tmp, 'arranged.bill');
    fs.writeFileSync(file, ARRANGED_BILL);
    type P = { id: string; label: string; kind: string; matches: unknown[]; contents?: boolean };
    const json = JSON.parse(runSync(['check', '--format', 'json', file]).stdout) as { provisions: P[] };
    const sections = json.provisions.filter((p) => p.kind === 'section');
    assert.deepStrictEqual(sections.filter((p) => p.contents).map((p) => p.label), ['1', '2', '3', '4']);
    assert.ok(sections.filter((p) => p.contents).every((p) => p.matches.length === 0));
    assert.deepStrictEqual(sections.filter((p) => !p.contents && p.matches.length > 0).map((p) => p.label), ['2', '3', '4']);
  });

  it('the JSON report says why a provision implements no article, with the words and where they are', () => {
    const file = path.join(tmp, 'savings.txt');
    const draft = 'Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.\n\nSection 2 — Other laws\nThis Part has effect without prejudice to the powers of the police under any other enactment.\n';
    fs.writeFileSync(file, draft);
    type P = { label: string; matches: unknown[]; noArticle?: { reason: string; words?: string; range?: { start: { line: number; character: number } }; nearest?: number } };
    const json = JSON.parse(runSync(['check', '--format', 'json', file]).stdout) as { provisions: P[] };
    const saving = json.provisions.find((p) => p.label === '2')!;
    assert.deepStrictEqual(saving.matches, []);
    assert.strictEqual(saving.noArticle?.reason, 'saving');
    assert.strictEqual(saving.noArticle?.words, 'has effect without prejudice to');
    const lines = draft.split('\n');
    const at = saving.noArticle!.range!.start;
    assert.strictEqual(lines[at.line].slice(at.character, at.character + 'has effect'.length), 'has effect');
    // A matched provision has no such field.
    assert.ok(!('noArticle' in json.provisions.find((p) => p.label === '1')!));
  });

  it('CSV starts with a UTF-8 byte-order mark; the other formats do not', () => {
    const csv = runSync(['table', '--format', 'csv', bill]);
    assert.strictEqual(csv.code, 0);
    assert.deepStrictEqual([...csv.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(csv.raw.subarray(3).toString('utf8').startsWith('Chapter,Article'));
    assert.ok(csv.raw.includes(Buffer.from('—')), 'dashes stay UTF-8');
    const md = runSync(['table', bill]);
    assert.notStrictEqual(md.raw[0], 0xef);
  });

  it('a Windows-1252 and a UTF-16 draft read as the UTF-8 one, with a notice', () => {
    const utf8 = path.join(tmp, 'ley-utf8.txt');
    const cp1252 = path.join(tmp, 'ley-1252.txt');
    const utf16 = path.join(tmp, 'ley-utf16.txt');
    fs.writeFileSync(utf8, SPANISH_DRAFT);
    fs.writeFileSync(cp1252, encodeWindows1252(SPANISH_DRAFT));
    fs.writeFileSync(utf16, encodeUtf16(SPANISH_DRAFT, false));
    type R = { encoding: string; notices: string[]; provisions: unknown[]; diagnostics: unknown[] };
    const [a, b, c] = JSON.parse(runSync(['check', '--format', 'json', utf8, cp1252, utf16]).stdout) as R[];
    assert.strictEqual(b.encoding, 'Windows-1252');
    assert.strictEqual(c.encoding, 'UTF-16 LE');
    assert.deepStrictEqual(a.notices, []);
    assert.match(b.notices.join(), /not valid UTF-8/);
    assert.deepStrictEqual([b.provisions, b.diagnostics], [a.provisions, a.diagnostics]);
    assert.deepStrictEqual([c.provisions, c.diagnostics], [a.provisions, a.diagnostics]);
    assert.match(runSync(['check', cp1252]).stdout, /i not valid UTF-8: read as Windows-1252/);
  });

  it('refuses binary files (even without NUL bytes), files over the cap and endless input', () => {
    const noisy = path.join(tmp, 'noise.bin');
    fs.writeFileSync(noisy, Buffer.from(Array.from({ length: 4000 }, (_, i) => [0x01, 0x02, 0x1b, 0x7f, 0x41][i % 5])));
    assertRefused(runSync(['check', noisy]), new RegExp(`${noisy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: looks like a binary file`));
    const big = path.join(tmp, 'huge.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 100 * 1000 * 1000); // sparse: no disk used
    assertRefused(runSync(['check', big]), /huge\.txt: is 95 MB; Concordance reads files up to 64 MB/);
    assertRefused(runSync(['table', bill, big]), /huge\.txt: is 95 MB/);
    if (fs.existsSync('/dev/zero')) assertRefused(runSync(['check', '/dev/zero']), /\/dev\/zero: (more than 64 MB|looks like a binary file)/);
    assertRefused(runSync(['check', '-'], Buffer.alloc(70 * 1024 * 1024, 'a')), /-: standard input is more than 64 MB/);
  });

  it('--format sarif writes one SARIF 2.1.0 log whose rules link to docs/checks.md', () => {
    const r = runSync(['check', '--format', 'sarif', bill]);
    assert.strictEqual(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { helpUri: string }[] } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.strictEqual(log.version, '2.1.0');
    const rule = log.runs[0].tool.driver.rules[0];
    const doc = new URL(rule.helpUri);
    assert.ok(fs.existsSync(doc.pathname), doc.pathname);
    assert.ok(fs.readFileSync(doc.pathname, 'utf8').includes('## safeguard.judicial-review'));
    assert.strictEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'examples/cybercrime-bill.draft');
  });

  it('check and table read Word, OpenDocument, RTF, Akoma Ntoso and PDF files as their plain-text twins, eIds in JSON and SARIF', () => {
    const dir = path.join(tmp, 'formats');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a-ley.docx'), spanishDocx());
    fs.writeFileSync(path.join(dir, 'a2-ley.odt'), spanishOdt());
    fs.writeFileSync(path.join(dir, 'a3-ley.rtf'), spanishRtf());
    fs.writeFileSync(path.join(dir, 'b-ley.txt'), SPANISH_DRAFT);
    fs.writeFileSync(path.join(dir, 'c-act.akn'), AKN_ACT);
    fs.writeFileSync(path.join(dir, 'd-act.draft'), AKN_ACT_PLAIN);
    fs.writeFileSync(path.join(dir, 'e-act.pdf'), pdfOf(AKN_ACT_PLAIN, 8).bytes);
    const r = runSync(['check', '--format', 'json', dir]);
    assert.strictEqual(r.code, 0, r.stderr);
    type R = { format: string; notices: string[]; provisions: { id: string; eId?: string }[]; diagnostics: { code: string; provision: string; eId?: string }[] };
    const [docx, odt, rtf, txt, akn, plain, pdf] = JSON.parse(r.stdout) as R[];
    assert.deepStrictEqual([docx.format, odt.format, rtf.format, txt.format, akn.format, plain.format, pdf.format], ['docx', 'odt', 'rtf', 'text', 'akn', 'text', 'pdf']);
    assert.deepStrictEqual(pdf.provisions.map((p) => p.id), plain.provisions.map((p) => p.id));
    assert.deepStrictEqual(pdf.diagnostics.map((d) => d.code), plain.diagnostics.map((d) => d.code));
    assert.match(docx.notices.join(), /tracked changes/);
    assert.deepStrictEqual(docx.provisions, txt.provisions);
    assert.deepStrictEqual(docx.diagnostics, txt.diagnostics);
    assert.match(odt.notices.join(), /tracked changes/);
    assert.deepStrictEqual([odt.provisions, odt.diagnostics], [txt.provisions, txt.diagnostics]);
    assert.match(rtf.notices.join(), /tracked changes/);
    assert.deepStrictEqual([rtf.provisions, rtf.diagnostics], [txt.provisions, txt.diagnostics]);
    const strip = (x: R) => ({ p: x.provisions.map(({ eId: _e, ...rest }) => rest), d: x.diagnostics.map(({ eId: _e, ...rest }) => rest) });
    assert.deepStrictEqual(strip(akn), strip(plain));
    // Findings in a provision name its element; draft-wide ones (coverage) stand in the untagged title.
    const inProvisions = akn.diagnostics.filter((d) => d.provision);
    assert.ok(inProvisions.length > 0 && inProvisions.every((d) => /^part_\d/.test(d.eId ?? '')), JSON.stringify(inProvisions));
    const sarif = JSON.parse(runSync(['check', '--format', 'sarif', path.join(dir, 'c-act.akn')]).stdout) as { runs: { results: { properties: { provision: string | null; eId?: string } }[] }[] };
    const results = sarif.runs[0].results.filter((x) => x.properties.provision);
    assert.ok(results.length > 0 && results.every((x) => /^part_\d/.test(x.properties.eId ?? '')));
    const table = runSync(['table', dir]);
    assert.strictEqual(table.code, 0, table.stderr);
    assert.match(table.stderr, /a-ley\.docx: has tracked changes/);
    assert.match(table.stderr, /a2-ley\.odt: has tracked changes/);
  });

  it('bad documents: one line naming the file and the problem, exit 2, nothing written', () => {
    const put = (name: string, bytes: Uint8Array | string) => {
      const f = path.join(tmp, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const good = path.join(ROOT, 'examples/cybercrime-bill.draft');
    const cases: [string, RegExp][] = [
      [put('corrupt.docx', spanishDocx().subarray(0, 400)), /corrupt\.docx: (not a readable Word document: the zip archive is damaged|not a Word document)/],
      [put('locked.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)])), /locked\.docx: a password-protected \(encrypted\) Word document/],
      [put('bomb.docx', zipSync({ 'word/document.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 })), /bomb\.docx: word\/document\.xml would expand .* zip bomb/],
      [put('xxe.docx', buildDocx({ paragraphs: [], documentXml: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>' })), /xxe\.docx: word\/document\.xml declares a DTD/],
      [put('xxe.akn', '<?xml version="1.0"?><!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/akn.dtd"><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><p>x</p></body></act></akomaNtoso>'), /xxe\.akn: the XML declares a DTD/],
      [put('broken.pdf', '%PDF-1.7\n%\xe2\xe3\n1 0 obj <<>> endobj\n'), /broken\.pdf: not a readable PDF/],
      [put('locked.odt', buildOdt({ body: '<text:p>x</text:p>', manifestEntries: '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data/></manifest:file-entry>' })), /locked\.odt: a password-protected OpenDocument text/],
      [put('scan.pdf', buildPdf({ pages: [['a', 'b']], noText: true })), /scan\.pdf: has no text layer/],
    ];
    for (const [file, pattern] of cases) {
      assertRefused(runSync(['check', '--format', 'json', good, file]), pattern);
      assertRefused(runSync(['table', '--format', 'csv', file, good]), pattern);
    }
  });

  it('eval with wrongly typed fields gives one line naming the line and field', () => {
    const cases = path.join(tmp, 'cases.jsonl');
    fs.writeFileSync(cases, '{"id":"a","text":"Section 1 Illegal access","expected_articles":["7"]}\n{"id":"b","text":"x","expected_articles":7}\n');
    assertRefused(runSync(['eval', cases]), /cases\.jsonl:2: field "expected_articles" must be a list of strings/);
    fs.writeFileSync(cases, '{"id":"a","text":5,"expected_articles":[]}\n');
    assertRefused(runSync(['eval', cases]), /cases\.jsonl:1: field "text" must be a string/);
    fs.writeFileSync(cases, '[1,2]\n');
    assertRefused(runSync(['eval', cases]), /cases\.jsonl:1: a case must be a JSON object/);
  });

  it('JSON of 20k sections is written in pieces with shared tables, within a small heap', () => {
    const file = path.join(tmp, 'sections-20k.draft');
    fs.writeFileSync(file, shortSections(20_000));
    // Building the whole report as one string (as before) ran out of a 192 MB heap.
    const r = runSync(['check', '--format', 'json', file], undefined, ['--max-old-space-size=192']);
    assert.strictEqual(r.code, 0, r.stderr.slice(0, 1000));
    type Report = {
      schema: string;
      provisions: { matches: { article: number; elements: { id: string }[]; reasons: number[] }[] }[];
      diagnostics: { message: number; lookedFor: number }[];
      articles: Record<string, { title: string; elements: Record<string, { label: string }> }>;
      reasons: string[];
      messages: string[];
      lookedFor: string[][];
    };
    const report = JSON.parse(r.stdout) as Report;
    assert.strictEqual(report.schema, 'concordance-report/2');
    assert.ok(report.provisions.length >= 20_000);
    // Every reference resolves, and the shared tables stay small.
    for (const p of report.provisions) {
      for (const m of p.matches) {
        const art = report.articles[m.article];
        assert.ok(art?.title, `article ${m.article} in the table`);
        for (const e of m.elements) assert.ok(art.elements[e.id]?.label, `${m.article} ${e.id}`);
        for (const i of m.reasons) assert.strictEqual(typeof report.reasons[i], 'string');
      }
    }
    assert.ok(report.diagnostics.length > 20_000);
    for (const d of report.diagnostics) {
      assert.strictEqual(typeof report.messages[d.message], 'string');
      assert.ok(Array.isArray(report.lookedFor[d.lookedFor]));
    }
    assert.ok(report.messages.length < 200 && report.reasons.length < 500, `${report.messages.length} messages, ${report.reasons.length} reasons`);
    assert.ok(r.raw.length < 30 * 20_000 * 100, `${r.raw.length} bytes`);
  });
});
