// Matching: the best article per section of drafts we wrote ourselves (Commonwealth, US,
// civil-law, Spanish, French), element evidence, the model clauses against their own articles,
// and determinism. None of these drafts is statute or treaty text.
import * as assert from 'assert';
import { matchUnits } from '../../src/analysis/analyze';
import { createAnalyzer } from '../../src/analysis/engine';
import type { DraftLanguage } from '../../src/analysis/types';
import { check } from './check';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error('shipped data failed to load: ' + JSON.stringify(problems));
const analyzer = loaded;

/** Best article per leaf section, keyed by its label, or null when nothing clears the threshold. */
function bestPerSection(draft: string): Record<string, number | null> {
  const a = analyzer.analyze(draft);
  const out: Record<string, number | null> = {};
  for (const unit of matchUnits(a.parsed)) out[unit.label] = a.matches.get(unit.id)?.matches[0]?.article ?? null;
  return out;
}

check<string, Record<string, number | null>>(
  'best article per section',
  [
    {
      name: 'Commonwealth bill: offences, liability, powers, and sections with no counterpart',
      input: [
        'Section 1 Short title',
        'This Act may be cited as the Digital Misconduct Act.',
        '',
        'Section 2 Commencement',
        'This Act comes into operation on a day fixed by the Minister by notice in the Gazette.',
        '',
        'Section 3 Unauthorised access to a computer',
        'A person who intentionally and without authorisation gains access to the whole or any part of a computer system commits an offence and is liable on conviction to imprisonment for a term not exceeding three years.',
        '',
        'Section 4 Interference with data',
        'A person who intentionally and without lawful excuse deletes, damages, alters or suppresses computer data commits an offence.',
        '',
        'Section 5 Attempts and accessories',
        'A person who aids, abets, counsels or procures the commission of an offence under this Part, or attempts to commit such an offence, is liable as a principal offender.',
        '',
        'Section 6 Time limit for prosecution',
        'Proceedings for an offence under section 3 (unauthorised access to a computer) may be brought within three years of the date on which the offence came to the knowledge of the prosecutor, notwithstanding any limitation period in any other enactment.',
        '',
        'Section 7 Production orders',
        'A judge may, on application by a police officer, make a production order requiring a person in possession or control of specified computer data to produce that data, or requiring a service provider to produce subscriber information in its possession or control.',
        '',
        'Section 8 Interception warrant',
        'A judge may issue an interception warrant authorising the interception of the content of communications transmitted by means of a computer system, where satisfied that it is necessary for the investigation of a serious offence, and may require a service provider to assist in giving effect to the warrant.',
        '',
        'Section 9 Membership of the Advisory Committee',
        'The Committee shall consist of a chairperson and four other members appointed by the Minister for a term of three years.',
      ].join('\n'),
      expected: { '1': null, '2': null, '3': 7, '4': 9, '5': 19, '6': 20, '7': 27, '8': 30, '9': null },
    },
    {
      name: 'US-style code: offence, pen register, required disclosure, penalties',
      input: [
        '§ 101. Unauthorized access to protected computers',
        'Whoever knowingly accesses a protected computer without authorization, or exceeds authorized access, and thereby obtains information shall be punished as provided in section 104.',
        '',
        '§ 102. Pen registers and trap and trace devices',
        'Upon application made under this chapter, the court shall enter an ex parte order authorizing the installation and use of a pen register or trap and trace device, and directing the provider of wire or electronic communication service to furnish all technical assistance necessary for the collection in real time of the dialing, routing and addressing information.',
        '',
        '§ 103. Required disclosure of records',
        'A governmental entity may require a provider of electronic communication service to disclose a record or other information pertaining to a subscriber to or customer of such service, when the governmental entity obtains a court order for such disclosure.',
        '',
        '§ 104. Penalties',
        'The punishment for an offense under section 101 is a fine under this title or imprisonment for not more than five years, or both.',
      ].join('\n'),
      expected: { '101': 7, '102': 29, '103': 27, '104': 21 },
    },
    {
      name: 'civil-law articles: forgery, fraud, search and seizure',
      input: [
        'Article 10 Computer forgery',
        'Whoever, with intent that it be considered or acted upon for legal purposes as if it were authentic, inputs, alters or deletes computer data without right, resulting in inauthentic data, shall be punished by imprisonment of up to three years.',
        '',
        'Article 11 Computer fraud',
        'Whoever, with fraudulent intent of procuring an economic benefit for himself or another, causes a loss of property to another person by any input, alteration or deletion of computer data or by any interference with the functioning of a computer system shall be punished by imprisonment of up to five years.',
        '',
        'Article 12 Search and seizure of stored data',
        'The investigating judge may order the search of a computer system and of any data storage medium in which computer data may be stored, extend the search to any other computer system lawfully accessible from the initial system, and seize or make and retain a copy of the data found.',
      ].join('\n'),
      expected: { '10': 12, '11': 13, '12': 28 },
    },
    {
      name: 'Spanish draft: access, interception, damage to data',
      input: [
        'Artículo 1. Vigencia',
        'La presente ley entra en vigor al día siguiente de su publicación en el diario oficial.',
        '',
        'Artículo 5. Acceso ilícito',
        'El que deliberadamente y sin autorización acceda a todo o parte de un sistema informático será castigado con pena de prisión de uno a tres años.',
        '',
        'Artículo 6. Interceptación',
        'El que, sin derecho y por medios técnicos, intercepte transmisiones no públicas de datos informáticos será castigado con pena de prisión de dos a cuatro años.',
        '',
        'Artículo 7. Daño informático',
        'El que de forma dolosa y sin autorización borre, dañe, altere o suprima datos informáticos ajenos será castigado con pena de prisión de seis meses a dos años.',
      ].join('\n'),
      expected: { '1': null, '5': 7, '6': 8, '7': 9 },
    },
    {
      name: 'French draft: access and interference with a system',
      input: [
        'Article 1er',
        'La présente loi entre en vigueur le premier jour du mois suivant sa publication.',
        '',
        'Article 4',
        "Le fait d'accéder ou de se maintenir, frauduleusement et sans autorisation, dans tout ou partie d'un système de traitement automatisé de données est puni de deux ans d'emprisonnement.",
        '',
        'Article 5',
        "Le fait d'entraver ou de fausser gravement, de façon intentionnelle et sans droit, le fonctionnement d'un système informatique par l'introduction, la suppression ou la modification de données est puni de cinq ans d'emprisonnement.",
      ].join('\n'),
      expected: { '1er': null, '4': 7, '5': 10 },
    },
    {
      name: 'en: a definition standing alone, of a term that is no core term of Art 2',
      input: ['Section 3', '"Unauthorised access" means access to a computer or to computer data by a person who is not entitled to it.'].join('\n'),
      expected: { '3': 2 },
    },
    {
      name: 'fr: a definition standing alone ("on entend par")',
      input: ['Article 4', "Au sens de la présente loi, on entend par « données informatiques » toute représentation de faits ou d'informations sous une forme qui se prête à un traitement informatique."].join('\n'),
      expected: { '4': 2 },
    },
    {
      name: 'es: a definition standing alone ("se entenderá por")',
      input: ['Artículo 5', 'Para los efectos de esta ley se entenderá por datos de tráfico todos los datos relativos a una comunicación realizada por medio de un sistema informático.'].join('\n'),
      expected: { '5': 2 },
    },
    {
      name: 'fr: powers told apart by their measure (preserve, hand over, search, collect in real time, intercept), no headings',
      input: [
        'Article 10',
        'Le procureur de la République peut ordonner à toute personne qui détient des données informatiques déterminées de les conserver sans les altérer pendant quatre-vingt-dix jours au plus.',
        '',
        'Article 11',
        "Le juge peut enjoindre à tout fournisseur de services de lui remettre les informations relatives à ses abonnés qu'il a en sa possession.",
        '',
        'Article 12',
        "L'officier de police judiciaire peut, au cours d'une perquisition, accéder aux données stockées dans un ordinateur trouvé sur les lieux et en faire une copie ou procéder à leur saisie.",
        '',
        'Article 13',
        "Le juge d'instruction peut autoriser le recueil en temps réel des données de connexion d'une ligne déterminée, l'opérateur étant tenu de prêter son concours.",
        '',
        'Article 14',
        "Pour les crimes punis d'au moins sept ans d'emprisonnement, le juge d'instruction peut prescrire l'interception et l'enregistrement du contenu des correspondances émises par voie électronique.",
      ].join('\n'),
      expected: { '10': 25, '11': 27, '12': 28, '13': 29, '14': 30 },
    },
    {
      name: 'es: powers told apart by their measure, no headings',
      input: [
        'Artículo 20',
        'El fiscal podrá ordenar a quien custodie datos informáticos almacenados que los conserve íntegros por un plazo de noventa días, prorrogable una vez.',
        '',
        'Artículo 21',
        'El juez podrá ordenar a los proveedores de servicios que entreguen la información de sus suscriptores que obre en su poder.',
        '',
        'Artículo 22',
        'El juez podrá ordenar el registro de un sistema informático y el secuestro de los datos que resulten útiles para la investigación.',
        '',
        'Artículo 23',
        'El juez podrá autorizar la captación en tiempo real de los datos de tráfico de comunicaciones determinadas, y el proveedor deberá prestar la asistencia técnica necesaria.',
        '',
        'Artículo 24',
        'Para delitos sancionados con pena de prisión de cinco años o más, el juez podrá ordenar la interceptación y grabación del contenido de las comunicaciones del investigado.',
      ].join('\n'),
      expected: { '20': 25, '21': 27, '22': 28, '23': 29, '24': 30 },
    },
    {
      name: 'en: an assistance article needs a request from another State; the same measure without one is the domestic power',
      input: [
        'Section 40',
        'On a request from a foreign State, the Attorney-General may apply to a judge for a warrant to search a computer in the Republic, seize the data found and send it to the requesting State.',
        '',
        'Section 41',
        'A magistrate may issue a warrant authorising a police officer to search a computer and to seize any data found in it that may be evidence of an offence.',
        '',
        'Section 42',
        'Where the authority of another country asks for stored data to be kept until it sends a request for mutual legal assistance, the Attorney-General may direct the holder of the data to preserve it for at least sixty days.',
      ].join('\n'),
      expected: { '40': 44, '41': 28, '42': 42 },
    },
    {
      name: 'en: a specific offence done by data operations or access ranks above the general one (lex specialis), no headings',
      input: [
        'Section 20',
        'A person who, without right and with intent to gain, alters or suppresses electronic data and thereby causes a loss of property to another person commits an offence.',
        '',
        'Section 21',
        'A person who inputs or alters electronic data without right, resulting in inauthentic data, with intent that the data be acted upon for legal purposes as if authentic, commits an offence.',
        '',
        'Section 22',
        'A person who intentionally and without right seriously hinders the functioning of an ICT system by inputting, deleting or suppressing electronic data commits an offence.',
        '',
        'Section 23',
        'A person who, without right, distributes or otherwise makes available a password by which an ICT system may be accessed, intending that it be used to gain access to that system, commits an offence.',
        '',
        'Section 24',
        "A person who, without right, logs into an ICT system with another person's password commits an offence.",
        '',
        'Section 25',
        'A person who intentionally and without right damages, deletes or alters electronic data commits an offence.',
      ].join('\n'),
      expected: { '20': 13, '21': 12, '22': 10, '23': 11, '24': 7, '25': 9 },
    },
    {
      name: 'fr: fraud and forgery by data operations rank above data interference; data interference alone stays Art 9',
      input: [
        'Article 30',
        "Est puni de cinq ans d'emprisonnement quiconque introduit ou supprime frauduleusement des données informatiques au préjudice d'autrui, en vue d'un avantage économique.",
        '',
        'Article 31',
        "Le fait de modifier des données informatiques pour obtenir des données non authentiques destinées à être prises en compte comme si elles étaient authentiques est puni de trois ans d'emprisonnement.",
        '',
        'Article 32',
        "Le fait de modifier ou d'effacer frauduleusement des données informatiques est puni de deux ans d'emprisonnement.",
      ].join('\n'),
      expected: { '30': 13, '31': 12, '32': 9 },
    },
    {
      name: 'es: hindering a system and dealing in access codes rank above damage to data and illegal access',
      input: [
        'Artículo 40',
        'El que, sin autorización, suprima o altere datos informáticos y con ello obstaculice gravemente el funcionamiento de un sistema informático será sancionado con prisión de dos a cinco años.',
        '',
        'Artículo 41',
        'El que venda o distribuya contraseñas o códigos de acceso de un sistema informático, para cometer un delito, será sancionado con prisión de uno a tres años.',
        '',
        'Artículo 42',
        'El que, sin autorización, acceda a un sistema informático será sancionado con multa.',
      ].join('\n'),
      expected: { '40': 10, '41': 11, '42': 7 },
    },
    {
      name: 'en: setting up a body corporate is formal, not the liability of legal persons',
      input: ['Section 1', 'There is hereby set up an Authority for Digital Security, which shall be a body corporate with perpetual succession.'].join('\n'),
      expected: { '1': null },
    },
    {
      name: 'es: an agency with "personería jurídica" is formal, not the liability of legal persons',
      input: ['Artículo 2', 'Se crea la Agencia de Seguridad Digital, con personería jurídica y patrimonio propio.'].join('\n'),
      expected: { '2': null },
    },
    {
      name: 'fr: a council endowed with legal personality is formal',
      input: ['Article 3', 'Il est institué un Conseil national du numérique, doté de la personnalité morale.'].join('\n'),
      expected: { '3': null },
    },
    {
      name: 'es: an order denied ("sin mandamiento ni autorización judicial") makes an offence, not a power',
      input: ['Artículo 5. Interceptación de comunicaciones', 'El que, sin mandamiento ni autorización judicial, capte por medios técnicos comunicaciones privadas cursadas por un sistema informático, será sancionado con prisión de dos a cinco años.'].join('\n'),
      expected: { '5': 8 },
    },
    {
      name: 'en: a clause sending foreign requests to another law gives no assistance article',
      input: ['Section 40 Assistance to other countries', 'Every request by another country for assistance concerning an offence under this Act shall be dealt with in accordance with the Criminal Matters (Assistance) Act.'].join('\n'),
      expected: { '40': null },
    },
    {
      name: 'fr: likewise a clause sending foreign requests to the code of criminal procedure',
      input: ['Article 41. Demandes étrangères', "Les demandes d'entraide émanant d'autorités étrangères sont régies par le code de procédure pénale."].join('\n'),
      expected: { '41': null },
    },
    {
      name: "en: a law's own objects clause implements no article about the Convention itself",
      input: ['Section 2 Objects', 'The objects of this Act are to protect the security of computer systems and to promote trust in electronic transactions.'].join('\n'),
      expected: { '2': null },
    },
    {
      name: 'es: nor does its entry into force',
      input: ['Artículo 90. Vigencia', 'Esta ley regirá a partir de su publicación en el diario oficial.'].join('\n'),
      expected: { '90': null },
    },
    {
      name: 'fr/es: unquoted definitions are the definitions article; "sera puni" creates an offence',
      input: ["Article 1. Terminologie", "Au sens de la présente loi, on entend par données informatiques toute représentation d'informations sous une forme apte au traitement par un ordinateur.", '', 'Article 2', "Sera puni d'un an d'emprisonnement celui qui, par l'introduction ou la suppression de données, entrave gravement le fonctionnement d'un système informatique."].join('\n'),
      expected: { '1': 2, '2': 10 },
    },
    {
      name: 'a preservation ordered at the request of a foreign authority is assistance, not the domestic power',
      input: ['Article 60', "À la demande d'une autorité étrangère, le procureur de la République peut ordonner la conservation rapide de données informatiques stockées sur le territoire, dans l'attente d'une demande d'entraide."].join('\n'),
      expected: { '60': 42 },
    },
  ],
  bestPerSection,
);

/** Evidence of one element of the best article of a section of a draft (the first, or the `section`-th from 0). */
function evidenceOf(input: { draft: string; element: string; section?: number }): { article: number | null; evidence?: string } {
  const a = analyzer.analyze(input.draft);
  const unit = matchUnits(a.parsed)[input.section ?? 0];
  const best = a.matches.get(unit.id)?.matches[0];
  return { article: best?.article ?? null, evidence: best?.elements.find((e) => e.id === input.element)?.evidence };
}

check(
  'element evidence',
  [
    {
      name: 'Spanish "sin autorización" is the without-right element',
      input: {
        draft: 'Artículo 3. Acceso a sistemas\nEl que deliberadamente y sin autorización acceda a un sistema informático será castigado con prisión de uno a tres años.\n',
        element: 'without-right',
      },
      expected: { article: 7, evidence: 'sin autorización' },
    },
    {
      name: 'the conduct of illegal interception',
      input: {
        draft: 'Section 4 Offence concerning transmissions\nA person who intentionally and without right intercepts, by technical means, a non-public transmission of computer data commits an offence.\n',
        element: 'conduct-interception',
      },
      expected: { article: 8, evidence: 'intercepts' },
    },
    {
      name: 'words inside a reference to another section are not evidence',
      input: {
        draft: 'Section 12 Penalties\nThe punishment for an offence under section 3 (unauthorised access to a computer) is a fine or imprisonment for not more than two years.\n',
        element: 'sanctions-gravity',
      },
      expected: { article: 21, evidence: 'imprisonment for not more than' },
    },
    {
      // Too short for the token memo: its tokens are made on the spot, and must still be read relative to the section.
      name: 'a very short section after another: evidence cut from its own words',
      input: { draft: 'Section 1 Interpretation\nIn this Act, words have their ordinary meaning.\n\nSection 2\nIntercepts data.\n', element: 'interception', section: 1 },
      expected: { article: 30, evidence: 'Intercepts' },
    },
  ],
  evidenceOf,
);

describe('model clauses analysed by the matcher', () => {
  for (const clause of analyzer.data.modelClauses) {
    it(`Art ${clause.article} (${clause.title}) matches its own article with every required element and no element or safeguard finding`, () => {
      const draft = `Section 1 ${clause.title}\n${clause.text}\n`;
      const a = analyzer.analyze(draft, { language: 'en' });
      // The clause as one provision: the matcher on its whole text.
      const m = analyzer.matcher.match({ text: clause.text, span: { start: 0, end: clause.text.length }, heading: clause.title, context: [], definedTerms: [], lang: 'en' });
      assert.strictEqual(m[0]?.article, clause.article, `best ${m[0]?.article} (${m[0]?.reasons.join('; ')})`);
      const missing = m[0].elements.filter((e) => e.required && !e.present).map((e) => e.id);
      assert.deepStrictEqual(missing, [], 'required elements not found');
      const findings = a.findings.filter((f) => /^(safeguard|element)\./.test(f.code)).map((f) => `${f.code}: ${f.message}`);
      assert.deepStrictEqual(findings, []);
    });
  }
});

describe('matching is deterministic', () => {
  const drafts: [string, DraftLanguage][] = [
    ['Section 3 Unauthorised access\nA person who intentionally and without authorisation accesses a computer system commits an offence.\n', 'en'],
    ['Artículo 5. Daño informático\nEl que sin autorización borre o altere datos informáticos será castigado con prisión.\n', 'es'],
  ];
  for (const [draft, lang] of drafts) {
    it(`same ${lang} text twice gives deep-equal results`, () => {
      const first = analyzer.analyze(draft, { language: lang });
      const again = createAnalyzer().analyzer!.analyze(draft, { language: lang });
      assert.deepStrictEqual([...again.matches.values()], [...first.matches.values()]);
      assert.deepStrictEqual(analyzer.analyze(draft, { language: lang }).matches, first.matches);
    });
  }
});
