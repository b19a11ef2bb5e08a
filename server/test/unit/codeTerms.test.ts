// Terms the code checks read (data/checks.json), in English, French and Spanish: vague standards
// that human-rights reviews of cybercrime laws flag, a qualifier that makes one precise, and the
// wording of intent, consent, remedies, judicial review and serious offences. Drafts are our own.
import { createAnalyzer } from '../../src/analysis/engine';
import { check } from './check';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
const analyzer = loaded;

/** The words an `overbreadth.vague-term` finding quotes (null: none), and whether the offence has no counterpart. */
function vague(text: string): { term: string | null; noCounterpart: boolean } {
  const findings = analyzer.analyze(text).findings;
  const f = findings.find((x) => x.code === 'overbreadth.vague-term');
  return { term: f ? text.slice(f.span.start, f.span.end).toLowerCase() : null, noCounterpart: findings.some((x) => x.code === 'overbreadth.no-counterpart') };
}

check<string, { term: string | null; noCounterpart: boolean }>(
  'vague standards of speech offences, in each language',
  [
    {
      name: 'en: "public morals"',
      input: 'Section 40 Online content\nAny person who uploads to a website any video offending public morals commits an offence and is liable to a fine.\n',
      expected: { term: 'public morals', noCounterpart: true },
    },
    {
      name: 'en: "national unity"',
      input: 'Section 41 Divisive posts\nWhoever posts on a social media platform anything that threatens national unity shall be punished with imprisonment of five years.\n',
      expected: { term: 'national unity', noCounterpart: true },
    },
    {
      name: 'en: "lascivious"',
      input: 'Section 42 Lewd material\nA person who circulates through an electronic network any lascivious picture commits an offence.\n',
      expected: { term: 'lascivious', noCounterpart: true },
    },
    {
      name: 'en: "hatred" with nothing to narrow it',
      input: 'Section 43 Online hatred\nA person who, through an online platform, posts words that stir up hatred between communities commits an offence.\n',
      expected: { term: 'hatred', noCounterpart: true },
    },
    {
      name: 'en: "hatred" used precisely (incitement to violence) is not vague, though the offence still has no counterpart',
      input: 'Section 44 Incitement online\nA person who, through an online platform, advocates religious hatred that amounts to incitement to violence against a community commits an offence.\n',
      expected: { term: null, noCounterpart: true },
    },
    {
      name: 'fr: "bonnes moeurs" (spelt without the ligature)',
      input: "Article 40\nQuiconque met en ligne des vidéos contraires aux bonnes moeurs est puni d'une amende.\n",
      expected: { term: 'bonnes moeurs', noCounterpart: true },
    },
    {
      name: 'fr: "nouvelles mensongères"',
      input: "Article 41\nEst puni d'un an d'emprisonnement celui qui relaie sur un réseau social des nouvelles mensongères.\n",
      expected: { term: 'nouvelles mensongères', noCounterpart: true },
    },
    {
      name: 'fr: "unité nationale"',
      input: "Article 42\nSera puni de trois ans d'emprisonnement quiconque publie en ligne des propos menaçant l'unité nationale.\n",
      expected: { term: 'unité nationale', noCounterpart: true },
    },
    {
      name: 'fr: "haine" used precisely (incitation à la violence) is not vague',
      input: "Article 43\nQuiconque, par un service en ligne, prône la haine religieuse constituant une incitation à la violence est puni de deux ans d'emprisonnement.\n",
      expected: { term: null, noCounterpart: true },
    },
    {
      name: 'es: "desacato"',
      input: 'Artículo 40. Desacato en línea\nEl que cometa desacato contra una autoridad mediante una red social será sancionado con multa.\n',
      expected: { term: 'desacato', noCounterpart: true },
    },
    {
      name: 'es: "pudor"',
      input: 'Artículo 41. Publicaciones\nSerá sancionado con prisión de seis meses quien suba a internet fotografías contrarias al pudor.\n',
      expected: { term: 'pudor', noCounterpart: true },
    },
    {
      name: 'es: "paz pública"',
      input: 'Artículo 42. Mensajes alarmantes\nEl que mediante mensajes electrónicos perturbe la paz pública será sancionado con prisión de uno a dos años.\n',
      expected: { term: 'paz pública', noCounterpart: true },
    },
    {
      name: 'es: "odio" used precisely (incitación a la violencia) is not vague',
      input: 'Artículo 43. Apología\nEl que por medios electrónicos haga apología del odio racial que constituya incitación a la violencia será sancionado con prisión de uno a tres años.\n',
      expected: { term: null, noCounterpart: true },
    },
    {
      name: 'en: a well-drafted data offence has no vague standard',
      input: 'Section 5 Data interference\nA person who intentionally and without right deletes or alters computer data commits an offence.\n',
      expected: { term: null, noCounterpart: false },
    },
  ],
  vague,
);

/** The best article of a one-section draft (a code of a provision is read only when it has one), and whether a code is reported. */
function reported(input: { code: string; text: string }): { article: number | null; fires: boolean } {
  const a = analyzer.analyze(input.text);
  const first = [...a.matches.values()][0];
  return { article: first?.matches[0]?.article ?? null, fires: a.findings.some((f) => f.code === input.code) };
}

check<{ code: string; text: string }, { article: number | null; fires: boolean }>(
  'a mental element in its usual statute forms',
  [
    {
      name: 'en: "for the purpose of facilitating" is purposive intent',
      input: { code: 'element.intent', text: 'Section 15 Luring\nA person who, by means of a computer system, communicates with a child under sixteen years for the purpose of facilitating a sexual offence against the child commits an offence.\n' },
      expected: { article: 15, fires: false },
    },
    {
      name: 'fr: "sachant que"',
      input: { code: 'element.intent', text: "Article 4\nQuiconque, sachant qu'il n'y a pas droit, accède à un système informatique ou s'y maintient est puni de deux ans d'emprisonnement.\n" },
      expected: { article: 7, fires: false },
    },
    {
      name: 'fr: "dans le but de"',
      input: { code: 'element.intent', text: "Article 8\nQuiconque, dans le but de surveiller autrui, intercepte sans droit, par des moyens techniques, des données informatiques lors de leur transmission non publique est puni de trois ans d'emprisonnement.\n" },
      expected: { article: 8, fires: false },
    },
    {
      name: 'es: "con el propósito de"',
      input: { code: 'element.intent', text: 'Artículo 7. Acceso abusivo\nEl que, con el propósito de obtener datos, acceda sin autorización a un sistema informático será sancionado con prisión de uno a tres años.\n' },
      expected: { article: 7, fires: false },
    },
    {
      name: 'en: no mental element at all is still reported',
      input: { code: 'element.intent', text: 'Section 7 Access\nA person who accesses a computer system without authorisation commits an offence.\n' },
      expected: { article: 7, fires: true },
    },
  ],
  reported,
);

check<{ code: string; text: string }, { article: number | null; fires: boolean }>(
  'consent, remedies, review and serious offences in other words',
  [
    {
      name: 'fr: "n\'a pas consenti" is lack of consent (Art 16)',
      input: { code: 'element.consent', text: "Article 16\nQuiconque diffuse intentionnellement, par un système informatique, une image intime d'une personne alors qu'elle n'a pas consenti à sa diffusion est puni de deux ans d'emprisonnement.\n" },
      expected: { article: 16, fires: false },
    },
    {
      name: 'en: a person bound by an order who may apply to vary or revoke it has a remedy',
      input: { code: 'safeguard.remedy', text: 'Section 36 Production order\nA judge may, on application by a police officer, order a person to produce specified computer data in that person\'s possession. Any person affected may apply to vary or revoke the order.\n' },
      expected: { article: 27, fires: false },
    },
    {
      name: 'fr: an interception that a police officer may carry out when no authorisation can be obtained has no judicial review',
      input: { code: 'safeguard.judicial-review', text: "Article 60\nLe policier peut intercepter le contenu d'une communication privée transmise par un système informatique lorsqu'une autorisation ne peut être obtenue à temps en raison de l'urgence.\n" },
      expected: { article: 30, fires: true },
    },
    {
      name: 'fr: an interception limited to "les infractions énumérées" in a list is confined to serious offences',
      input: { code: 'safeguard.serious-crime', text: "Article 61\nPour les infractions énumérées à l'article 12, le juge d'instruction peut ordonner l'interception du contenu des correspondances émises par la voie des communications électroniques.\n" },
      expected: { article: 30, fires: false },
    },
  ],
  reported,
);

check<{ code: string; text: string }, { article: number | null; fires: boolean }>(
  'a negated verb negates the cue once, however many other verbs its clause negates',
  [
    {
      name: 'fr: "n\'a pas d\'effet suspensif et n\'est susceptible d\'aucun recours" leaves no remedy',
      input: {
        code: 'safeguard.remedy',
        text: "Article 62\nLe juge d'instruction peut ordonner par décision écrite l'interception du contenu des correspondances émises par la voie des communications électroniques. Cette décision n'a pas d'effet suspensif et n'est susceptible d'aucun recours.\n",
      },
      expected: { article: 30, fires: true },
    },
    {
      name: 'en: "shall not be published and shall not be open to appeal" leaves no remedy',
      input: {
        code: 'safeguard.remedy',
        text: 'Section 63 Interception warrant\nA judge may issue a warrant authorising the interception of the content of communications transmitted by means of a computer system. The warrant shall not be published and shall not be open to appeal.\n',
      },
      expected: { article: 30, fires: true },
    },
    {
      name: 'en: "shall not keep … and may not intercept … without a warrant issued by a judge" still requires the judge',
      input: {
        code: 'safeguard.judicial-review',
        text: 'Section 64 Interception\nA police officer shall not keep the data longer than needed and may not intercept the content of communications transmitted by means of a computer system without a warrant issued by a judge.\n',
      },
      expected: { article: 30, fires: false },
    },
  ],
  reported,
);

check<{ code: string; text: string }, { article: number | null; fires: boolean }>(
  'an offence with no counterpart must still state a mental element',
  [
    {
      name: 'en: a speech offence with no mental element',
      input: { code: 'element.intent', text: 'Section 50 Disrespectful posts\nA person who posts online any material that insults the armed forces commits an offence.\n' },
      expected: { article: null, fires: true },
    },
    {
      name: 'en: the same, committed knowingly',
      input: { code: 'element.intent', text: 'Section 50 Disrespectful posts\nA person who knowingly posts online any material that insults the armed forces commits an offence.\n' },
      expected: { article: null, fires: false },
    },
    {
      name: 'fr: the same, committed "sciemment"',
      input: { code: 'element.intent', text: "Article 50\nQuiconque publie sciemment en ligne des propos injurieux envers les forces armées est puni d'une amende.\n" },
      expected: { article: null, fires: false },
    },
    {
      name: 'es: the same, with no mental element',
      input: { code: 'element.intent', text: 'Artículo 50. Publicaciones\nEl que publique en línea expresiones de desacato contra las fuerzas armadas será sancionado con multa.\n' },
      expected: { article: null, fires: true },
    },
  ],
  reported,
);

describe('the finding on an offence with no counterpart and no mental element', () => {
  it('says so in each language and cites Art. 6(1)', () => {
    const text = 'Section 50 Disrespectful posts\nA person who posts online any material that insults the armed forces commits an offence.\n';
    for (const locale of ['en', 'es', 'fr'] as const) {
      const f = analyzer.withLocale(locale).analyze(text).findings.find((x) => x.code === 'element.intent');
      if (!f) throw new Error(`${locale}: element.intent not reported`);
      if (!/6\(1\)/.test(f.message) || JSON.stringify(f.articles) !== '["6(1)"]') throw new Error(`${locale}: ${f.message}`);
      if (/\{\d\}/.test(f.message)) throw new Error(`${locale}: unfilled template: ${f.message}`);
    }
  });
});
