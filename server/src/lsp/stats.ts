// concordance/stats: what the last analysis cost, for benchmarks and diagnosis.
// Result: { analyses: { started, joined }, lastAnalysis?: { uri, version, ms, rematched, chars }, cached, rssMb, heapUsedMb, heapAfterGcMb? }.
//   ms            — wall time of the last analysis (parse, match, checks, coverage), in milliseconds
//   rematched     — provisions matched anew in it (the others came from the match cache)
//   cached        — per-URI entries the workspace holds: analyses, settings, analyses running
//   heapAfterGcMb — only when the server runs with `node --expose-gc` (the soak benchmark does):
//                   the heap in use after a full collection, i.e. what the server keeps
import type { Workspace } from './workspace';

export interface StatsResult {
  /** Analyses started since the server started, and requests or runs that joined one under way for the same version instead of analysing again. */
  analyses: { started: number; joined: number };
  lastAnalysis?: { uri: string; version: number; ms: number; rematched: number; chars: number };
  cached: { analyses: number; settings: number; pending: number };
  rssMb: number;
  heapUsedMb: number;
  heapAfterGcMb?: number;
}

export function statsRequest(workspace: Workspace): StatsResult {
  const m = process.memoryUsage();
  const result: StatsResult = { analyses: { ...workspace.runs }, lastAnalysis: workspace.lastAnalysis, cached: workspace.cacheSizes(), rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20 };
  // A collection is forced only where someone asked for it by starting the server with --expose-gc.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') {
    gc();
    result.heapAfterGcMb = process.memoryUsage().heapUsed / 2 ** 20;
  }
  return result;
}
