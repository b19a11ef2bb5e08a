// The `concordance` command line: check, article, table, eval, lsp.
// Exit codes: 0 when the command ran (whatever it found), 2 on usage, input or data errors —
// then one line naming the file and the problem goes to stderr and nothing to stdout.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs, type ParseArgsConfig } from 'util';
import { version as packageVersion } from '../../../package.json';
import type { Analyzer, FindingScope } from '../analysis/analyze';
import { articleRecord, formatArticleText } from '../analysis/data/articleView';
import { BASE_LANGUAGE } from '../analysis/data/languages';
import type { ConventionData } from '../analysis/data/types';
import { createAnalyzer, defaultDataDir, formatDataProblems, loadReportData } from '../analysis/engine';
import type { MessageLocale, Messages } from '../analysis/messages';
import { checksDocAnchor, toTextReport, writeJsonReports, writeSarif, type ReportDocument, type Write } from '../analysis/report';
import { buildTable, renderTable, type TableDocument, type TableFormat } from '../analysis/table';
import { DRAFT_EXTENSIONS, STRUCTURED_EXTENSIONS, type ReadDocument } from '../formats/read';
import { formatEval, parseCases, runEval, type EvalCase } from './eval';
import { collectSamples, fitWithChosenPenalty, leaveOneJurisdictionOut, withFittedWeights } from './fit';
import { analyseInWorkers, CLI_CACHE_TEXTS, defaultJobs, forTableHere, InputProblem, positionsOf, readInWorker, TABLE_FINDINGS, type Analysed, type Job } from './parallel';

import { documentOf, MAX_INPUT_BYTES, readCapped, sizeText, TOO_BIG, UsageError } from './input';

export { MAX_INPUT_BYTES, readCapped, UsageError };

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  usage: string;
  summary: string;
  help: string;
  options: Options;
  formats?: string[];
}

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };

const COMMANDS: Record<string, Command> = {
  check: {
    usage: 'concordance check [--format text|json|sarif] [--locale en|es|fr] PATH...',
    summary: 'analyse drafts',
    help: `PATH is a draft file, a folder (every draft in it, sub-folders included) or - for standard input.
Reads plain text in UTF-8, UTF-16 or Windows-1252, Markdown, Word (.docx), OpenDocument text (.odt), RTF,
Akoma Ntoso XML (.akn, .xml) and the text layer of PDF files (docs/formats.md).
  --format text    a summary for people (default)
  --format json    the JSON report (docs/json.md); an array when several drafts are read
  --format sarif   one SARIF 2.1.0 log for all drafts, for code review and CI systems
  --locale L       the language of the findings' messages: en (default), es or fr
  --jobs N         read and analyse N drafts at once in worker threads (default: ${defaultJobs()}, the cores,
                   for 4 or more files of 4 MB or more in all; else 1)`,
    options: { format: { type: 'string', short: 'f' }, jobs: { type: 'string', short: 'j' }, locale: { type: 'string', short: 'l' } },
    formats: ['text', 'json', 'sarif'],
  },
  article: {
    usage: 'concordance article N [--format text|json]',
    summary: 'what the data says about an article',
    help: `N is an article number of the Convention.
  --format text    readable text (default)
  --format json    the article's record`,
    options: { format: { type: 'string', short: 'f' } },
    formats: ['text', 'json'],
  },
  table: {
    usage: 'concordance table [--format csv|markdown|html] [--locale en|es|fr] PATH...',
    summary: 'the concordance table of one or more drafts',
    help: `PATH is a draft file, a folder (every draft in it, sub-folders included) or - for standard input.
  --format markdown   (default)
  --format csv        RFC 4180, with a UTF-8 byte-order mark so spreadsheet programs read accents and dashes
  --format html       a standalone page
  --locale L          the language of the table's words and safeguard names: en (default), es or fr
                      (article titles stay English until official Spanish and French titles are verified)
  --jobs N            read and analyse N drafts at once in worker threads (default: ${defaultJobs()}, the cores,
                      for 4 or more files of 4 MB or more in all; else 1)`,
    options: { format: { type: 'string', short: 'f' }, jobs: { type: 'string', short: 'j' }, locale: { type: 'string', short: 'l' } },
    formats: ['markdown', 'csv', 'html'],
  },
  eval: {
    usage: 'concordance eval CASES.jsonl... [--no-heading] [--lojo] [--format text|json]',
    summary: 'measure matching and checks on labelled cases',
    help: `Each CASES.jsonl has one JSON object per line: id, text, expected_articles (strings), and optionally
heading, provision, acceptable_articles, expected_codes, forbidden_codes.
  --no-heading     also measure with the headings left out
  --lojo           also measure with weights fitted leaving one jurisdiction out at a time
  --format text|json`,
    options: { format: { type: 'string', short: 'f' }, 'no-heading': { type: 'boolean' }, lojo: { type: 'boolean' } },
    formats: ['text', 'json'],
  },
  fit: {
    usage: 'concordance fit CASES.jsonl... [--write]',
    summary: "refit the matcher's signal weights on labelled cases",
    help: `Prints the fitted weights and thresholds, and the L2 penalty chosen by leave-one-jurisdiction-out
  within the given cases.
  --write          also write them into data/matcher.json`,
    options: { write: { type: 'boolean' } },
  },
  lsp: {
    usage: 'concordance lsp',
    summary: 'the language server on standard input and output',
    help: 'Speaks the Language Server Protocol over stdio, for editors other than VS Code.',
    options: { stdio: { type: 'boolean' } },
  },
};

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'usage:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    `  concordance --version`,
    '',
    'concordance COMMAND --help tells more about a command.',
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = COMMANDS[name];
  return `usage: ${c.usage}\n${c.summary[0].toUpperCase()}${c.summary.slice(1)}.\n\n${c.help}\n`;
}

/** Parses a command's arguments with node's parseArgs; a mistake is one line. */
function parseCommand(name: string, argv: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const command = COMMANDS[name];
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...command.options, ...HELP_OPTION }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${name}: unknown option ${option} (see concordance ${name} --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${name}: ${option.replace(/ <value>$/, '')} needs a value (see concordance ${name} --help)`);
    throw new UsageError(`${name}: ${err.message.split('\n')[0]}`);
  }
}

function expectFormat(name: string, value: string | boolean | undefined): string {
  const allowed = COMMANDS[name].formats!;
  const f = typeof value === 'string' ? value : allowed[0];
  if (!allowed.includes(f)) throw new UsageError(`${name}: unknown format "${f}"; use ${allowed.join(', ')}`);
  return f;
}

const LOCALES: readonly MessageLocale[] = ['en', 'es', 'fr'];

function localeOf(name: string, value: string | boolean | undefined): MessageLocale {
  if (value === undefined) return 'en';
  const l = String(value).toLowerCase() as MessageLocale;
  if (!LOCALES.includes(l)) throw new UsageError(`${name}: unknown locale "${String(value)}"; use ${LOCALES.join(', ')}`);
  return l;
}

/** `findings`: which findings its analyses carry (the table's: TABLE_FINDINGS). */
function loadAnalyzer(locale: MessageLocale = 'en', findings: FindingScope = 'all'): Analyzer {
  const { analyzer, problems } = createAnalyzer(undefined, { locale, cacheTexts: CLI_CACHE_TEXTS, findings });
  if (!analyzer) throw new UsageError(formatDataProblems(problems));
  return analyzer;
}

/** What writes the reports: the data and the messages (of the analyses' language). */
interface Reporter {
  data: ConventionData;
  messages: Messages;
}

/** The data and messages without the matcher (the analyses are made in worker threads). */
function loadReporter(locale: MessageLocale): Reporter {
  const { data, messages, problems } = loadReportData(undefined, { locale });
  if (!data || !messages) throw new UsageError(formatDataProblems(problems));
  return { data, messages };
}

/** Reads standard input, at most MAX_INPUT_BYTES. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > MAX_INPUT_BYTES) {
      process.stdin.destroy();
      throw new UsageError(`-: standard input is more than ${sizeText(MAX_INPUT_BYTES)}; ${TOO_BIG}`);
    }
  }
  return Buffer.concat(chunks, total);
}

/** Reads a draft of any supported format; refuses what cannot be analysed, naming the file. */
export function readDraft(file: string): Promise<ReadDocument> {
  return documentOf(file, readCapped(file));
}


/** Every draft in a folder and its sub-folders (hidden folders and node_modules left out), sorted. */
function draftsIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 32) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new UsageError(`${d}: ${(e as Error).message}`);
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile() && [...DRAFT_EXTENSIONS, ...STRUCTURED_EXTENSIONS].includes(path.extname(e.name).toLowerCase())) found.push(p);
    }
  };
  walk(dir, 0);
  return found;
}

/** Every PATH (file, folder or -) as files to read: folders walked, standard input read now. */
async function collectInputs(name: string, paths: string[]): Promise<Job[]> {
  if (paths.length === 0) throw new UsageError(`${name}: give at least one draft, folder or - (see concordance ${name} --help)`);
  const inputs: Job[] = [];
  let stdinUsed = false;
  const sizeOf = (f: string) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0; // readCapped names the problem
    }
  };
  for (const p of paths) {
    if (p === '-') {
      if (stdinUsed) throw new UsageError(`${name}: - (standard input) can be given only once`);
      stdinUsed = true;
      const bytes = await readStdin();
      inputs.push({ file: '-', bytes, size: bytes.length });
      continue;
    }
    let isDir = false;
    try {
      isDir = fs.statSync(p).isDirectory();
    } catch {
      // readCapped names the problem
    }
    if (isDir) {
      const files = draftsIn(p);
      if (files.length === 0) throw new UsageError(`${p}: no drafts in this folder (looked for ${[...DRAFT_EXTENSIONS, ...STRUCTURED_EXTENSIONS].join(' ')})`);
      for (const f of files) inputs.push({ file: f, size: sizeOf(f) });
    } else inputs.push({ file: p, size: sizeOf(p) });
  }
  return inputs;
}

/** Below this many files or bytes in all, one thread is quicker than starting workers (each loads the data). */
const AUTO_JOBS_MIN_FILES = 4;
const AUTO_JOBS_MIN_BYTES = 4 * 1024 * 1024;

/** --jobs N, or by default the cores when there are many files and much to read, else 1. */
function jobsOf(name: string, value: string | boolean | undefined, inputs: Job[]): number {
  if (value === undefined) {
    const bytes = inputs.reduce((n, i) => n + i.size, 0);
    return inputs.length >= AUTO_JOBS_MIN_FILES && bytes >= AUTO_JOBS_MIN_BYTES ? defaultJobs() : 1;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`${name}: --jobs needs a whole number from 1 to 64, not "${String(value)}"`);
  return n;
}

/**
 * Structured files (Word, Akoma Ntoso, PDF) of at least this many bytes in all are read in a worker
 * thread while this one loads the data: the two took about as long, one after the other.
 */
const READ_IN_WORKER_MIN_BYTES = 64 * 1024;

function readsInWorker(inputs: Job[]): boolean {
  const structured = inputs.filter((i) => i.file !== '-' && STRUCTURED_EXTENSIONS.includes(path.extname(i.file).toLowerCase()));
  return structured.reduce((n, i) => n + i.size, 0) >= READ_IN_WORKER_MIN_BYTES;
}

/**
 * Reads and analyses every input, telling progress on a terminal: in this thread, every file read
 * before any is analysed (read in a worker thread while the data loads here, for structured
 * files); or in `threads` worker threads, which read and analyse (the data and messages are loaded
 * here meanwhile, for the reports). A file that cannot be read stops the run before anything is
 * written, and is told before a data problem. `table`: the analyses make only the findings the
 * coverage reads (TABLE_FINDINGS), and only what the table reads is kept of each.
 */
async function readAndAnalyse(inputs: Job[], threads: number, table: boolean, locale: MessageLocale = 'en'): Promise<Reporter & { docs: (ReportDocument & Pick<TableDocument, 'positions'>)[] }> {
  const progress = inputs.length > 1 && process.stderr.isTTY;
  const tell = (what: string, i: number, file: string) => {
    if (progress) process.stderr.write(`\r\x1b[K${what} ${i}/${inputs.length} ${file}`);
  };
  let reporter: Reporter;
  let results: Analysed[];
  const findings: FindingScope = table ? TABLE_FINDINGS : 'all';
  try {
    if (threads > 1 && inputs.length > 1) {
      const run = analyseInWorkers(__filename, inputs, threads, table, (n, file) => tell('read and analysed', n, file), locale);
      try {
        reporter = loadReporter(locale);
      } catch (e) {
        run.cancel();
        throw e;
      }
      try {
        results = await run.done;
      } catch (e) {
        throw e instanceof InputProblem ? new UsageError(e.message) : e;
      }
    } else {
      let docs: ReadDocument[] = [];
      let analyzer: Analyzer | undefined;
      let dataProblem: unknown;
      if (readsInWorker(inputs)) {
        let readingDone = false;
        const reading = readInWorker(__filename, inputs, (i, file) => tell('read', i, file));
        reading.then(
          () => (readingDone = true),
          () => (readingDone = true),
        );
        try {
          analyzer = loadAnalyzer(locale, findings);
          // While the worker still reads, compile what the base language reads (every other
          // language falls back to it): a draft then compiles at most its own language's lists.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (!readingDone) analyzer.prepare([BASE_LANGUAGE]);
        } catch (e) {
          dataProblem = e;
        }
        try {
          docs = await reading;
        } catch (e) {
          if (e instanceof InputProblem) throw new UsageError(e.message);
          // The worker could not run (this module loaded by something else than the CLI's bundle): read here.
          docs = [];
        }
      }
      if (docs.length < inputs.length) {
        docs = [];
        for (const [i, input] of inputs.entries()) {
          tell('reading', i + 1, input.file);
          docs.push(await documentOf(input.file, input.bytes ?? readCapped(input.file)));
        }
      }
      if (dataProblem) throw dataProblem;
      const a = analyzer ?? loadAnalyzer(locale, findings);
      reporter = a;
      results = docs.map((doc, i) => {
        tell('analysing', i + 1, inputs[i].file);
        const analysis = a.analyze(doc.text);
        // The table keeps only what it shows (as the workers send), not every draft's whole
        // analysis (whose findings are only those the coverage reads, as the workers' are).
        if (!table) return { doc, analysis };
        docs[i] = undefined as unknown as ReadDocument;
        return forTableHere(doc, analysis);
      });
    }
  } finally {
    if (progress) process.stderr.write('\r\x1b[K');
  }
  const docs = inputs.map(({ file }, i): ReportDocument & Pick<TableDocument, 'positions'> => {
    const { doc, analysis, lines } = results[i];
    const report = { file, text: doc.text, analysis, format: doc.format, encoding: doc.encoding, notices: doc.notices, anchors: doc.anchors, pageStarts: doc.pageStarts };
    // The table's drafts: no text kept, only where their lines start (what the table places provisions by).
    return lines ? { ...report, positions: positionsOf(lines) } : report;
  });
  return { data: reporter.data, messages: reporter.messages, docs };
}

function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  const rel = path.relative(process.cwd(), file);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).map(encodeURIComponent).join('/');
  return pathToFileURL(path.resolve(file)).href;
}

/** A code's section of docs/checks.md (docs/checks.es.md, docs/checks.fr.md in Spanish and French). */
function helpUri(code: string, locale: MessageLocale = 'en'): string {
  const docs = path.resolve(__dirname, locale === 'en' ? '../docs/checks.md' : `../docs/checks.${locale}.md`);
  return `${pathToFileURL(docs).href}#${checksDocAnchor(code)}`;
}

/** Labelled cases from one or more JSON-lines corpora. */
async function readCases(files: string[], command: string): Promise<EvalCase[]> {
  if (files.length === 0) throw new UsageError(`${command}: give at least one CASES.jsonl file (see concordance ${command} --help)`);
  const cases: EvalCase[] = [];
  for (const f of files) {
    const text = (await readDraft(f)).text;
    try {
      for (const c of parseCases(text, f)) cases.push(c);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return cases;
}

export async function main(argv: string[], out: Write): Promise<number> {
  const [command = '', ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    await out(`concordance ${packageVersion}\n`);
    return 0;
  }
  if (command === '' || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) await out(commandHelp(topic));
    else if (topic) throw new UsageError(`help: unknown command "${topic}"`);
    else await out(usage() + '\n');
    return command === '' ? 2 : 0;
  }
  if (!COMMANDS[command]) throw new UsageError(`unknown command "${command}"; use ${Object.keys(COMMANDS).join(', ')} (see concordance --help)`);
  const { values, positionals } = parseCommand(command, rest);
  if (values.help) {
    await out(commandHelp(command));
    return 0;
  }
  switch (command) {
    case 'check': {
      const format = expectFormat(command, values.format);
      const inputs = await collectInputs(command, positionals);
      const { data, messages, docs } = await readAndAnalyse(inputs, jobsOf(command, values.jobs, inputs), false, localeOf(command, values.locale));
      if (format === 'json') await writeJsonReports(docs, data, out, docs.length !== 1);
      else if (format === 'sarif') await writeSarif(docs, data, { version: packageVersion, helpUri: (code) => helpUri(code, messages.locale), artifactUri }, out);
      else for (let i = 0; i < docs.length; i++) await out((i ? '\n' : '') + toTextReport(docs[i], messages));
      return 0;
    }
    case 'article': {
      const format = expectFormat(command, values.format);
      if (positionals.length > 1) throw new UsageError(`article: give one article number, not ${positionals.length}`);
      const n = Number(positionals[0]);
      const analyzer = loadAnalyzer();
      if (!Number.isInteger(n) || !analyzer.data.articles.some((a) => a.article === n)) {
        throw new UsageError(`article: "${positionals[0] ?? ''}" is not an article of the Convention (1 to ${analyzer.data.articles.length})`);
      }
      await out(format === 'json' ? JSON.stringify(articleRecord(analyzer.data, n), null, 2) + '\n' : formatArticleText(analyzer.data, n));
      return 0;
    }
    case 'table': {
      const format = expectFormat(command, values.format) as TableFormat;
      const inputs = await collectInputs(command, positionals);
      const { data, messages, docs } = await readAndAnalyse(inputs, jobsOf(command, values.jobs, inputs), true, localeOf(command, values.locale));
      for (const d of docs) for (const n of d.notices ?? []) process.stderr.write(`concordance: ${d.file}: ${n}\n`);
      for (const d of docs) {
        if (!d.analysis.parsed.provisions.some((p) => p.kind !== 'preamble' && p.kind !== 'trailing')) {
          process.stderr.write(`concordance: ${d.file}: no provisions found; it adds nothing to the table\n`);
        }
      }
      const table = renderTable(buildTable(data, docs, messages), format, messages);
      await out(format === 'csv' ? '\ufeff' + table : table);
      return 0;
    }
    case 'eval': {
      const format = expectFormat(command, values.format);
      const cases = await readCases(positionals, command);
      const analyzer = loadAnalyzer();
      const headings = values['no-heading'] ? [true, false] : [true];
      const runs = headings.map((h) => runEval(analyzer, cases, h));
      const lojo = values.lojo ? leaveOneJurisdictionOut(analyzer.data, analyzer.settings, cases, headings) : [];
      const label = positionals.map((f) => path.basename(path.dirname(path.resolve(f))) + '/' + path.basename(f)).join(' + ');
      await out(format === 'json' ? JSON.stringify(lojo.length ? { inSample: runs, leaveOneJurisdictionOut: lojo } : runs.length === 1 ? runs[0] : runs, null, 2) + '\n' : formatEval(runs, label, lojo));
      return 0;
    }
    case 'fit': {
      // Refits the signal weights on the given corpora; --write puts them in data/matcher.json.
      const cases = await readCases(positionals, command);
      const analyzer = loadAnalyzer();
      const fit = fitWithChosenPenalty(collectSamples(analyzer.data, analyzer.settings, cases, [true, false]));
      const settings = withFittedWeights(analyzer.settings, fit);
      const summary = { l2: fit.l2, weights: settings.weights, thresholds: settings.thresholds };
      if (values.write) {
        const file = path.join(defaultDataDir(), 'matcher.json');
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        json.weights = settings.weights;
        json.thresholds = settings.thresholds;
        fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
        await out(`wrote the fitted weights to ${file}\n`);
      }
      await out(JSON.stringify(summary, null, 2) + '\n');
      return 0;
    }
    case 'lsp': {
      // Loaded only here: the language server and its libraries are a tenth of every other command's start-up.
      (require('../server') as typeof import('../server')).startStdioServer();
      return -1; // keep running
    }
  }
  return 2;
}
