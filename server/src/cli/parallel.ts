// Analyses many drafts on several cores: worker threads running this same bundle (out/cli.js), each
// with its own Analyzer, take the drafts largest first and send their analyses back as plain data
// (the Maps of an analysis are rebuilt here). The result is the same as analysing in order.
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { createAnalyzer, formatDataProblem } from '../analysis/engine';
import { messageLocale, type MessageLocale } from '../analysis/messages';
import type { DocumentAnalysis, Provision, ProvisionMatch } from '../analysis/types';

const WORKER_FLAG = 'concordanceAnalysisWorker';

/** An analysis as it crosses between threads: lists instead of Maps. */
interface PlainAnalysis extends Omit<DocumentAnalysis, 'parsed' | 'matches'> {
  parsed: Omit<DocumentAnalysis['parsed'], 'byId'>;
  matches: ProvisionMatch[];
}

function toPlain(a: DocumentAnalysis): PlainAnalysis {
  const { provisions, definitions, references } = a.parsed;
  return { ...a, parsed: { provisions, definitions, references }, matches: [...a.matches.values()] };
}

function fromPlain(a: PlainAnalysis): DocumentAnalysis {
  const byId = new Map<string, Provision>(a.parsed.provisions.map((p) => [p.id, p]));
  return { ...a, parsed: { ...a.parsed, byId }, matches: new Map(a.matches.map((m) => [m.provision, m])) };
}

/** True (and the worker started) when this thread is an analysis worker. */
export function runAsWorkerIfAsked(): boolean {
  if (isMainThread || !(workerData as Record<string, unknown> | null)?.[WORKER_FLAG] || !parentPort) return false;
  const port = parentPort;
  const { analyzer, problems } = createAnalyzer(undefined, { locale: messageLocale((workerData as Record<string, unknown>).locale) });
  if (!analyzer) {
    port.postMessage({ error: problems.map(formatDataProblem).join('\n') || 'the convention data could not be loaded' });
    return true;
  }
  port.on('message', (job: { index: number; text: string } | null) => {
    if (!job) {
      port.close();
      return;
    }
    port.postMessage({ index: job.index, analysis: toPlain(analyzer.analyze(job.text)) });
  });
  return true;
}

/** The cores there are, at most 4 (what --jobs is worth setting to). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
}

/**
 * Analyses `texts` with `jobs` worker threads; `done(i)` is called as each finishes. Rejects with
 * the worker's message when one fails.
 */
export function analyseInWorkers(script: string, texts: string[], jobs: number, done: (count: number) => void, locale: MessageLocale = 'en'): Promise<DocumentAnalysis[]> {
  const order = texts.map((_t, i) => i).sort((a, b) => texts[b].length - texts[a].length);
  const results: DocumentAnalysis[] = new Array(texts.length);
  let next = 0;
  let finished = 0;
  const workers: Worker[] = [];
  return new Promise<DocumentAnalysis[]>((resolve, reject) => {
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const feed = (w: Worker) => {
      if (next < order.length) {
        const index = order[next++];
        w.postMessage({ index, text: texts[index] });
      } else w.postMessage(null);
    };
    const count = Math.max(1, Math.min(jobs, texts.length));
    for (let k = 0; k < count; k++) {
      const w = new Worker(script, { workerData: { [WORKER_FLAG]: true, locale } });
      workers.push(w);
      w.on('message', (m: { index: number; analysis: PlainAnalysis } | { error: string }) => {
        if ('error' in m) return fail(new Error(m.error));
        results[m.index] = fromPlain(m.analysis);
        done(++finished);
        if (finished === texts.length) {
          for (const x of workers) x.postMessage(null);
          resolve(results);
        } else feed(w);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && finished < texts.length) fail(new Error(`an analysis worker stopped (exit code ${code})`));
      });
      feed(w);
    }
  });
}
