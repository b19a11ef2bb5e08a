// `npm run bench:formats [-- --only docx,pdf,akn,table] [-- --runs N] [-- --jobs N] [-- --before OLD/cli.js]`: how fast the CLI reads
// and analyses Word, PDF and Akoma Ntoso files, and a folder of 200 laws of mixed formats through
// `concordance table`. The fixtures are made here from bench/generate.ts's own drafts (no corpus
// text): a .docx of 1 MB of text with automatic numbering of subsections and tracked changes, a
// 300-page PDF with running headers and page numbers, a 5 MB Akoma Ntoso act, and 200 laws (50 each
// of .txt, .docx, .akn and .pdf) holding 50 MB of text. Each command runs in a fresh process (wall
// time from spawn to exit, start-up and data loading included; peak RSS of the process, worker
// threads included). Prints a table and writes bench/formats-results.json. Never a test.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildDocx, esc, run, type Para } from '../server/test/unit/helpers/docxFixture';
import { pdfOf } from '../server/test/unit/helpers/pdfFixture';
import { generateDraft } from './generate';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const WORK = path.join(ROOT, 'out/bench/formats');
const RESULTS = path.join(ROOT, 'bench/formats-results.json');
const WRAPPER = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nmaxrss-kb ' + u.maxRSS + ' cpu-us ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
require(process.argv[1]);`;

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ONLY = (opt('--only') ?? 'docx,pdf,akn,table').split(',');
const RUNS = Number(opt('--runs') ?? 3);
const JOBS = opt('--jobs');
const CLI_PATH = opt('--cli') ? path.resolve(opt('--cli')!) : CLI;
/** Another build of the CLI (such as the code before a change), run paired with this one. */
const BEFORE = opt('--before') ? path.resolve(opt('--before')!) : undefined;

// ------------------------------------------------------------------ fixtures

/** The Part, section, subsection and paragraph lines of a "section"-style generated draft. */
type Line = { kind: 'part' | 'section' | 'sub' | 'para' | 'text'; num?: string; text: string };

function linesOf(draft: string): Line[] {
  const out: Line[] = [];
  for (const raw of draft.split('\n')) {
    const l = raw.trim();
    if (!l) continue;
    let m: RegExpExecArray | null;
    if ((m = /^PART (\d+) — (.*)$/.exec(l))) out.push({ kind: 'part', num: m[1], text: m[2] });
    else if ((m = /^Section (\d+) — (.*)$/.exec(l))) out.push({ kind: 'section', num: m[1], text: m[2] });
    else if ((m = /^\((\d+)\) (.*)$/.exec(l))) out.push({ kind: 'sub', num: m[1], text: m[2] });
    else if ((m = /^\(([a-z])\) (.*)$/.exec(l))) out.push({ kind: 'para', num: m[1], text: m[2] });
    else out.push({ kind: 'text', text: l });
  }
  return out;
}

/** A Word document of the draft: Part and section headings as Word headings, subsections numbered by a list that restarts in each section, and a tracked insertion and deletion every 20 paragraphs. */
export function docxOf(draft: string): Uint8Array {
  const paragraphs: Para[] = [];
  const nums: Record<number, { abstract: number; startOverride?: Record<number, number> }> = {};
  let numId = 0;
  let count = 0;
  for (const l of linesOf(draft)) {
    count++;
    if (l.kind === 'part') paragraphs.push({ runs: `PART ${l.num} — ${l.text}`, style: 'Heading1' });
    else if (l.kind === 'section') {
      paragraphs.push({ runs: `Section ${l.num} — ${l.text}`, style: 'Heading2' });
      nums[++numId] = { abstract: 1, startOverride: { 0: 1 } };
    } else if (l.kind === 'sub' && numId) paragraphs.push({ runs: l.text, num: { id: numId, level: 0 } });
    else {
      const text = l.kind === 'para' ? `(${l.num}) ${l.text}` : l.kind === 'sub' ? `(${l.num}) ${l.text}` : l.text;
      const cut = text.indexOf(' ', Math.floor(text.length / 2));
      if (count % 20 === 0 && cut > 0) paragraphs.push({ runs: [run(text.slice(0, cut)), run(' formerly', 'del'), run(text.slice(cut))] });
      else if (count % 20 === 10 && cut > 0) paragraphs.push({ runs: [run(text.slice(0, cut)), run(text.slice(cut), 'ins')] });
      else paragraphs.push({ runs: cut > 0 ? [run(text.slice(0, cut)), run(text.slice(cut))] : text });
    }
  }
  return buildDocx({ paragraphs, lists: { 1: [{ format: 'decimal', text: '(%1)', suffix: 'space' }] }, nums });
}

/** An Akoma Ntoso 3.0 act of the draft: part › section › subsection › paragraph with num, heading, content and eIds. */
export function aknOf(draft: string, title: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
    '<act name="bench"><meta><identification source="#bench"><FRBRWork><FRBRthis value="/akn/xx/act/2026/1/!main"/></FRBRWork></identification></meta>',
    `<preface><p class="title"><docTitle>${esc(title)}</docTitle></p></preface>`,
    '<body>',
  ];
  const open: string[] = [];
  const close = (depth: number) => {
    while (open.length > depth) out.push(`</${open.pop()}>`);
  };
  let part = '';
  let sec = '';
  let sub = '';
  for (const l of linesOf(draft)) {
    if (l.kind === 'part') {
      close(0);
      part = `part_${l.num}`;
      out.push(`<part eId="${part}"><num>${l.num}</num><heading>${esc(l.text)}</heading>`);
      open.push('part');
    } else if (l.kind === 'section') {
      close(part ? 1 : 0);
      sec = `${part}__sec_${l.num}`;
      out.push(`<section eId="${sec}"><num>${l.num}</num><heading>${esc(l.text)}</heading>`);
      open.push('section');
    } else if (l.kind === 'sub') {
      close(part ? 2 : 1);
      sub = `${sec}__subsec_${l.num}`;
      out.push(`<subsection eId="${sub}"><num>(${l.num})</num><content><p>${esc(l.text)}</p></content>`);
      open.push('subsection');
    } else if (l.kind === 'para') out.push(`<paragraph eId="${sub || sec}__para_${l.num}"><num>(${l.num})</num><content><p>${esc(l.text)}</p></content></paragraph>`);
    else if (open.length) out.push(`<content><p>${esc(l.text)}</p></content>`);
    else out.push(`<preamble><p>${esc(l.text)}</p></preamble>`);
  }
  close(0);
  out.push('</body></act></akomaNtoso>', '');
  return out.join('\n');
}

const PDF_LINES_PER_PAGE = 46;

/** A PDF of about `pages` pages of the draft, with a running header and page numbers. */
function pdfOfPages(seed: number, pages: number): { bytes: Buffer; text: number; pages: number } {
  // 46 lines of up to 80 characters a page: about 3 KB of text.
  let size = pages * 3000;
  for (let tries = 0; ; tries++) {
    const draft = generateDraft({ sizeBytes: size, seed, style: 'section' });
    const { bytes } = pdfOf(draft, PDF_LINES_PER_PAGE);
    const got = (bytes.toString('latin1').match(/\/Type \/Page /g) ?? []).length;
    if (Math.abs(got - pages) <= 2 || tries > 4) return { bytes, text: Buffer.byteLength(draft), pages: got };
    size = Math.round((size * pages) / got);
  }
}

interface Fixture {
  name: string;
  file: string;
  textBytes: number;
  fileBytes: number;
  note: string;
}

function makeFixtures(): Record<string, Fixture> {
  fs.mkdirSync(WORK, { recursive: true });
  const fixtures: Record<string, Fixture> = {};
  const put = (name: string, file: string, bytes: Uint8Array | string, textBytes: number, note: string) => {
    const p = path.join(WORK, file);
    fs.writeFileSync(p, bytes);
    fixtures[name] = { name, file: p, textBytes, fileBytes: fs.statSync(p).size, note };
  };
  if (ONLY.includes('docx')) {
    const draft = generateDraft({ sizeBytes: 1024 * 1024, seed: 11, style: 'section' });
    put('docx', 'law-1mb.docx', docxOf(draft), Buffer.byteLength(draft), 'subsections numbered by Word lists, tracked changes');
  }
  if (ONLY.includes('pdf')) {
    const pdf = pdfOfPages(12, 300);
    put('pdf', 'law-300-pages.pdf', pdf.bytes, pdf.text, `${pdf.pages} pages, running header, page numbers`);
  }
  if (ONLY.includes('akn')) {
    let size = 3.4 * 1024 * 1024;
    let xml = '';
    let draft = '';
    for (let i = 0; i < 3; i++) {
      draft = generateDraft({ sizeBytes: size, seed: 13, style: 'section' });
      xml = aknOf(draft, 'Bench Act');
      size = Math.round((size * 5 * 1024 * 1024) / Buffer.byteLength(xml));
    }
    put('akn', 'law-5mb.akn', xml, Buffer.byteLength(draft), 'part › section › subsection › paragraph, eIds');
  }
  if (ONLY.includes('table')) {
    const dir = path.join(WORK, 'laws');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    let text = 0;
    const kinds = ['txt', 'docx', 'akn', 'pdf'];
    for (let i = 0; i < 200; i++) {
      const kind = kinds[i % 4];
      const name = path.join(dir, `law-${String(i + 1).padStart(3, '0')}.${kind}`);
      // 250 KB of text each; sizes vary ±40 % as a statute book's laws do.
      const size = Math.round(250 * 1024 * (0.6 + 0.8 * ((i * 37) % 100) / 100));
      const draft = generateDraft({ sizeBytes: size, seed: 1000 + i, style: 'section' });
      text += Buffer.byteLength(draft);
      if (kind === 'txt') fs.writeFileSync(name, draft);
      else if (kind === 'docx') fs.writeFileSync(name, docxOf(draft));
      else if (kind === 'akn') fs.writeFileSync(name, aknOf(draft, `Law ${i + 1}`));
      else fs.writeFileSync(name, pdfOf(draft, PDF_LINES_PER_PAGE).bytes);
    }
    let bytes = 0;
    for (const f of fs.readdirSync(dir)) bytes += fs.statSync(path.join(dir, f)).size;
    fixtures.table = { name: 'table', file: dir, textBytes: text, fileBytes: bytes, note: '200 laws: 50 each of .txt, .docx, .akn, .pdf' };
  }
  return fixtures;
}

// ------------------------------------------------------------------ runs

interface Run {
  ms: number;
  /** CPU time of the process, all its threads (user + system). */
  cpuMs: number;
  rssMb: number;
  code: number | null;
  stderrTail: string;
}

function runCli(cli: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['-e', WRAPPER, '--', cli, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    child.on('close', (code) => {
      const ms = performance.now() - t;
      const m = /maxrss-kb (\d+) cpu-us (\d+)/.exec(stderr);
      resolve({ ms, cpuMs: Number(m?.[2] ?? 0) / 1000, rssMb: Number(m?.[1] ?? 0) / 1024, code, stderrTail: stderr.replace(/\nmaxrss-kb .*\n?$/, '').split('\n').slice(-3).join('\n') });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Summary {
  ms: number;
  runsMs: number[];
  cpuMs: number;
  runsCpuMs: number[];
  peakRssMb: number;
  runsRssMb: number[];
}

function summarise(runs: Run[]): Summary {
  return {
    ms: Math.round(median(runs.map((r) => r.ms))),
    runsMs: runs.map((r) => Math.round(r.ms)),
    cpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
    runsCpuMs: runs.map((r) => Math.round(r.cpuMs)),
    runsRssMb: runs.map((r) => Math.round(r.rssMb)),
    peakRssMb: Math.round(Math.max(...runs.map((r) => r.rssMb))),
  };
}

/**
 * The host's speed at this moment, in milliseconds: the same loop of integer arithmetic on one core
 * every time. A shared virtual machine runs a third faster or slower from one hour to the next;
 * this is what tells a change in the code from a change in the host, between runs and machines.
 */
function hostLoopMs(): number {
  const t = performance.now();
  let s = 0;
  for (let i = 0; i < 300_000_000; i++) s = (s + i * 7) % 1_000_003;
  // Read, so that the loop is not dropped.
  if (s < 0) console.log(s);
  return Math.round(performance.now() - t);
}

const show = (s: Summary) => `${s.ms} ms (runs ${s.runsMs.join(', ')}; CPU ${s.cpuMs} ms, runs ${s.runsCpuMs.join(', ')}), peak RSS ${s.peakRssMb} MB (runs ${s.runsRssMb.join(', ')})`;

async function main(): Promise<void> {
  if (!fs.existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run "npm run build"`);
  if (BEFORE && !fs.existsSync(BEFORE)) throw new Error(`${BEFORE} is missing`);
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadBefore = load();
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  console.log(`load average before: ${loadBefore} (${os.cpus().length} cores, ${cpu})`);
  const hostBefore = hostLoopMs();
  console.log(`host speed before: ${hostBefore} ms for a fixed integer loop (lower is faster)`);
  const t0 = performance.now();
  const fixtures = makeFixtures();
  console.log(`fixtures made in ${((performance.now() - t0) / 1000).toFixed(1)} s in ${path.relative(ROOT, WORK)}`);
  const targets: Record<string, { ms: number; mb: number; args: (f: Fixture) => string[] }> = {
    docx: { ms: 1500, mb: 300, args: (f) => ['check', '--format', 'json', f.file] },
    pdf: { ms: 3000, mb: 300, args: (f) => ['check', '--format', 'json', f.file] },
    akn: { ms: 2000, mb: 300, args: (f) => ['check', '--format', 'json', f.file] },
    table: { ms: 12000, mb: 1024, args: (f) => ['table', ...(JOBS ? ['--jobs', JOBS] : []), f.file] },
  };
  const rows: Record<string, unknown>[] = [];
  for (const name of ONLY) {
    const f = fixtures[name];
    if (!f) continue;
    const t = targets[name];
    const runs: Run[] = [];
    const before: Run[] = [];
    // Paired: the CLI before a change (--before) and this one, one after the other, on the same load.
    for (let i = 0; i < (name === 'table' ? Math.min(RUNS, 2) : RUNS); i++) {
      if (BEFORE) {
        const b = await runCli(BEFORE, t.args(f).filter((a) => !(name === 'table' && a === '--jobs')));
        if (b.code !== 0) throw new Error(`${name} (before): exit ${b.code}: ${b.stderrTail}`);
        before.push(b);
      }
      const r = await runCli(CLI_PATH, t.args(f));
      if (r.code !== 0) throw new Error(`${name}: exit ${r.code}: ${r.stderrTail}`);
      runs.push(r);
    }
    const now = summarise(runs);
    const row = {
      name,
      note: f.note,
      textMB: +(f.textBytes / 2 ** 20).toFixed(2),
      fileMB: +(f.fileBytes / 2 ** 20).toFixed(2),
      command: `concordance ${t.args({ ...f, file: path.relative(ROOT, f.file) }).join(' ')}`,
      ...now,
      ...(BEFORE ? { before: summarise(before) } : {}),
      targetMs: t.ms,
      targetMb: t.mb,
      met: now.ms <= t.ms && now.peakRssMb <= t.mb,
    };
    rows.push(row);
    console.log(`${name.padEnd(6)} ${row.textMB} MB text, ${row.fileMB} MB file: ${show(now)} — target ≤ ${t.ms} ms, ≤ ${t.mb} MB: ${row.met ? 'met' : 'MISSED'}`);
    if (BEFORE) console.log(`       before: ${show(summarise(before))}`);
  }
  const hostAfter = hostLoopMs();
  const result = { date: new Date().toISOString(), node: process.version, cores: os.cpus().length, cpu, loadBefore, loadAfter: load(), hostLoopMs: { before: hostBefore, after: hostAfter }, rows };
  console.log(`load average after: ${result.loadAfter}; host speed after: ${hostAfter} ms`);
  fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
