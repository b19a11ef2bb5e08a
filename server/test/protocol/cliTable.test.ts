// The built CLI's `table`, whose Analyzers make only the findings the coverage reads
// (TABLE_FINDINGS), writes in every format, on one thread and on two, the table that full
// analyses of the same drafts give (buildTable and renderTable in this process, with an ordinary
// Analyzer).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createAnalyzer } from '../../src/analysis/engine';
import { buildTable, renderTable, type TableFormat } from '../../src/analysis/table';
import { generatedDrafts, writtenDrafts } from '../unit/helpers/coverageDrafts';
import { builtFileAndTempDir, CLI, ROOT } from './client';

describe('CLI table: the table of full analyses', function () {
  this.timeout(300_000);
  let tmp: string;
  builtFileAndTempDir(CLI, 'concordance-table-', (dir) => (tmp = dir));

  it('in every format, with --jobs 1 and --jobs 2', () => {
    const drafts = [...writtenDrafts(), ...generatedDrafts().filter((_, i) => i % 3 === 0)];
    const files = drafts.map((d, i) => {
      const file = path.join(tmp, `draft-${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, d.text);
      return file;
    });
    const { analyzer } = createAnalyzer();
    assert.ok(analyzer);
    const docs = drafts.map((d, i) => ({ file: files[i], text: d.text, analysis: analyzer.analyze(d.text) }));
    const table = buildTable(analyzer.data, docs, analyzer.messages);
    assert.ok(table.chapters.some((c) => c.rows.some((r) => r.status === 'partial' && r.missingSafeguards.length > 0)), 'some article is left partial by a missing safeguard');
    for (const format of ['csv', 'markdown', 'html'] as TableFormat[]) {
      const expected: string = (format === 'csv' ? '\ufeff' : '') + renderTable(table, format, analyzer.messages);
      for (const jobs of ['1', '2']) {
        const r = spawnSync(process.execPath, [CLI, 'table', '--format', format, '--jobs', jobs, ...files], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
        assert.strictEqual(r.status, 0, r.stderr.toString());
        assert.strictEqual(r.stdout.toString('utf8'), expected, `${format}, --jobs ${jobs}`);
      }
    }
  });
});
