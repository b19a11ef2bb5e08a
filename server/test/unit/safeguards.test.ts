// Safeguard findings a lawyer can act on: a negated cue is no evidence (issue 19, point 1).
// Drafts are our own wording, in English, Spanish and French.
import { Analyzer } from '../../src/analysis/analyze';
import { headingClauses } from '../../src/analysis/checks';
import { createAnalyzer } from '../../src/analysis/engine';
import type { Finding } from '../../src/analysis/types';
import { check } from './check';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
const analyzer: Analyzer = loaded;

/** The best article of the draft's first matched provision, and the codes reported on it (sorted, coverage aside). */
function onFirst(text: string, a: Analyzer = analyzer): { article?: number; codes: string[] } {
  const analysis = a.analyze(text);
  const unit = [...analysis.matches.keys()][0];
  const article = unit ? analysis.matches.get(unit)?.matches[0]?.article : undefined;
  const codes = [...new Set(analysis.findings.filter((f: Finding) => f.provision === unit && f.code.startsWith('safeguard.')).map((f) => f.code))].sort();
  return { article, codes };
}

function has(code: string): (text: string) => { article?: number; fires: boolean } {
  return (text) => {
    const r = onFirst(text);
    return { article: r.article, fires: r.codes.includes(code) };
  };
}

// ---------------------------------------------------------------------------------------------
// Negation, exclusion and waiver: "without a warrant" is no judicial review.

const SEARCH_EN_WITHOUT =
  'Section 20 Search of ICT systems\nAn authorised officer may, without a warrant or other judicial authorisation, search any ICT system where the officer has reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it, for a period not exceeding 7 days, if the search is necessary and proportionate. A person aggrieved may appeal against the search.\n';
const SEARCH_EN_NEED =
  'Section 20 Search of ICT systems\nAn authorised officer may search any ICT system, without the need for a warrant or judicial authorisation, where the officer has reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it. The search shall be necessary and proportionate and shall end within 7 days. A person aggrieved may appeal against the search.\n';
const SEARCH_EN_NOT_REQUIRED =
  'Section 20 Search of ICT systems\nAn authorised officer may search any ICT system where the officer has reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it; a court order is not required. The search shall be necessary and proportionate and shall end within 7 days. A person aggrieved may appeal against the search.\n';
const SEARCH_EN_DISPENSE =
  'Section 20 Search of ICT systems\nAn authorised officer may search any ICT system where the officer has reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it, and may dispense with judicial authorisation in any case. The search shall be necessary and proportionate and shall end within 7 days. A person aggrieved may appeal against the search.\n';
const SEARCH_EN_MAY_NOT_WITHOUT =
  'Section 20 Search of ICT systems\nAn ICT system may not be searched without a warrant issued by a judge. The judge may issue the warrant where there are reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it; the warrant expires after 7 days and the search shall be necessary and proportionate. A person aggrieved may appeal against the search.\n';
const SEARCH_EN_EXCEPT =
  'Section 20 Search of ICT systems\nNo ICT system shall be searched except under a warrant issued by a judge, who may issue it where there are reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it. The warrant expires after 7 days and the search shall be necessary and proportionate. A person aggrieved may appeal against the search.\n';

const SEARCH_ES_SIN =
  'Artículo 20. Registro de sistemas informáticos\nLa policía podrá registrar cualquier sistema informático sin necesidad de autorización judicial cuando existan indicios razonables de que contiene datos determinados, por un plazo máximo de 7 días, siempre que la medida sea proporcionada. Contra la medida cabrá recurso.\n';
const SEARCH_ES_NO_SIN =
  'Artículo 20. Registro de sistemas informáticos\nLa policía no podrá registrar ningún sistema informático sin autorización judicial, que se concederá cuando existan indicios razonables de que contiene datos determinados, por un plazo máximo de 7 días, siempre que la medida sea proporcionada. Contra la medida cabrá recurso.\n';
const SEARCH_ES_NO_NECESARIA =
  'Artículo 20. Registro de sistemas informáticos\nLa policía podrá registrar cualquier sistema informático cuando existan indicios razonables de que contiene datos determinados, por un plazo máximo de 7 días, siempre que la medida sea proporcionada; la orden judicial no será necesaria. Contra la medida cabrá recurso.\n';

const SEARCH_FR_SANS =
  "Article 20. Perquisition des systèmes informatiques\nL'officier de police judiciaire peut, sans autorisation du juge, procéder à la perquisition de tout système informatique lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées s'y trouvent, pour une durée maximale de 7 jours, si la mesure est proportionnée. La personne concernée dispose d'un recours.\n";
const SEARCH_FR_PAS_NECESSAIRE =
  "Article 20. Perquisition des systèmes informatiques\nL'officier de police judiciaire peut procéder à la perquisition de tout système informatique lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées s'y trouvent, pour une durée maximale de 7 jours, si la mesure est proportionnée ; l'autorisation du juge n'est pas nécessaire. La personne concernée dispose d'un recours.\n";
const SEARCH_FR_QUE_SUR =
  "Article 20. Perquisition des systèmes informatiques\nLa perquisition de tout système informatique ne peut être réalisée que sur autorisation du juge, lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées s'y trouvent, pour une durée maximale de 7 jours, si la mesure est proportionnée. La personne concernée dispose d'un recours.\n";
const SEARCH_FR_NE_SANS =
  "Article 20. Perquisition des systèmes informatiques\nL'officier de police judiciaire ne peut, sans autorisation du juge, procéder à la perquisition d'un système informatique ; le juge l'autorise lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées s'y trouvent, pour une durée maximale de 7 jours, si la mesure est proportionnée. La personne concernée dispose d'un recours.\n";

check(
  'a negated, excluded or waived judicial-review cue is no evidence',
  [
    { name: 'en: "without a warrant or other judicial authorisation" fires', input: SEARCH_EN_WITHOUT, expected: { article: 28, fires: true } },
    { name: 'en: "without the need for a warrant or judicial authorisation" fires', input: SEARCH_EN_NEED, expected: { article: 28, fires: true } },
    { name: 'en: "a court order is not required" fires', input: SEARCH_EN_NOT_REQUIRED, expected: { article: 28, fires: true } },
    { name: 'en: "may dispense with judicial authorisation" fires', input: SEARCH_EN_DISPENSE, expected: { article: 28, fires: true } },
    { name: 'en: "need not obtain a warrant from a judge" fires', input: SEARCH_EN_NOT_REQUIRED.replace('; a court order is not required', ', and need not obtain a warrant from a judge'), expected: { article: 28, fires: true } },
    { name: 'en: "no court order is required" fires', input: SEARCH_EN_NOT_REQUIRED.replace('a court order is not required', 'no court order is required'), expected: { article: 28, fires: true } },
    { name: 'en: "may not be searched without a warrant issued by a judge" is silent', input: SEARCH_EN_MAY_NOT_WITHOUT, expected: { article: 28, fires: false } },
    { name: 'en: "no ... except under a warrant issued by a judge" is silent', input: SEARCH_EN_EXCEPT, expected: { article: 28, fires: false } },
    { name: 'es: "sin necesidad de autorización judicial" fires', input: SEARCH_ES_SIN, expected: { article: 28, fires: true } },
    { name: 'es: "la orden judicial no será necesaria" fires', input: SEARCH_ES_NO_NECESARIA, expected: { article: 28, fires: true } },
    { name: 'es: "no podrá ... sin autorización judicial" is silent', input: SEARCH_ES_NO_SIN, expected: { article: 28, fires: false } },
    { name: 'fr: "sans autorisation du juge" fires', input: SEARCH_FR_SANS, expected: { article: 28, fires: true } },
    { name: 'fr: "l\'autorisation du juge n\'est pas nécessaire" fires', input: SEARCH_FR_PAS_NECESSAIRE, expected: { article: 28, fires: true } },
    { name: 'fr: "ne peut être réalisée que sur autorisation du juge" is silent', input: SEARCH_FR_QUE_SUR, expected: { article: 28, fires: false } },
    { name: 'fr: "ne peut, sans autorisation du juge, procéder" is silent', input: SEARCH_FR_NE_SANS, expected: { article: 28, fires: false } },
  ],
  has('safeguard.judicial-review'),
);

// A heading is a title, not part of the first sentence: a heading that repeats the negation
// ("Search without a warrant") neither cancels the body's nor turns a heading line that runs on
// into the body into a title.
check(
  'a heading that repeats the negation leaves the body negated',
  [
    { name: 'en: heading "Search without a warrant" over "may, without a warrant …": fires', input: SEARCH_EN_WITHOUT.replace('Section 20 Search of ICT systems', 'Section 20 — Search without a warrant'), expected: { article: 28, fires: true } },
    { name: 'en: the same heading over "may not be searched without a warrant issued by a judge": silent', input: SEARCH_EN_MAY_NOT_WITHOUT.replace('Section 20 Search of ICT systems', 'Section 20 — Search without a warrant'), expected: { article: 28, fires: false } },
    { name: 'es: heading "Registro sin autorización judicial" over "sin necesidad de autorización judicial": fires', input: SEARCH_ES_SIN.replace('Artículo 20. Registro de sistemas informáticos', 'Artículo 20. Registro sin autorización judicial'), expected: { article: 28, fires: true } },
    { name: 'fr: heading "Perquisition sans autorisation du juge" over "sans autorisation du juge": fires', input: SEARCH_FR_SANS.replace('Article 20. Perquisition des systèmes informatiques', 'Article 20. Perquisition sans autorisation du juge'), expected: { article: 28, fires: true } },
    { name: 'fr: the same heading over "ne peut, sans autorisation du juge, procéder": silent', input: SEARCH_FR_NE_SANS.replace('Article 20. Perquisition des systèmes informatiques', 'Article 20. Perquisition sans autorisation du juge'), expected: { article: 28, fires: false } },
  ],
  has('safeguard.judicial-review'),
);

check<{ text: string; heading?: string }, number[]>(
  'headingClauses: a clause ends where a line of marker and heading ends, nowhere else',
  [
    { name: 'the heading line', input: { text: 'Section 5 — Search without a warrant\nAn officer may search.', heading: 'Search without a warrant' }, expected: [36] },
    { name: 'a heading the line does not end with (the body runs on)', input: { text: '5. Search. An officer may, without a\nwarrant, search.', heading: 'Search' }, expected: [] },
    { name: 'no heading', input: { text: 'Section 5\nAn officer may, without a warrant, search.' }, expected: [] },
    { name: 'one line only', input: { text: 'Section 5 — Search without a warrant', heading: 'Search without a warrant' }, expected: [] },
  ],
  ({ text, heading }) => headingClauses(text, heading).map((c) => c.start),
);

// "sin necesidad de" also must not count as the necessity of the measure.
const PRESERVE_ES_SIN =
  'Artículo 12. Conservación de datos\nEl fiscal podrá ordenar a cualquier persona la conservación de datos informáticos determinados, sin necesidad de autorización judicial, cuando existan indicios razonables de que pueden perderse, por un plazo máximo de 90 días. Contra la orden cabrá recurso.\n';
const PRESERVE_ES_PROPORCIONADA = PRESERVE_ES_SIN.replace('sin necesidad de autorización judicial, ', 'si la medida es necesaria y proporcionada, ');

check(
  'no other safeguard is credited from the words of a negation',
  [
    { name: 'es: "sin necesidad de" is no proportionality', input: PRESERVE_ES_SIN, expected: { article: 25, fires: true } },
    { name: 'es: "necesaria y proporcionada" is', input: PRESERVE_ES_PROPORCIONADA, expected: { article: 25, fires: false } },
  ],
  has('safeguard.proportionality'),
);

// A general safeguards clause that excludes a safeguard does not supply it either.
const GENERAL_NO_APPEAL =
  'Part 4 Procedural powers\n\nSection 30 Conditions and safeguards\nA power under this Part may be exercised only where it is necessary and proportionate, and no appeal lies against an order made under this Part.\n\n' +
  'Section 31 Search of ICT systems\nA judge may issue a warrant authorising an officer to search an ICT system where there are reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it; the warrant expires after 7 days.\n';

check(
  'a general safeguards clause is read with the same care',
  [
    { name: 'its "no appeal lies" does not answer for the search power', input: GENERAL_NO_APPEAL, expected: true },
    { name: 'its "a person affected may appeal" does', input: GENERAL_NO_APPEAL.replace('no appeal lies against an order made under this Part', 'a person affected may appeal against an order made under this Part'), expected: false },
  ],
  (text) => analyzer.analyze(text).findings.some((f) => f.code === 'safeguard.remedy' && f.provision?.endsWith('s-31')),
);

// ---------------------------------------------------------------------------------------------
// Graded by the power (Art 24(2): "as appropriate to the nature of the power"), from data.

function safeguardFinding(text: string, code: string): { article?: number; severity?: string; lead?: string } {
  const analysis = analyzer.analyze(text);
  const unit = [...analysis.matches.keys()][0];
  const article = unit ? analysis.matches.get(unit)?.matches[0]?.article : undefined;
  const f = analysis.findings.find((x) => x.provision === unit && x.code === code);
  const lead = f ? (/as appropriate to the power \(Art\. 24\(2\)\)|expected for this power|mandatory/.exec(f.message)?.[0] ?? 'none') : undefined;
  return { article, severity: f?.severity, lead };
}

const PRESERVE_EN =
  'Section 40 Preservation of stored data\nWhere there are grounds to believe that specified electronic data stored in an ICT system are vulnerable to loss, an authorised officer may by written notice require the person in control of the data to preserve them for a period not exceeding 90 days, and the person shall keep the notice confidential.\n';
const SEARCH_EN_OFFICER =
  'Section 41 Search of ICT systems\nAn authorised officer may search or similarly access an ICT system and any electronic data stored in it, and any electronic data storage medium, where specified data relevant to a specific criminal investigation may be found there, for a period not exceeding 7 days.\n';
const SUBSCRIBER_EN =
  'Section 42 Production of subscriber information\nAn authorised officer may by written notice require a service provider offering its services in [the territory] to produce subscriber information relating to those services in its possession or control.\n';
const CONTENT_EN =
  'Section 43 Production order\nAn authorised officer may by written notice require any person in [the territory] to produce specified electronic data in that person\'s possession or control that are stored in an ICT system or an electronic data storage medium.\n';

check(
  'judicial review is graded by the power',
  [
    { name: 'expedited preservation (Art 25): as appropriate, information', input: PRESERVE_EN, expected: { article: 25, severity: 'information', lead: 'as appropriate to the power (Art. 24(2))' } },
    { name: 'search (Art 28): expected, warning', input: SEARCH_EN_OFFICER, expected: { article: 28, severity: 'warning', lead: 'expected for this power' } },
    { name: 'subscriber information (Art 27(b)): as appropriate, information', input: SUBSCRIBER_EN, expected: { article: 27, severity: 'information', lead: 'as appropriate to the power (Art. 24(2))' } },
    { name: 'production of stored data (Art 27(a)): expected, warning', input: CONTENT_EN, expected: { article: 27, severity: 'warning', lead: 'expected for this power' } },
  ],
  (text) => safeguardFinding(text, 'safeguard.judicial-review'),
);

check(
  'a one-off order needs no duration',
  [
    { name: 'a production order with no time limit: no duration finding', input: CONTENT_EN, expected: { article: 27, severity: undefined, lead: undefined } },
    { name: 'a search power with no time limit: duration expected', input: SEARCH_EN_OFFICER.replace(', for a period not exceeding 7 days', ''), expected: { article: 28, severity: 'warning', lead: 'expected for this power' } },
  ],
  (text) => safeguardFinding(text, 'safeguard.duration'),
);

describe('messages say what the Convention says', () => {
  it('proportionality is named as Art 24(1) names it, without "necessity"', () => {
    const f = analyzer.analyze(SEARCH_EN_OFFICER).findings.find((x) => x.code === 'safeguard.proportionality');
    if (!f) throw new Error('safeguard.proportionality not reported');
    if (/necessity/i.test(f.message)) throw new Error(f.message);
    if (!/^No proportionality test \(Art\. 24\(1\), mandatory\)/.test(f.message)) throw new Error(f.message);
  });
  it('interception for any offence is a proportionality concern, not a breach of Art 30(1)', () => {
    const text =
      'Section 44 Interception of content data\nA judge may, on application by an authorised officer, issue a warrant authorising the interception of the content of specified communications transmitted by means of an ICT system where there are reasonable grounds to believe that it is relevant to a specific criminal investigation and it is necessary and proportionate, for a period not exceeding 30 days. A person aggrieved may apply to the court to set aside the warrant.\n';
    const f = analyzer.analyze(text).findings.find((x) => x.code === 'safeguard.serious-crime');
    if (!f) throw new Error('safeguard.serious-crime not reported');
    if (!/a proportionality concern \(Art\. 24\(1\), read with Art\. 6\(1\)\)/.test(f.message)) throw new Error(f.message);
    if (!/not a ban/.test(f.message) || /requires the power only/.test(f.message)) throw new Error(f.message);
    if (JSON.stringify(f.articles) !== JSON.stringify(['24(1)', '6(1)', '30(1)'])) throw new Error(JSON.stringify(f.articles));
    const limited = analyzer.analyze(text.replace('where there are', 'where a serious offence is under investigation and there are')).findings;
    if (limited.some((x) => x.code === 'safeguard.serious-crime')) throw new Error('reported although limited to serious offences');
  });
  it('an offence with no counterpart cites Art 6(1) with 6(2) and states no opinion as fact', () => {
    const text = 'Section 9 Idle gossip\nA person who spreads rumours about a neighbour by means of an ICT system commits an offence.\n';
    const f = analyzer.analyze(text).findings.find((x) => x.code === 'overbreadth.no-counterpart');
    if (!f) throw new Error('overbreadth.no-counterpart not reported');
    if (/biggest|risk/i.test(f.message)) throw new Error(f.message);
    if (!/6\(1\)/.test(f.message) || JSON.stringify(f.articles) !== JSON.stringify(['6(1)', '6(2)'])) throw new Error(f.message + ' ' + JSON.stringify(f.articles));
  });
});

// ---------------------------------------------------------------------------------------------
// False alarms (issue 19, point 6).

function codesIn(text: string, options?: Parameters<Analyzer['analyze']>[1]): string[] {
  return [...new Set(analyzer.analyze(text, options).findings.map((f) => f.code))].filter((c) => c !== 'coverage.missing').sort();
}

const CSAM_INDECENT =
  'Section 12 Indecent photographs of children\nA person who intentionally and without right takes, distributes or possesses an indecent photograph of a child through an ICT system commits an offence.\n';
const INDECENT_MESSAGE = 'Section 13 Indecent messages\nA person who intentionally sends an indecent message to another person by means of an ICT system commits an offence.\n';

check(
  'a settled term of a child-abuse-material offence is not vague',
  [
    { name: '"indecent photograph of a child" (Art 14) is silent', input: CSAM_INDECENT, expected: false },
    { name: '"indecent message" in another offence fires', input: INDECENT_MESSAGE, expected: true },
  ],
  (text) => codesIn(text).includes('overbreadth.vague-term'),
);

const INTERCEPT = (means: string) =>
  `Section 14 Illegal interception\nA person who intentionally and without right intercepts, by technical means, a non-public transmission of electronic data ${means} commits an offence.\n`;

check(
  'words the Convention itself uses are not technology-specific',
  [
    { name: '"by telephone or by text messages" is silent', input: INTERCEPT('made by telephone or by text messages'), expected: false },
    { name: '"by email" fires', input: INTERCEPT('sent by email'), expected: true },
  ],
  (text) => codesIn(text).includes('neutrality.tech-specific'),
);

const PRODUCTION_WITH_PENALTY = {
  en: 'Section 20 Production order\n(1) A judge may, on application by an authorised officer, order a person in possession or control of specified electronic data to produce it where there are reasonable grounds to believe it is relevant to a specific criminal investigation.\n(2) A person who without reasonable excuse fails to comply with an order under this section commits an offence and is liable on conviction to a fine.\n',
  es: 'Artículo 20. Orden de presentación\n1. El juez podrá ordenar a cualquier persona que presente los datos informáticos determinados que tenga en su poder cuando existan indicios razonables de que son relevantes para una investigación penal concreta.\n2. El que incumpla la orden será castigado con multa.\n',
  fr: "Article 20. Injonction de produire\nI. Le juge peut ordonner à toute personne de remettre les données informatiques déterminées qu'elle détient lorsqu'il existe des raisons plausibles de soupçonner qu'elles sont utiles à une enquête pénale déterminée.\nII. Le fait de refuser de déférer à cette injonction est puni d'une amende.\n",
};

check(
  'an offence of failing to comply with an order has the power as counterpart',
  [
    { name: 'en: "fails to comply with an order" is silent', input: PRODUCTION_WITH_PENALTY.en, expected: false },
    { name: 'es: "el que incumpla la orden" is silent', input: PRODUCTION_WITH_PENALTY.es, expected: false },
    { name: 'fr: "le fait de refuser de déférer à cette injonction" is silent', input: PRODUCTION_WITH_PENALTY.fr, expected: false },
    {
      name: 'en: an offence of another kind in the same place fires',
      input: PRODUCTION_WITH_PENALTY.en.replace('without reasonable excuse fails to comply with an order under this section', 'sells lottery tickets by means of an ICT system'),
      expected: true,
    },
  ],
  (text) => codesIn(text).includes('overbreadth.no-counterpart'),
);

// Powers whose penalty for not complying is worded otherwise than "fails to comply" (a refusal,
// an obstruction, a negated duty), and offences with the same words that are no power.
const powerWith = (heading: string, power: string, penalty: string) => `${heading}\n(1) ${power}\n(2) ${penalty}\n`;
check(
  'a penalty for refusing or obstructing what a power orders has the power as counterpart',
  [
    {
      name: 'en: a provider that "declines without lawful excuse to give" the data is silent',
      input: powerWith(
        'Section 22 Disclosure notice',
        'A magistrate may, on application by an investigating officer, issue a notice requiring a service provider to give specified subscriber information in its possession that is relevant to a criminal investigation.',
        'A service provider that declines without lawful excuse to give the information within the time stated in the notice commits an offence and is liable to a fine.',
      ),
      expected: false,
    },
    {
      name: 'en: "wilfully hinders an officer in the search" is silent',
      input: powerWith(
        'Section 23 Search and seizure of stored data',
        'A judge may issue a warrant authorising an officer to search a computer system and seize computer data stored in it where there are reasonable grounds to believe the data are evidence of an offence.',
        'A person who wilfully hinders an officer in the search is guilty of an offence and liable to imprisonment for six months.',
      ),
      expected: false,
    },
    {
      name: 'fr: "le fait de ne pas répondre, sans motif légitime, à cette réquisition" is silent',
      input: powerWith(
        'Article 31. Réquisition de données',
        "Le procureur de la République peut requérir de tout fournisseur de services qu'il lui remette les données informatiques relatives à un abonné déterminé qui sont utiles à une enquête pénale.",
        "Le fait de ne pas répondre, sans motif légitime, à cette réquisition est puni d'une amende de 5 000 euros.",
      ),
      expected: false,
    },
    {
      name: 'fr: "quiconque entrave la conservation ordonnée" is silent',
      input: powerWith(
        'Article 32. Conservation rapide',
        "Le juge peut ordonner à toute personne de conserver sans délai des données informatiques stockées déterminées, pour une durée qui ne dépasse pas quatre-vingt-dix jours.",
        "Quiconque entrave la conservation ordonnée est puni d'un an d'emprisonnement.",
      ),
      expected: false,
    },
    {
      name: 'es: "el que se negare a presentar los datos ordenados" is silent',
      input: powerWith(
        'Artículo 33. Orden de presentación',
        'El juez podrá ordenar a un proveedor de servicios que presente los datos de abonado que tenga en su poder cuando sean necesarios para una investigación penal determinada.',
        'El proveedor que se negare a presentar los datos ordenados será sancionado con multa.',
      ),
      expected: false,
    },
    {
      name: 'es: "quien obstaculizare el registro" is silent',
      input: powerWith(
        'Artículo 34. Registro de sistemas informáticos',
        'El juez podrá autorizar el registro de un sistema informático y la incautación de los datos almacenados en él cuando existan indicios de que constituyen prueba de un delito.',
        'Quien obstaculizare la ejecución del registro será castigado con prisión de tres a seis meses.',
      ),
      expected: false,
    },
    {
      name: 'en: a licensee that "refuses to register" a subscriber (no power) fires',
      input: 'Section 9 SIM registration\nA licensee who refuses to register the identity of a subscriber before activating a SIM card commits an offence and is liable to a fine.\n',
      expected: true,
    },
    {
      name: 'fr: a host "refusing to remove" content it is told of (no power) fires',
      input: "Article 9. Retrait des contenus\nEst puni d'une amende de 10 000 euros le fait, pour un hébergeur, de refuser de retirer un contenu qu'un particulier lui signale comme diffamatoire.\n",
      expected: true,
    },
    {
      name: 'es: a company that "se negare a registrar" a holder (no power) fires',
      input: 'Artículo 9. Registro de abonados\nLa empresa de telefonía que se negare a registrar la identidad del titular antes de activar una tarjeta SIM será castigada con multa.\n',
      expected: true,
    },
  ],
  (text) => codesIn(text).includes('overbreadth.no-counterpart'),
);

const NO_INTENT_DRAFT = {
  en: 'Section 3 Illegal access\nA person who accesses the whole or any part of an ICT system without right commits an offence.\n',
  es: 'Artículo 3. Acceso ilícito\nEl que sin autorización acceda a la totalidad o a una parte de un sistema informático será castigado con pena de prisión de seis meses a dos años.\n',
  fr: "Article 3. Accès illicite\nLe fait d'accéder sans droit à tout ou partie d'un système de traitement automatisé de données est puni de deux ans d'emprisonnement.\n",
};
const NOTE = { en: '[Drafting note — concordance: all offences intentional]\n\n', es: '// concordance: todos los delitos son dolosos\n\n', fr: '<!-- concordance: toutes les infractions sont intentionnelles -->\n\n' };

check(
  'a general part that makes every offence intentional is declared once',
  [
    { name: 'en: without a note, element.intent fires', input: { text: NO_INTENT_DRAFT.en }, expected: true },
    { name: 'en: the note "concordance: all offences intentional" silences it', input: { text: NOTE.en + NO_INTENT_DRAFT.en }, expected: false },
    { name: 'es: without a note, element.intent fires', input: { text: NO_INTENT_DRAFT.es }, expected: true },
    { name: 'es: "concordance: todos los delitos son dolosos" silences it', input: { text: NOTE.es + NO_INTENT_DRAFT.es }, expected: false },
    { name: 'fr: without a note, element.intent fires', input: { text: NO_INTENT_DRAFT.fr }, expected: true },
    { name: 'fr: "concordance: toutes les infractions sont intentionnelles" silences it', input: { text: NOTE.fr + NO_INTENT_DRAFT.fr }, expected: false },
    { name: 'a note that says something else silences nothing', input: { text: '[concordance: all offences reviewed]\n\n' + NO_INTENT_DRAFT.en }, expected: true },
    { name: 'the setting concordance.generalPart.intentional silences it', input: { text: NO_INTENT_DRAFT.en, intentional: true }, expected: false },
  ],
  ({ text, intentional }: { text: string; intentional?: boolean }) => codesIn(text, intentional ? { checks: { generalPart: { intentional } } } : undefined).includes('element.intent'),
);

// ---------------------------------------------------------------------------------------------
// Safeguards of Arts 24(3), 24(4), 37(15), 40(8), 40(22) and 42(8) (issue 19, point 9).

function reported(code: string): (text: string) => { article?: number; fires: boolean } {
  return (text) => {
    const analysis = analyzer.analyze(text);
    const unit = [...analysis.matches.keys()][0];
    const article = unit ? analysis.matches.get(unit)?.matches[0]?.article : undefined;
    return { article, fires: analysis.findings.some((f) => f.provision === unit && f.code === code) };
  };
}

/** Like reported(code), with the finding's severity (undefined when it does not fire). */
function graded(code: string): (text: string) => { article?: number; fires: boolean; severity?: string } {
  return (text) => {
    const analysis = analyzer.analyze(text);
    const unit = [...analysis.matches.keys()][0];
    const article = unit ? analysis.matches.get(unit)?.matches[0]?.article : undefined;
    const f = analysis.findings.find((x) => x.provision === unit && x.code === code);
    return { article, fires: f !== undefined, severity: f?.severity };
  };
}

const INTERCEPT_COSTS =
  'Section 44 Interception of content data\nA judge may, on application by an authorised officer, issue a warrant requiring a service provider to record the content of specified communications transmitted by means of an ICT system and to hand the recordings to the officer, where a serious offence is under investigation and the measure is necessary and proportionate, for a period not exceeding 30 days.\n';

check(
  'safeguard.third-parties (Art 24(3))',
  [
    { name: 'a provider bound without regard to its capability or costs: fires', input: INTERCEPT_COSTS, expected: { article: 30, fires: true } },
    {
      name: 'duties within its existing technical capability: silent',
      input: INTERCEPT_COSTS.replace('requiring a service provider to record', 'requiring a service provider, within its existing technical capability, to record'),
      expected: { article: 30, fires: false },
    },
  ],
  reported('safeguard.third-parties'),
);

const FOREIGN_SEARCH =
  'Section 61 Access to stored data for a foreign State\nOn a request from a foreign State for mutual legal assistance, a judge may, on application by the Central Authority, issue a warrant to search or similarly access, seize and disclose electronic data stored by means of an ICT system in [the territory].\n';
const FOREIGN_SEARCH_ES =
  'Artículo 61. Acceso a datos almacenados a solicitud de un Estado extranjero\nA solicitud de asistencia judicial de un Estado extranjero, el juez podrá ordenar el registro, la incautación y la revelación de datos informáticos almacenados en un sistema informático situado en [el territorio].\n';

check(
  'cooperation.same-safeguards (Art 24(4))',
  [
    { name: 'en: a power used for a foreign State with no word of the domestic safeguards: fires', input: FOREIGN_SEARCH, expected: { article: 40, fires: true } },
    { name: 'en: "as if the offence had been committed in [the territory]": silent', input: FOREIGN_SEARCH.replace('in [the territory].', 'in [the territory], as if the offence had been committed in [the territory].'), expected: { article: 40, fires: false } },
    { name: 'es: fires without the safeguards', input: FOREIGN_SEARCH_ES, expected: { article: 44, fires: true } },
    { name: 'es: "en las mismas condiciones y con las mismas garantías": silent', input: FOREIGN_SEARCH_ES.replace('en [el territorio].', 'en [el territorio], en las mismas condiciones y con las mismas garantías que en una investigación nacional.'), expected: { article: 44, fires: false } },
  ],
  reported('cooperation.same-safeguards'),
);

const MLA =
  'Section 60 Mutual legal assistance\n(1) The Central Authority may, on a request from a foreign State, provide mutual legal assistance in investigations and proceedings concerning offences under this Act and in the collection of evidence in electronic form.\n(2) A request may be refused where executing it would be likely to prejudice the sovereignty, security or other essential interests of [State].\n';

check(
  'cooperation.dual-criminality (Art 40(8))',
  [
    { name: 'an assistance provision silent on dual criminality: fires', input: MLA, expected: { article: 40, fires: true } },
    { name: 'one that lets assistance be refused for lack of dual criminality: silent', input: MLA + '(3) Assistance may be refused for lack of dual criminality.\n', expected: { article: 40, fires: false } },
  ],
  reported('cooperation.dual-criminality'),
);

check(
  'cooperation.non-discrimination (Arts 37(15), 40(22))',
  [
    { name: 'en: no refusal ground for a discriminatory request: fires', input: MLA, expected: { article: 40, fires: true } },
    {
      name: 'en: refusal for prosecution on account of political opinions: silent',
      input: MLA + '(3) A request may be refused where there are substantial grounds to believe it was made to punish a person on account of race, religion, nationality, ethnic origin or political opinions.\n',
      expected: { article: 40, fires: false },
    },
  ],
  reported('cooperation.non-discrimination'),
);

const PRESERVE_FOREIGN =
  'Section 62 Preservation on request of a foreign State\nOn a request from a foreign State that intends to request the search, seizure or disclosure of stored electronic data, a judge may, on application by the Central Authority, order the expeditious preservation of specified electronic data stored by means of an ICT system in [the territory] for 30 days.\n';

check(
  'cooperation.preservation-period (Art 42(8))',
  [
    { name: 'preservation for 30 days: fires', input: PRESERVE_FOREIGN, expected: { article: 42, fires: true } },
    { name: 'preservation for not less than 60 days: silent', input: PRESERVE_FOREIGN.replace('for 30 days', 'for a period of not less than 60 days'), expected: { article: 42, fires: false } },
  ],
  reported('cooperation.preservation-period'),
);

// What is asked only as appropriate (or only to be considered) does not leave an article partly implemented.
const PRESERVE_COMPLETE = PRESERVE_EN.replace('keep the notice confidential.', 'keep the notice confidential. The notice may be given only where it is proportionate to its purpose.');

check(
  'coverage counts warnings, not information',
  [
    { name: 'preservation lacking only what is asked as appropriate: implemented', input: PRESERVE_COMPLETE, expected: { status: 'implemented', information: true } },
    { name: 'the same lacking proportionality (expected): partial', input: PRESERVE_EN, expected: { status: 'partial', information: true } },
  ],
  (text) => {
    const a = analyzer.analyze(text);
    return { status: a.coverage.find((c) => c.article === 25)?.status, information: a.findings.some((f) => f.code === 'safeguard.judicial-review' && f.severity === 'information') };
  },
);

// The court of a remedy clause is not review by a court.
const SEARCH_APPEAL_COURT =
  'Section 20 Search of ICT systems\nAn authorised officer may, without a warrant, search any ICT system where the officer has reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it, for a period not exceeding 7 days, if the search is necessary and proportionate. A person aggrieved may appeal to the court against the search.\n';

check(
  'a court named only as the place of appeal is no judicial review',
  [
    { name: '"may appeal to the court" alone: fires', input: SEARCH_APPEAL_COURT, expected: { article: 28, fires: true } },
    {
      name: '"the court may issue a warrant" as well: silent',
      input: SEARCH_APPEAL_COURT.replace('An authorised officer may, without a warrant, search', 'The court may issue a warrant authorising an officer to search'),
      expected: { article: 28, fires: false },
    },
  ],
  has('safeguard.judicial-review'),
);

// ---------------------------------------------------------------------------------------------
// Children: Arts 14(4)(a), 15(4) (options, information) and 21(7) (a duty, warning) (issue 19, point 9).

const CSAM: Record<'en' | 'es' | 'fr', string> = {
  en: 'Section 12 Child sexual abuse material\n(1) A person who intentionally and without right produces, distributes, offers or possesses child sexual abuse material by means of an ICT system commits an offence.\n(2) In this section, "child sexual abuse material" means visual material that depicts a person under 18 years of age engaged in sexual activity.\n',
  es: 'Artículo 12. Material de abuso sexual infantil\n(1) El que, intencionalmente y sin derecho, produzca, distribuya, ofrezca o posea por medio de un sistema informático material de abuso sexual infantil será castigado con prisión de uno a cinco años.\n(2) A efectos de este artículo, se entiende por material de abuso sexual infantil todo material visual que represente a una persona menor de 18 años en una actividad sexual.\n',
  fr: "Article 12. Matériel d'abus sexuels sur enfants\n(1) Le fait, intentionnellement et sans droit, de produire, diffuser, offrir ou détenir au moyen d'un système informatique du matériel d'abus sexuels sur enfants est puni de cinq ans d'emprisonnement.\n(2) Au sens du présent article, le matériel d'abus sexuels sur enfants s'entend de tout matériel visuel représentant une personne âgée de moins de 18 ans se livrant à une activité sexuelle.\n",
};
const SELF_GENERATED = {
  en: '(3) No offence is committed under this section by a child in respect of material the child generated that depicts only that child.\n',
  es: '(3) No será punible el menor de edad respecto del material autogenerado que solo lo represente a él mismo.\n',
  fr: "(3) Le présent article ne s'applique pas au mineur pour le matériel autoproduit qui ne représente que lui-même.\n",
};

check(
  'exception.child-self-generated (Art 14(4)(a), an option: information)',
  (['en', 'es', 'fr'] as const).flatMap((lang) => [
    { name: `${lang}: no word of children's own material: fires`, input: CSAM[lang], expected: { article: 14, fires: true, severity: 'information' } },
    { name: `${lang}: children's self-generated material excluded: silent`, input: CSAM[lang] + SELF_GENERATED[lang], expected: { article: 14, fires: false, severity: undefined } },
  ]),
  graded('exception.child-self-generated'),
);

const GROOMING = {
  en: 'Section 13 Grooming\n(1) A person who intentionally, by means of an ICT system, communicates with a child with the aim of committing a sexual offence against the child commits an offence.\n',
  es: 'Artículo 13. Acoso sexual de menores por medios informáticos\n(1) El que, a través de un sistema informático, contacte intencionalmente con un menor de dieciocho años y le proponga concertar un encuentro con el fin de cometer un delito sexual contra él será castigado con prisión de uno a tres años.\n',
  fr: "Article 13. Propositions sexuelles à un mineur\n(1) Le fait, intentionnellement et au moyen d'un système informatique, de communiquer avec un mineur ou de lui faire des propositions en vue de commettre à son encontre une infraction sexuelle est puni de trois ans d'emprisonnement.\n",
};
const CHILD_NO_OFFENCE = {
  en: '(2) A child does not commit an offence under this section.\n',
  es: '(2) Un menor no comete el delito previsto en este artículo.\n',
  fr: "(2) Un mineur ne commet pas l'infraction prévue au présent article.\n",
};

check(
  'exception.child-grooming (Art 15(4), an option: information)',
  (['en', 'es', 'fr'] as const).flatMap((lang) => [
    { name: `${lang}: no word of conduct by children: fires`, input: GROOMING[lang], expected: { article: 15, fires: true, severity: 'information' } },
    { name: `${lang}: a child does not commit the offence: silent`, input: GROOMING[lang] + CHILD_NO_OFFENCE[lang], expected: { article: 15, fires: false, severity: undefined } },
  ]),
  graded('exception.child-grooming'),
);

const PENALTIES = {
  en: 'Section 20 Penalties\n(1) A person convicted of an offence under this Part is liable to imprisonment for a term not exceeding ten years or a fine, or both, and the court shall take into account the gravity of the offence.\n(2) Where an offence under this Part is committed against critical information infrastructure, the maximum penalty is increased by one half.\n',
  es: 'Artículo 20. Penas\n(1) Los delitos previstos en este Capítulo serán castigados con penas de prisión o multa proporcionadas a la gravedad del delito.\n(2) Cuando el delito se cometa contra una infraestructura crítica de la información, la pena máxima se incrementará en la mitad.\n',
  fr: "Article 20. Peines et droits de la défense\n(1) Les infractions prévues au présent chapitre sont punies de peines effectives, proportionnées et dissuasives, qui tiennent compte de leur gravité.\n(2) Toute personne poursuivie pour l'une de ces infractions bénéficie de toutes les garanties d'un procès équitable et des droits de la défense.\n",
};
const JUVENILES = {
  en: '(3) Where the person charged is a child, the juvenile justice law applies and the best interests of the child are a primary consideration.\n',
  es: '(3) Cuando el acusado sea menor de edad, se aplicará la ley de responsabilidad penal adolescente y se atenderá al interés superior del niño.\n',
  fr: '(3) La personne poursuivie âgée de moins de dix-huit ans relève de la justice pénale des mineurs.\n',
};

check(
  'safeguard.children-accused (Art 21(7), a duty: warning)',
  [
    ...(['en', 'es', 'fr'] as const).flatMap((lang) => [
      { name: `${lang}: penalties with no word of children accused: fires`, input: PENALTIES[lang], expected: { article: 21, fires: true, severity: 'warning' } },
      { name: `${lang}: the juvenile justice law applies: silent`, input: PENALTIES[lang] + JUVENILES[lang], expected: { article: 21, fires: false, severity: undefined } },
    ]),
    {
      name: 'en: "is tried as an adult, not under the juvenile justice law" is no protection: fires',
      input: PENALTIES.en + '(3) A person under 18 years of age is tried as an adult, not under the juvenile justice law.\n',
      expected: { article: 21, fires: true, severity: 'warning' },
    },
  ],
  graded('safeguard.children-accused'),
);

// ---------------------------------------------------------------------------------------------
// Personal data in cooperation: Art 36(1)(a), 36(2) and 36(3) (duties: warning) (issue 19, point 9).

const ASSISTANCE = {
  en: 'Section 60 Mutual legal assistance\n(1) The Central Authority may, on a request from a foreign State, provide mutual legal assistance in investigations and proceedings concerning offences under this Act and in the collection of evidence in electronic form.\n(2) A request may be refused where executing it would be likely to prejudice the sovereignty, security or other essential interests of the State.\n',
  es: 'Artículo 60. Asistencia judicial recíproca\n(1) La autoridad central podrá, a solicitud de un Estado extranjero, prestar asistencia judicial recíproca en las investigaciones y procedimientos relativos a los delitos previstos en esta ley y en la obtención de pruebas en formato electrónico.\n(2) La solicitud podrá denegarse cuando su cumplimiento pueda menoscabar la soberanía, la seguridad u otros intereses esenciales del Estado.\n',
  fr: "Article 60. Entraide judiciaire\n(1) L'autorité centrale peut, à la demande d'un État étranger, accorder l'entraide judiciaire dans les enquêtes et procédures relatives aux infractions prévues par la présente loi et pour le recueil de preuves sous forme électronique.\n(2) La demande peut être rejetée lorsque son exécution risque de porter atteinte à la souveraineté, à la sécurité ou à d'autres intérêts essentiels de l'État.\n",
};
const DATA_PROTECTION_LAW = {
  en: '(3) Personal data are sent to a foreign State under this section only in accordance with the law on the protection of personal data.\n',
  es: '(3) Los datos personales solo se transmitirán a un Estado extranjero de conformidad con la ley de protección de datos personales.\n',
  fr: "(3) Les données à caractère personnel ne sont transmises à un État étranger que dans le respect de la loi relative à la protection des données à caractère personnel.\n",
};
const NO_ONWARD_TRANSFER = {
  en: '(3) Personal data received from a foreign State under this section are not passed on to a third country or an international organisation without the prior authorisation of that State.\n',
  es: '(3) Los datos personales recibidos de un Estado extranjero no se transmitirán a un tercer país ni a una organización internacional sin la autorización previa de ese Estado.\n',
  fr: "(3) Les données à caractère personnel reçues d'un État étranger ne sont transmises à un pays tiers ou à une organisation internationale qu'avec l'autorisation préalable de cet État.\n",
};
/** A general personal-data provision (it reads as Art 36) before the assistance provision: it answers both codes for the whole draft. */
const GENERAL_PERSONAL_DATA =
  'Section 59 Protection of personal data\n(1) Personal data are transferred to a foreign State under this Part only in accordance with the law on the protection of personal data.\n(2) Personal data received from a foreign State under this Part are not passed on to a third country or an international organisation without the prior authorisation of the State that sent them.\n\n';

/** Whether `code` is reported on the draft's provision that reads as `article`, with its severity. */
function onArticle(code: string, article: number): (text: string) => { fires: boolean; severity?: string } {
  return (text) => {
    const analysis = analyzer.analyze(text);
    const unit = [...analysis.matches.entries()].find(([, m]) => m.matches[0]?.article === article)?.[0];
    if (unit === undefined) throw new Error(`no provision reads as Art ${article}`);
    const f = analysis.findings.find((x) => x.provision === unit && x.code === code);
    return { fires: f !== undefined, severity: f?.severity };
  };
}

check(
  'cooperation.personal-data (Art 36(1)(a), 36(2), duties: warning)',
  [
    ...(['en', 'es', 'fr'] as const).flatMap((lang) => [
      { name: `${lang}: assistance with no word of data-protection law: fires`, input: ASSISTANCE[lang], expected: { fires: true, severity: 'warning' } },
      { name: `${lang}: transfers only under the law on the protection of personal data: silent`, input: ASSISTANCE[lang] + DATA_PROTECTION_LAW[lang], expected: { fires: false, severity: undefined } },
      { name: `${lang}: a rule on onward transfer alone does not answer it: fires`, input: ASSISTANCE[lang] + NO_ONWARD_TRANSFER[lang], expected: { fires: true, severity: 'warning' } },
    ]),
    { name: 'en: a general personal-data provision elsewhere in the draft answers it: silent', input: GENERAL_PERSONAL_DATA + ASSISTANCE.en, expected: { fires: false, severity: undefined } },
  ],
  onArticle('cooperation.personal-data', 40),
);

check(
  'cooperation.onward-transfer (Art 36(3), a duty: warning)',
  [
    ...(['en', 'es', 'fr'] as const).flatMap((lang) => [
      { name: `${lang}: assistance with no rule on onward transfer: fires`, input: ASSISTANCE[lang], expected: { fires: true, severity: 'warning' } },
      { name: `${lang}: no onward transfer without the sending State's authorisation: silent`, input: ASSISTANCE[lang] + NO_ONWARD_TRANSFER[lang], expected: { fires: false, severity: undefined } },
      { name: `${lang}: data-protection law alone does not answer it: fires`, input: ASSISTANCE[lang] + DATA_PROTECTION_LAW[lang], expected: { fires: true, severity: 'warning' } },
    ]),
    { name: 'en: a general personal-data provision elsewhere in the draft answers it: silent', input: GENERAL_PERSONAL_DATA + ASSISTANCE.en, expected: { fires: false, severity: undefined } },
  ],
  onArticle('cooperation.onward-transfer', 40),
);

// Art 30: a penalty threshold in the draft's own words confines interception to serious offences.
const INTERCEPTION = {
  en: (limit: string) =>
    `Section 44 Interception of content data\nA judge may, on application by an authorised officer, issue a warrant authorising the interception of the content of specified communications transmitted by means of an ICT system${limit}, where it is necessary and proportionate, for a period not exceeding 30 days.\n`,
  es: (limit: string) =>
    `Artículo 44. Interceptación de comunicaciones\nEl juez podrá autorizar, mediante resolución motivada, la interceptación del contenido de comunicaciones determinadas transmitidas por un sistema informático${limit}, cuando la medida sea necesaria y proporcionada, por un plazo máximo de 30 días.\n`,
  fr: (limit: string) =>
    `Article 44. Interception des communications\nLe juge peut autoriser, par décision motivée, l'interception du contenu de communications déterminées transmises par un système informatique${limit}, lorsque la mesure est nécessaire et proportionnée, pour une durée maximale de 30 jours.\n`,
};
const THRESHOLD = {
  en: ' in the investigation of an offence punishable by imprisonment for a term of four years or more',
  es: ' en la investigación de delitos castigados con pena de prisión igual o superior a cuatro años',
  fr: " lorsque la peine encourue est égale ou supérieure à deux ans d'emprisonnement",
};

check(
  'safeguard.serious-crime: a penalty threshold answers it, in each language',
  (['en', 'es', 'fr'] as const).flatMap((lang) => [
    { name: `${lang}: interception for any offence: fires`, input: INTERCEPTION[lang](''), expected: { article: 30, fires: true } },
    { name: `${lang}: interception limited by a penalty threshold: silent`, input: INTERCEPTION[lang](THRESHOLD[lang]), expected: { article: 30, fires: false } },
  ]),
  has('safeguard.serious-crime'),
);
