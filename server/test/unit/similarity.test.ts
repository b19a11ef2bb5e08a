// Text similarity: tf-idf cosine through inverted profiles, and profiles in every draft language.
import * as assert from 'assert';
import { Analyzer } from '../../src/analysis/analyze';
import { TokenIndex } from '../../src/analysis/cues';
import { createAnalyzer } from '../../src/analysis/engine';
import { FEATURES } from '../../src/analysis/match';
import { SimilarityIndex } from '../../src/analysis/similarity';

const { analyzer: loaded } = createAnalyzer();
if (!loaded) throw new Error('shipped data failed to load');
const analyzer: Analyzer = loaded;

describe('SimilarityIndex', () => {
  const cues = analyzer.matcher.cues;
  const pin = (k: string) => cues.vocabulary.pin(k);
  const keysOf = (s: string) => new Map(cues.analyze(s, 'en').map((t) => [t.key, 1]));

  it('is 1 for a provision with exactly an article\'s words, 0 for one sharing none, in between otherwise', () => {
    const profiles = [keysOf('intercepts transmissions'), keysOf('preserves stored data'), keysOf('seizes property')];
    const index = new SimilarityIndex(profiles, pin);
    const dots = new Float64Array(3);
    const run = (s: string) => {
      index.into(new TokenIndex(cues.run(s, 'en')), dots);
      return Array.from(dots, (x) => Math.round(x * 1000) / 1000);
    };
    assert.deepStrictEqual(run('intercepts transmissions'), [1, 0, 0]);
    assert.deepStrictEqual(run('bakes bread'), [0, 0, 0]);
    const mixed = run('intercepts stored data');
    assert.ok(mixed[0] > 0 && mixed[0] < 1 && mixed[1] > 0 && mixed[1] < 1 && mixed[2] === 0, String(mixed));
  });
});

describe('similarity in every draft language', () => {
  const similarityTo = (draft: string, article: number) => {
    const fresh = new Analyzer(analyzer.data, analyzer.settings);
    let value = -1;
    fresh.featureSink = (a, features) => {
      if (a === article) value = features[FEATURES.indexOf('similarity')];
    };
    fresh.analyze(draft);
    return value;
  };
  for (const [lang, draft] of [
    ['fr', "Article 3\nQuiconque intercepte frauduleusement, par des moyens techniques, des transmissions non publiques de données informatiques est puni de deux ans d'emprisonnement.\n"],
    ['es', 'Artículo 3. Interceptación\nEl que intercepte, por medios técnicos, transmisiones no públicas de datos informáticos será castigado con prisión de uno a tres años.\n'],
  ] as const) {
    it(`${lang}: an interception offence is textually closer to Art 8 than to the preservation power`, () => {
      const toInterception = similarityTo(draft, 8);
      assert.ok(toInterception > 0, `similarity to Art 8 is ${toInterception}`);
      assert.ok(toInterception > similarityTo(draft, 25));
    });
  }
});
