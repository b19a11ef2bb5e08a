// Where article-number completion is offered, and what it replaces.
import * as assert from 'assert';
import type { Analyzer } from '../../src/analysis/analyze';
import { computeCompletion } from '../../src/lsp/completion';
import { fixtureData } from './helpers/concordanceFixture';

const analyzer = { data: fixtureData() } as unknown as Analyzer;

function complete(line: string) {
  return computeCompletion(line, analyzer, { line: 1, character: line.length });
}

describe('article completion', () => {
  it('is offered after the words that cite an article, in any case and in es/fr', () => {
    for (const line of ['as Article ', 'see Art. ', 'see art. ', 'Articles 7, ', 'Articles 7 and ', 'conforme al artículo ', "conformément à l'article ", 'ARTICLE ', 'Article 1']) {
      const list = complete(line);
      assert.ok(list && list.items.length === fixtureData().articles.length, line);
    }
  });

  it('is not offered in running text or right after the word without a space', () => {
    for (const line of ['A person who ', 'the particle ', 'Article', 'Article 7 of the ', 'Articles 7 and 8 ']) assert.strictEqual(complete(line), null, line);
  });

  it('labels items "N — Title", sorts by number and replaces the digits typed', () => {
    const list = complete('under Article 1')!;
    const labels = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.ok(labels[0].startsWith('1 — '), labels.join('; '));
    const sorted = fixtureData().articles.map((a) => a.article).sort((a, b) => a - b);
    assert.deepStrictEqual(labels.map((l) => Number(l.split(' ')[0])), sorted);
    const edit = list.items[0].textEdit as { range: { start: { character: number }; end: { character: number } } };
    assert.strictEqual(edit.range.end.character - edit.range.start.character, 1, 'replaces the "1" typed');
    assert.match(String(list.items[0].detail), /^Chapter /);
  });
});
