// Reads and analyses many drafts on several cores: worker threads running this same bundle
// (out/cli.js), each with its own Analyzer (its data loaded once, while the main thread looks for
// the files), take the files largest first, read them (Word, PDF, Akoma Ntoso … parsed in the
// worker, not in the main thread) and send back the text and the analysis as plain data (the Maps
// of an analysis are rebuilt here). For the table, the workers' Analyzers make only the findings
// the coverage reads (AnalyzerOptions.findings), and only what the table reads crosses back. The
// result is the same as reading and analysing in order.
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { FindingScope } from '../analysis/analyze';
import { createAnalyzer, formatDataProblems } from '../analysis/engine';
import { messageLocale, type MessageLocale } from '../analysis/messages';
import { detached, positionIn, type LineIndex } from '../analysis/text';
import type { ArticleMatch, DocumentAnalysis, Provision, ProvisionMatch, Range, Span } from '../analysis/types';
import type { ReadDocument } from '../formats/read';
import { documentOf, readCapped } from './input';
import { InputProblem, runAsReaderIfAsked, type Job } from './reading';

export { InputProblem, readInWorker, type Job } from './reading';

const WORKER_FLAG = 'concordanceAnalysisWorker';

/**
 * Heap a worker may use per byte of its largest file: the CLI analyses a 20 MB draft within 1.5 GB
 * (server/test/protocol/cli.test.ts), about 60 bytes of heap per byte.
 */
const WORKER_HEAP_PER_BYTE = 80;

/**
 * The least heap limit a worker is given. V8 lets a heap grow to four times what survived its
 * last full collection only when the limit is at least 2 GB on a 64-bit machine (its heap
 * controller's largest size, 1 GB, doubled for 8-byte pointers); under 256 MB it grows it by 1.1
 * to 1.3 times, and a worker near its limit collects over and over (the 200-law table took a third
 * more CPU with 256 MB). What a worker's heap holds is bounded instead by what it keeps: the match
 * cache (CLI_CACHE_TEXTS) and one draft at a time.
 */
const WORKER_HEAP_FLOOR_MB = 2048;

/** An analysis as it crosses between threads: lists instead of Maps and Sets. */
interface PlainAnalysis extends Omit<DocumentAnalysis, 'parsed' | 'matches'> {
  parsed: Omit<DocumentAnalysis['parsed'], 'byId' | 'contents'> & { contents?: string[] };
  matches: ProvisionMatch[];
}

function toPlain(a: DocumentAnalysis): PlainAnalysis {
  const { provisions, definitions, references, contents } = a.parsed;
  return { ...a, parsed: { provisions, definitions, references, ...(contents ? { contents: [...contents] } : {}) }, matches: [...a.matches.values()] };
}

const isProvision = (p: Provision) => p.kind !== 'preamble' && p.kind !== 'trailing';

/**
 * What the concordance table reads of an analysis (buildTable, and whether the draft has any
 * provision): the coverage; of the provisions it names, their ids, kinds, labels, headings and
 * spans, and the strength of each article matched. Findings, definitions, references, element
 * evidence and reasons stay in the worker: on a statute book they were most of what the main
 * thread kept. The provisions and matches are partial objects of those types, read by nothing
 * but the table. (The analysis comes from an Analyzer whose findings are only those the coverage
 * reads, TABLE_FINDINGS: the coverage is the same as a full analysis's.)
 */
function forTable(a: DocumentAnalysis): PlainAnalysis {
  const named = new Set(a.coverage.flatMap((c) => c.provisions));
  const kept = a.parsed.provisions.filter((p) => named.has(p.id));
  if (!kept.some(isProvision)) {
    const first = a.parsed.provisions.find(isProvision);
    if (first) kept.push(first);
  }
  // Copies: a heading cut from the draft would keep the whole draft alive in this thread.
  const provisions = kept.map((p) => ({ id: p.id, kind: p.kind, label: detached(p.label), heading: p.heading === undefined ? undefined : detached(p.heading), span: p.span }) as unknown as Provision);
  const matches: ProvisionMatch[] = [];
  for (const m of a.matches.values()) {
    if (named.has(m.provision)) matches.push({ provision: m.provision, matches: m.matches.map((x) => ({ article: x.article, strength: x.strength }) as unknown as ArticleMatch) });
  }
  return { language: a.language, problems: a.problems, coverage: a.coverage, findings: [], parsed: { provisions, definitions: [], references: [] }, matches };
}

/** An analysis as the main thread gets it back from a worker (structured clone, as postMessage copies it): exposed for tests. */
export function acrossThreads(a: DocumentAnalysis): DocumentAnalysis {
  return fromPlain(structuredClone(toPlain(a)));
}

function fromPlain(a: PlainAnalysis): DocumentAnalysis {
  const byId = new Map<string, Provision>(a.parsed.provisions.map((p) => [p.id, p]));
  const { contents, ...parsed } = a.parsed;
  return { ...a, parsed: { ...parsed, byId, ...(contents ? { contents: new Set(contents) } : {}) }, matches: new Map(a.matches.map((m) => [m.provision, m])) };
}

/**
 * Where a text's lines start, as LineIndex counts them ("\r\n", "\r" and "\n" each end a line),
 * the first line's aside, and its length: all the table needs of a draft's text to place its
 * provisions (4 bytes a line instead of 2 a character).
 */
export interface TextLines {
  starts: Uint32Array;
  length: number;
}

export function linesOf(text: string): TextLines {
  const starts: number[] = [];
  // From one line break to the next by indexOf (a native search), not character by character:
  // a statute book is 50 million characters.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      next = lf === cr + 1 ? cr + 2 : cr + 1;
      cr = text.indexOf('\r', next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
    } else {
      next = lf + 1;
      lf = text.indexOf('\n', next);
    }
    starts.push(next);
  }
  return { starts: Uint32Array.from(starts), length: text.length };
}

/**
 * Positions in a draft from where its lines start, as a LineIndex of its text gives them (line
 * and character, offsets clamped to the text): all the table reads of a draft's text, with no
 * text made (tableSkeleton.test.ts compares the two on every offset of random texts).
 */
export function positionsOf({ starts, length }: TextLines): Pick<LineIndex, 'rangeOf'> {
  // Line 0 starts at 0, before the starts kept.
  const all = new Uint32Array(starts.length + 1);
  all.set(starts, 1);
  return { rangeOf: (span: Span): Range => ({ start: positionIn(all, length, span.start), end: positionIn(all, length, span.end) }) };
}

export interface Analysed {
  doc: ReadDocument;
  analysis: DocumentAnalysis;
  /** For the table: where the text's lines start (`doc.text` is then empty). */
  lines?: TextLines;
}

/** What the table keeps of a draft: the table's part of its analysis, where its lines start instead of its text, no element ids. */
function tableDraft(doc: ReadDocument, analysis: DocumentAnalysis): { doc: ReadDocument; analysis: PlainAnalysis; lines: TextLines } {
  return { doc: { ...doc, text: '', anchors: undefined, pageStarts: undefined }, analysis: forTable(analysis), lines: linesOf(doc.text) };
}

/** tableDraft, in this thread (one thread keeps no more of each draft than the workers send). */
export function forTableHere(doc: ReadDocument, analysis: DocumentAnalysis): Analysed {
  const t = tableDraft(doc, analysis);
  return { ...t, analysis: fromPlain(t.analysis) };
}

/**
 * Unit texts a CLI Analyzer keeps in its match cache (AnalyzerOptions.cacheTexts): the laws of a
 * statute book share almost no section, so across files a larger cache only kept memory (10,000
 * texts held about 90 MB more in each worker than 1,000, for the same time on the 200 laws and
 * on the 5 MB act).
 */
export const CLI_CACHE_TEXTS = 1_000;

/**
 * The findings the table's Analyzers make (AnalyzerOptions.findings): only what the coverage reads
 * (the table reads no finding but through the coverage), which saves the other checks' time.
 */
export const TABLE_FINDINGS: FindingScope = 'coverage';

type Request = { index: number; file: string; bytes?: Uint8Array } | null;

type Reply = { index: number; doc: ReadDocument; analysis: PlainAnalysis; lines?: TextLines } | { index: number; problem: string } | { error: string };

/** True (and the worker started) when this thread is an analysis worker or a reading worker. */
export function runAsWorkerIfAsked(): boolean {
  if (runAsReaderIfAsked()) return true;
  if (isMainThread || !(workerData as Record<string, unknown> | null)?.[WORKER_FLAG] || !parentPort) return false;
  const port = parentPort;
  const { locale, table } = workerData as { locale?: unknown; table?: unknown };
  // A table worker's every job is for the table: its Analyzer makes only what the table reads.
  const tableWorker = table === true;
  const { analyzer, problems } = createAnalyzer(undefined, { locale: messageLocale(locale), cacheTexts: CLI_CACHE_TEXTS, findings: tableWorker ? TABLE_FINDINGS : 'all' });
  if (!analyzer) {
    port.postMessage({ error: formatDataProblems(problems) } satisfies Reply);
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
        if (!tableWorker) return { index: job.index, doc, analysis: toPlain(analysis) };
        return { index: job.index, ...tableDraft(doc, analysis) };
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
 * finishes; `cancel()` stops the workers. `table`: the workers analyse for the table (TABLE_FINDINGS)
 * and only what the table reads comes back. Rejects with an InputProblem naming the
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
        w.postMessage({ index, file: jobs[index].file, bytes: jobs[index].bytes } satisfies Request);
      } else if (running === 0) {
        if (problems.length) settle(() => reject(new InputProblem(problems.sort((a, b) => a.index - b.index)[0].problem)));
        else settle(() => resolve(results));
      }
    };
    const count = Math.max(1, Math.min(threads, jobs.length));
    // Room for the largest file, and never so little that V8 collects all the time.
    const largest = jobs.reduce((m, j) => Math.max(m, j.size), 0);
    const maxOldGenerationSizeMb = Math.max(WORKER_HEAP_FLOOR_MB, Math.ceil((WORKER_HEAP_PER_BYTE * largest) / 2 ** 20));
    for (let k = 0; k < count; k++) {
      const w = new Worker(script, { workerData: { [WORKER_FLAG]: true, locale, table }, resourceLimits: { maxOldGenerationSizeMb } });
      workers.push(w);
      w.on('message', (m: Reply) => {
        // The data could not be loaded (or compiled) there: a data problem, told in one line as here.
        if ('error' in m) return settle(() => reject(new InputProblem(m.error)));
        running--;
        if ('problem' in m) problems.push(m);
        else {
          results[m.index] = { doc: m.doc, analysis: fromPlain(m.analysis), ...(m.lines ? { lines: m.lines } : {}) };
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
