import * as fs from 'fs';
import * as path from 'path';
import * as assert from 'assert';
import { detectLanguage } from '../../src/analysis/language';
import type { DraftLanguage } from '../../src/analysis/types';
import { check } from './check';

check<string, DraftLanguage>(
  'detectLanguage',
  [
    { name: 'English', input: 'A person who, without right, accesses the whole or any part of a computer system shall be guilty of an offence.', expected: 'en' },
    { name: 'Spanish', input: 'El que sin autorización acceda a un sistema informático será reprimido con prisión de uno a tres años.', expected: 'es' },
    { name: 'French', input: "Le fait d'accéder frauduleusement à tout ou partie d'un système de traitement automatisé de données est puni.", expected: 'fr' },
    { name: 'Spanish with accents in NFD form', input: 'Artículo 3. El que intercepte datos por medios técnicos será reprimido.'.normalize('NFD'), expected: 'es' },
    { name: 'no stop words defaults to English', input: '12345 ### §§ ---', expected: 'en' },
    { name: 'empty text defaults to English', input: '', expected: 'en' },
    { name: 'uppercase headings count too', input: 'LEY DE DELITOS INFORMÁTICOS Y DE LA PROTECCIÓN DE LOS DATOS DEL ESTADO', expected: 'es' },
  ],
  detectLanguage,
);

describe('detectLanguage on fixtures', () => {
  const dir = path.join(__dirname, '../../../../server/test/fixtures/drafts');
  const expected: Record<string, DraftLanguage> = {
    'commonwealth-bill.txt': 'en',
    'us-code.txt': 'en',
    'civil-law-articles.txt': 'en',
    'markdown-draft.md': 'en',
    'plain-numbered.txt': 'en',
    'ley-es.txt': 'es',
    'loi-fr.txt': 'fr',
  };
  for (const [file, lang] of Object.entries(expected)) {
    it(file, () => {
      assert.strictEqual(detectLanguage(fs.readFileSync(path.join(dir, file), 'utf8')), lang);
    });
  }
  it('is deterministic and samples long texts', () => {
    const long = 'the person shall '.repeat(50000) + 'el de la los las del y por '.repeat(10);
    assert.strictEqual(detectLanguage(long), 'en');
    assert.strictEqual(detectLanguage(long), detectLanguage(long));
  });
});
