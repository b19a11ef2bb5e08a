// docs/checks.md in Spanish and French (issue 23): each translation has a section for every code of
// data/checks.json and none for a code that does not exist, a table row citing what data cites, and
// an example drafted in its own language that really draws the code. A code added to data without
// its translated section fails here; so does a translated example that stops triggering its code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findDataDir, loadConventionData } from '../../src/analysis/data/load';
import type { ConventionData } from '../../src/analysis/data/types';
import { createAnalyzer } from '../../src/analysis/engine';
import { cites, sectionOf } from './helpers/checksDocs';

const dataDir = findDataDir(__dirname);
const docsDir = path.join(dataDir, '..', 'docs');
const { data } = loadConventionData(dataDir) as { data: ConventionData };
const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('convention data did not load');

/** Each translation: its file, the language its examples are drafted in, and how an example is introduced. */
const TRANSLATIONS = [
  { lang: 'es', file: 'checks.es.md', example: /\nEn español \(como «([^»]+)»[^\n]*\):\n\n> ([^\n]+)\n/ },
  { lang: 'fr', file: 'checks.fr.md', example: /\nEn français \(comme « ([^»]+) »[^\n]*\) :\n\n> ([^\n]+)\n/ },
] as const;

const read = (file: string): string => fs.readFileSync(path.join(docsDir, file), 'utf8');

/** The `## x.y` headings of a document: the codes it has a section for. */
function codeSections(doc: string): string[] {
  return [...doc.matchAll(/^## (\S+\.\S+)$/gm)].map((m) => m[1]);
}

const codes = data.checks.map((c) => c.code);

describe('docs/checks.md in Spanish and French', () => {
  it('the English document links to both translations', () => {
    const head = read('checks.md').split('\n').slice(0, 4).join('\n');
    for (const t of TRANSLATIONS) assert.ok(head.includes(`](${t.file})`), `no link to ${t.file} at the top of checks.md`);
  });

  for (const t of TRANSLATIONS) {
    describe(t.file, () => {
      const doc = read(t.file);

      it('links back to the English document and to the other translation', () => {
        const head = doc.split('\n').slice(0, 4).join('\n');
        assert.ok(head.includes('](checks.md)'), 'no link to checks.md');
        for (const other of TRANSLATIONS) if (other !== t) assert.ok(head.includes(`](${other.file})`), `no link to ${other.file}`);
      });

      it('has a section for every code of data/checks.json and none for a code that does not exist', () => {
        const sections = codeSections(doc);
        assert.deepStrictEqual(codes.filter((c) => !sections.includes(c)), [], 'codes with no section');
        assert.deepStrictEqual(sections.filter((s) => !codes.includes(s)), [], 'sections for no code');
        assert.strictEqual(new Set(sections).size, sections.length, 'a code has two sections');
      });

      it('has the same code sections in the same order as the English document', () => {
        assert.deepStrictEqual(codeSections(doc), codeSections(read('checks.md')));
      });

      for (const c of data.checks) {
        describe(c.code, () => {
          it('has a table row linking to its section and citing what data cites', () => {
            const line = doc.split('\n').find((l) => l.startsWith(`| [\`${c.code}\`](#${c.code.replace(/\./g, '')})`));
            assert.ok(line, 'no table row');
            const cells = line.split('|').map((x) => x.trim());
            assert.ok(cells[2].startsWith(c.defaultSeverity), `table says ${cells[2]}`);
            assert.strictEqual(cells[3], cites(c));
          });

          it(`its ${t.lang} example draws the code`, () => {
            const m = t.example.exec(sectionOf(doc, c.code) ?? '');
            assert.ok(m, `no example in ${t.lang}`);
            const analysis = analyzer.analyze(`${m[1]}\n\n${m[2]}\n`);
            assert.strictEqual(analysis.language, t.lang);
            const drawn = analysis.findings.map((f) => f.code);
            assert.ok(drawn.includes(c.code), `draws only ${[...new Set(drawn)].join(', ')}`);
          });
        });
      }
    });
  }
});
