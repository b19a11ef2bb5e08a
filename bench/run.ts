// `npm run bench [-- --quick] [-- --soak] [-- --soak-only] [-- --huge] [-- --eviction] [-- --server-node PATH]`: speed and memory of
// Concordance through the real server (out/server.js --stdio) and CLI (out/cli.js), on generated drafts
// of 100 KB, 1 MB, 5 MB. The servers run on the editor's runtime (see serverRuntime), the CLI and the
// in-process figures on the Node.js running the benchmark.
// Prints a table and writes bench/results.json. Never a test: numbers depend on the machine.
// `--soak-only [--soak-edits N]` runs only the soak (N one-character edits, 40 000 by default, to the
// 1 MB draft over the protocol; heap after a full collection and RSS along the way), prints whether
// the heap is flat, writes bench/soak-results.json and exits 1 when it is not.
// `--open-only MB [--runs N]` opens a generated draft of MB megabytes in N fresh servers (3 by default) and
// prints, per run, the time to its first diagnostics and the longest wait for a request sent every
// 25 ms meanwhile (the first wait); nothing is written. With `--server-js PATH` for paired runs of two builds.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import MiniSearch from 'minisearch';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { matchUnits, type Analyzer } from '../server/src/analysis/analyze';
import { createAnalyzer } from '../server/src/analysis/engine';
import type { DocumentAnalysis } from '../server/src/analysis/types';
import { generateDraft, rng } from './generate';

const ROOT = path.resolve(__dirname, '../..');
/** `--server-js PATH`: another server bundle (e.g. an older build, for paired before/after runs). */
const SERVER = process.argv.includes('--server-js') ? path.resolve(process.argv[process.argv.indexOf('--server-js') + 1]) : path.join(ROOT, 'out/server.js');
const CLI = path.join(ROOT, 'out/cli.js');
const WORK = path.join(ROOT, 'out/bench');
const RESULTS = path.join(ROOT, 'bench/results.json');
const SOAK_RESULTS = path.join(ROOT, 'bench/soak-results.json');
const TIMEOUT_MS = 120_000;
const SERVER_RUNS = 5;

interface Case {
  sizeBytes: number;
  provisions: number;
  sections: number;
  openToDiagnosticsMs: number;
  /** Each fresh server's time (the figure above is their median). */
  openToDiagnosticsRunsMs: number[];
  /** Longest wait for a cheap request (concordance/stats) sent every 25 ms while the draft was first analysed. */
  openMaxRequestLatencyMs: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  hoverP99Ms: number;
  editToDiagnosticsMs: number;
  reanalysisMs: number;
  /** Each fresh server's median re-analysis (the figure above is their median). */
  reanalysisRunsMs: number[];
  rematched: number;
  peakRssMb: number;
  cliMBps: number;
  floorMs: number;
  analysisMs: number;
  floorMultiple: number;
  bm25Ms: number;
}

const argv = process.argv.slice(2);
const args = new Set(argv);
/** Major version of the Node.js the editor tests run the server on (code-server's), fetched from the npm registry. */
const EDITOR_NODE_MAJOR = 24;
const quick = args.has('--quick');
const soakWanted = args.has('--soak') || args.has('--soak-only') || (!quick && !args.has('--no-soak'));
/** `--soak-only`: the soak and nothing else, written to bench/soak-results.json (a few minutes). */
const soakOnly = args.has('--soak-only');
// `--huge` adds a 20 MB draft: a consolidated code opened in the editor (issue: reliability).
const sizes = quick ? [100 * 1024, 1024 * 1024] : [100 * 1024, 1024 * 1024, 5 * 1024 * 1024, ...(args.has('--huge') ? [20 * 1024 * 1024] : [])];

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
/** `--eviction` (and every full run): drafts of 50k–200k short sections, more than the match cache holds (issue 21). */
const evictionWanted = args.has('--eviction') || !quick;

/**
 * In this process, a fresh Analyzer per draft: the analysis of a draft of `n` short, distinct
 * sections, where the match cache (50 000 texts) evicts n − 50 000 times. With O(1) eviction
 * the time grows linearly with n.
 */
function eviction(): { sections: number; analysisMs: number; msPerThousand: number }[] {
  return [50_000, 100_000, 200_000].map((n) => {
    const lines: string[] = [];
    for (let i = 1; i <= n; i++) lines.push(`${i}. Rule ${i} applies to item ${i * 7} only.`);
    const text = lines.join('\n');
    const analyzer = createAnalyzer(path.join(ROOT, 'data')).analyzer!;
    const t = performance.now();
    analyzer.analyze(text);
    const analysisMs = performance.now() - t;
    process.stdout.write(`  ${n} sections: ${round(analysisMs / 1000, 2)} s\n`);
    return { sections: n, analysisMs: round(analysisMs, 0), msPerThousand: round(analysisMs / (n / 1000), 1) };
  });
}
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs: number[]) => percentile(xs, 50);
/** "min–max" of the runs, or the single run. */
const spread = (xs: number[]) => (xs.length > 1 ? `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}` : `${Math.round(xs[0])}`);

/** A bare LSP client over stdio: enough to open, edit, hover and wait for diagnostics. */
class Client {
  readonly conn: MessageConnection;
  private waiters: { uri: string; version: number; resolve: () => void }[] = [];
  stderr = '';

  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (c: string) => (this.stderr += c));
    this.conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.version === p.version) {
          w.resolve();
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest(() => null);
    this.conn.onNotification(() => undefined);
    this.conn.listen();
  }

  static async start(node: string, nodeArgs: string[] = []): Promise<Client> {
    const proc = spawn(node, [...nodeArgs, SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const c = new Client(proc);
    await c.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    await c.conn.sendNotification('initialized', {});
    return c;
  }

  diagnostics(uri: string, version: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      this.waiters.push({ uri, version, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  rss(field: 'VmRSS' | 'VmHWM'): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = new RegExp(field + ':\\s+(\\d+) kB').exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => (this.proc.kill(), resolve()), 5000);
      this.proc.on('exit', () => (clearTimeout(t), resolve()));
    });
    this.conn.dispose();
  }
}

interface Stats {
  lastAnalysis?: { ms: number; rematched: number; version: number };
  heapAfterGcMb?: number;
}

/** Line/character of an offset (LSP positions are UTF-16, as JS strings). */
function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

function lineStartsOf(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/** Offset of a letter near the middle of the text, where a one-character edit lands inside a word. */
function middleLetter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (/[a-z]/.test(text[i]) && /[a-z]/.test(text[i - 1] ?? '')) return i;
  return from;
}

type ServerFigures = Pick<Case, 'openToDiagnosticsMs' | 'openMaxRequestLatencyMs' | 'hoverP50Ms' | 'hoverP95Ms' | 'hoverP99Ms' | 'editToDiagnosticsMs' | 'reanalysisMs' | 'rematched' | 'peakRssMb'>;

/**
 * The server figures over `runs` fresh servers: the median of each (the worst of the longest
 * wait and of the peak memory), with every run's open and re-analysis times kept. One run on a
 * shared machine can be a fifth off either way; the median is what a user typically sees.
 */
async function serverCases(node: string, file: string, text: string, runs: number): Promise<ServerFigures & Pick<Case, 'openToDiagnosticsRunsMs' | 'reanalysisRunsMs'>> {
  const all: ServerFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await serverCase(node, file, text));
  const mid = (f: (c: ServerFigures) => number) => median(all.map(f));
  return {
    openToDiagnosticsMs: mid((c) => c.openToDiagnosticsMs),
    openToDiagnosticsRunsMs: all.map((c) => round(c.openToDiagnosticsMs)),
    openMaxRequestLatencyMs: Math.max(...all.map((c) => c.openMaxRequestLatencyMs)),
    hoverP50Ms: mid((c) => c.hoverP50Ms),
    hoverP95Ms: mid((c) => c.hoverP95Ms),
    hoverP99Ms: mid((c) => c.hoverP99Ms),
    editToDiagnosticsMs: mid((c) => c.editToDiagnosticsMs),
    reanalysisMs: mid((c) => c.reanalysisMs),
    reanalysisRunsMs: all.map((c) => round(c.reanalysisMs)),
    rematched: mid((c) => c.rematched),
    peakRssMb: Math.max(...all.map((c) => c.peakRssMb)),
  };
}

/** Only the open of a draft in a fresh server: time to first diagnostics and the longest request wait meanwhile. */
async function openCase(node: string, file: string, text: string): Promise<{ openToDiagnosticsMs: number; openMaxRequestLatencyMs: number; probes: number }> {
  const c = await Client.start(node);
  const uri = pathToFileURL(file).toString();
  try {
    const probes: number[] = [];
    let opening = true;
    const first = c.diagnostics(uri, 1);
    const t0 = performance.now();
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'legal-draft', version: 1, text } });
    const probing = (async () => {
      while (opening) {
        const t = performance.now();
        await c.conn.sendRequest('concordance/stats');
        probes.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await first;
    const openToDiagnosticsMs = performance.now() - t0;
    opening = false;
    await probing;
    return { openToDiagnosticsMs, openMaxRequestLatencyMs: Math.max(0, ...probes), probes: probes.length };
  } finally {
    await c.stop();
  }
}

async function serverCase(node: string, file: string, text: string): Promise<ServerFigures> {
  const c = await Client.start(node);
  const uri = pathToFileURL(file).toString();
  try {
    // 1. didOpen → first diagnostics, probing responsiveness meanwhile.
    const probes: number[] = [];
    let opening = true;
    const probe = async () => {
      while (opening) {
        const t = performance.now();
        await c.conn.sendRequest('concordance/stats');
        probes.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const first = c.diagnostics(uri, 1);
    const t0 = performance.now();
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'legal-draft', version: 1, text } });
    const probing = probe();
    await first;
    const openToDiagnosticsMs = performance.now() - t0;
    opening = false;
    await probing;

    // 2. hovers at 200 random positions.
    const starts = lineStartsOf(text);
    const r = rng(42);
    const hovers: number[] = [];
    for (let i = 0; i < 200; i++) {
      const position = positionAt(starts, Math.floor(r() * text.length));
      const t = performance.now();
      await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      hovers.push(performance.now() - t);
    }

    // 3. one-character edits in the middle: end to end (debounce included) and the re-analysis itself.
    let version = 1;
    let current = text;
    const e2e: number[] = [];
    const work: number[] = [];
    const rematched: number[] = [];
    for (let i = 0; i < 5; i++) {
      const at = middleLetter(current, Math.floor(current.length / 2) + i * 997);
      const pos = positionAt(lineStartsOf(current), at);
      version++;
      const next = c.diagnostics(uri, version);
      const t = performance.now();
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }],
      });
      await next;
      e2e.push(performance.now() - t);
      current = current.slice(0, at) + 'x' + current.slice(at);
      const s = await c.conn.sendRequest<Stats>('concordance/stats');
      if (s.lastAnalysis) {
        work.push(s.lastAnalysis.ms);
        rematched.push(s.lastAnalysis.rematched);
      }
    }
    const peakRssMb = c.rss('VmHWM');
    return {
      openToDiagnosticsMs: openToDiagnosticsMs,
      openMaxRequestLatencyMs: probes.length ? Math.max(...probes) : 0,
      hoverP50Ms: percentile(hovers, 50),
      hoverP95Ms: percentile(hovers, 95),
      hoverP99Ms: percentile(hovers, 99),
      editToDiagnosticsMs: median(e2e),
      reanalysisMs: median(work),
      rematched: median(rematched),
      peakRssMb,
    };
  } finally {
    await c.stop();
    if (/Unhandled/i.test(c.stderr)) console.error('server stderr:\n' + c.stderr);
  }
}

function cliMBps(file: string, sizeBytes: number): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8' });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`cli exited ${r.status}: ${r.stderr}`);
  JSON.parse(r.stdout);
  return sizeBytes / 2 ** 20 / s;
}

/** The floor: read the file and split it into lowercase word tokens, nothing else. */
function floorMs(file: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const tokens = fs.readFileSync(file, 'utf8').toLowerCase().match(/[\p{L}\p{N}]+/gu);
    runs.push(performance.now() - t);
    if (!tokens) throw new Error('no tokens');
  }
  return Math.min(...runs);
}

let warmedUp = false;

/**
 * Analysis in this process on a fresh Analyzer (empty match and token caches), after a JIT
 * warm-up on another draft; the best of three, as the floor is (the same warm state for both).
 */
function inProcess(text: string): { analysisMs: number; bm25Ms: number; provisions: number; sections: number } {
  if (!warmedUp) {
    createAnalyzer(path.join(ROOT, 'data')).analyzer?.analyze(generateDraft({ sizeBytes: 200 * 1024, seed: 99 }));
    warmedUp = true;
  }
  let analysisMs = Infinity;
  let analyzer: Analyzer | undefined;
  let analysis: DocumentAnalysis | undefined;
  // One run for the huge draft (each takes seconds), three otherwise.
  for (let run = 0; run < (text.length > 8_000_000 ? 1 : 3); run++) {
    const created = createAnalyzer(path.join(ROOT, 'data'));
    if (!created.analyzer) throw new Error('data: ' + JSON.stringify(created.problems));
    analyzer = created.analyzer;
    const t = performance.now();
    analysis = analyzer.analyze(text);
    analysisMs = Math.min(analysisMs, performance.now() - t);
  }
  if (!analyzer || !analysis) throw new Error('no analysis');
  const units = matchUnits(analysis.parsed);
  // BM25 baseline (as `concordance eval`): index the articles, search each provision.
  const t1 = performance.now();
  const ms = new MiniSearch({ fields: ['title', 'body'], storeFields: ['article'], idField: 'article' });
  ms.addAll(analyzer.data.articles.map((a) => ({ article: a.article, title: a.title, body: a.paragraphs.map((p) => p.summary).join(' ') })));
  for (const u of units) ms.search(text.slice(u.span.start, u.span.end), { combineWith: 'OR' });
  const bm25Ms = performance.now() - t1;
  return { analysisMs, bm25Ms, provisions: analysis.parsed.provisions.length, sections: units.length };
}

/** One reading of the soak: edits so far, the server's resident memory and its heap after a full collection. */
interface SoakSample {
  edits: number;
  rssMb: number;
  heapAfterGcMb: number;
}

/** The soak's verdict: is the heap the server keeps flat over the session? */
interface SoakVerdict {
  edits: number;
  /** Edits before the first reading judged (caches fill while the draft is first edited). */
  warmUpEdits: number;
  /** Median heap after a full collection over the first and the last quarter of the readings after warm-up. */
  firstQuarterHeapMb: number;
  lastQuarterHeapMb: number;
  /** Least-squares slope of heap after collection over the readings after warm-up. */
  heapSlopeMbPer10kEdits: number;
  /** Allowed growth of the last quarter over the first, as a fraction of the first. */
  tolerance: number;
  flat: boolean;
  rssMinMb: number;
  rssMaxMb: number;
  /** The RSS at the end and after the draft was opened. */
  rssStartMb: number;
  rssEndMb: number;
  seconds: number;
}

/** Growth allowed between the first and the last quarter of the soak (heap after a full collection). */
const SOAK_TOLERANCE = 0.1;
/** The share of the soak's edits before its readings count (the caches fill). */
const SOAK_WARM_UP = 0.1;

/** The soak's edits: `--soak-edits N`, 40 000 by default (the session of issue 21). */
function soakEdits(): number {
  const at = argv.indexOf('--soak-edits');
  const n = at >= 0 ? Number(argv[at + 1]) : 40_000;
  if (!Number.isInteger(n) || n < 400) throw new Error('--soak-edits needs a whole number of at least 400');
  return n;
}

/**
 * A long editing session over the protocol: `edits` one-character edits to one open draft, in
 * bursts of 50 (typing), each burst followed by waiting for the diagnostics of its last version
 * and a hover there. Odd edits type a random letter at a random place of a random line, even
 * edits delete it again, so the text keeps its size while new words come and go. The server runs
 * with --expose-gc: every edits/40 edits, concordance/stats collects garbage and reports the heap
 * it keeps, and the RSS is read from /proc.
 */
async function soak(node: string, text: string, edits: number): Promise<{ samples: SoakSample[]; verdict: SoakVerdict }> {
  const c = await Client.start(node, ['--expose-gc']);
  const uri = pathToFileURL(path.join(WORK, 'soak.draft')).toString();
  const samples: SoakSample[] = [];
  const every = Math.max(50, Math.round(edits / 40 / 50) * 50);
  const t0 = performance.now();
  const sample = async (n: number) => {
    const s = await c.conn.sendRequest<Stats>('concordance/stats');
    if (s.heapAfterGcMb === undefined) throw new Error('the server did not collect garbage: is it running with --expose-gc?');
    samples.push({ edits: n, rssMb: round(c.rss('VmRSS')), heapAfterGcMb: round(s.heapAfterGcMb) });
    process.stdout.write(`  soak: ${n} edits, heap after GC ${round(s.heapAfterGcMb)} MB, RSS ${round(c.rss('VmRSS'))} MB\n`);
  };
  try {
    const first = c.diagnostics(uri, 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'legal-draft', version: 1, text } });
    await first;
    await sample(0);
    const starts = lineStartsOf(text);
    const r = rng(7);
    let version = 1;
    let pos = { line: 0, character: 0 };
    for (let n = 1; n <= edits; n++) {
      version++;
      if (n % 2 === 1) {
        const line = Math.floor(r() * (starts.length - 1));
        const length = starts[line + 1] - 1 - starts[line];
        pos = { line, character: Math.floor(r() * (length + 1)) };
      }
      const letter = String.fromCharCode(97 + Math.floor(r() * 26));
      const change = n % 2 === 1 ? { range: { start: pos, end: pos }, text: letter } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
      const last = n % 50 === 0;
      const next = last ? c.diagnostics(uri, version) : undefined;
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      if (next) {
        await next;
        await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos });
      }
      if (n % every === 0 || n === edits) await sample(n);
    }
  } finally {
    await c.stop();
  }
  return { samples, verdict: soakVerdict(samples, edits, (performance.now() - t0) / 1000) };
}

/**
 * Flat: the median heap after a full collection over the last quarter of the readings after
 * warm-up is at most SOAK_TOLERANCE above the median over their first quarter.
 */
function soakVerdict(samples: SoakSample[], edits: number, seconds: number): SoakVerdict {
  const warmUpEdits = Math.round(edits * SOAK_WARM_UP);
  const judged = samples.filter((s) => s.edits >= warmUpEdits);
  const q = Math.max(1, Math.floor(judged.length / 4));
  const firstQuarterHeapMb = median(judged.slice(0, q).map((s) => s.heapAfterGcMb));
  const lastQuarterHeapMb = median(judged.slice(-q).map((s) => s.heapAfterGcMb));
  const mx = judged.reduce((a, s) => a + s.edits, 0) / judged.length;
  const my = judged.reduce((a, s) => a + s.heapAfterGcMb, 0) / judged.length;
  const sxy = judged.reduce((a, s) => a + (s.edits - mx) * (s.heapAfterGcMb - my), 0);
  const sxx = judged.reduce((a, s) => a + (s.edits - mx) ** 2, 0);
  const rss = samples.map((s) => s.rssMb);
  return {
    edits,
    warmUpEdits,
    firstQuarterHeapMb,
    lastQuarterHeapMb,
    heapSlopeMbPer10kEdits: round(sxx ? (sxy / sxx) * 10_000 : 0, 2),
    tolerance: SOAK_TOLERANCE,
    flat: lastQuarterHeapMb <= firstQuarterHeapMb * (1 + SOAK_TOLERANCE),
    rssMinMb: Math.min(...rss),
    rssMaxMb: Math.max(...rss),
    rssStartMb: rss[0],
    rssEndMb: rss[rss.length - 1],
    seconds: round(seconds, 0),
  };
}

function printSoak(s: { samples: SoakSample[]; verdict: SoakVerdict }): void {
  const v = s.verdict;
  console.log('| edits | ' + s.samples.map((x) => x.edits).join(' | ') + ' |\n|---|' + s.samples.map(() => '---|').join(''));
  console.log('| heap after GC MB | ' + s.samples.map((x) => x.heapAfterGcMb).join(' | ') + ' |');
  console.log('| RSS MB | ' + s.samples.map((x) => x.rssMb).join(' | ') + ' |');
  console.log(
    `soak: heap after GC ${v.firstQuarterHeapMb} MB (first quarter after ${v.warmUpEdits} warm-up edits) → ${v.lastQuarterHeapMb} MB (last quarter), ` +
      `slope ${v.heapSlopeMbPer10kEdits} MB per 10 000 edits; ${v.flat ? 'FLAT' : 'NOT FLAT'} (tolerance ${v.tolerance * 100} %); RSS ${v.rssMinMb}–${v.rssMaxMb} MB; ${v.seconds} s`,
  );
}

function machine(runtime: ServerRuntime) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    server: { node: runtime.version, v8: runtime.v8, runtime: runtime.why },
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  };
}

interface ServerRuntime {
  /** The executable, its Node.js and V8 versions, and why it was chosen. */
  node: string;
  version: string;
  v8: string;
  why: string;
}

/**
 * The Node.js the servers run on. An editor runs a language server on its own runtime, not on the
 * machine's Node: VS Code forks it with the extension host's executable (Electron's Node on the
 * desktop; code-server's Node 24, on which the editor tests run it). So by default the servers run
 * on Node.js EDITOR_NODE_MAJOR from the npm registry (the package the editor tests' harness installs),
 * fetched once into out/bench/runtime. `--server-node PATH` picks another executable, such as the
 * machine's (`--server-node "$(command -v node)"`). Without the registry, the machine's Node it is.
 */
function serverRuntime(): ServerRuntime {
  const at = argv.indexOf('--server-node');
  if (at >= 0) {
    if (!argv[at + 1]) throw new Error('--server-node needs the path of a Node.js executable');
    return runtimeOf(path.resolve(argv[at + 1]), 'given by --server-node');
  }
  const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const dir = path.join(WORK, 'runtime', `${pkg}-${EDITOR_NODE_MAJOR}`);
  const bin = path.join(dir, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const why = `the editor's runtime (${pkg}@${EDITOR_NODE_MAJOR} from the npm registry)`;
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    console.log(`fetching ${pkg}@${EDITOR_NODE_MAJOR} from the npm registry for the servers (once) …`);
    // npm as it runs this script (npm_execpath), else the one on PATH.
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : [process.platform === 'win32' ? 'npm.cmd' : 'npm'];
    const packed = spawnSync(npm[0], [...npm.slice(1), 'pack', `${pkg}@${EDITOR_NODE_MAJOR}`, '--pack-destination', dir], { encoding: 'utf8' });
    const tarball = packed.status === 0 ? path.join(dir, packed.stdout.trim().split('\n').pop() ?? '') : '';
    const unpacked = tarball && fs.existsSync(tarball) ? spawnSync('tar', ['-xzf', tarball, '-C', dir], { encoding: 'utf8' }) : undefined;
    if (tarball && fs.existsSync(tarball)) fs.rmSync(tarball);
    if (unpacked?.status !== 0 || !fs.existsSync(bin)) {
      // npm's own error line ("npm error FetchError: request to … failed"), else tar's, else what is missing.
      const npmError = (packed.stderr ?? '').split('\n').find((l) => /^npm (error|ERR!) (?!code|syscall|errno)\S/.test(l));
      const reason = npmError ?? (unpacked?.stderr.trim().split('\n')[0] || `no ${bin}`);
      console.log(`could not fetch ${pkg}@${EDITOR_NODE_MAJOR} (${reason}): the servers run on the machine's Node.js instead`);
      return runtimeOf(process.execPath, `the machine's (${pkg}@${EDITOR_NODE_MAJOR} could not be fetched)`);
    }
  }
  return runtimeOf(bin, why);
}

/** An executable as a ServerRuntime (its versions asked of it). */
function runtimeOf(node: string, why: string): ServerRuntime {
  const r = spawnSync(node, ['-p', 'process.version + " " + process.versions.v8'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${node} is not a Node.js executable (${(r.error?.message ?? r.stderr).trim()})`);
  const [version, v8] = r.stdout.trim().split(' ');
  return { node, version, v8, why };
}

function table(cases: Case[]): string {
  const cols: [string, (c: Case) => string][] = [
    ['size', (c) => (c.sizeBytes >= 2 ** 20 ? `${round(c.sizeBytes / 2 ** 20)} MB` : `${Math.round(c.sizeBytes / 1024)} KB`)],
    ['provisions (sections)', (c) => `${c.provisions} (${c.sections})`],
    ['open → diagnostics (runs)', (c) => `${Math.round(c.openToDiagnosticsMs)} ms (${spread(c.openToDiagnosticsRunsMs)})`],
    ['longest request wait while opening', (c) => `${Math.round(c.openMaxRequestLatencyMs)} ms`],
    ['hover p50 / p95 / p99', (c) => `${round(c.hoverP50Ms)} / ${round(c.hoverP95Ms)} / ${round(c.hoverP99Ms)} ms`],
    ['edit → diagnostics', (c) => `${Math.round(c.editToDiagnosticsMs)} ms`],
    ['re-analysis (runs; re-matched)', (c) => `${Math.round(c.reanalysisMs)} ms (${spread(c.reanalysisRunsMs)}; ${c.rematched})`],
    ['peak RSS', (c) => `${Math.round(c.peakRssMb)} MB`],
    ['CLI', (c) => `${round(c.cliMBps, 2)} MB/s`],
    ['floor', (c) => `${round(c.floorMs)} ms`],
    ['analysis', (c) => `${Math.round(c.analysisMs)} ms`],
    ['× floor', (c) => `${round(c.floorMultiple)}×`],
    ['BM25 baseline', (c) => `${Math.round(c.bm25Ms)} ms`],
  ];
  const head = '| ' + cols.map(([h]) => h).join(' | ') + ' |';
  const sep = '|' + cols.map(() => ' --- |').join('');
  return [head, sep, ...cases.map((c) => '| ' + cols.map(([, f]) => f(c)).join(' | ') + ' |')].join('\n');
}

async function main(): Promise<void> {
  for (const f of argv.includes('--open-only') ? [SERVER] : [SERVER, CLI]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run "npm run build"`);
  const runtime = serverRuntime();
  console.log(`servers on Node.js ${runtime.version} (V8 ${runtime.v8}), ${runtime.why}; CLI and in-process figures on ${process.version} (V8 ${process.versions.v8})`);
  fs.mkdirSync(WORK, { recursive: true });
  const openOnly = argv.indexOf('--open-only');
  if (openOnly >= 0) {
    const mb = Number(argv[openOnly + 1]);
    const runsAt = argv.indexOf('--runs');
    const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
    if (!(mb > 0) || !(runs >= 1)) throw new Error('--open-only needs a size in MB (and --runs a number of runs)');
    const text = generateDraft({ sizeBytes: Math.round(mb * 2 ** 20), seed: 1 });
    const file = path.join(WORK, `draft-${Math.round(mb * 2 ** 20)}.draft`);
    fs.writeFileSync(file, text);
    console.log(`${path.relative(ROOT, SERVER)}: ${mb} MB draft, ${runs} fresh servers`);
    for (let i = 0; i < runs; i++) {
      const c = await openCase(runtime.node, file, text);
      console.log(`  open → diagnostics ${Math.round(c.openToDiagnosticsMs)} ms; longest request wait while opening ${Math.round(c.openMaxRequestLatencyMs)} ms (${c.probes} requests)`);
    }
    return;
  }
  if (soakOnly) {
    const edits = soakEdits();
    console.log(`soak: ${edits} one-character edits to the 1 MB draft`);
    const s = await soak(runtime.node, generateDraft({ sizeBytes: 1024 * 1024, seed: 1 }), edits);
    printSoak(s);
    fs.writeFileSync(SOAK_RESULTS, JSON.stringify({ machine: machine(runtime), date: new Date().toISOString(), soak: s.verdict, samples: s.samples }, null, 2) + '\n');
    console.log(`\nwrote ${path.relative(ROOT, SOAK_RESULTS)}`);
    if (!s.verdict.flat) process.exitCode = 1;
    return;
  }
  const cases: Case[] = [];
  for (const sizeBytes of sizes) {
    const text = generateDraft({ sizeBytes, seed: 1 });
    const file = path.join(WORK, `draft-${sizeBytes}.draft`);
    fs.writeFileSync(file, text);
    const bytes = fs.statSync(file).size;
    process.stdout.write(`${round(bytes / 2 ** 20, 2)} MB: server …`);
    // Five fresh servers per size up to 1 MB, three for 5 MB, one for 20 MB (each takes most of a minute).
    const server = await serverCases(runtime.node, file, text, sizeBytes > 6 * 2 ** 20 ? 1 : sizeBytes > 2 * 2 ** 20 ? 3 : SERVER_RUNS);
    process.stdout.write(' CLI …');
    const cli = cliMBps(file, bytes);
    process.stdout.write(' in-process …\n');
    const floor = floorMs(file);
    const ip = inProcess(text);
    cases.push({
      sizeBytes: bytes,
      provisions: ip.provisions,
      sections: ip.sections,
      ...server,
      cliMBps: cli,
      floorMs: floor,
      analysisMs: ip.analysisMs,
      floorMultiple: ip.analysisMs / floor,
      bm25Ms: ip.bm25Ms,
    });
  }
  const rounded = cases.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'number' ? round(v, 2) : v])) as unknown as Case);
  console.log('\n' + table(rounded));
  let soakRun: Awaited<ReturnType<typeof soak>> | undefined;
  if (soakWanted) {
    const edits = soakEdits();
    console.log(`\nsoak: ${edits} one-character edits to the 1 MB draft`);
    soakRun = await soak(runtime.node, generateDraft({ sizeBytes: 1024 * 1024, seed: 1 }), edits);
    printSoak(soakRun);
  }
  let evictionRuns: ReturnType<typeof eviction> | undefined;
  if (evictionWanted) {
    console.log('\neviction: drafts with more short sections than the match cache holds (in-process)');
    evictionRuns = eviction();
  }
  const results = { machine: machine(runtime), date: new Date().toISOString(), quick, cases: rounded, ...(soakRun ? { soak: soakRun.verdict, soakSamples: soakRun.samples } : {}), ...(evictionRuns ? { eviction: evictionRuns } : {}) };
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(ROOT, RESULTS)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
