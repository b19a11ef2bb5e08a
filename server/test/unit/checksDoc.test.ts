// docs/checks.md says of every code what data/checks.json says (issue 19): its section, its
// default severity, the pinpoints it cites, and — for codes asked of a procedural power — how it
// is graded by power. A code added to data without its documentation fails here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findDataDir, loadConventionData } from '../../src/analysis/data/load';
import type { ConventionData } from '../../src/analysis/data/types';
import { cites, sectionOf } from './helpers/checksDocs';

const dataDir = findDataDir(__dirname);
const doc = fs.readFileSync(path.join(dataDir, '..', 'docs', 'checks.md'), 'utf8');
const { data } = loadConventionData(dataDir) as { data: ConventionData };

/** The table row of a code: its severity and cites cells. */
function rowOf(code: string): { severity: string; cites: string } | undefined {
  const line = doc.split('\n').find((l) => l.startsWith(`| [\`${code}\`]`));
  if (!line) return undefined;
  const cells = line.split('|').map((x) => x.trim());
  return { severity: cells[2], cites: cells[3] };
}

const powers = new Set(data.articles.filter((a) => a.kind === 'procedural-power').map((a) => a.article));

describe('docs/checks.md agrees with data/checks.json', () => {
  it('knows the procedural powers from data', () => {
    assert.ok(powers.size >= 5, [...powers].join(','));
  });
  for (const c of data.checks) {
    describe(c.code, () => {
      it('has a section, a table row, its default severity and its cites', () => {
        const section = sectionOf(doc, c.code);
        assert.ok(section, `no "## ${c.code}" section`);
        const row = rowOf(c.code);
        assert.ok(row, 'no table row');
        assert.ok(row.severity.startsWith(c.defaultSeverity), `table says ${row.severity}`);
        assert.strictEqual(row.cites, cites(c));
        const severityLine = section.split('\n').find((l) => l.startsWith('- Default severity:'));
        assert.ok(severityLine?.startsWith(`- Default severity: ${c.defaultSeverity}`), severityLine);
        if (c.citations.length) assert.ok(section.includes(`- Cites: ${cites(c)}\n`), 'cites line');
      });
      // coverage.missing's appliesTo lists the articles a draft should implement, not provisions it checks.
      if (c.family !== 'coverage' && c.appliesTo.some((n) => powers.has(n))) {
        it('says how it is graded by power', () => {
          assert.match(sectionOf(doc, c.code) ?? '', /\n- Graded by power: \S/);
        });
      }
    });
  }
});
