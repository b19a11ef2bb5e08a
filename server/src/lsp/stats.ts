// concordance/stats: what the last analysis cost, for benchmarks and diagnosis.
// Result: { analyses: { started, joined }, lastAnalysis?: { uri, version, ms, rematched, chars }, rssMb, heapUsedMb }.
//   ms        — wall time of the last analysis (parse, match, checks, coverage), in milliseconds
//   rematched — provisions matched anew in it (the others came from the match cache)
import type { Workspace } from './workspace';

export interface StatsResult {
  /** Analyses started since the server started, and requests or runs that joined one under way for the same version instead of analysing again. */
  analyses: { started: number; joined: number };
  lastAnalysis?: { uri: string; version: number; ms: number; rematched: number; chars: number };
  rssMb: number;
  heapUsedMb: number;
}

export function statsRequest(workspace: Workspace): StatsResult {
  const m = process.memoryUsage();
  return { analyses: { ...workspace.runs }, lastAnalysis: workspace.lastAnalysis, rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20 };
}
