// Reads and analyses many drafts on several cores: worker threads running this same bundle
// (out/cli.js), each with its own Analyzer (its data loaded once, while the main thread looks for
// the files), take the files largest first, read them (Word, PDF, Akoma Ntoso … parsed in the
// worker, not in the main thread) and send back the text and the analysis as plain data (the Maps
// of an analysis are rebuilt here). For the table only what the table reads crosses back. The result
// is the same as reading and analysing in order.
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { createAnalyzer, formatDataProblem } from '../analysis/engine';
import { messageLocale, type MessageLocale } from '../analysis/messages';
import type { DocumentAnalysis, Provision, ProvisionMatch } from '../analysis/types';
import type { ReadDocument } from '../formats/read';
import { documentOf, readCapped } from './input';
import { InputProblem, runAsReaderIfAsked, type Job } from './reading';

export { InputProblem, readInWorker, type Job } from './reading';

const WORKER_FLAG = 'concordanceAnalysisWorker';

/**
 * Heap a worker may use per byte of its largest file, beyond 256 MB for the data: the CLI analyses
 * a 20 MB draft within 1.5 GB (server/test/protocol/cli.test.ts), about 60 bytes of heap per byte.
 */
const WORKER_HEAP_PER_BYTE = 80;

/** An analysis as it crosses between threads: lists instead of Maps. */
interface PlainAnalysis extends Omit<DocumentAnalysis, 'parsed' | 'matches'> {
  parsed: Omit<DocumentAnalysis['parsed'], 'byId'>;
  matches: ProvisionMatch[];
}

function toPlain(a: DocumentAnalysis): PlainAnalysis {
  const { provisions, definitions, references } = a.parsed;
  return { ...a, parsed: { provisions, definitions, references }, matches: [...a.matches.values()] };
}

const isProvision = (p: Provision) => p.kind !== 'preamble' && p.kind !== 'trailing';

/**
 * What the concordance table reads of an analysis (buildTable, and whether the draft has any
 * provision): the coverage, the provisions it names and their matches. Findings, definitions and
 * references stay in the worker.
 */
function forTable(a: DocumentAnalysis): PlainAnalysis {
  const named = new Set(a.coverage.flatMap((c) => c.provisions));
  const provisions = a.parsed.provisions.filter((p) => named.has(p.id));
  if (!provisions.some(isProvision)) {
    const first = a.parsed.provisions.find(isProvision);
    if (first) provisions.push(first);
  }
  const matches = [...a.matches.values()].filter((m) => named.has(m.provision));
  return { ...a, findings: [], parsed: { provisions, definitions: [], references: [] }, matches };
}

function fromPlain(a: PlainAnalysis): DocumentAnalysis {
  const byId = new Map<string, Provision>(a.parsed.provisions.map((p) => [p.id, p]));
  return { ...a, parsed: { ...a.parsed, byId }, matches: new Map(a.matches.map((m) => [m.provision, m])) };
}

/** What the table reads of an analysis, as an analysis (one thread keeps no more of each draft than the workers send). */
export function tableOnly(a: DocumentAnalysis): DocumentAnalysis {
  return fromPlain(forTable(a));
}


export interface Analysed {
  doc: ReadDocument;
  analysis: DocumentAnalysis;
}

type Request = { index: number; file: string; bytes?: Uint8Array; table: boolean } | null;

type Reply = { index: number; doc: ReadDocument; analysis: PlainAnalysis } | { index: number; problem: string } | { error: string };

/** True (and the worker started) when this thread is an analysis worker or a reading worker. */
export function runAsWorkerIfAsked(): boolean {
  if (runAsReaderIfAsked()) return true;
  if (isMainThread || !(workerData as Record<string, unknown> | null)?.[WORKER_FLAG] || !parentPort) return false;
  const port = parentPort;
  const { analyzer, problems } = createAnalyzer(undefined, { locale: messageLocale((workerData as Record<string, unknown>).locale) });
  if (!analyzer) {
    port.postMessage({ error: problems.map(formatDataProblem).join('\n') || 'the convention data could not be loaded' } satisfies Reply);
    return true;
  }
  port.on('message', (job: Request) => {
    if (!job) {
      port.close();
      return;
    }
    void (async (): Promise<Reply> => {
      try {
        const doc = await documentOf(job.file, job.bytes ?? readCapped(job.file));
        const analysis = analyzer.analyze(doc.text);
        if (!job.table) return { index: job.index, doc, analysis: toPlain(analysis) };
        // The table shows no element ids.
        return { index: job.index, doc: { ...doc, anchors: undefined }, analysis: forTable(analysis) };
      } catch (e) {
        return { index: job.index, problem: (e as Error).message ?? String(e) };
      }
    })().then((reply) => port.postMessage(reply));
  });
  return true;
}

/** The cores there are, at most 4 (what --jobs is worth setting to). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
}


/**
 * Reads and analyses `jobs` with `threads` worker threads; `done(count, file)` is called as each
 * finishes; `cancel()` stops the workers. `table`: only what the table reads comes back. Rejects with an InputProblem naming the
 * file when one cannot be read, or with the worker's message when one fails.
 */
export function analyseInWorkers(script: string, jobs: Job[], threads: number, table: boolean, done: (count: number, file: string) => void, locale: MessageLocale = 'en'): { done: Promise<Analysed[]>; cancel(): void } {
  const order = jobs.map((_j, i) => i).sort((a, b) => jobs[b].size - jobs[a].size || a - b);
  const results: Analysed[] = new Array(jobs.length);
  let next = 0;
  let finished = 0;
  let running = 0;
  const problems: { index: number; problem: string }[] = [];
  const workers: Worker[] = [];
  let cancel = () => undefined as void;
  const promise = new Promise<Analysed[]>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      fn();
    };
    const feed = (w: Worker) => {
      // After a refused file, nothing new is started; what runs is let finish.
      if (next < order.length && !problems.length) {
        const index = order[next++];
        running++;
        w.postMessage({ index, file: jobs[index].file, bytes: jobs[index].bytes, table } satisfies Request);
      } else if (running === 0) {
        if (problems.length) settle(() => reject(new InputProblem(problems.sort((a, b) => a.index - b.index)[0].problem)));
        else settle(() => resolve(results));
      }
    };
    const count = Math.max(1, Math.min(threads, jobs.length));
    // A worker's heap is bounded by what its largest file needs: V8 otherwise lets each worker's
    // heap grow far past what it keeps (3 threads went past 1.4 GB on 200 laws of 250 KB).
    const largest = Math.max(...jobs.map((j) => j.size));
    const maxOldGenerationSizeMb = Math.max(256, Math.ceil((WORKER_HEAP_PER_BYTE * largest) / 2 ** 20));
    for (let k = 0; k < count; k++) {
      const w = new Worker(script, { workerData: { [WORKER_FLAG]: true, locale }, resourceLimits: { maxOldGenerationSizeMb } });
      workers.push(w);
      w.on('message', (m: Reply) => {
        // The data could not be loaded (or compiled) there: a data problem, told in one line as here.
        if ('error' in m) return settle(() => reject(new InputProblem(m.error)));
        running--;
        if ('problem' in m) problems.push(m);
        else {
          results[m.index] = { doc: m.doc, analysis: fromPlain(m.analysis) };
          done(++finished, jobs[m.index].file);
        }
        if (finished === jobs.length) settle(() => resolve(results));
        else feed(w);
      });
      w.on('error', (e) => settle(() => reject(e)));
      w.on('exit', (code) => {
        if (code !== 0) settle(() => reject(new Error(`an analysis worker stopped (exit code ${code})`)));
      });
      feed(w);
    }
    cancel = () => settle(() => resolve([]));
  });
  return { done: promise, cancel: () => cancel() };
}
