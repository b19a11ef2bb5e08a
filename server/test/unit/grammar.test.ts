// The TextMate grammar and language configuration: every regular expression must compile in
// JavaScript too (Oniguruma-only syntax is a bug here: other hosts and tests use JS regexes),
// and the main rules must recognise typical drafting.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/legal-draft.tmLanguage.json'), 'utf8'));
const config = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/language-configuration.json'), 'utf8'));

interface Found {
  where: string;
  source: string;
}

function regexes(node: unknown, where = ''): Found[] {
  if (!node || typeof node !== 'object') return [];
  const out: Found[] = [];
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') out.push({ where: `${where}/${k}`, source: v });
    else out.push(...regexes(v, `${where}/${k}`));
  }
  return out;
}

/** The first rule (depth first) whose `match` matches, as the grammar would try them. */
function rule(name: string): RegExp {
  const r = grammar.repository[name];
  assert.ok(r, `no repository rule ${name}`);
  return new RegExp(r.match ?? r.begin);
}

describe('TextMate grammar (syntaxes/legal-draft.tmLanguage.json)', () => {
  const all = regexes(grammar);

  it('has the scope name the manifest names', () => {
    assert.strictEqual(grammar.scopeName, 'text.legal-draft');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.ok(manifest.contributes.grammars.some((g: { scopeName: string }) => g.scopeName === 'text.legal-draft'));
  });

  it('every regex compiles in JavaScript, with and without the u flag', () => {
    assert.ok(all.length > 10, 'found the grammar rules');
    const broken: string[] = [];
    for (const { where, source } of all) {
      for (const flags of ['', 'u']) {
        try {
          new RegExp(source, flags);
        } catch (e) {
          broken.push(`${where} (${flags || 'no flags'}): ${(e as Error).message}`);
        }
      }
    }
    assert.deepStrictEqual(broken, []);
  });

  it('uses no Oniguruma-only syntax that JS would silently misread', () => {
    // \h \A \z \Z \G, inline flags (?i), atomic groups (?>…), possessive quantifiers, \p{Alpha}-style names.
    const oniguruma = /\\[hAzZGHK]|\(\?[imx]+[):]|\(\?>|[*+?}][+]|\\p\{(?:Alpha|Alnum|Word|Upper|Lower)\}/;
    const bad = all.filter((r) => oniguruma.test(r.source.replace(/\\\\/g, '')));
    assert.deepStrictEqual(bad, []);
  });

  it('every include points at an existing repository rule', () => {
    const missing: string[] = [];
    const visit = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if (k === 'include' && typeof v === 'string' && v.startsWith('#') && !grammar.repository[v.slice(1)]) missing.push(v);
        else visit(v);
      }
    };
    visit(grammar);
    assert.deepStrictEqual(missing, []);
  });

  it('scope names follow the standard families and end in .legal-draft', () => {
    const names: string[] = [];
    const visit = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if (k === 'name' && typeof v === 'string' && node !== grammar) names.push(...v.split(' '));
        else visit(v);
      }
    };
    visit(grammar.repository);
    const families = /^(markup\.heading|markup\.underline\.link|constant\.numeric|string\.quoted|keyword\.(other|control)|entity\.name|comment\.block|punctuation\.definition)\./;
    assert.deepStrictEqual(
      names.filter((n) => !families.test(n) || !n.endsWith('.legal-draft')),
      [],
    );
  });

  it('recognises headings, numbering, references, defined terms, modal verbs and the directive', () => {
    const cases: [string, string, string][] = [
      ['division-heading', 'PART 2 — OFFENCES', 'PART 2 — OFFENCES'],
      ['division-heading', 'Capítulo II', 'Capítulo II'],
      ['markdown-heading', '## Section 4 Illegal access', '## Section 4 Illegal access'],
      ['convention-reference', 'as Article 27 of the Convention requires', 'Article 27 of the Convention'],
      ['convention-reference', 'conforme al artículo 24 de la Convención', 'artículo 24 de la Convención'],
      ['cross-reference', 'an offence under section 14(2) is', 'section 14(2)'],
      ['cross-reference', 'under sections 3 to 6 commits', 'sections 3 to 6'],
      ['numbering', '3. (1) A person', '(1)'],
      ['line-numbering', '3. (1) A person', '3.'],
      ['title-line', 'CYBERCRIME BILL 2026', 'CYBERCRIME BILL 2026'],
    ];
    for (const [name, line, expected] of cases) assert.strictEqual(rule(name).exec(line)?.[0], expected, `${name} on ${JSON.stringify(line)}`);

    const [capitals, sectionFull, sectionLabel] = grammar.repository['section-heading'].patterns.map((p: { match: string }) => new RegExp(p.match));
    assert.strictEqual(sectionFull.exec('Section 14 — Illegal access')?.[0], 'Section 14 — Illegal access');
    assert.strictEqual(sectionFull.exec('Article 27 of the Convention requires States'), null, 'running text is no heading');
    assert.strictEqual(sectionLabel.exec('Section 14. A person who accesses commits an offence.')?.[1], 'Section 14');
    // As United States bills set their headings: in capitals, ending with a full stop.
    for (const [line, label, title] of [
      ['SEC. 2. UNAUTHORIZED ACCESS.', 'SEC. 2', 'UNAUTHORIZED ACCESS.'],
      ['SECTION 1. SHORT TITLE.', 'SECTION 1', 'SHORT TITLE.'],
    ]) {
      const m = capitals.exec(line);
      assert.deepStrictEqual([m?.[1], m?.[3]], [label, title], line);
    }
    assert.strictEqual(capitals.exec('SECTION 3. The Act applies.'), null, 'a sentence is no heading in capitals');
    assert.strictEqual(sectionLabel.exec('SEC. 3. (a) IN GENERAL.--An officer may order')?.[1], 'SEC. 3');

    const [negative, positive] = grammar.repository.modal.patterns.map((p: { match: string }) => new RegExp(p.match));
    assert.strictEqual(negative.exec('the court shall not order')?.[0], 'shall not');
    for (const [line, word] of [
      ['the judge may order', 'may'],
      ['el juez podrá ordenar', 'podrá'],
      ['el Estado deberá adoptar', 'deberá'],
      ['le juge peut ordonner', 'peut'],
    ]) {
      assert.strictEqual(positive.exec(line)?.[0], word, line);
    }
    assert.strictEqual(positive.exec('mayor of the town'), null, 'no modal inside a word');

    assert.strictEqual(new RegExp(grammar.repository['defined-term'].patterns[0].match).exec('“ICT system” means')?.[0], '“ICT system”');
    assert.ok(rule('drafting-note').test('[Drafting note: concordance-ignore safeguard.duration]'));
    const directive = new RegExp(grammar.repository['drafting-note'].patterns[0].match).exec('[Drafting note: concordance-ignore safeguard.duration, neutrality.tech-specific]');
    assert.strictEqual(directive?.[2], 'safeguard.duration, neutrality.tech-specific');
  });
});

describe('language configuration (syntaxes/language-configuration.json)', () => {
  it('has a word pattern that compiles in JS and keeps accented and hyphenated words whole', () => {
    const re = new RegExp(config.wordPattern, 'g');
    assert.deepStrictEqual('artículo pre-existing l’accès'.match(re), ['artículo', 'pre-existing', 'l’accès']);
  });

  it('pairs the brackets and quotes drafters use', () => {
    const pairs = config.brackets.map((b: string[]) => b.join(''));
    for (const p of ['()', '[]', '“”']) assert.ok(pairs.includes(p), p);
    assert.ok(config.autoClosingPairs.some((p: { open: string }) => p.open === '"'));
    assert.deepStrictEqual(config.comments.blockComment, ['[Drafting note:', ']']);
  });
});
