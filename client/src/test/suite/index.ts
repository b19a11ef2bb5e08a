// Entry point of the editor integration tests: the module @vscode/test-electron's `extensionTestsPath`
// (or vscode-e2e's `run.sh test`) loads inside the extension host. Compiled to out/test/suite/index.js
// by scripts/build-editor-tests.mjs, next to one bundle per *.test.ts.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Files that must run first, in this order: activation is observed before anything forces it. */
const FIRST = ['activation.test.js'];

/**
 * Unhandled promise rejections in the extension host (the extension's or the tests') fail the run,
 * naming the test during which each was seen. The extension host only logs them, so without this a
 * rejected promise would go unnoticed.
 */
export class RejectionWatch {
  readonly seen: string[] = [];
  // mocha re-emits the event it traps: each promise is counted once.
  private readonly promises = new WeakSet<Promise<unknown>>();
  private readonly listener = (reason: unknown, promise: Promise<unknown>) => {
    if (this.promises.has(promise)) return;
    this.promises.add(promise);
    this.seen.push(describe(reason));
  };
  start(): void {
    process.on('unhandledRejection', this.listener);
  }
  stop(): void {
    process.off('unhandledRejection', this.listener);
  }
}

function describe(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    // CONCORDANCE_TEST_GREP="hover" narrows a local run to matching tests.
    grep: process.env.CONCORDANCE_TEST_GREP || undefined,
  });
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js'));
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(dir, f));
  const watch = new RejectionWatch();
  // Each rejection is attributed to the test during which it was seen (a failing hook would stop the
  // tests after it, so the run fails at the end instead, naming the tests).
  const during: string[] = [];
  mocha.rootHooks({
    afterEach(this: Mocha.Context) {
      while (during.length < watch.seen.length) during.push(this.currentTest?.fullTitle() ?? '(no test)');
    },
  });
  watch.start();
  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        watch.stop();
        watch.seen.forEach((r, i) => console.error(`unhandled promise rejection ${i < during.length ? `during "${during[i]}"` : 'after the last test'}:\n${r}\n`));
        if (watch.seen.length) console.error(`${watch.seen.length} unhandled promise rejection(s) in the extension host: the run fails.`);
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed.`));
        else if (watch.seen.length) reject(new Error(`${watch.seen.length} unhandled promise rejection(s) in the extension host.`));
        else resolve();
      });
    } catch (e) {
      watch.stop();
      reject(e);
    }
  });
}

function rank(file: string): number {
  const i = FIRST.indexOf(file);
  return i < 0 ? FIRST.length : i;
}
