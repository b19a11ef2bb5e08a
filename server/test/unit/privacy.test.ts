// Trust and privacy: the shipped bundles cannot talk to the network or start programs.
// Reads out/server.js, out/cli.js and out/extension.js (when built) and attributes every
// require of a network or process module to the bundled module that makes it (esbuild writes a
// "// node_modules/…" comment before each module). Allowed, and why:
//  - `net` in vscode-jsonrpc's node main (all three bundles): the socket and named-pipe
//    transports of LSP (--socket / --pipe, and the client's IPC). It is local IPC: the server is
//    started with --stdio (editors) or node-ipc (VS Code) and never opens a socket on its own.
//  - `child_process` in the client (vscode-languageclient node main and processes.js): the
//    client starts the language server process and terminates it. Client only.
//  - `child_process` in vscode-languageserver's files.js (server and CLI bundles): the legacy
//    `Files.resolveGlobalNodePath/YarnPath` helpers that run `npm`/`yarn` to find global
//    modules. Concordance never calls them (asserted below: no source file uses `Files.`);
//    the module is bundled because vscode-languageserver/node re-exports it.
// Never allowed anywhere: http, https, http2, tls, dgram.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');
const NETWORK = ['http', 'https', 'http2', 'tls', 'dgram'];
const WATCHED = [...NETWORK, 'net', 'child_process'];

const ALLOWED: Record<string, Record<string, string[]>> = {
  'out/server.js': { net: ['node_modules/vscode-jsonrpc/lib/node/main.js'], child_process: ['node_modules/vscode-languageserver/lib/node/files.js'] },
  'out/cli.js': { net: ['node_modules/vscode-jsonrpc/lib/node/main.js'], child_process: ['node_modules/vscode-languageserver/lib/node/files.js'] },
  'out/extension.js': {
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
    child_process: ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
  },
};

/** module name → bundled source files that require it. */
function requiresIn(bundle: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let origin = '(bundle prelude)';
  const re = new RegExp(`require\\(["'](?:node:)?(${WATCHED.join('|')})["']\\)|import\\(["'](?:node:)?(${WATCHED.join('|')})["']\\)`, 'g');
  for (const line of bundle.split('\n')) {
    const m = /^\/\/ ((?:node_modules|server|client|bench)\/\S+)$/.exec(line);
    if (m) origin = m[1];
    re.lastIndex = 0;
    for (let r = re.exec(line); r; r = re.exec(line)) {
      const name = r[1] ?? r[2];
      if (!out.has(name)) out.set(name, new Set());
      out.get(name)!.add(origin);
    }
  }
  return out;
}

describe('privacy: no network, no programs started, in the shipped bundles', () => {
  for (const rel of Object.keys(ALLOWED)) {
    const file = path.join(ROOT, rel);
    it(`${rel}: only the allowed requires, from the allowed modules`, function () {
      if (!fs.existsSync(file)) {
        if (rel === 'out/extension.js') this.skip(); // the client bundle may not be built in a server-only build
        assert.fail(`${rel} is missing: run "npm run build"`);
      }
      const bundle = fs.readFileSync(file, 'utf8');
      assert.ok(/^\/\/ node_modules\//m.test(bundle), `${rel} has no module comments: the attribution needs a non-minified build`);
      const found = requiresIn(bundle);
      for (const name of NETWORK) assert.ok(!found.has(name), `${rel} requires "${name}" from ${[...(found.get(name) ?? [])].join(', ')}`);
      for (const [name, origins] of found) {
        const allowed = ALLOWED[rel][name] ?? [];
        for (const o of origins) assert.ok(allowed.includes(o), `${rel}: "${name}" required by ${o}, which is not on the allow list`);
      }
    });
  }

  it('Concordance code itself requires none of them, and never calls the Files helpers that spawn npm/yarn', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'test') walk(p);
        } else if (p.endsWith('.ts')) sources.push(p);
      }
    };
    walk(path.join(ROOT, 'server/src'));
    for (const f of sources) {
      const text = fs.readFileSync(f, 'utf8');
      for (const name of WATCHED) {
        assert.ok(!new RegExp(`from ['"](?:node:)?${name}['"]|require\\(['"](?:node:)?${name}['"]\\)`).test(text), `${path.relative(ROOT, f)} imports ${name}`);
      }
      assert.ok(!/\bFiles\.(resolve|resolveGlobal)/.test(text), `${path.relative(ROOT, f)} calls vscode-languageserver Files helpers`);
    }
  });
});
