// The provision hover says where each element's evidence was found ("this section", or the
// subdivision in the draft's own numbering: "section 17(2)", "artículo 6(a)", "article 323-3(2)")
// and links there: a `concordance.revealInDraft` command link whose arguments select exactly the
// evidence words. Own drafts in English, Spanish and French.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, ROOT, TestClient, failOnServerErrors } from './client';

interface Link {
  label: string;
  evidence: string;
  args: [string, number, number, number, number];
}

/** The items of a hover's list under a heading ("**Elements**"): the line after it, split at " · ". */
function items(markdown: string, heading: RegExp): string[] {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  return at < 0 || at + 1 >= lines.length ? [] : lines[at + 1].split(' · ');
}

/** The elements of a hover that carry a location link: the link's label, the evidence words (its title), its decoded arguments. */
function locations(markdown: string): Link[] {
  const out: Link[] = [];
  for (const item of items(markdown, /^\*\*[^*]+\*\*$/)) {
    const m = /^✓ .* — \[(.+?)\]\(command:concordance\.revealInDraft\?([^ )]*) "“((?:[^"\\]|\\.)*)”"\)$/.exec(item);
    if (m) out.push({ evidence: unescape(m[3]), label: unescape(m[1]), args: JSON.parse(decodeURIComponent(m[2])) });
  }
  return out;
}
/** Undoes the hover's Markdown escaping of draft text (a backslash before ASCII punctuation). */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The text a link's range selects. */
function selected(text: string, [, sl, sc, el, ec]: Link['args']): string {
  const lines = text.split('\n');
  if (sl === el) return lines[sl].slice(sc, ec);
  return [lines[sl].slice(sc), ...lines.slice(sl + 1, el), lines[el].slice(0, ec)].join('\n');
}

/** Per language: the draft, where to hover, the label of the section's own text and of a subdivision, how a subdivision's line starts. */
const CASES: { lang: string; draft: string; hoverAt: string; own: RegExp; child: RegExp; marker: (n: string) => string }[] = [
  {
    lang: 'en',
    draft: [
      'PART 3 — PROCEDURAL POWERS',
      '',
      'Section 17 — Production order',
      '(1) A judge may, on application by a police officer, make an order under this section.',
      '(2) The order may require a person in the territory to produce specified computer data in that person’s possession or control, and a service provider to submit subscriber information in its possession or control.',
      '',
    ].join('\n'),
    hoverAt: 'Section 17',
    own: /^this section$/,
    child: /^section 17\((1|2)\)$/,
    marker: (n) => `(${n}) `,
  },
  {
    lang: 'es',
    draft: [
      'TÍTULO III',
      'MEDIDAS PROCESALES',
      '',
      'Artículo 12.- Orden de presentación.',
      'a) El juez podrá ordenar a una persona que se encuentre en el territorio que presente los datos informáticos especificados que obren en su poder o bajo su control.',
      'b) El juez podrá ordenar a un proveedor de servicios que presente la información de abonados que obre en su poder o bajo su control.',
      '',
    ].join('\n'),
    hoverAt: 'Artículo 12',
    own: /^this article$/,
    child: /^artículo 12\((a|b)\)$/,
    marker: (n) => `${n}) `,
  },
  {
    lang: 'fr',
    draft: [
      'TITRE III',
      'POUVOIRS DE PROCÉDURE',
      '',
      'Article 41 — Injonction de produire',
      '1. Le juge peut enjoindre à toute personne présente sur le territoire de remettre les données informatiques spécifiées en sa possession ou sous son contrôle.',
      '2. Le juge peut enjoindre à un fournisseur de services de remettre les informations relatives aux abonnés en sa possession ou sous son contrôle.',
      '',
    ].join('\n'),
    hoverAt: 'Article 41',
    own: /^this article$/,
    child: /^article 41\((1|2)\)$/,
    marker: (n) => `${n}. `,
  },
];

/** Per language: a general safeguards clause, then a power that does not say proportionality itself. */
const GENERAL: { lang: string; draft: string; hoverAt: string; clause: string; label: string }[] = [
  {
    lang: 'en',
    draft: [
      'PART 3 — PROCEDURAL POWERS',
      '',
      'Section 15 — Conditions and safeguards',
      '(1) A power under this Part may be exercised only where it is necessary and proportionate to the purpose of a specific criminal investigation.',
      '(2) Any person affected by an order under this Part may apply to the High Court to set aside the order.',
      '',
      'Section 17 — Production order',
      'A judge may order a person in the territory to produce specified computer data in that person’s possession or control.',
      '',
    ].join('\n'),
    hoverAt: 'Section 17',
    clause: '(1) A power under this Part',
    label: 'section 15(1)',
  },
  {
    lang: 'es',
    draft: [
      'TÍTULO III',
      'MEDIDAS PROCESALES',
      '',
      'Artículo 10.- Condiciones y salvaguardias.',
      '1. Las facultades previstas en este Título se ejercerán con arreglo al principio de proporcionalidad y con supervisión judicial.',
      '2. Toda persona afectada por una orden dictada en virtud de este Título podrá recurrirla ante un tribunal.',
      '',
      'Artículo 12.- Orden de presentación.',
      'El fiscal podrá ordenar a una persona que se encuentre en el territorio que presente los datos informáticos especificados que obren en su poder o bajo su control.',
      '',
    ].join('\n'),
    hoverAt: 'Artículo 12',
    clause: '1. Las facultades',
    label: 'artículo 10(1)',
  },
  {
    lang: 'fr',
    draft: [
      'TITRE III',
      'POUVOIRS DE PROCÉDURE',
      '',
      'Article 40 — Conditions et garanties',
      '1. Les pouvoirs prévus au présent titre sont exercés dans le respect du principe de proportionnalité et sous le contrôle d’un juge.',
      '2. Toute personne visée par une injonction prise en application du présent titre peut former un recours devant le tribunal.',
      '',
      'Article 41 — Injonction de produire',
      'Le procureur peut enjoindre à toute personne présente sur le territoire de remettre les données informatiques spécifiées en sa possession ou sous son contrôle.',
      '',
    ].join('\n'),
    hoverAt: 'Article 41',
    clause: '1. Les pouvoirs',
    label: 'article 40(1)',
  },
];

describe('hover: where each element was found (protocol)', function () {
  this.timeout(120_000);
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start());
  });
  after(async () => {
    if (client) assert.strictEqual(await client.stop(), 0);
  });
  afterEach(failOnServerErrors(() => client));

  for (const c of CASES) {
    it(`${c.lang}: names the subdivision in the draft's numbering and links to the evidence words`, async () => {
      const uri = pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `hover-evidence-${c.lang}.draft`)).toString();
      await client.open(uri, c.draft);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(c.draft, c.hoverAt, 2) });
      const value = (hover.contents as MarkupContent).value;
      assert.match(value.split('\n')[0], /^\*\*Art\. 27 — /, value);
      const links = locations(value);
      // The elements are the list right after the summary, the link and the first heading.
      const present = items(value, /^\*\*[^*]+\*\*$/).filter((l) => l.startsWith('✓'));
      assert.ok(present.length >= 2, `at least two elements found:\n${value}`);
      assert.strictEqual(links.length, present.length, `every element found says where, with its words:\n${value}`);
      for (const l of links) {
        assert.strictEqual(l.args[0], uri, 'the link names the hovered document');
        // The link selects exactly the quoted words (white space as in the draft).
        assert.strictEqual(selected(c.draft, l.args).replace(/\s+/g, ' '), l.evidence, `${l.label}: ${JSON.stringify(l.args)}`);
        assert.ok(c.own.test(l.label) || c.child.test(l.label), `unexpected location "${l.label}" in:\n${value}`);
        // The label names the subdivision the words stand in, or the section's own line.
        const line = c.draft.split('\n')[l.args[1]];
        const m = c.child.exec(l.label);
        if (m) assert.ok(line.startsWith(c.marker(m[1])), `"${l.label}" but the words are on: ${line}`);
        else assert.strictEqual(l.args[1], positionOf(c.draft, c.hoverAt).line, `"${l.label}" but the words are on: ${line}`);
      }
      assert.ok(links.some((l) => c.child.test(l.label)), `some evidence in a subdivision:\n${value}`);
    });
  }

  for (const c of GENERAL) {
    it(`${c.lang}: a safeguard the section takes from a general safeguards clause links to that clause`, async () => {
      const uri = pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `hover-general-${c.lang}.draft`)).toString();
      await client.open(uri, c.draft);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(c.draft, c.hoverAt, 2) });
      const value = (hover.contents as MarkupContent).value;
      const safeguards = items(value, /^\*\*Safeguards \(Art\. 24\)\*\* — /);
      const line = safeguards.find((l) => l.startsWith('✓ Proportionality'));
      assert.ok(line, `proportionality is present (from the general clause):\n${value}`);
      const m = /— \[(.+?)\]\(command:concordance\.revealInDraft\?([^)]*)\)$/.exec(line);
      assert.ok(m, `no location link: ${line}`);
      assert.strictEqual(unescape(m[1]), c.label);
      const args: Link['args'] = JSON.parse(decodeURIComponent(m[2]));
      assert.strictEqual(args[0], uri);
      assert.strictEqual(args[1], positionOf(c.draft, c.clause).line, 'the link is on the general clause');
      assert.match(selected(c.draft, args), /proporcional|proportion/i);
      // A safeguard the section lacks has no location; one it says itself says "this section"/"this article".
      for (const l of safeguards.filter((x) => x.startsWith('✗'))) assert.ok(!l.includes('revealInDraft'), l);
    });
  }
});

/** The hover's own words in the display language (initialize's locale); the draft's and the data's words as they are. */
const UI: { locale: string; words: RegExp[]; ownText: string; notEnglish: RegExp }[] = [
  { locale: 'es', words: [/ · correspondencia (fuerte|moderada|débil) · (carencias: |no falta nada)/, /^\*\*Elementos\*\*$/m, /^\*\*Salvaguardias \(art\. 24\)\*\* — \d\/\d presentes$/m, /\*\*Leer junto con:\*\*/, /\*\*Convenio de Budapest:\*\*/, /^\[Comparar con el art\. 27\]/m], ownText: 'este artículo', notEnglish: /\*\*Elements\*\*|Read with|Compare with|this section|this article/ },
  { locale: 'fr', words: [/ · correspondance (forte|moyenne|faible) · (lacunes : |rien ne manque)/, /^\*\*Éléments\*\*$/m, /^\*\*Garanties \(art\. 24\)\*\* — \d\/\d présentes$/m, /\*\*À lire avec :\*\*/, /\*\*Convention de Budapest :\*\*/, /^\[Comparer avec l’art\. 27\]/m], ownText: 'cet article', notEnglish: /\*\*Elements\*\*|Read with|Compare with|this section|this article/ },
];

describe('hover in the display language (protocol)', function () {
  this.timeout(120_000);
  for (const ui of UI) {
    it(`${ui.locale}: the hover's own words follow the display language; the draft's numbering stays the draft's`, async () => {
      const { client } = await TestClient.start({ locale: ui.locale });
      try {
        for (const c of CASES) {
          const uri = pathToFileURL(path.join(ROOT, 'server/test/fixtures/protocol', `hover-ui-${ui.locale}-${c.lang}.draft`)).toString();
          await client.open(uri, c.draft);
          const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(c.draft, c.hoverAt, 2) });
          const value = (hover.contents as MarkupContent).value;
          for (const w of ui.words) assert.match(value, w, `${c.lang} draft:\n${value}`);
          assert.doesNotMatch(value, ui.notEnglish, `${c.lang} draft:\n${value}`);
          // Element and article names are data (English); locations keep the draft's numbering word.
          assert.match(value.split('\n')[0], /^\*\*Art\. 27 — Production order\*\*/);
          const labels = locations(value).map((l) => l.label);
          assert.ok(labels.some((l) => c.child.test(l)), `${c.lang}: ${labels.join(', ')}`);
          if (c.lang !== 'en') assert.ok(labels.every((l) => c.child.test(l) || l === ui.ownText), `${c.lang}: ${labels.join(', ')}`);
        }
        assert.deepStrictEqual(client.errors, []);
      } finally {
        await client.stop();
      }
    });
  }
});
