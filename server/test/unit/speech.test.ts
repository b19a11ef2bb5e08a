// Speech and content offences stand on their own: whatever offence article they resemble, they
// get none and are reported as having no counterpart, unless they are the content offences the
// Convention itself has (Arts 14-16) with those articles' core elements. Drafts are our own.
import { createAnalyzer } from '../../src/analysis/engine';
import { check } from './check';

const { analyzer: loaded } = createAnalyzer();
if (!loaded) throw new Error('shipped data failed to load');
const analyzer = loaded;

/** The best article of a one-section draft (null: none), and whether it is reported as having no counterpart. */
function outcome(draft: string): { article: number | null; noCounterpart: boolean } {
  const a = analyzer.analyze(draft);
  const first = [...a.matches.values()][0];
  return {
    article: first?.matches[0]?.article ?? null,
    noCounterpart: a.findings.some((f) => f.code === 'overbreadth.no-counterpart'),
  };
}

check<string, { article: number | null; noCounterpart: boolean }>(
  'speech and content offences',
  [
    {
      name: 'en: false information harming reputation, sent through an information system (no counterpart)',
      input: 'Section 20 Protection of reputation\nWhoever intentionally transmits through any information system information which he knows to be false and which harms the reputation of a natural person shall be punished with imprisonment for up to three years.\n',
      expected: { article: null, noCounterpart: true },
    },
    {
      name: 'en: promoting hatred by electronic communication (no counterpart)',
      input: 'Section 21 Hatred\nA person who, by means of a computer system, wilfully promotes hatred against an identifiable group commits an offence.\n',
      expected: { article: null, noCounterpart: true },
    },
    {
      name: 'fr: message harming human dignity (no counterpart)',
      input: "Article 12\nLe fait de diffuser par un système informatique un message de nature à porter atteinte à la dignité humaine est puni de deux ans d'emprisonnement.\n",
      expected: { article: null, noCounterpart: true },
    },
    {
      name: 'fr: stirring up hatred (no counterpart)',
      input: "Article 13\nQuiconque, par la communication de déclarations en ligne, fomente volontairement la haine contre un groupe est coupable d'une infraction.\n",
      expected: { article: null, noCounterpart: true },
    },
    {
      name: 'es: false news spread through a computer system (no counterpart)',
      input: 'Artículo 14. Noticias falsas\nEl que difunda noticias falsas por medio de un sistema informático será sancionado con prisión de uno a tres años.\n',
      expected: { article: null, noCounterpart: true },
    },
    {
      name: 'en: child sexual abuse material keeps Art 14 (content the Convention itself reaches)',
      input: 'Section 30 Child sexual abuse material\nA person who intentionally and without right produces, offers, distributes or transmits through a computer system any visual depiction of a child under eighteen years engaged in sexual activity, or knowingly possesses such material, commits an offence.\n',
      expected: { article: 14, noCounterpart: false },
    },
    {
      name: 'en: sending images of genitals to an unwilling adult: no child, so not Art 14 (no counterpart)',
      input: 'Section 31 Unsolicited images\nA person who intentionally sends a photograph or film of any person\'s genitals to another person, intending that the recipient will be caused alarm or distress, commits an offence.\n',
      expected: { article: null, noCounterpart: true },
    },
    {
      name: 'fr: pornographic image of a minor keeps Art 14 (the child is there)',
      input: "Article 31\nLe fait de fixer, d'enregistrer ou de transmettre par un système informatique l'image d'un mineur de dix-huit ans présentant un caractère pornographique est puni de cinq ans d'emprisonnement.\n",
      expected: { article: 14, noCounterpart: false },
    },
    {
      name: 'en: plain data interference is no speech offence (keeps Art 9)',
      input: 'Section 4 Interference with data\nA person who intentionally and without lawful excuse deletes, damages, alters or suppresses computer data commits an offence.\n',
      expected: { article: 9, noCounterpart: false },
    },
  ],
  outcome,
);

describe('core elements named in data/checks.json', () => {
  it('are elements of their articles', () => {
    for (const [article, ids] of Object.entries(analyzer.data.checkLexicon.coreElements ?? {})) {
      const elements = analyzer.data.articles.find((a) => a.article === Number(article))?.elements.map((e) => e.id) ?? [];
      for (const id of ids) if (!elements.includes(id)) throw new Error(`Art ${article} has no element "${id}"`);
    }
  });
});
