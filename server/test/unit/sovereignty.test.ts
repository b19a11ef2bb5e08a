// Territorial reach (issue 19, point 9): concerns raised by wording a provision uses, not by
// wording it lacks. A power that reaches data "wherever located" with no cooperation channel
// (Art 5(2)); jurisdiction over conduct abroad with no link to the State (Art 22(2), (6), read
// with Art 5). Both are information: Art 5(2) is a rule of reading, not a duty a law breaches.
// Drafts are our own wording, in English, Spanish and French.
import * as assert from 'assert';
import { Analyzer } from '../../src/analysis/analyze';
import { createAnalyzer } from '../../src/analysis/engine';
import { check } from './check';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
const analyzer: Analyzer = loaded;

type Lang = 'en' | 'es' | 'fr';
const LANGS: Lang[] = ['en', 'es', 'fr'];

/** On the draft's provision that reads as `article`: whether `code` fires, its severity, and the words it points at. */
function onArticle(code: string, article: number): (text: string) => { fires: boolean; severity?: string; at?: string } {
  return (text) => {
    const analysis = analyzer.analyze(text);
    const unit = [...analysis.matches.entries()].find(([, m]) => m.matches[0]?.article === article)?.[0];
    if (unit === undefined) throw new Error(`no provision reads as Art ${article}`);
    const f = analysis.findings.find((x) => x.provision === unit && x.code === code);
    return f ? { fires: true, severity: f.severity, at: text.slice(f.span.start, f.span.end) } : { fires: false };
  };
}

// ---------------------------------------------------------------------------------------------
// A power that reaches into another State's territory (Art 5(2)).

const SEARCH: Record<Lang, (reach: string, extra?: string) => string> = {
  en: (reach, extra = '') =>
    `Section 20 Search of ICT systems\n(1) A judge may issue a warrant authorising an officer to access and search an ICT system${reach}, where there are reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it.\n(2) The warrant expires after 30 days, and the search shall be necessary and proportionate. A person aggrieved may appeal against the search.${extra}\n`,
  es: (reach, extra = '') =>
    `Artículo 20. Registro de sistemas informáticos\n(1) El juez podrá autorizar mediante mandamiento el registro de un sistema informático${reach}, cuando existan indicios razonables de que contiene datos determinados relacionados con una investigación penal concreta.\n(2) El mandamiento caducará a los 30 días y la medida deberá ser necesaria y proporcionada. Contra la medida cabrá recurso.${extra}\n`,
  fr: (reach, extra = '') =>
    `Article 20. Perquisition des systèmes informatiques\n(1) Le juge peut autoriser par mandat la perquisition d'un système informatique${reach}, lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées liées à une enquête pénale précise y sont stockées.\n(2) Le mandat expire après 30 jours et la mesure doit être nécessaire et proportionnée. La personne concernée dispose d'un recours.${extra}\n`,
};
const REACH: Record<Lang, string> = {
  en: ', wherever the data is located',
  es: ', dondequiera que se encuentren los datos',
  fr: ", où qu'elles se trouvent",
};
const REACH_FOUND: Record<Lang, string> = { en: 'wherever the data is located', es: 'dondequiera que se encuentren', fr: "qu'elles se trouvent" };
const THROUGH_ASSISTANCE: Record<Lang, string> = {
  en: '\n(3) Where the system is in the territory of another State, the data are obtained through mutual legal assistance.',
  es: '\n(3) Cuando el sistema se encuentre en otro Estado, el registro requiere el consentimiento de ese Estado conforme a un tratado internacional.',
  fr: "\n(3) Lorsque le système se trouve sur le territoire d'un autre État, les données sont obtenues par la voie de l'entraide judiciaire.",
};
const NOT_ABROAD: Record<Lang, string> = {
  en: '\n(3) This section does not extend to data stored outside the territory of [the country].',
  es: '\n(3) Este artículo no se aplica a los datos almacenados en el extranjero.',
  fr: "\n(3) Le présent article ne s'applique pas aux données stockées à l'étranger.",
};

check(
  'sovereignty.enforcement-abroad (Art 5(2): information)',
  [
    ...LANGS.flatMap((lang) => [
      { name: `${lang}: a search "wherever the data is located", no channel: fires on those words`, input: SEARCH[lang](REACH[lang]), expected: { fires: true, severity: 'information', at: REACH_FOUND[lang] } },
      { name: `${lang}: the same with a cooperation channel for data abroad: silent`, input: SEARCH[lang](REACH[lang], THROUGH_ASSISTANCE[lang]), expected: { fires: false } },
      { name: `${lang}: a search with no word of reach abroad: silent`, input: SEARCH[lang](''), expected: { fires: false } },
      { name: `${lang}: a search that does not extend to data stored abroad: silent`, input: SEARCH[lang]('', NOT_ABROAD[lang]), expected: { fires: false } },
    ]),
  ],
  onArticle('sovereignty.enforcement-abroad', 28),
);

// Art 27(a) reaches data in a person's possession or control, wherever it is stored: an order to
// a person in the territory is the Convention's own scope, not enforcement abroad.
check(
  'sovereignty.enforcement-abroad is not asked of production orders (Art 27)',
  [
    {
      name: 'en: an order to a person in the territory for data in their control "wherever stored": silent',
      input:
        'Section 22 Production order\nA judge may, on application by an authorised officer, order a person in [the country] to submit specified electronic data in that person\'s possession or control, wherever the data is stored, where there are reasonable grounds to believe the data is relevant to a specific criminal investigation.\n',
      expected: { fires: false },
    },
  ],
  onArticle('sovereignty.enforcement-abroad', 27),
);

// ---------------------------------------------------------------------------------------------
// Jurisdiction over conduct abroad with no link to the State (Art 22(2), (6), read with Art 5).

const JURISDICTION: Record<Lang, (reach: string, link?: string) => string> = {
  en: (reach, link = '') => `Section 30 Jurisdiction\nThe courts of [the country] have jurisdiction over an offence under this Part committed in [the country]${reach}.${link}\n`,
  es: (reach, link = '') => `Artículo 30. Jurisdicción\nLos tribunales nacionales serán competentes para conocer de los delitos previstos en este Capítulo cometidos en el territorio nacional${reach}.${link}\n`,
  fr: (reach, link = '') => `Article 30. Compétence\nLes juridictions nationales sont compétentes pour connaître des infractions prévues au présent chapitre commises sur le territoire de la République${reach}.${link}\n`,
};
const ANYWHERE: Record<Lang, string> = {
  en: ' or outside it, wherever the offence is committed',
  es: ', y de los cometidos en el extranjero, cualquiera que sea el lugar de su comisión',
  fr: ", ainsi que des infractions commises à l'étranger, quel que soit le lieu où elles ont été commises",
};
const ANYWHERE_FOUND: Record<Lang, string> = { en: 'wherever the offence is committed', es: 'cometidos en el extranjero', fr: "commises à l'étranger" };
const NATIONALITY_LINK: Record<Lang, string> = {
  en: ' Conduct abroad is covered only where the offence is committed by a national of [the country] or where the offender is present in [the country] and is not extradited.',
  es: ' Los hechos cometidos en el extranjero solo quedan comprendidos cuando el autor sea nacional o residente habitual, o cuando no se conceda su extradición.',
  fr: " Les faits commis à l'étranger ne sont visés que s'ils sont commis par un ressortissant ou par une personne résidant habituellement sur le territoire.",
};

check(
  'sovereignty.jurisdiction-nexus (Art 22(2), 22(6), 5(1): information)',
  [
    ...LANGS.flatMap((lang) => [
      { name: `${lang}: jurisdiction over conduct anywhere, no link: fires on those words`, input: JURISDICTION[lang](ANYWHERE[lang]), expected: { fires: true, severity: 'information', at: ANYWHERE_FOUND[lang] } },
      { name: `${lang}: the same tied to the offender's nationality, residence or non-extradition: silent`, input: JURISDICTION[lang](ANYWHERE[lang], NATIONALITY_LINK[lang]), expected: { fires: false } },
      { name: `${lang}: territorial jurisdiction only: silent`, input: JURISDICTION[lang](''), expected: { fires: false } },
    ]),
    {
      name: 'fr: "sur le territoire national ou à l\'étranger" (three small words between): fires',
      input: "Article 30. Compétence\nLes juridictions nationales sont compétentes pour connaître des infractions prévues au présent chapitre, qu'elles soient commises sur le territoire national ou à l'étranger.\n",
      expected: { fires: true, severity: 'information', at: 'étranger' },
    },
  ],
  onArticle('sovereignty.jurisdiction-nexus', 22),
);

describe('territorial reach: the finding is silenced like any other', () => {
  it('en: a concordance-ignore directive for the code in the provision silences it', () => {
    const text = SEARCH.en(REACH.en, '\n[concordance-ignore sovereignty.enforcement-abroad]');
    assert.deepStrictEqual(onArticle('sovereignty.enforcement-abroad', 28)(text), { fires: false });
  });
});
