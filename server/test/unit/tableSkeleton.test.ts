// The CLI's table keeps of each draft only what the table reads (cli/parallel.ts): the table's part
// of the analysis and where the text's lines start, from which it places provisions as a LineIndex
// of the text would. The table rendered from that is the table of the whole drafts and analyses; and an
// Analyzer whose cache is bounded for the CLI analyses as an unbounded one does.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { generateDraft } from '../../../bench/generate';
import { createAnalyzer } from '../../src/analysis/engine';
import { buildTable, renderTable, type TableDocument } from '../../src/analysis/table';
import { LineIndex } from '../../src/analysis/text';
import { CLI_CACHE_TEXTS, forTableHere, linesOf, positionsOf } from '../../src/cli/parallel';

const ROOT = path.resolve(__dirname, '../../../..');
const drafts = path.join(ROOT, 'server/test/fixtures/drafts');

describe('the table from what the CLI keeps of each draft', function () {
  this.timeout(120_000);
  const analyzer = createAnalyzer().analyzer!;

  it('the line starts place every offset on the line and character a LineIndex of the text gives', () => {
    const lineIndexAgrees = (text: string) => {
      const made = positionsOf(linesOf(text));
      const a = new LineIndex(text);
      // Offsets past either end, and not whole numbers, are clamped and floored as LineIndex does.
      for (let o = -2; o <= text.length + 2; o += 0.5) {
        const span = { start: o, end: Math.min(o + 3, text.length + 2) };
        assert.deepStrictEqual(made.rangeOf(span), a.rangeOf(span), `span ${JSON.stringify(span)} of ${JSON.stringify(text)}`);
      }
    };
    for (const t of ['', 'a', '\n', '\r', '\r\n', '\n\n', '\r\r\n\n', 'ab\r\ncd\ref\ngh', 'x\r', '— é 😀\nz']) lineIndexAgrees(t);
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '\r', '\n', 'é', '—', ' '), { maxLength: 60 }).map((xs) => xs.join('')), (t) => lineIndexAgrees(t)));
  });

  it('renders the same table, in every format, as the whole drafts and analyses', () => {
    const texts: [string, string][] = fs
      .readdirSync(drafts)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(drafts, f), 'utf8')]);
    const bill = fs.readFileSync(path.join(ROOT, 'examples/cybercrime-bill.draft'), 'utf8');
    // Windows and old Mac line breaks, and a generated law of many sections.
    texts.push(['crlf.txt', bill.replace(/\n/g, '\r\n')], ['cr.txt', bill.replace(/\n/g, '\r')], ['law.txt', generateDraft({ sizeBytes: 80 * 1024, seed: 5 })]);
    const whole: TableDocument[] = [];
    const kept: TableDocument[] = [];
    for (const [file, text] of texts) {
      const analysis = analyzer.analyze(text);
      whole.push({ file, text, analysis });
      const k = forTableHere({ format: 'text', text, notices: [], problems: [] }, analysis);
      assert.strictEqual(k.doc.text, '');
      kept.push({ file, text: '', positions: positionsOf(k.lines!), analysis: k.analysis });
    }
    const full = buildTable(analyzer.data, whole, analyzer.messages);
    assert.ok(full.chapters.some((c) => c.rows.some((r) => r.provisions.some((p) => p.file === 'crlf.txt' && p.range.start.line > 10))), 'provisions of the CRLF draft are listed');
    for (const format of ['csv', 'markdown', 'html'] as const) {
      assert.strictEqual(renderTable(buildTable(analyzer.data, kept, analyzer.messages), format, analyzer.messages), renderTable(full, format, analyzer.messages), format);
    }
  });

  it('a CLI Analyzer keeps at most CLI_CACHE_TEXTS texts across laws, with the same results', () => {
    const first = createAnalyzer().analyzer!;
    const law = generateDraft({ sizeBytes: 200 * 1024, seed: 9 });
    const expected = first.analyze(law);
    const a = createAnalyzer(undefined, { cacheTexts: CLI_CACHE_TEXTS }).analyzer!;
    let full = 0;
    // Different laws until the cache has been full for a few of them.
    for (let seed = 100; full < 3 && seed < 200; seed++) {
      a.analyze(generateDraft({ sizeBytes: 200 * 1024, seed }));
      assert.ok(a.cachedTexts <= CLI_CACHE_TEXTS, `${a.cachedTexts} texts cached`);
      if (a.cachedTexts === CLI_CACHE_TEXTS) full++;
    }
    assert.strictEqual(full, 3);
    const again = a.analyze(law);
    assert.deepStrictEqual(again.findings, expected.findings);
    assert.deepStrictEqual(again.coverage, expected.coverage);
    assert.deepStrictEqual([...again.matches.values()], [...expected.matches.values()]);
  });
});
