// PDF pages set in columns (a bilingual statute, a gazette) are read a column at a time, whatever
// order the page draws them in; a page that only looks like columns (a table, numbers in the
// margin) is read in the order it is drawn, as before. Fixtures: helpers/pdfFixture.ts.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { readDocumentAsync, type ReadDocument } from '../../src/formats/read';
import { buildPdf, columnsPage, columnWidth, wrapWords, type ColumnsPageSpec } from './helpers/pdfFixture';
import { AKN_ACT_PLAIN, FRENCH_DRAFT } from './helpers/formatDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

/** A draft's lines as a column of `of` columns holds them: each line of the draft wrapped to the column's width. */
const column = (draft: string, of = 2) => draft.split('\n').filter((l) => l.trim()).flatMap((l) => wrapWords(l, columnWidth(of)));

const ENGLISH = column(AKN_ACT_PLAIN);
const FRENCH = column(FRENCH_DRAFT);
const COLUMNS_NOTICE = /(\d+) pages? set in columns read a column at a time/;

/** A PDF of one page a spec (or the operators given), read. */
async function read(pages: (ColumnsPageSpec | string)[]): Promise<ReadDocument> {
  const raw = pages.map((p) => (typeof p === 'string' ? p : columnsPage(p)));
  const doc = await readDocumentAsync('law.pdf', buildPdf({ pages: raw.map(() => []), raw }));
  assert.deepStrictEqual(doc.problems, []);
  return doc;
}

/** Reads a page and checks the lines read (blank lines aside) and whether it was read by columns. */
async function check(page: ColumnsPageSpec | string, expected: string[], byColumns: boolean): Promise<void> {
  const doc = await read([page]);
  assert.deepStrictEqual(doc.text.split('\n').filter(Boolean), expected);
  assert.strictEqual(COLUMNS_NOTICE.test(doc.notices.join()), byColumns, doc.notices.join());
}

describe('PDF pages set in columns', function () {
  this.timeout(30_000);

  describe('read a column at a time', () => {
    for (const drawn of ['rows', 'columns'] as const) {
      it(`a bilingual page, English beside French, drawn a ${drawn === 'rows' ? 'row' : 'column'} at a time: the title, then each language whole`, () =>
        check({ above: ['CYBERCRIME ACT — LOI SUR LA CYBERCRIMINALITÉ'], columns: [ENGLISH, FRENCH], drawn }, ['CYBERCRIME ACT — LOI SUR LA CYBERCRIMINALITÉ', ...ENGLISH, ...FRENCH], true));
    }

    it('a gazette in three columns', () => {
      const lines = column(`${AKN_ACT_PLAIN}\n${FRENCH_DRAFT}`, 3);
      const third = Math.ceil(lines.length / 3);
      const columns = [lines.slice(0, third), lines.slice(third, 2 * third), lines.slice(2 * third)];
      return check({ columns }, lines, true);
    });

    it('a heading across both columns: the columns above it, the heading, then the columns below it', () => {
      return check(
        { columns: [ENGLISH, FRENCH], across: { at: 8, text: 'PART 2 — POWERS / PARTIE 2 — POUVOIRS' } },
        [...ENGLISH.slice(0, 8), ...FRENCH.slice(0, 8), 'PART 2 — POWERS / PARTIE 2 — POUVOIRS', ...ENGLISH.slice(8), ...FRENCH.slice(8)],
        true,
      );
    });

    it('a draft continued from one column to the next reads as the draft: the same provisions, matches and findings; a word hyphenated across the columns is joined', async () => {
      const lines = ENGLISH.slice();
      // The left column's last word hyphenated, as a printer would.
      const half = Math.ceil(lines.length / 2);
      const last = lines[half - 1];
      const word = /(\S+)$/.exec(last)![1];
      assert.ok(/^\p{Ll}{4,}/u.test(word), `a lower-case word ends the column: ${last}`);
      const left = [...lines.slice(0, half - 1), `${last.slice(0, last.length - word.length + 3)}-`];
      const right = [`${word.slice(3)} ${lines[half]}`, ...lines.slice(half + 1)];
      const doc = await read([{ columns: [left, right], pageNumber: 1 }]);
      const words = (s: string) => s.replace(/\s+/g, ' ').trim();
      assert.strictEqual(words(doc.text), words(lines.join(' ')));
      const summary = (text: string) => {
        const a = analyzer!.analyze(text);
        return { provisions: a.parsed.provisions.map((p) => [p.kind, p.label, p.heading ?? null]), matches: [...a.matches.values()].map((m) => m.matches.map((x) => x.article)), findings: a.findings.map((f) => [f.code, f.articles.join(' ')]) };
      };
      const expected = summary(lines.join('\n'));
      assert.ok(expected.findings.length > 0);
      assert.deepStrictEqual(summary(doc.text), expected);
      assert.match(doc.notices.join(), /1 page set in columns read a column at a time/);
    });

    // How the running head is set, and the lines left out of three pages (the head's, and a page number each).
    const heads: [string, (n: number) => ColumnsPageSpec['head'], number][] = [
      ['in one column', (n) => `OFFICIAL GAZETTE — page ${n}`, 6],
      ['in two parts, one over each column', (n) => ['OFFICIAL GAZETTE', `No. ${n + 3}`], 9],
    ];
    for (const [what, head, leftOut] of heads) {
      it(`running heads (${what}) and page numbers over several pages are still left out`, async () => {
        // Each page begins with other lines (a page's first line that recurs on every page would be a running head).
        const columns = [0, 1, 2].map((n) => [ENGLISH.slice(n), FRENCH.slice(n)]);
        const doc = await read(columns.map((c, n) => ({ columns: c, head: head(n + 1), pageNumber: n + 1 })));
        assert.deepStrictEqual(doc.text.split('\n').filter(Boolean), columns.flat(2));
        assert.match(doc.notices.join(), /3 pages set in columns read a column at a time/);
        assert.match(doc.notices.join(), new RegExp(`${leftOut} running header, footer and page-number lines left out`));
      });
    }
  });

  describe('read as drawn (not columns)', () => {
    // Tables of two columns, as schedules and definition sections print them: each row is read
    // across, a term on the line of its definition's first line.
    const table = (rows: [string, string][]) => {
      const left: string[] = [];
      const right: string[] = [];
      for (const [term, definition] of rows) {
        const lines = wrapWords(definition, columnWidth(2));
        left.push(term, ...lines.slice(1).map(() => ''));
        right.push(...lines);
      }
      return { spec: { columns: [left, right] }, expected: right.map((l, k) => (left[k] ? `${left[k]} ${l}` : l)) };
    };
    const TERMS = ['computer data held in any form', 'computer system or any part of it', 'service provider, public or private', 'subscriber information kept by it', 'traffic data of a communication', 'content data of a communication', 'a device made for an offence', 'interception of a transmission'];
    const tables: [string, [string, string][]][] = [
      // Far fewer terms than lines of definitions.
      ['definitions of three lines and more', TERMS.map((t) => [t, `In this Act the expression ${t} has the meaning given to it by the rules made by the Minister after consulting the regulator.`])],
      // As many terms as half the lines: a term stands every other line, not line after line.
      ['definitions of two lines', TERMS.map((t) => [t, `The expression ${t} has the meaning the rules made by the Minister give it.`])],
      // A row a line: terms of different lengths, few reaching across their column.
      ['rows of one line', ['access', 'interception', 'data interference', 'system interference', 'misuse of devices', 'forgery', 'fraud', 'child sexual abuse material', 'grooming', 'intimate images', 'laundering', 'obstruction of justice', 'attempt', 'aiding'].map((t, k) => [t, `${k + 2} years or a fine of level ${k + 1}`])],
    ];
    for (const [what, rows] of tables) {
      it(`a table of terms and ${what}: each row read across`, () => {
        const { spec, expected } = table(rows);
        return check(spec, expected, false);
      });
    }

    it('a page of one column with its section numbers hanging in the margin', () => {
      const sections = ['Illegal access', 'Illegal interception', 'Data interference', 'Production order'];
      const body = wrapWords('A person who, intentionally and without right, does the act this section names commits an offence and is liable to a fine.', 300);
      const lines: string[] = [];
      const ops: string[] = [];
      let y = 720;
      sections.forEach((h, k) => {
        ops.push(`BT /F1 10 Tf 72 ${y} Td (${k + 1}.) Tj ET BT /F1 10 Tf 108 ${y} Td (${h}) Tj ET`);
        lines.push(`${k + 1}. ${h}`);
        for (const l of body) {
          y -= 13;
          ops.push(`BT /F1 10 Tf 108 ${y} Td (${l}) Tj ET`);
          lines.push(l);
        }
        y -= 13;
      });
      return check(ops.join('\n'), lines, false);
    });

    it('too few lines to tell', () => check({ columns: [ENGLISH.slice(0, 4), FRENCH.slice(0, 4)] }, ENGLISH.slice(0, 4).map((l, k) => `${l} ${FRENCH[k]}`), false));
  });
});
