// Bundles the server, the CLI and the benchmark (out/bench/run.js) for `npm run bench`.
// Builds only what the benchmark runs, so it works while the client is being changed.
import { build } from 'esbuild';
import { buildValidators } from '../scripts/validators.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'out/cli.js' }),
  build({ ...common, entryPoints: ['server/src/cli/readerWorker.ts'], outfile: 'out/reader.js' }),
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'out/bench/run.js' }),
  build({ ...common, entryPoints: ['bench/json.ts'], outfile: 'out/bench/json.js' }),
  build({ ...common, entryPoints: ['bench/formats.ts'], outfile: 'out/bench/formats.js' }),
  build({ ...common, entryPoints: ['bench/threads.ts'], outfile: 'out/bench/threads.js' }),
  buildValidators('data/schema', 'out/validators.js', common),
]);
