import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseProvisions, parseProvisionsStrict } from '../../src/analysis/parse';
import type { ParsedDraft, Reference } from '../../src/analysis/types';
import { check } from './check';

// ---------------------------------------------------------------------------
// Renderers: turn a ParsedDraft into compact lines that read like an outline.

/** "id label heading" per provision, in document order (preamble shown as "preamble"). */
function outline(text: string): string[] {
  return parseProvisions(text).provisions.map((p) => [p.id, p.label, p.heading ?? ''].filter((s) => s !== '').join(' '));
}

/** "id kind" per provision. */
function kinds(text: string): string[] {
  return parseProvisions(text).provisions.map((p) => `${p.id} ${p.kind}`);
}

/** The text each provision owns (its ownSpan). */
function ownTexts(text: string): string[] {
  return parseProvisions(text).provisions.map((p) => `${p.id}: ${text.slice(p.ownSpan.start, p.ownSpan.end)}`);
}

function defs(text: string): string[] {
  return parseProvisions(text).definitions.map(
    (d) => `${d.term} | ${text.slice(d.span.start, d.span.end)} | ${text.slice(d.definitionSpan.start, d.definitionSpan.end)} | ${d.provision ?? '-'}`,
  );
}

function refText(text: string, r: Reference): string {
  const quoted = text.slice(r.span.start, r.span.end);
  if (r.kind === 'convention') {
    return `conv ${r.article}${r.paragraph ? `(${r.paragraph})` : ''}${r.namedTitle ? ` "${r.namedTitle}"` : ''} @${quoted}`;
  }
  return `xref ${r.target} -> ${r.resolved ?? '?'} @${quoted}`;
}

function refs(text: string): string[] {
  return parseProvisions(text).references.map((r) => refText(text, r));
}

const L = (...lines: string[]): string => lines.join('\n');

// ---------------------------------------------------------------------------
// Structure, by drafting style

check<string, string[]>(
  'parse: Commonwealth style',
  [
    {
      name: 'parts, marginal headings, inline subsection, paragraphs',
      input: L(
        'PART 1 — Preliminary',
        '',
        'Short title',
        '1. This Act is the Computer Offences Act.',
        '',
        'PART 2 — Offences',
        '',
        'Illegal access',
        '14. (1) A person who gets into a computer system without permission commits an offence.',
        '(2) A person convicted under subsection (1) is liable—',
        '  (a) to a fine; or',
        '  (b) to imprisonment.',
      ),
      expected: [
        'part-1 1 Preliminary',
        'part-1/s-1 1 Short title',
        'part-2 2 Offences',
        'part-2/s-14 14 Illegal access',
        'part-2/s-14/1 (1)',
        'part-2/s-14/2 (2)',
        'part-2/s-14/2/a (a)',
        'part-2/s-14/2/b (b)',
      ],
    },
    {
      name: '14.—(1) dash style and roman subparagraphs with (A)',
      input: L(
        '7.—(1) An officer may apply for a warrant where—',
        '(a) the data is needed; and',
        '(b) the need is urgent, because—',
        '(i) the data may be lost; or',
        '(ii) the suspect may flee, in which case—',
        '(A) the warrant lasts 7 days;',
        '(B) it may be renewed once.',
        '(2) The warrant must be in writing.',
      ),
      expected: [
        's-7 7',
        's-7/1 (1)',
        's-7/1/a (a)',
        's-7/1/b (b)',
        's-7/1/b/i (i)',
        's-7/1/b/ii (ii)',
        's-7/1/b/ii/A (A)',
        's-7/1/b/ii/B (B)',
        's-7/2 (2)',
      ],
    },
    {
      name: '(i) after (h) is a letter, not a roman numeral',
      input: L('3. A person—', '(g) one;', '(h) two;', '(i) three;', '(j) four.'),
      expected: ['s-3 3', 's-3/g (g)', 's-3/h (h)', 's-3/i (i)', 's-3/j (j)'],
    },
    {
      name: 'Section N with headings after the number',
      input: L(
        'Section 14 Illegal access',
        'A person who enters a system without right commits an offence.',
        'Section 15. Data interference',
        '(1) Deleting data without right is an offence.',
        'S. 16 Penalties',
        'A fine applies.',
      ),
      expected: ['s-14 14 Illegal access', 's-15 15 Data interference', 's-15/1 (1)', 's-16 16 Penalties'],
    },
    {
      name: 'section heading followed by a period and body on the same line',
      input: L('1. Short title. This Act is the Data Protection Act.', '2. The Minister may make rules.'),
      expected: ['s-1 1 Short title', 's-2 2'],
    },
    {
      name: 'a line beginning "(b) and (c)" is a wrapped cross-reference, not a paragraph',
      input: L('5. (1) Nothing in paragraphs (a),', '(b) and (c) applies to officers.', '(2) Other text.'),
      expected: ['s-5 5', 's-5/1 (1)', 's-5/2 (2)'],
    },
    {
      name: 'lowercase "section 4 applies" at line start is text, not a section',
      input: L('4. (1) The rules in', 'section 3 apply here.', '(2) More.'),
      expected: ['s-4 4', 's-4/1 (1)', 's-4/2 (2)'],
    },
  ],
  outline,
);

check<string, string[]>(
  'parse: US style',
  [
    {
      name: '§ with (a)/(1)/(A)/(i) and inline "Whoever— (1)"',
      input: L(
        '§ 1030. Fraud and related activity in connection with computers',
        '(a) Whoever— (1) knowingly accesses a computer; or',
        '(2) intentionally damages data, and thereby—',
        '(A) causes loss; or',
        '(B) threatens safety, by—',
        '(i) disabling a system; or',
        '(ii) corrupting records;',
        'shall be punished.',
        '(b) Attempts are punished likewise.',
        'Sec. 5. Effective date',
        'This takes effect on enactment.',
      ),
      expected: [
        's-1030 1030 Fraud and related activity in connection with computers',
        's-1030/a (a)',
        's-1030/a/1 (1)',
        's-1030/a/2 (2)',
        's-1030/a/2/A (A)',
        's-1030/a/2/B (B)',
        's-1030/a/2/B/i (i)',
        's-1030/a/2/B/ii (ii)',
        's-1030/b (b)',
        's-5 5 Effective date',
      ],
    },
    {
      name: '§ 1030(a)(2)(C) opens nested subdivisions inline',
      input: L('§ 1030(a)(2)(C) Whoever obtains information.', '(D) Whoever else.'),
      expected: ['s-1030 1030', 's-1030/a (a)', 's-1030/a/2 (2)', 's-1030/a/2/C (C)', 's-1030/a/2/D (D)'],
    },
  ],
  outline,
);

check<string, string[]>(
  'parse: civil-law Article style (English and French)',
  [
    {
      name: 'Chapter / Section (division) / Article with bis and numbered paragraphs',
      input: L(
        'CHAPTER II',
        'OFFENCES',
        '',
        'Section 1 — Confidentiality',
        '',
        'Article 7 – Illegal access',
        '1. Whoever enters a system without right shall be punished.',
        '2. The attempt is punishable.',
        '',
        'Art. 7 bis Illegal interception',
        'Whoever intercepts data without right shall be punished.',
        '',
        'Article 323-1',
        'The penalty is doubled for public systems.',
      ),
      expected: [
        'chapter-ii II OFFENCES',
        'chapter-ii/section-1 1 Confidentiality',
        'chapter-ii/section-1/art-7 7 Illegal access',
        'chapter-ii/section-1/art-7/1 1',
        'chapter-ii/section-1/art-7/2 2',
        'chapter-ii/section-1/art-7-bis 7 bis Illegal interception',
        'chapter-ii/section-1/art-323-1 323-1',
      ],
    },
    {
      name: 'heading on the line after "Article N"; "Sec." stays a section next to Articles',
      input: L('Article 5', 'Illegal access', 'Whoever enters a system without right shall be punished.', 'Sec. 6. Penalties', 'Text.'),
      expected: ['art-5 5 Illegal access', 's-6 6 Penalties'],
    },
    {
      name: 'French Titre / Chapitre / Article premier / 1° items',
      input: L(
        'TITRE II',
        'DES INFRACTIONS',
        'Chapitre 2 : Atteintes aux systèmes',
        'Article premier',
        'Le fait d’accéder frauduleusement à un système est puni.',
        'Article 2 — Définitions',
        '1° « données » désigne toute représentation d’informations ;',
        '2° « système » désigne tout dispositif de traitement.',
      ),
      expected: [
        'title-ii II DES INFRACTIONS',
        'title-ii/chapter-2 2 Atteintes aux systèmes',
        'title-ii/chapter-2/art-premier premier',
        'title-ii/chapter-2/art-2 2 Définitions',
        'title-ii/chapter-2/art-2/1 1°',
        'title-ii/chapter-2/art-2/2 2°',
      ],
    },
  ],
  outline,
);

check<string, string[]>(
  'parse: Spanish style',
  [
    {
      name: 'Título / Capítulo / Artículo 2°.- / Art. 2º / ARTÍCULO 5. / a) items',
      input: L(
        'TÍTULO I',
        'DE LOS DELITOS',
        'CAPÍTULO I',
        'Artículo 2°.- Acceso ilícito. El que acceda sin autorización a un sistema será reprimido.',
        'Art. 3º Interceptación ilícita',
        'El que intercepte datos será reprimido.',
        'ARTÍCULO 5. Agravantes',
        'La pena se eleva cuando:',
        'a) el sistema sea público;',
        'b) el autor sea funcionario.',
      ),
      expected: [
        'title-i I DE LOS DELITOS',
        'title-i/chapter-i I',
        'title-i/chapter-i/art-2 2 Acceso ilícito',
        'title-i/chapter-i/art-3 3 Interceptación ilícita',
        'title-i/chapter-i/art-5 5 Agravantes',
        'title-i/chapter-i/art-5/a a)',
        'title-i/chapter-i/art-5/b b)',
      ],
    },
  ],
  outline,
);

check<string, string[]>(
  'parse: Markdown and plain numbering',
  [
    {
      name: 'Markdown headings nest by level; sections inside headings',
      input: L(
        '# Cyber Act',
        '',
        'Intro text.',
        '',
        '## Part 1 — Offences',
        '',
        '### Article 1 — Illegal access',
        '',
        '(1) A person who accesses a system without right commits an offence.',
        '',
        '## Schedule',
        '',
        'Forms.',
      ),
      expected: [
        'h-cyber-act Cyber Act',
        'h-cyber-act/part-1 1 Offences',
        'h-cyber-act/part-1/art-1 1 Illegal access',
        'h-cyber-act/part-1/art-1/1 (1)',
        'h-cyber-act/h-schedule Schedule',
      ],
    },
    {
      name: 'plain numbered paragraphs with decimal sub-numbering',
      input: L('1. Scope', 'Text.', '2. Requests', '2.1 First.', '2.1.1 Deeper.', '2.2 Second.', '3. End'),
      expected: ['s-1 1 Scope', 's-2 2 Requests', 's-2/2.1 2.1', 's-2/2.1/2.1.1 2.1.1', 's-2/2.2 2.2', 's-3 3 End'],
    },
    {
      name: 'preamble before the first provision; duplicates get ~2',
      input: L('A BILL', 'for an Act.', '1. First', '1. Again', '(1) x', '(1) y'),
      expected: ['preamble', 's-1 1 First', 's-1~2 1 Again', 's-1~2/1 (1)', 's-1~2/1~2 (1)'],
    },
    {
      name: 'text with no numbering at all is one preamble',
      input: 'Just a paragraph of prose.\nAnd another line.',
      expected: ['preamble'],
    },
    {
      name: 'empty text has no provisions',
      input: '',
      expected: [],
    },
  ],
  outline,
);

check<string, string[]>(
  'parse: section numbers of five and six digits',
  [
    {
      name: '"10000." and "123456." open sections, as "9999." does',
      input: L('Illegal access', '9999. A person who gets in commits an offence.', '10000. (1) A person who stays in commits an offence.', '(2) It is punishable.', '123456. A person who tries commits an offence.'),
      expected: ['s-9999 9999 Illegal access', 's-10000 10000', 's-10000/1 (1)', 's-10000/2 (2)', 's-123456 123456'],
    },
    {
      name: '"Section 12345", "§ 10000." and "Article 10001"',
      input: L('Section 12345 Illegal access', 'A person commits an offence.', '§ 10000. Data', 'Text.'),
      expected: ['s-12345 12345 Illegal access', 's-10000 10000 Data'],
    },
    {
      name: 'Article 10001 with its paragraphs',
      input: L('Article 10001 – Access', '1. A person.', '2. Another.', 'Article 10002', 'Text.'),
      expected: ['art-10001 10001 Access', 'art-10001/1 1', 'art-10001/2 2', 'art-10002 10002'],
    },
    {
      name: 'years and amounts in the text stay body text',
      input: L('1. Short title', 'This Act was made In 2024.', 'A person is liable to a fine of 10000 dollars.', 'A person is liable to a fine of', '10000 dollars.', 'or a fine of', '250000.', '2. Next'),
      expected: ['s-1 1 Short title', 's-2 2 Next'],
    },
    {
      name: 'a wrapped amount at a line start ending the line is no section',
      input: L('Offences', '1. A person is liable to a fine not exceeding', '10000.', '(2) The court may order more.'),
      expected: ['s-1 1 Offences', 's-1/2 (2)'],
    },
  ],
  outline,
);

check<string, string[]>(
  'parse: kinds',
  [
    {
      name: 'Commonwealth levels',
      input: L('PART 1', '2. (1) x', '(a) y', '(i) z', '(A) w'),
      expected: ['part-1 division', 'part-1/s-2 section', 'part-1/s-2/1 subsection', 'part-1/s-2/1/a paragraph', 'part-1/s-2/1/a/i subparagraph', 'part-1/s-2/1/a/i/A subparagraph'],
    },
    {
      name: 'preamble kind',
      input: L('This draft is for consultation.', 'Article 1', 'Body'),
      expected: ['preamble preamble', 'art-1 section'],
    },
  ],
  kinds,
);

// ---------------------------------------------------------------------------
// Spans

check<string, string[]>(
  'parse: spans and line endings',
  [
    {
      name: 'ownSpan stops at the first child; inline subsection starts at its marker',
      input: L('Title line', '14. (1) A person.', '(2) B.'),
      expected: ['s-14: Title line\n14. ', 's-14/1: (1) A person.\n', 's-14/2: (2) B.'],
    },
    {
      name: 'CRLF line endings',
      input: 'PART 1\r\nOffences\r\n\r\nIllegal access\r\n3. (1) A.\r\n(2) B.\r\n',
      expected: ['part-1: PART 1\r\nOffences\r\n\r\n', 'part-1/s-3: Illegal access\r\n3. ', 'part-1/s-3/1: (1) A.\r\n', 'part-1/s-3/2: (2) B.\r\n'],
    },
    {
      name: 'lone CR line endings',
      input: 'Article 1\rText.\rArticle 2\r1. A.\r2. B.',
      expected: ['art-1: Article 1\rText.\r', 'art-2: Article 2\r', 'art-2/1: 1. A.\r', 'art-2/2: 2. B.'],
    },
    {
      name: 'BOM at start is part of the first provision',
      input: '\uFEFFSection 1 Scope\nText.',
      expected: ['s-1: \uFEFFSection 1 Scope\nText.'],
    },
    {
      name: 'tabs and indentation before markers; leading blank lines fold into the first provision',
      input: '\n\n\t1. (1) A.\n\t\t(a) b;\n    (b) c.',
      expected: ['s-1: \n\n\t1. ', 's-1/1: (1) A.\n', 's-1/1/a: \t\t(a) b;\n', 's-1/1/b:     (b) c.'],
    },
  ],
  ownTexts,
);

// ---------------------------------------------------------------------------
// Definitions

check<string, string[]>(
  'parse: definitions',
  [
    {
      name: 'English quotes of several kinds, one per line',
      input: L(
        '2. In this Act—',
        '"computer system" means a device that processes data;',
        '“electronic data” includes any stored information;',
        "'service provider' means a body that offers communication;",
        '',
        '3. Next section.',
      ),
      expected: [
        'computer system | computer system | "computer system" means a device that processes data; | s-2',
        'electronic data | electronic data | “electronic data” includes any stored information; | s-2',
        "service provider | service provider | 'service provider' means a body that offers communication; | s-2",
      ],
    },
    {
      name: 'In this Act, "X" means; list-style (a) items',
      input: L('Article 2', 'In this Law, "data" means facts in digital form.', '(a) "traffic data" means data about a communication;', '(b) "content" means the substance of a message.'),
      expected: [
        'data | data | "data" means facts in digital form. | art-2',
        'traffic data | traffic data | "traffic data" means data about a communication; | art-2/a',
        'content | content | "content" means the substance of a message. | art-2/b',
      ],
    },
    {
      name: 'Spanish and French forms',
      input: L(
        'Artículo 2°.- Definiciones.',
        'a) «sistema informático»: todo dispositivo de tratamiento;',
        'b) "datos informáticos" significa toda representación de hechos.',
        'Article 3',
        '« données » désigne toute information numérique ;',
        "« système » s'entend de tout dispositif.",
      ),
      expected: [
        'sistema informático | sistema informático | «sistema informático»: todo dispositivo de tratamiento; | art-2/a',
        'datos informáticos | datos informáticos | "datos informáticos" significa toda representación de hechos. | art-2/b',
        'données | données | « données » désigne toute information numérique ; | art-3',
        "système | système | « système » s'entend de tout dispositif. | art-3",
      ],
    },
    {
      name: 'Markdown bold terms',
      input: L('## Definitions', '- **computer** means a device;', '- **data** means information.'),
      expected: ['computer | computer | **computer** means a device; | h-definitions', 'data | data | **data** means information. | h-definitions'],
    },
    {
      name: 'a quotation without a defining verb is not a definition',
      input: 'The word "access" appears in the title. A colon: "here".',
      expected: [],
    },
  ],
  defs,
);

// ---------------------------------------------------------------------------
// References

check<string, string[]>(
  'parse: references',
  [
    {
      name: 'convention references in a Section-style draft',
      input: L(
        '1. This Act implements Article 27 of the Convention and art. 24(2) of the Convention.',
        '2. See Articles 25 to 27 of the Convention, and articles 28 and 29 of the UN Convention.',
        '3. As required by the UN Convention against Cybercrime, article 7, access is an offence.',
        '4. Article 27 (Production order) of the Convention applies. So does Art. 16 Convention.',
      ),
      expected: [
        'conv 27 @Article 27',
        'conv 24(2) @art. 24(2)',
        'conv 25 @Articles 25',
        'conv 26 @27',
        'conv 27 @27',
        'conv 28 @articles 28',
        'conv 29 @29',
        'conv 7 @article 7',
        'conv 27 "Production order" @Article 27',
        'conv 16 @Art. 16',
      ],
    },
    {
      name: 'cross references resolve to sections and subsections',
      input: L(
        '3. (1) Access is an offence.',
        '(2) A penalty applies.',
        '(a) a fine.',
        '4. Sections 3 to 5 apply, and section 3(2)(a), s. 3, subsection (1) and section 9.',
      ),
      expected: [
        'xref 3 -> s-3 @Sections 3',
        'xref 4 -> s-4 @5',
        'xref 5 -> ? @5',
        'xref 3(2)(a) -> s-3/2/a @section 3(2)(a)',
        'xref 3 -> s-3 @s. 3',
        'xref (1) -> ? @subsection (1)',
        'xref 9 -> ? @section 9',
      ],
    },
    {
      name: 'bare "Article 7" in an Article-style draft is a cross reference; with "of the Convention" it is not',
      input: L(
        'Article 7 – Illegal access',
        'Whoever enters a system is punished.',
        'Article 8 – Attempt',
        'The attempt at the offence in Article 7 is punished, as required by Article 7 of the Convention; see article 12 of this Law.',
      ),
      expected: ['xref 7 -> art-7 @Article 7', 'conv 7 @Article 7', 'xref 12 -> ? @article 12'],
    },
    {
      name: 'Spanish and French forms, § and 12 bis',
      input: L(
        'Article 12 bis',
        "Voir l'article 12 bis et l’article 323-1, ainsi que l'article 25 de la Convention des Nations Unies.",
        'Artículo 5°.- Véase el artículo 5 y el artículo 16 de la Convención.',
        '§ 1030. Text citing § 1030(a) and § 1031.',
      ),
      expected: [
        'xref 12 bis -> art-12-bis @article 12 bis',
        'xref 323-1 -> ? @article 323-1',
        'conv 25 @article 25',
        'xref 5 -> art-5 @artículo 5',
        'conv 16 @artículo 16',
        'xref 1030(a) -> s-1030 @§ 1030(a)',
        'xref 1031 -> ? @§ 1031',
      ],
    },
    {
      name: 'the Budapest Convention is not the UN Convention',
      input: '1. Compare Article 2 of the Budapest Convention.',
      expected: ['xref 2 -> ? @Article 2'],
    },
  ],
  refs,
);

// ---------------------------------------------------------------------------
// Invariants (used by the fixtures and the property test)

function invariants(text: string, parsed: ParsedDraft): void {
  const { provisions, byId } = parsed;
  if (text.length === 0) {
    assert.strictEqual(provisions.length, 0);
    return;
  }
  assert.strictEqual(byId.size, provisions.length, 'ids are unique');
  // ownSpans in document order tile [0, text.length)
  let pos = 0;
  for (const p of provisions) {
    assert.ok(p.span.start <= p.span.end && p.span.start >= 0 && p.span.end <= text.length, `span in bounds ${p.id}`);
    assert.strictEqual(p.ownSpan.start, p.span.start, `ownSpan.start ${p.id}`);
    assert.strictEqual(p.ownSpan.start, pos, `ownSpans tile (gap/overlap at ${p.id})`);
    pos = p.ownSpan.end;
    assert.strictEqual(byId.get(p.id), p);
    if (p.children.length === 0) assert.strictEqual(p.ownSpan.end, p.span.end, `leaf ${p.id}`);
    else {
      // children tile the parent's span after its ownSpan
      let c0 = p.ownSpan.end;
      for (const cid of p.children) {
        const c = byId.get(cid)!;
        assert.strictEqual(c.parent, p.id);
        assert.strictEqual(c.depth, p.depth + 1);
        assert.strictEqual(c.span.start, c0, `child ${cid} starts where the previous ends`);
        c0 = c.span.end;
      }
      assert.strictEqual(c0, p.span.end, `children of ${p.id} end with it`);
    }
  }
  assert.strictEqual(pos, text.length, 'ownSpans reach the end');
  // leaves in document order tile the text outside parents' own text; top level tiles all of it
  let top = 0;
  for (const p of provisions) {
    if (p.parent !== undefined) continue;
    assert.strictEqual(p.span.start, top);
    top = p.span.end;
  }
  assert.strictEqual(top, text.length);
  let leafEnd = 0;
  for (const p of provisions) {
    if (p.children.length > 0) continue;
    assert.ok(p.span.start >= leafEnd, 'leaves do not overlap');
    leafEnd = p.span.end;
  }
  for (const d of parsed.definitions) {
    assert.ok(d.span.start >= d.definitionSpan.start && d.span.end <= d.definitionSpan.end && d.definitionSpan.end <= text.length);
    assert.strictEqual(text.slice(d.span.start, d.span.end), d.term);
  }
  for (const r of parsed.references) assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= text.length);
}

// ---------------------------------------------------------------------------
// Fixtures

const FIXTURES = path.join(__dirname, '../../../../server/test/fixtures/drafts');

function sectionOutline(text: string): string[] {
  return parseProvisions(text)
    .provisions.filter((p) => p.kind === 'section')
    .map((p) => [p.id, p.heading ?? ''].filter((s) => s !== '').join(' '));
}

describe('parse: fixture drafts', () => {
  const expectedSections: Record<string, string[]> = {
    'commonwealth-bill.txt': [
      'part-i/s-1 Short title and commencement',
      'part-i/s-2 Interpretation',
      'part-ii/s-3 Unauthorised access',
      'part-ii/s-4 Unlawful interception',
      'part-ii/s-5 Interference with data',
      'part-iii/s-6 Preservation of stored data',
      'part-iii/s-7 Production order',
      'part-iii/s-8 Search and seizure',
      'part-iii/s-9 Interception warrant',
    ],
    'us-code.txt': [
      'title-18/chapter-47/s-1030 Unauthorized access to protected computers',
      'title-18/chapter-47/s-1031 Interception of electronic communications',
      'title-18/chapter-47/s-1032 Court orders for stored records',
      'title-18/chapter-47/s-5 Effective date',
    ],
    'civil-law-articles.txt': [
      'chapter-i/art-1 Purpose',
      'chapter-i/art-2 Definitions',
      'chapter-ii/section-1/art-3 Illegal access',
      'chapter-ii/section-1/art-3-bis Illegal interception',
      'chapter-ii/section-1/art-4 Interference with data',
      'chapter-iii/art-5 Expedited preservation',
      'chapter-iii/art-6 Production order',
      'chapter-iii/art-7 Search and seizure of stored data',
      'chapter-iii/art-323-1',
    ],
    'ley-es.txt': [
      'title-i/chapter-i/art-1 Objeto',
      'title-i/chapter-i/art-2 Definiciones',
      'title-ii/art-3 Acceso ilícito',
      'title-ii/art-4 Interceptación ilícita',
      'title-ii/art-5 Atentado contra la integridad de los datos',
      'title-ii/art-6 Agravantes',
      'title-iii/art-7 Conservación rápida de datos',
      'title-iii/art-8 Orden de presentación',
      'title-iii/art-9 Registro y decomiso',
    ],
    'loi-fr.txt': [
      'title-i/chapter-1/art-premier',
      'title-i/chapter-1/art-2 Définitions',
      'title-ii/art-323-1',
      'title-ii/art-323-2',
      'title-ii/art-323-3',
      'title-iii/art-12-bis Conservation des données',
      'title-iii/art-12-ter Perquisition informatique',
    ],
    'markdown-draft.md': [
      'h-cybercrime-model-provisions-act/part-1/s-1 Definitions',
      'h-cybercrime-model-provisions-act/part-2/s-2 Illegal access',
      'h-cybercrime-model-provisions-act/part-2/s-3 Illegal interception',
      'h-cybercrime-model-provisions-act/part-3/s-4 Preservation orders',
      'h-cybercrime-model-provisions-act/part-3/s-5 Interception of content data',
    ],
    'plain-numbered.txt': ['s-1 Scope', 's-2 Definitions', 's-3 Preservation requests', 's-4 Production of data', 's-5 Search of devices', 's-6 Review'],
  };
  for (const [file, sections] of Object.entries(expectedSections)) {
    it(`${file}: sections and headings`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      assert.deepStrictEqual(sectionOutline(text), sections);
    });
    it(`${file}: invariants, with LF, CRLF and CR line endings`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      for (const t of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) {
        const parsed = parseProvisionsStrict(t);
        invariants(t, parsed);
        assert.deepStrictEqual(sectionOutline(t), sections);
        assert.ok(parsed.definitions.length + parsed.references.length > 0);
      }
    });
  }
});

// ---------------------------------------------------------------------------
// Property test

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 200;

const numberingLine = fc.constantFrom(
  'PART 2 — Offences',
  'Part II',
  'CHAPTER III',
  'Chapter 3: Powers',
  'TÍTULO II',
  'Chapitre 2',
  '# Heading',
  '### Section 4. Title',
  'Section 14 Illegal access',
  'Section 14',
  'S. 14',
  '14. (1) A person',
  '14.—(1) A person',
  '§ 1030(a)(2)(C)',
  'Sec. 5.',
  'Article 12 bis',
  'Art. 2º',
  'Artículo 2°.- Acceso ilícito. El que',
  'Article 323-1',
  '1.',
  '2.1.3 Deep',
  '(1)',
  '(a)',
  '(h)',
  '(i)',
  '(ii)',
  '(A)',
  '(I)',
  'a)',
  '1°',
  'Illegal access',
  '"term" means x;',
  '« terme » désigne y',
  '**bold** means z',
  'see section 3(2) and Article 27 (Production order) of the Convention',
  'Articles 25 to 31 of the Convention',
  '',
  '   ',
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', '\u202Eשלום\u202C', 'e\u0301\u0301', '😀𝒜', '\t\t', '\uFEFF', '\u0007\u0008'),
);
const line = fc.tuple(fc.constantFrom('', ' ', '\t', '    '), fc.oneof(numberingLine, junk), fc.oneof(fc.constant(''), junk)).map(([i, a, b]) => i + a + (b ? ' ' + b : ''));
const draft = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(line, eol), { maxLength: 60 }).map((ls) => ls.map(([l, e]) => l + e).join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => Array.from({ length: n }, (_, k) => Array.from({ length: k + 1 }, () => '1').join('.') + ' x').join('\n')) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 60 }).map((n) =>
      Array.from({ length: n }, (_, k) => ['(1)', '(a)', '(i)', '(A)', '(I)', 'a)', '1°', '1.'][k % 8] + ' level ' + k).join('\n'),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(numberingLine, fc.integer({ min: 1000, max: 20000 })).map(([l, n]) => l + ' ' + 'word '.repeat(Math.floor(n / 5))) },
);

describe('parse: properties', () => {
  it('never throws; ownSpans tile the text, spans in bounds, ids unique', function () {
    if (FUZZ_RUNS > 200) this.timeout(0);
    fc.assert(
      fc.property(draft, (text) => {
        // the strict entry point: an internal error must fail the test, not fall back to a preamble
        invariants(text, parseProvisionsStrict(text));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('50 levels of nesting, in several numbering schemes', () => {
    const decimals = Array.from({ length: 50 }, (_, k) => (k === 0 ? '1. text' : Array.from({ length: k + 1 }, (_, j) => String(j + 1)).join('.') + ' text')).join('\n');
    const parsed = parseProvisionsStrict(decimals);
    invariants(decimals, parsed);
    assert.strictEqual(Math.max(...parsed.provisions.map((p) => p.depth)), 49);
    assert.strictEqual(parsed.provisions[parsed.provisions.length - 1].kind, 'subparagraph');
  });
});
