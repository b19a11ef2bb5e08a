// Drafts for the coverage-scope invariant (coverageFindings.test.ts, and the CLI's table in
// server/test/protocol/cliTable.test.ts): our own wording, in English, Spanish and French, with
// procedural powers with and without judicial authorisation, negated safeguards ("without a
// warrant"), a general safeguards section or none, offences with no counterpart, vague and
// technology-specific terms, a `concordance-ignore` directive, a narrow definition and a reference
// to an article the Convention does not have; and drafts of bench/generate.ts.
import { generateDraft, type Style } from '../../../../bench/generate';

const EN_OFFENCES = [
  'PART 1 — OFFENCES',
  '',
  'Section 1 — Interpretation',
  'In this Act, "computer system" means a device that processes data; "service provider" means a person who provides a communication service.',
  '',
  'Section 2 — Unlawful access',
  'A person who intentionally and without right accesses the whole or any part of a computer system commits an offence and is liable to imprisonment for a term not exceeding three years.',
  '',
  'Section 3 — Interference with data',
  'A person who, without right, damages, deletes or alters computer data commits an offence.',
  '',
  'Section 4 — Online extortion',
  'A person who, by means of a computer system, threatens to disclose data about another person in order to obtain money from that person commits an offence.',
  '',
  'Section 5 — Untrue statements',
  'A person who publishes false news on a social media platform that is likely to cause public alarm or annoyance commits an offence.',
  '',
  'Section 6 — Offensive messages',
  'A person who sends a grossly offensive message by email or SMS commits an offence.',
  '',
].join('\n');

const EN_POWERS = [
  'PART 2 — PROCEDURAL POWERS',
  '',
  'Section 20 — Search warrant',
  '(1) A judge may issue a warrant authorising a police officer to search a computer system and to seize computer data stored in it, where satisfied on oath that there are reasonable grounds to believe that it holds evidence of a specified offence.',
  '(2) A warrant under this section expires thirty days after it is issued.',
  '',
  'Section 21 — Search by an authorised officer',
  'An authorised officer may, without a warrant or other judicial authorisation, search any computer system where the officer suspects that data relevant to an investigation is stored in it.',
  '',
  'Section 22 — Production orders',
  'A police officer may order a person in the territory to submit specified computer data in that person\'s possession or control, and may order a service provider to submit subscriber information.',
  '',
  'Section 23 — Preservation',
  'A police officer may require a person to preserve specified stored computer data until the investigation ends. [concordance-ignore safeguard.duration]',
  '',
  'Section 24 — Interception of content',
  'A court may, on application by a prosecutor, authorise the real-time collection or recording of the content of specified communications transmitted by means of a computer system, for a period of no more than sixty days, where it is necessary and proportionate to the investigation of a serious offence.',
  '',
  'Section 25 — Traffic data',
  'An officer may collect or record traffic data associated with specified communications in real time, and no court order is required for it.',
  '',
].join('\n');

const EN_GENERAL = [
  'PART 3 — SAFEGUARDS',
  '',
  'Section 30 — Conditions and safeguards',
  '(1) Every power under Part 2 is subject to prior authorisation by a judge, shall be exercised only where it is necessary and proportionate, and is limited to the specific investigation and to a stated period.',
  '(2) A person affected by the exercise of such a power may apply to the High Court for an effective remedy.',
  '',
].join('\n');

const EN_CLOSING = ['PART 4 — MISCELLANEOUS', '', 'Section 40 — Relation to the Convention', 'Section 2 gives effect to Article 7 of the Convention, and section 20 to Article 99 of the Convention.', '', 'Section 41 — Short title', 'This Act may be cited as the Computer Misuse Act.', ''].join('\n');

const ES = [
  'LEY DE DELITOS INFORMÁTICOS',
  '',
  'Artículo 1. Acceso ilícito',
  'Toda persona que, deliberadamente y sin autorización, acceda a la totalidad o a una parte de un sistema informático será castigada con pena de prisión de uno a tres años.',
  '',
  'Artículo 2. Extorsión en línea',
  'Toda persona que, mediante un sistema informático, amenace con divulgar datos de otra persona para obtener dinero de ella será castigada con pena de prisión.',
  '',
  'Artículo 10. Registro de sistemas informáticos',
  'La policía podrá registrar cualquier sistema informático sin necesidad de autorización judicial cuando sospeche que contiene datos relacionados con un delito.',
  '',
  'Artículo 11. Registro con orden judicial',
  'El juez podrá autorizar, mediante resolución motivada, el registro de un sistema informático cuando existan indicios razonables de que contiene datos determinados relacionados con un delito grave, por un plazo máximo de treinta días, siempre que la medida sea necesaria y proporcionada. Contra la resolución cabrá recurso.',
  '',
  'Artículo 12. Conservación de datos',
  'El fiscal podrá ordenar a cualquier persona que conserve datos informáticos determinados por un plazo máximo de noventa días.',
  '',
].join('\n');

const ES_GENERAL = ['Artículo 20. Condiciones y salvaguardias', 'El ejercicio de las facultades previstas en esta ley estará sujeto a condiciones y salvaguardias que garanticen la protección de los derechos humanos: autorización judicial previa, necesidad y proporcionalidad, limitación de su alcance y de su duración, y derecho a recurso ante el tribunal.', ''].join('\n');

const FR = [
  'LOI RELATIVE À LA CYBERCRIMINALITÉ',
  '',
  'Article 1. Accès illicite',
  'Le fait d\'accéder intentionnellement et sans droit à tout ou partie d\'un système informatique est puni de trois ans d\'emprisonnement.',
  '',
  'Article 2. Fausses nouvelles',
  'Le fait de publier de fausses nouvelles au moyen d\'un système informatique de nature à troubler la paix publique est puni d\'une amende.',
  '',
  'Article 10. Perquisition informatique',
  "L'officier de police judiciaire peut, sans autorisation du juge, procéder à la perquisition de tout système informatique lorsqu'il soupçonne que des données utiles à l'enquête s'y trouvent.",
  '',
  'Article 11. Perquisition autorisée',
  "Le juge d'instruction peut autoriser, par décision motivée, la perquisition d'un système informatique lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées relatives à une infraction grave s'y trouvent, pour une durée maximale de trente jours, si la mesure est nécessaire et proportionnée. La personne concernée dispose d'un recours.",
  '',
  'Article 12. Conservation rapide',
  "Le procureur peut ordonner à toute personne de conserver des données informatiques déterminées pendant une durée maximale de quatre-vingt-dix jours.",
  '',
].join('\n');

const FR_GENERAL = ['Article 20. Conditions et garanties', "Les mesures du présent chapitre sont soumises à l'autorisation préalable du juge, doivent être nécessaires et proportionnées, sont limitées à l'enquête concernée et à une durée déterminée, et la personne concernée dispose d'un recours devant le tribunal.", ''].join('\n');

/** Our own drafts, each with and without a general safeguards section. */
export function writtenDrafts(): { name: string; text: string }[] {
  return [
    { name: 'en: offences and powers', text: [EN_OFFENCES, EN_POWERS, EN_CLOSING].join('\n') },
    { name: 'en: with a general safeguards section', text: [EN_OFFENCES, EN_POWERS, EN_GENERAL, EN_CLOSING].join('\n') },
    { name: 'en: powers alone', text: EN_POWERS },
    { name: 'en: offences alone', text: EN_OFFENCES },
    { name: 'es: ley', text: ES },
    { name: 'es: ley with general safeguards', text: ES + '\n' + ES_GENERAL },
    { name: 'fr: loi', text: FR },
    { name: 'fr: loi with general safeguards', text: FR + '\n' + FR_GENERAL },
  ];
}

/** Drafts of bench/generate.ts: several seeds, sizes and drafting styles. */
export function generatedDrafts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const styles: (Style | undefined)[] = [undefined, 'commonwealth', 'section', 'article', 'us'];
  let seed = 1;
  for (const sizeBytes of [3_000, 12_000, 40_000, 150_000]) {
    for (const style of styles) {
      out.push({ name: `generated ${sizeBytes} B, seed ${seed}, ${style ?? 'mixed'} style`, text: generateDraft({ sizeBytes, seed, style }) });
      seed++;
    }
  }
  return out;
}
