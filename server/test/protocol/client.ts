// A minimal LSP client for protocol tests: spawns the BUILT server bundle (out/server.js --stdio)
// and talks JSON-RPC over its stdio, as an editor does. Tests wait for the server by events
// (a promise resolved by the next publishDiagnostics for a uri/version), never by sleeping;
// the only timers are upper bounds that turn a hang into a readable failure.
import * as assert from 'assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '../../../..');
export const SERVER = path.join(ROOT, 'out/server.js');
export const FIXTURES = path.join(ROOT, 'server/test/fixtures/protocol');
/** The built command-line bundle. */
export const CLI = path.join(ROOT, 'out/cli.js');

/**
 * For a suite that runs a built file: a hook that fails at once when the file is missing (`npm
 * run build` first), and a temporary folder for the suite, given to `use` before its tests and
 * removed after them.
 */
export function builtFileAndTempDir(file: string, prefix: string, use: (dir: string) => void): void {
  let dir = '';
  before(() => {
    assert.ok(fs.existsSync(file), `${file} is missing: run "npm run build"`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    use(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
}

/** Upper bound for one awaited event; a hang fails the test with a message instead of mocha's timeout. */
const EVENT_TIMEOUT_MS = 30_000;

export interface ClientOptions {
  /** Settings returned for the section "concordance" (per scopeUri if a function). */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>);
  /** Advertise workspace.configuration (default true). */
  configuration?: boolean;
  /** Advertise versioned workspace edits (documentChanges). */
  documentChanges?: boolean;
  /** Never answer workspace/configuration requests (a client that hangs them). */
  ignoreConfiguration?: boolean;
  /** Extra environment variables for the server process (e.g. CONCORDANCE_DATA_DIR). */
  env?: Record<string, string>;
  /** `initializationOptions` of the initialize request (e.g. { locale: 'fr' }, as the extension sends VS Code's display language). */
  initializationOptions?: Record<string, unknown>;
  /** initialize's `locale` (LSP: the client's display language). */
  locale?: string;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class TestClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shownMessages: ShowMessageParams[] = [];
  /** Problems the test must fail on: Error log messages, "Unhandled" on stderr. */
  readonly errors: string[] = [];
  /** How many workspace/configuration requests the server sent. */
  configurationRequests = 0;
  /** How many workspace/codeLens/refresh requests the server sent. */
  codeLensRefreshes = 0;
  stderr = '';
  private readonly waiters: Waiter[] = [];
  private readonly logWaiters: { pattern: RegExp; resolve: (p: LogMessageParams) => void }[] = [];
  private readonly exited: Promise<number | null>;
  settings: NonNullable<ClientOptions['settings']>;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    private readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
      if (/Unhandled/i.test(chunk)) this.errors.push('stderr: ' + chunk.trim());
    });
    this.connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          clearTimeout(w.timer);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logs.push(p);
      for (const w of this.logWaiters.filter((x) => x.pattern.test(p.message))) {
        this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
        w.resolve(p);
      }
      if (p.type === 1) this.errors.push('logMessage(Error): ' + p.message);
    });
    this.connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.shownMessages.push(p);
    });
    this.connection.onRequest('workspace/configuration', (p: ConfigurationParams): unknown => {
      this.configurationRequests++;
      if (options.ignoreConfiguration) return new Promise<unknown>(() => undefined);
      return p.items.map((item) => (item.section === 'concordance' ? this.settingsFor(item.scopeUri) : null));
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      return null;
    });
    // client/registerCapability, workspace/*/refresh, window/workDoneProgress/create …: accept.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  private settingsFor(scopeUri: string | undefined): Record<string, unknown> {
    return typeof this.settings === 'function' ? this.settings(scopeUri) : this.settings;
  }

  /** Spawns `node out/server.js --stdio` and runs initialize/initialized. */
  static async start(options: ClientOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} does not exist: run "npm run build" first`);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...options.env } });
    const client = new TestClient(proc, options);
    const init = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).toString(),
      workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'concordance' }],
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: options.documentChanges ?? false },
          symbol: {},
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
          codeLens: {},
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          completion: { completionItem: { documentationFormat: ['markdown'] } },
          definition: {},
        },
      },
    });
    client.connection.sendNotification('initialized', {});
    return { client, init };
  }

  /**
   * A promise for the next publishDiagnostics for `uri` (with `version`, when given).
   * Register it BEFORE sending the notification that causes it.
   */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(uri, (p) => version === undefined || p.version === version, `diagnostics for ${uri}${version === undefined ? '' : ' v' + version}`);
  }

  /** The next window/logMessage matching `pattern` (register before causing it). Unbounded: race it with another event. */
  nextLog(pattern: RegExp): Promise<LogMessageParams> {
    return new Promise((resolve) => this.logWaiters.push({ pattern, resolve }));
  }

  /** The diagnostics for `uri`/`version`: already published, or the next ones that are. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const seen = [...this.published].reverse().find((p) => p.uri === uri && p.version === version);
    return seen ? Promise.resolve(seen) : this.nextDiagnostics(uri, version);
  }

  private waitFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        uri,
        accept,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          reject(new Error(`no ${what} within ${EVENT_TIMEOUT_MS} ms; published: ${this.published.map((p) => `${p.uri.split('/').pop()}@${p.version}`).join(', ')}`));
        }, EVENT_TIMEOUT_MS),
      };
      this.waiters.push(w);
    });
  }

  /** didOpen; resolves with the diagnostics for that version. */
  async open(uri: string, text: string, languageId = 'legal-draft', version = 1): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, languageId === 'legal-draft' ? version : undefined);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return next;
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** didChange with the whole new text; resolves with the diagnostics for that version. */
  async replace(uri: string, version: number, text: string): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, version);
    await this.change(uri, version, [{ text }]);
    return next;
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const bound = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), EVENT_TIMEOUT_MS).unref());
    const code = await Promise.race([this.exited, bound]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.proc.kill();
      throw new Error('the server did not exit after shutdown/exit');
    }
    return code;
  }

  /** Kills the server if a test left it running (after a failure). */
  dispose(): void {
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export function fixtureUri(name: string): string {
  return pathToFileURL(path.join(FIXTURES, name)).toString();
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Applies the edits a WorkspaceEdit makes to one document's text. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  return applyEdits(text, edits);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:edit', 'legal-draft', 0, text), edits);
}

/** The finding codes behind diagnostics: a grouped diagnostic (data.members) counts each member's code. */
export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => {
    const members = (d.data as { members?: { code: string }[] } | undefined)?.members;
    return members ? members.map((m) => m.code) : [String(d.code)];
  });
}

/** The diagnostic whose findings include `code` (a grouped diagnostic or a plain one). */
export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic | undefined {
  return diagnostics.find((d) => codes([d]).includes(code));
}

/** Position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture text has no ${JSON.stringify(needle)}`);
  const doc = TextDocument.create('untitled:x', 'legal-draft', 0, text);
  return doc.positionAt(at + delta);
}

/** The diagnostics the server placed on one provision (its id in `data.provision`). */
export function forProvision(diagnostics: Diagnostic[], id: string): Diagnostic[] {
  return diagnostics.filter((d) => (d.data as { provision?: string } | undefined)?.provision === id);
}

/**
 * An `afterEach` hook: an Error log or unhandled rejection the server wrote on stderr fails the test
 * that caused it (unless it failed already). `client` gives the suite's current client.
 */
export function failOnServerErrors(client: () => TestClient | undefined): Mocha.Func {
  return function (this: Mocha.Context) {
    const errors = client()?.errors.splice(0) ?? [];
    if (errors.length && this.currentTest?.state !== 'failed') assert.fail(`server reported errors:\n${errors.join('\n')}`);
  };
}

