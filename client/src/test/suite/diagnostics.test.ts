// Diagnostics for the example bill: Concordance codes, in the right places, and the
// `concordance.checks` setting turning a family off and on again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BILL, FINDING_CODE, activeExtension, codeOf, describeDiagnostics, isConcordance, lineOf, open, waitForDiagnostics, waitForFindings } from './helpers';

const isSafeguard = (d: vscode.Diagnostic) => isConcordance(d) && codeOf(d).startsWith('safeguard.');

describe('diagnostics', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    doc = (await open(BILL)).doc;
  });

  it('publishes Concordance findings with codes for the example bill', async () => {
    const ds = await waitForFindings(doc.uri);
    const codes = new Set(ds.map(codeOf));
    assert.ok([...codes].some((c) => FINDING_CODE.test(c)), `no finding code among ${[...codes].join(', ')}`);
    for (const d of ds) {
      assert.ok(d.message.trim().length > 0, 'empty message');
      assert.ok(d.range.end.line < doc.lineCount, `range outside the document: ${describeDiagnostics([d])}`);
    }
    // Codes link to their documentation page (codeDescription → `{ value, target }`).
    const linked = ds.find((d) => typeof d.code === 'object');
    assert.ok(linked, 'no diagnostic code carries a documentation link');
  });

  it('flags missing safeguards on the procedural powers (Part 3)', async () => {
    const ds = await waitForFindings(doc.uri);
    const part3 = lineOf(doc, /^PART 3\b/);
    const part4 = lineOf(doc, /^PART 4\b/);
    const inPart3 = ds.filter((d) => isSafeguard(d) && d.range.start.line > part3 && d.range.start.line < part4);
    assert.ok(inPart3.length > 0, `no safeguard.* diagnostic in Part 3; got:\n  ${describeDiagnostics(ds)}`);
  });

  it('is calm: one safeguard finding per provision and level, coverage gaps once, each on one line', async () => {
    const ds = await waitForFindings(doc.uri);
    const safeguards = ds.filter(isSafeguard);
    assert.ok(safeguards.length > 0, describeDiagnostics(ds));
    // Grouped per provision: never two safeguard diagnostics of one severity on one provision's line.
    const keys = safeguards.map((d) => `${d.range.start.line}:${d.severity}`);
    assert.strictEqual(new Set(keys).size, keys.length, `safeguards not grouped:\n  ${describeDiagnostics(safeguards)}`);
    assert.ok(safeguards.every((d) => d.range.start.line === d.range.end.line), `a squiggle over several lines:\n  ${describeDiagnostics(safeguards)}`);
    const grouped = safeguards.find((d) => /lacks: .+, .+ \(Art\. 24/.test(d.message));
    assert.ok(grouped && (grouped.relatedInformation?.length ?? 0) >= 2, `a provision lacking several safeguards, each as related information:\n  ${describeDiagnostics(safeguards)}`);
    const coverage = ds.filter((d) => codeOf(d) === 'coverage.missing');
    assert.ok(coverage.length <= 1, `coverage gaps in ${coverage.length} rows`);

    // The lightbulb on the grouped finding: one fix per safeguard, "Compare" once.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, grouped!.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.strictEqual(titles.filter((t) => t.startsWith('Compare provision with Art.')).length, 1, titles.join('; '));
    assert.ok(titles.filter((t) => t.startsWith('Silence safeguard.')).length >= 2, titles.join('; '));
  });

  describe('setting concordance.checks', () => {
    const config = () => vscode.workspace.getConfiguration('concordance', doc.uri);

    after(async () => {
      await config().update('checks', undefined, vscode.ConfigurationTarget.Global);
    });

    it('{ "safeguard": false } removes the safeguard.* diagnostics, and restoring brings them back', async () => {
      const before = await waitForDiagnostics(doc.uri, (ds) => ds.some(isSafeguard), undefined, 'safeguard.* diagnostics');
      const others = before.filter((d) => isConcordance(d) && !isSafeguard(d)).length;

      await config().update('checks', { safeguard: false }, vscode.ConfigurationTarget.Global);
      const after = await waitForDiagnostics(
        doc.uri,
        (ds) => !ds.some(isSafeguard) && (others === 0 || ds.some(isConcordance)),
        undefined,
        'diagnostics without safeguard.*',
      );
      if (others > 0) assert.ok(after.some((d) => isConcordance(d) && !isSafeguard(d)), 'other check families must stay on');

      await config().update('checks', undefined, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(doc.uri, (ds) => ds.some(isSafeguard), undefined, 'safeguard.* diagnostics to come back');
    });
  });
});
