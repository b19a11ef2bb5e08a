// Reading structured files in a worker thread while the main thread loads the data (main.ts). The
// worker runs out/reader.js (this module and the format readers only, bundled by
// scripts/build.mjs: it starts faster than the whole CLI), else the CLI's own bundle.
import * as fs from 'fs';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { ReadDocument } from '../formats/read';
import { documentOf, readCapped } from './input';

/** A file to read (and analyse): its path, or its bytes (standard input). */
export interface Job {
  file: string;
  bytes?: Uint8Array;
  /** Its size, to hand out the largest first. */
  size: number;
}

/** A file or a draft read can be refused: the run then stops with the first such problem (in input order among those found). */
export class InputProblem extends Error {}

/** What a reading worker sends: each document in input order, or the first that cannot be read. */
type ReadReply = { index: number; doc: ReadDocument } | { index: number; problem: string };
const READER_FLAG = 'concordanceReadingWorker';
/** The reading worker's own bundle, beside the CLI's. */
const READER_BUNDLE = 'reader.js';

/** True (and the reading started) when this thread is a reading worker. */
export function runAsReaderIfAsked(): boolean {
  if (isMainThread || !parentPort || !(workerData as Record<string, unknown> | null)?.[READER_FLAG]) return false;
  const port = parentPort;
  void (async () => {
    const jobs = (workerData as { jobs: Job[] }).jobs;
    for (const [index, job] of jobs.entries()) {
      try {
        port.postMessage({ index, doc: await documentOf(job.file, job.bytes ?? readCapped(job.file)) } satisfies ReadReply);
      } catch (e) {
        port.postMessage({ index, problem: (e as Error).message ?? String(e) } satisfies ReadReply);
        break;
      }
    }
    port.close();
  })();
  return true;
}

/**
 * Reads `jobs` in order in one worker thread (Word, Akoma Ntoso and PDF parsed there), running
 * reader.js beside `script` when there is one, else `script`; `read(count, file)` is called as each
 * is read. Rejects with an InputProblem naming the first file that cannot be read (the files after
 * it are not read), or with an Error when the worker could not run.
 */
export function readInWorker(script: string, jobs: Job[], read: (count: number, file: string) => void): Promise<ReadDocument[]> {
  const own = path.join(path.dirname(script), READER_BUNDLE);
  return new Promise((resolve, reject) => {
    const docs: ReadDocument[] = [];
    let settled = false;
    const w = new Worker(fs.existsSync(own) ? own : script, { workerData: { [READER_FLAG]: true, jobs } });
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void w.terminate();
      fn();
    };
    w.on('message', (m: ReadReply) => {
      if ('problem' in m) return settle(() => reject(new InputProblem(m.problem)));
      docs[m.index] = m.doc;
      read(m.index + 1, jobs[m.index].file);
      if (m.index === jobs.length - 1) settle(() => resolve(docs));
    });
    w.on('error', (e) => settle(() => reject(e)));
    // After its messages (a worker that stopped early leaves documents unread).
    w.on('exit', (code) => setImmediate(() => settle(() => reject(new Error(`a reading worker stopped (exit code ${code})`)))));
  });
}
