// Builds an Analyzer from the data folder. Never throws: problems come back as data.
import * as path from 'path';
import { Analyzer, type AnalyzerOptions } from './analyze';
import { matcherClashes } from './data/languages';
import { findDataDir, loadConventionData, loadMatcherSettings, type DataProblem } from './data/load';
import type { ConventionData } from './data/types';
import type { MatcherSettings } from './matcherSettings';
import { Messages } from './messages';

export interface EngineResult {
  analyzer?: Analyzer;
  problems: DataProblem[];
}

/** The data folder: $CONCORDANCE_DATA_DIR when set (e.g. a lawyer's working copy, or a test's), else the bundled data/. */
export function defaultDataDir(): string {
  return process.env.CONCORDANCE_DATA_DIR || findDataDir();
}

/** `options.locale`: the language of its messages (English by default); `options.cacheTexts`, `options.findings`: see AnalyzerOptions. */
export function createAnalyzer(dataDir: string = defaultDataDir(), options: Pick<AnalyzerOptions, 'locale' | 'cacheTexts' | 'findings'> = {}): EngineResult {
  const { data, settings, problems } = loadValidated(dataDir);
  if (!data || !settings || problems.length > 0) return { problems };
  try {
    return { analyzer: new Analyzer(data, settings, options), problems };
  } catch (e) {
    // Valid by the schemas, yet unusable: one problem, never an exception (the server must start).
    return { problems: [{ file: `${path.basename(dataDir)}/matcher.json`, jsonPath: '/', message: `the matcher could not be built from the data: ${(e as Error).message}` }] };
  }
}

/**
 * The data and messages alone, validated as createAnalyzer validates them, without compiling the
 * matcher: what writes reports of analyses made elsewhere (the CLI's worker threads) needs.
 */
export function loadReportData(dataDir: string = defaultDataDir(), options: Pick<AnalyzerOptions, 'locale'> = {}): { data?: ConventionData; messages?: Messages; problems: DataProblem[] } {
  const { data, settings, problems } = loadValidated(dataDir);
  if (!data || !settings || problems.length > 0) return { problems };
  return { data, messages: new Messages(data, options.locale), problems };
}

/** The convention data and the matcher's settings, with every problem either has or their combination has. */
function loadValidated(dataDir: string): { data?: ConventionData; settings?: MatcherSettings; problems: DataProblem[] } {
  const { data, problems } = loadConventionData(dataDir);
  const { settings, problems: matcherProblems } = loadMatcherSettings(dataDir);
  problems.push(...matcherProblems);
  // A language file's matcher words and data/matcher.json's own for that language: one home for each list.
  if (data && settings) for (const p of matcherClashes(settings, data.languages)) problems.push({ ...p, file: `${path.basename(dataDir)}/${p.file}` });
  return { data, settings, problems };
}

export function formatDataProblem(p: DataProblem): string {
  return `${p.file} at ${p.jsonPath}: ${p.message}`;
}

/** Every problem, a line each; a general line when there is none to name. */
export function formatDataProblems(problems: readonly DataProblem[]): string {
  return problems.map(formatDataProblem).join('\n') || 'the convention data could not be loaded';
}
