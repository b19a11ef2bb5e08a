// Entry point of the editor integration tests: the module @vscode/test-electron's `extensionTestsPath`
// (or vscode-e2e's `run.sh test`) loads inside the extension host. Compiled to out/test/suite/index.js
// by scripts/build-editor-tests.mjs, next to one bundle per *.test.ts.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';

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

/**
 * A run under another display language (CONCORDANCE_TEST_LOCALE, see scripts/test-editor.mjs), set
 * as a user sets it: install a language pack for it (CONCORDANCE_TEST_LANGUAGE_PACK, a VSIX), write
 * `"locale"` into argv.json (what "Configure Display Language" writes) and reload the window; the
 * suite then runs in the reloaded window. True when the window is being reloaded.
 */
async function switchDisplayLanguage(): Promise<boolean> {
  const want = process.env.CONCORDANCE_TEST_LOCALE;
  const pack = process.env.CONCORDANCE_TEST_LANGUAGE_PACK;
  if (!want || !pack || vscode.env.language.split('-')[0] === want) return false;
  // Tried once already (the pack is installed): run, and let the tests say what is wrong.
  if (vscode.extensions.all.some((e) => e.packageJSON?.contributes?.localizations?.some((l: { languageId?: string }) => l.languageId === want))) return false;
  const userData = serverUserDataDir();
  if (!userData) {
    console.error('the server\'s --user-data-dir was not found: the display language cannot be set');
    return false;
  }
  console.log(`display language ${vscode.env.language}: installing a language pack for ${want}, setting "locale" in ${path.join(userData, 'User/argv.json')}, reloading the window`);
  await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(pack));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/argv.json'), JSON.stringify({ locale: want }, null, 2));
  // Not awaited: the reload ends this extension host, which cancels the command's promise.
  void vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, () => undefined);
  return true;
}

/** The --user-data-dir of the VS Code server this extension host runs under (Linux: its ancestors' command lines). */
function serverUserDataDir(): string | undefined {
  let pid = process.ppid;
  for (let depth = 0; pid > 1 && depth < 8; depth++) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const i = args.indexOf('--user-data-dir');
      if (i >= 0 && args[i + 1]) return args[i + 1];
      const eq = args.find((a) => a.startsWith('--user-data-dir='));
      if (eq) return eq.slice('--user-data-dir='.length);
      pid = Number(/^\d+ \(.*\) \S (\d+)/.exec(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 0);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export async function run(): Promise<void> {
  // The window reloads: this extension host ends, and the suite runs in the next one.
  if (await switchDisplayLanguage()) return new Promise<void>(() => undefined);
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
