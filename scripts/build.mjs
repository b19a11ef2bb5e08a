// Bundles the extension client, the language server and the CLI into one file each (out/).
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'out/cli.js' }),
]);
