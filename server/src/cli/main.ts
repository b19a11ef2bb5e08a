// The `concordance` command line: check, article, table, eval, lsp.
// Exit codes: 0 when the command ran (whatever it found), 2 on usage, input or data errors.
import * as fs from 'fs';
import * as path from 'path';
import type { Analyzer } from '../analysis/analyze';
import { articleRecord, formatArticleText } from '../analysis/data/articleView';
import { createAnalyzer, defaultDataDir, formatDataProblem } from '../analysis/engine';
import { toJsonReport, toTextReport } from '../analysis/report';
import { buildTable, renderTable } from '../analysis/table';
import { startStdioServer } from '../server';
import { formatEval, parseCases, runEval } from './eval';
import { collectSamples, fitWeights, leaveOneJurisdictionOut, withFittedWeights } from './fit';

const USAGE = `usage:
  concordance check [--format text|json] FILE...
  concordance article N [--format text|json]
  concordance table FILE... [--format csv|markdown|html]
  concordance eval CASES.jsonl... [--no-heading] [--lojo] [--format text|json]
  concordance fit CASES.jsonl... [--write]   (refit the matcher's signal weights)
  concordance lsp            (language server on stdio)`;

export class UsageError extends Error {}

interface Args {
  command: string;
  positional: string[];
  format?: string;
  flags: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Set<string>();
  let format: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--format') {
      format = rest[++i];
      if (!format) throw new UsageError('--format needs a value');
    } else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a.startsWith('--')) flags.add(a.slice(2));
    else positional.push(a);
  }
  return { command, positional, format, flags };
}

function loadAnalyzer(): Analyzer {
  const { analyzer, problems } = createAnalyzer();
  if (!analyzer) throw new UsageError(problems.map(formatDataProblem).join('\n') || 'the convention data could not be loaded');
  return analyzer;
}

/** Reads a draft; refuses what is not a readable text file, naming the file. */
export function readDraft(file: string): string {
  let buf: Buffer;
  try {
    if (fs.statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a draft`);
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (buf.subarray(0, 8192).includes(0)) throw new UsageError(`${file}: looks like a binary file, not a text draft`);
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

function expectFormat(format: string | undefined, allowed: string[], fallback: string): string {
  const f = format ?? fallback;
  if (!allowed.includes(f)) throw new UsageError(`unknown --format "${f}"; use ${allowed.join(' or ')}`);
  return f;
}

/** Labelled cases from one or more JSON-lines corpora. */
function readCases(files: string[], command: string) {
  if (files.length === 0) throw new UsageError(`${command} needs at least one CASES.jsonl file`);
  try {
    return files.flatMap((f) => parseCases(readDraft(f), f));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function main(argv: string[], out: (s: string) => void): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'check': {
      const format = expectFormat(args.format, ['text', 'json'], 'text');
      if (args.positional.length === 0) throw new UsageError('check needs at least one FILE');
      const texts = args.positional.map((f) => [f, readDraft(f)] as const);
      const analyzer = loadAnalyzer();
      const reports = texts.map(([f, text]) => toJsonReport(f, text, analyzer.analyze(text), analyzer.data));
      if (format === 'json') out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
      else out(reports.map(toTextReport).join('\n'));
      return 0;
    }
    case 'article': {
      const format = expectFormat(args.format, ['text', 'json'], 'text');
      const n = Number(args.positional[0]);
      const analyzer = loadAnalyzer();
      if (!Number.isInteger(n) || !analyzer.data.articles.some((a) => a.article === n)) {
        throw new UsageError(`article: "${args.positional[0] ?? ''}" is not an article of the Convention (1 to ${analyzer.data.articles.length})`);
      }
      out(format === 'json' ? JSON.stringify(articleRecord(analyzer.data, n), null, 2) + '\n' : formatArticleText(analyzer.data, n));
      return 0;
    }
    case 'table': {
      const format = expectFormat(args.format, ['csv', 'markdown', 'html'], 'markdown');
      if (args.positional.length === 0) throw new UsageError('table needs at least one FILE');
      const texts = args.positional.map((f) => [f, readDraft(f)] as const);
      const analyzer = loadAnalyzer();
      const docs = texts.map(([f, text]) => ({ file: f, text, analysis: analyzer.analyze(text) }));
      out(renderTable(buildTable(analyzer.data, docs), format as 'csv' | 'markdown' | 'html'));
      return 0;
    }
    case 'eval': {
      const format = expectFormat(args.format, ['text', 'json'], 'text');
      const cases = readCases(args.positional, 'eval');
      const analyzer = loadAnalyzer();
      const headings = args.flags.has('no-heading') ? [true, false] : [true];
      const runs = headings.map((h) => runEval(analyzer, cases, h));
      const lojo = args.flags.has('lojo') ? leaveOneJurisdictionOut(analyzer.data, analyzer.settings, cases, headings) : [];
      const label = args.positional.map((f) => path.basename(path.dirname(path.resolve(f))) + '/' + path.basename(f)).join(' + ');
      out(format === 'json' ? JSON.stringify(lojo.length ? { inSample: runs, leaveOneJurisdictionOut: lojo } : runs.length === 1 ? runs[0] : runs, null, 2) + '\n' : formatEval(runs, label, lojo));
      return 0;
    }
    case 'fit': {
      // Refits the signal weights on the given corpora; --write puts them in data/matcher.json.
      const cases = readCases(args.positional, 'fit');
      const analyzer = loadAnalyzer();
      const fit = fitWeights(collectSamples(analyzer.data, analyzer.settings, cases, [true, false]));
      const settings = withFittedWeights(analyzer.settings, fit);
      const summary = { weights: settings.weights, thresholds: settings.thresholds };
      if (args.flags.has('write')) {
        const file = path.join(defaultDataDir(), 'matcher.json');
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        json.weights = settings.weights;
        json.thresholds = settings.thresholds;
        fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
        out(`wrote the fitted weights to ${file}\n`);
      }
      out(JSON.stringify(summary, null, 2) + '\n');
      return 0;
    }
    case 'lsp': {
      startStdioServer();
      return -1; // keep running
    }
    case '':
    case 'help':
    case '--help':
      out(USAGE + '\n');
      return args.command === '' ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${args.command}"\n${USAGE}`);
  }
}
