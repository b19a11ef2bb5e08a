// Builds an Analyzer from the data folder. Never throws: problems come back as data.
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from './analyze';
import { findDataDir, loadConventionData, type DataProblem } from './data/load';
import type { MatcherSettings } from './matcherSettings';

export interface EngineResult {
  analyzer?: Analyzer;
  problems: DataProblem[];
}

/** The data folder: $CONCORDANCE_DATA_DIR when set (e.g. a lawyer's working copy, or a test's), else the bundled data/. */
export function defaultDataDir(): string {
  return process.env.CONCORDANCE_DATA_DIR || findDataDir();
}

export function createAnalyzer(dataDir: string = defaultDataDir()): EngineResult {
  const { data, problems } = loadConventionData(dataDir);
  const file = path.join(dataDir, 'matcher.json');
  let settings: MatcherSettings | undefined;
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8')) as MatcherSettings;
  } catch (e) {
    problems.push({ file: 'data/matcher.json', jsonPath: '/', message: (e as Error).message });
  }
  if (!data || !settings || problems.length > 0) return { problems };
  return { analyzer: new Analyzer(data, settings), problems };
}

export function formatDataProblem(p: DataProblem): string {
  return `${p.file} at ${p.jsonPath}: ${p.message}`;
}
