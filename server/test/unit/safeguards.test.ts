// Safeguard findings a lawyer can act on: a negated cue is no evidence (issue 19, point 1).
// Drafts are our own wording, in English, Spanish and French.
import { Analyzer } from '../../src/analysis/analyze';
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
