// When the language server dies, the client starts a new one and the draft is analysed again.
// Runs last (alphabetical order after the other suites): it kills the server the others used.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { BILL, activeExtension, hoverText, isConcordance, open, positionInSection, waitForDiagnostics, waitForFindings } from './helpers';

/** Pids of this extension host's children running the Concordance server bundle (Linux /proc). */
function serverPids(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/out[\\/]server\.js/.test(cmdline)) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

describe('server failure', () => {
  it('a killed server is restarted and the draft gets diagnostics again', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip(); // finding the server's pid needs Linux /proc
    await activeExtension();
    const { doc, editor } = await open(BILL);
    await waitForFindings(doc.uri);
    const before = serverPids();
    assert.strictEqual(before.length, 1, `expected one server process, found ${JSON.stringify(before)}`);

    process.kill(before[0], 'SIGKILL');
    // An edit made while the server is down must reach the new one (the client resends open documents).
    const marker = 'Drafting note: edited while the server was down.';
    await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, `\n${marker}\n`));

    // The new server analyses the edited draft and publishes for it: wait on that event.
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some(isConcordance) && serverPids().some((pid) => !before.includes(pid)),
      45_000,
      'diagnostics from a restarted server',
    );
    const after = serverPids();
    assert.ok(after.length === 1 && !before.includes(after[0]), `a new server process runs: before ${before}, after ${after}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionInSection(doc, 17, 'judge'));
    assert.match(hoverText(hovers), /Art\.\s*27\b/, 'hovers are served again');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
