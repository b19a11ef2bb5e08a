// `npm run bench:threads [-- --laws N] [-- --runs N]`: whether two threads analyse twice as fast as
// one on this machine (the statute book's `table` runs two workers). N laws of 250 KB are made by
// bench/generate.ts (no corpus text). A worker thread with its own Analyzer (the CLI's cache bound)
// analyses them all alone, then two such workers each analyse them all at the same time; likewise
// a plain arithmetic loop, which touches no memory, alone and two at once (are the cores real?).
// Then the analysis beside a neighbour that is not an analysis: the arithmetic loop, and a loop
// streaming through 64 MB (is it the host's arithmetic or memory that a second thread takes?).
// Prints each thread's time and how much slower it ran beside another; writes
// bench/threads-results.json. Never a test.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { createAnalyzer } from '../server/src/analysis/engine';
import { CLI_CACHE_TEXTS } from '../server/src/cli/parallel';
import { generateDraft } from './generate';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'bench/threads-results.json');

/** A neighbour runs for `ms` milliseconds: arithmetic only, or reading and writing 64 MB over and over. */
type Task = { kind: 'analyse'; laws: number } | { kind: 'spin'; steps: number } | { kind: 'neighbour'; memory: boolean; ms: number };

/** Keeps a core busy for `ms`: integer arithmetic, or a pass over 64 MB (one int in 16, a cache line each) after another. */
function neighbour(memory: boolean, ms: number): number {
  const end = Date.now() + ms;
  const data = memory ? new Int32Array(16 << 20) : undefined;
  let x = 0;
  while (Date.now() < end) {
    if (data) for (let i = 0; i < data.length; i += 16) x += data[i]++;
    else for (let i = 0; i < 1e6; i++) x = (x * 31 + i) | 0;
  }
  if (x === 0.5) console.log(x);
  return ms;
}

/** Laws of 250 KB, the same for every thread (seeded). */
function lawsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => generateDraft({ sizeBytes: 250 * 1024, seed: 1000 + i }));
}

function work(task: Task): number {
  if (task.kind === 'neighbour') return neighbour(task.memory, task.ms);
  if (task.kind === 'spin') {
    const start = Date.now();
    let x = 0;
    for (let i = 0; i < task.steps; i++) x = (x + i * 7) | 0;
    // Used, so the loop is not optimised away.
    if (x === 0.5) console.log(x);
    return Date.now() - start;
  }
  const laws = lawsOf(task.laws);
  const { analyzer, problems } = createAnalyzer(undefined, { cacheTexts: CLI_CACHE_TEXTS });
  if (!analyzer) throw new Error(`data did not load: ${problems.map((p) => p.message).join('; ')}`);
  analyzer.prepare(['en']);
  const start = Date.now();
  for (const law of laws) analyzer.analyze(law);
  return Date.now() - start;
}

if (!isMainThread && parentPort) {
  parentPort.postMessage(work(workerData as Task));
} else {
  void main();
}

/** The time each of `threads` workers took to do `task` at the same time. */
function together(task: Task, threads: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
      const w = new Worker(__filename, { workerData: task });
      w.once('message', resolve);
      w.once('error', reject);
    })),
  );
}

/** The time `task` took in a worker while another worker ran `other` (started first, and long enough to outlast it). */
async function beside(task: Task, other: Task): Promise<number> {
  const [, ms] = await Promise.all([together(other, 1), together(task, 1)]);
  return ms[0];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const laws = opt('--laws', 20);
  const runs = opt('--runs', 3);
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const rows: { what: string; aloneMs: number[]; pairMs: number[][]; slowdown: number }[] = [];
  for (const [what, task] of [[`analysis of ${laws} laws of 250 KB`, { kind: 'analyse', laws }], ['arithmetic loop (no memory)', { kind: 'spin', steps: 1e9 }]] as [string, Task][]) {
    const aloneMs: number[] = [];
    const pairMs: number[][] = [];
    // Alone and in pairs, in turns: both see the same phase of the machine.
    for (let r = 0; r < runs; r++) {
      aloneMs.push((await together(task, 1))[0]);
      pairMs.push(await together(task, 2));
    }
    const slowdown = median(pairMs.flat()) / median(aloneMs);
    rows.push({ what, aloneMs, pairMs, slowdown: Math.round(slowdown * 100) / 100 });
    console.log(`${what}: alone ${aloneMs.join(', ')} ms; two at once ${pairMs.map((p) => p.join(' and ')).join(', ')} ms; each of two ${slowdown.toFixed(2)} times as long as one alone (two threads do ${(2 / slowdown).toFixed(2)} times the work of one)`);
  }
  // The analysis beside something else than an analysis, in turns with the analysis alone.
  const analysis: Task = { kind: 'analyse', laws };
  const aloneMs: number[] = [];
  const besideMs: Record<'arithmetic' | 'memory', number[]> = { arithmetic: [], memory: [] };
  for (let r = 0; r < runs; r++) {
    const alone = (await together(analysis, 1))[0];
    aloneMs.push(alone);
    // The neighbour outlasts the analysis: its data loading and compiling included.
    for (const kind of ['arithmetic', 'memory'] as const) besideMs[kind].push(await beside(analysis, { kind: 'neighbour', memory: kind === 'memory', ms: 2 * alone + 3000 }));
  }
  for (const kind of ['arithmetic', 'memory'] as const) {
    const what = `analysis of ${laws} laws beside ${kind === 'memory' ? 'a loop streaming through 64 MB' : 'an arithmetic loop'}`;
    const slowdown = median(besideMs[kind]) / median(aloneMs);
    rows.push({ what, aloneMs, pairMs: besideMs[kind].map((x) => [x]), slowdown: Math.round(slowdown * 100) / 100 });
    console.log(`${what}: alone ${aloneMs.join(', ')} ms; beside it ${besideMs[kind].join(', ')} ms; ${slowdown.toFixed(2)} times as long`);
  }
  const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`load average before: ${loadBefore}; after: ${loadAfter} (${os.cpus().length} cores)`);
  fs.writeFileSync(RESULTS, JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: os.cpus().length, loadBefore, loadAfter, rows }, null, 2) + '\n');
}
