// Quick fixes that supply a missing safeguard (issue 19, point 2): each clears its own finding
// and no other, names the provision's own instrument, speaks the draft's language, keeps the
// draft's structure, and is not offered where data has no wording in that language.
import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { Analyzer } from '../../src/analysis/analyze';
import type { ConventionData } from '../../src/analysis/data/types';
import { createAnalyzer } from '../../src/analysis/engine';
import { LineIndex } from '../../src/analysis/text';
import { computeCodeActions } from '../../src/lsp/codeActions';
import { buildTable } from '../../src/analysis/table';
import { computeCodeLenses } from '../../src/lsp/codeLens';
import { computeDiagnostics, type DiagnosticData } from '../../src/lsp/diagnostics';
import { provisionHover } from '../../src/lsp/hover';
import { defaultSettings, type AnalysedDocument } from '../../src/lsp/workspace';
import { check } from './check';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
const analyzer: Analyzer = loaded;

function docOf(text: string, a: Analyzer = analyzer, uri = 'file:///draft.txt'): AnalysedDocument {
  return { uri, version: 1, text, lines: new LineIndex(text), analysis: a.analyze(text), settings: defaultSettings, analyzer: a };
}

/**
 * Diagnostics on the draft's first matched provision, a grouped diagnostic (safeguards) taken
 * apart into one per finding behind it, as codeActions.ts does: each safeguard's own fix is tested.
 */
function diagnosticsOn(doc: AnalysedDocument): Diagnostic[] {
  const unit = [...doc.analysis.matches.keys()][0];
  return computeDiagnostics(doc, () => undefined, analyzer)
    .filter((d) => (d.data as DiagnosticData | undefined)?.provision === unit)
    .flatMap((d) => {
      const data = d.data as DiagnosticData;
      return data.members ? data.members.map((m) => ({ ...d, code: m.code, message: m.message, data: { ...data, fix: m.fix, articles: m.articles, members: undefined } })) : [d];
    });
}

function apply(doc: AnalysedDocument, e: WorkspaceEdit): string {
  const edits: TextEdit[] = e.changes?.[doc.uri] ?? [];
  let out = doc.text;
  for (const te of [...edits].sort((x, y) => doc.lines.offsetAt(y.range.start) - doc.lines.offsetAt(x.range.start))) {
    out = out.slice(0, doc.lines.offsetAt(te.range.start)) + te.newText + out.slice(doc.lines.offsetAt(te.range.end));
  }
  return out;
}

function insertAction(doc: AnalysedDocument, d: Diagnostic, a: Analyzer = analyzer): CodeAction | undefined {
  const actions = computeCodeActions(doc, a, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } });
  return actions.find((x) => x.isPreferred && x.edit);
}

/** Per safeguard code on the provision: the codes still reported after its fix is applied (or "no fix"). */
function afterEachFix(text: string, a: Analyzer = analyzer, family = 'safeguard.'): Record<string, string[] | 'no fix'> {
  const doc = docOf(text, a);
  const out: Record<string, string[] | 'no fix'> = {};
  const before = diagnosticsOn(doc).filter((d) => String(d.code).startsWith(family));
  for (const d of before) {
    const fix = insertAction(doc, d, a);
    if (!fix) {
      out[String(d.code)] = 'no fix';
      continue;
    }
    const fixed = docOf(apply(doc, fix.edit!), a);
    out[String(d.code)] = [...new Set(diagnosticsOn(fixed).map((x) => String(x.code)).filter((c) => c.startsWith(family) || c.startsWith('safeguard.')))].sort();
  }
  return out;
}

/** What each fix should leave: all the codes found before, less its own. */
function eachClearsItsOwn(codes: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of codes) out[c] = codes.filter((x) => x !== c).sort();
  return out;
}

const ALL_EIGHT = [
  'safeguard.duration',
  'safeguard.grounds',
  'safeguard.judicial-review',
  'safeguard.proportionality',
  'safeguard.remedy',
  'safeguard.scope',
  'safeguard.serious-crime',
  'safeguard.third-parties',
];

const INTERCEPT = {
  en: 'Section 30 Interception of communications\nAn authorised officer may by written notice require a service provider to intercept and record the content of communications transmitted through an ICT system and to hand the recordings to the officer.\n',
  es: 'Artículo 30. Interceptación de comunicaciones\nLa policía podrá, mediante requerimiento escrito, obligar a un proveedor de servicios a interceptar y grabar el contenido de las comunicaciones transmitidas por un sistema informático y entregarle las grabaciones.\n',
  fr: "Article 30. Interception des communications\nL'officier de police judiciaire peut, par voie de réquisition, obliger un fournisseur de services à intercepter et enregistrer le contenu des communications transmises par un système informatique et à lui remettre les enregistrements.\n",
};

check(
  'each safeguard fix clears its own finding and no other',
  [
    { name: 'en: an interception power lacking all eight', input: INTERCEPT.en, expected: eachClearsItsOwn(ALL_EIGHT) },
    { name: 'es: the same in Spanish', input: INTERCEPT.es, expected: eachClearsItsOwn(ALL_EIGHT) },
    { name: 'fr: the same in French', input: INTERCEPT.fr, expected: eachClearsItsOwn(ALL_EIGHT) },
  ],
  (text) => afterEachFix(text),
);

/** The text each fix inserts, by code. */
function inserted(text: string, a: Analyzer = analyzer): Record<string, string> {
  const doc = docOf(text, a);
  const out: Record<string, string> = {};
  for (const d of diagnosticsOn(doc)) {
    const fix = insertAction(doc, d, a);
    if (fix) out[String(d.code)] = (fix.edit!.changes![doc.uri][0].newText ?? '').trim();
  }
  return out;
}

describe('safeguard fixes speak as the draft does', () => {
  it('en: name the notice, not "the order"; the duration wording names no judge', () => {
    const t = inserted(INTERCEPT.en);
    assert.match(t['safeguard.judicial-review'], /^The notice may be issued only with the prior approval of a judge/);
    assert.match(t['safeguard.remedy'], /to whom the notice is addressed/);
    for (const w of Object.values(t)) assert.ok(!/\bthe order\b/i.test(w), w);
    assert.ok(!/judge|court|judicial/i.test(t['safeguard.duration']), t['safeguard.duration']);
  });
  it('en: a warrant is "the warrant", a direction "the direction"', () => {
    const warrant = inserted(INTERCEPT.en.replace('by written notice require', 'under a warrant require'));
    assert.match(warrant['safeguard.duration'], /^The warrant has effect/);
    const direction = inserted(INTERCEPT.en.replace('by written notice require', 'by direction require'));
    assert.match(direction['safeguard.duration'], /^The direction has effect/);
  });
  it('es: Spanish wording naming "el requerimiento"', () => {
    const t = inserted(INTERCEPT.es);
    assert.match(t['safeguard.duration'], /^El requerimiento tendrá una duración máxima de \[30\] días/);
    assert.match(t['safeguard.remedy'], /destinataria del requerimiento/);
  });
  it('fr: French wording naming "la réquisition"', () => {
    const t = inserted(INTERCEPT.fr);
    assert.match(t['safeguard.duration'], /^La réquisition a une durée maximale de \[trente\] jours/);
    assert.match(t['safeguard.judicial-review'], /^Seul le juge peut autoriser la réquisition/);
  });
  it('a language without wording gets no fix (and no English wording in its place)', () => {
    const noFrench = new Analyzer(
      ((d: ConventionData) => ({ ...d, quickFixes: { ...d.quickFixes!, wording: { ...d.quickFixes!.wording, 'safeguard.duration': { en: d.quickFixes!.wording['safeguard.duration'].en } } } }))(structuredClone(analyzer.data)),
      analyzer.settings,
    );
    const after = afterEachFix(INTERCEPT.fr, noFrench);
    assert.strictEqual(after['safeguard.duration'], 'no fix');
    assert.ok(Array.isArray(after['safeguard.grounds']), 'the others are still offered');
  });
  it('element wording, written in English only, is not offered in a French draft', () => {
    const fr = "Article 3. Accès illicite\nLe fait d'accéder sans droit à tout ou partie d'un système informatique est puni de deux ans d'emprisonnement.\n";
    const doc = docOf(fr);
    const d = diagnosticsOn(doc).find((x) => x.code === 'element.intent');
    assert.ok(d, 'element.intent reported');
    assert.strictEqual(insertAction(doc, d!), undefined);
    const en = docOf('Section 3 Illegal access\nA person who accesses the whole or any part of an ICT system without right commits an offence.\n');
    const de = diagnosticsOn(en).find((x) => x.code === 'element.intent');
    assert.ok(de && insertAction(en, de), 'offered in an English draft');
  });
});

describe('safeguard fixes keep the draft\'s structure', () => {
  it('numbered paragraphs set apart by blank lines (Markdown) get the next number after a blank line', () => {
    const md = '### Section 30. Interception\n\n(1) An authorised officer may by written notice require a service provider to intercept and record the content of communications transmitted through an ICT system.\n\n(2) The service provider shall keep the notice confidential.\n';
    const doc = docOf(md, analyzer, 'file:///draft.md');
    const d = diagnosticsOn(doc).find((x) => x.code === 'safeguard.duration')!;
    const out = apply(doc, insertAction(doc, d)!.edit!);
    assert.ok(out.includes('keep the notice confidential.\n\n(3) The notice has effect for no longer than'), out);
  });
  it('es: "1. … 2. …" gets "3." in Spanish; fr: "1° … 2° …" gets "3°" in French', () => {
    const es =
      'Artículo 30. Interceptación de comunicaciones\n1. La policía podrá, mediante requerimiento escrito, obligar a un proveedor de servicios a interceptar y grabar el contenido de las comunicaciones transmitidas por un sistema informático.\n2. El proveedor guardará secreto sobre el requerimiento.\n';
    const fr =
      "Article 30. Interception des communications\n1° L'officier de police judiciaire peut, par voie de réquisition, obliger un fournisseur de services à intercepter et enregistrer le contenu des communications transmises par un système informatique.\n2° Le fournisseur garde le secret sur la réquisition.\n";
    for (const [text, want] of [
      [es, 'guardará secreto sobre el requerimiento.\n3. El requerimiento tendrá una duración máxima de [30] días'],
      [fr, 'garde le secret sur la réquisition.\n3° La réquisition a une durée maximale de [trente] jours'],
    ]) {
      const doc = docOf(text);
      const d = diagnosticsOn(doc).find((x) => x.code === 'safeguard.duration')!;
      assert.ok(d, 'safeguard.duration reported');
      const out = apply(doc, insertAction(doc, d)!.edit!);
      assert.ok(out.includes(want), out);
    }
  });
  it('a provision that ends in a bulleted list gets a new item of the list', () => {
    const md = '### Section 30. Interception\n\nAn authorised officer may by written notice require a service provider—\n\n- to intercept and record the content of communications transmitted through an ICT system; and\n- to hand the recordings to the officer.\n';
    const doc = docOf(md, analyzer, 'file:///draft.md');
    const d = diagnosticsOn(doc).find((x) => x.code === 'safeguard.duration')!;
    const out = apply(doc, insertAction(doc, d)!.edit!);
    assert.ok(out.includes('- to hand the recordings to the officer.\n- The notice has effect for no longer than'), out);
  });
});

describe('a negated safeguard is missing in the hover, the lenses and the table alike', () => {
  const waived =
    'Section 20 Search of ICT systems\nAn authorised officer may, without a warrant or other judicial authorisation, search any ICT system where the officer has reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it, for a period not exceeding 7 days, if the search is necessary and proportionate. A person aggrieved may appeal against the search.\n';
  const required = waived.replace('may, without a warrant or other judicial authorisation, search', 'may, under a warrant issued by a judge, search');
  function views(text: string): { hover: boolean; lens: string | undefined; table: boolean } {
    const doc = docOf(text);
    const unit = doc.analysis.parsed.byId.get([...doc.analysis.matches.keys()][0])!;
    const hover = provisionHover(doc, analyzer, unit, doc.analysis.matches.get(unit.id)!.matches);
    const lens = computeCodeLenses(doc, analyzer).map((l) => l.command?.title ?? '').find((t) => /safeguards$/.test(t));
    const row = buildTable(analyzer.data, [{ file: 'draft', text, analysis: doc.analysis }]).chapters.flatMap((c) => c.rows).find((r) => r.article === 28);
    return { hover: /✗ Judicial or other independent review/.test(hover), lens: lens?.replace(/^.*· /, ''), table: JSON.stringify(row).includes('No judicial or independent review') };
  }
  it('"without a warrant or other judicial authorisation": ✗ everywhere', () => {
    assert.deepStrictEqual(views(waived), { hover: true, lens: '5/7 safeguards', table: true });
  });
  it('"under a warrant issued by a judge": ✓ everywhere', () => {
    assert.deepStrictEqual(views(required), { hover: false, lens: '6/7 safeguards', table: false });
  });
});

// Art 21(7): the fix for children accused, on a penalties provision (issue 19, point 9).
const PENALTIES = {
  en: 'Section 20 Penalties\n(1) A person convicted of an offence under this Part is liable to imprisonment for a term not exceeding ten years or a fine, or both, and the court shall take into account the gravity of the offence.\n(2) Where an offence under this Part is committed against critical information infrastructure, the maximum penalty is increased by one half.\n',
  es: 'Artículo 20. Penas\n(1) Los delitos previstos en este Capítulo serán castigados con penas de prisión o multa proporcionadas a la gravedad del delito.\n(2) Cuando el delito se cometa contra una infraestructura crítica de la información, la pena máxima se incrementará en la mitad.\n',
  fr: "Article 20. Peines et droits de la défense\n(1) Les infractions prévues au présent chapitre sont punies de peines effectives, proportionnées et dissuasives, qui tiennent compte de leur gravité.\n(2) Toute personne poursuivie pour l'une de ces infractions bénéficie de toutes les garanties d'un procès équitable et des droits de la défense.\n",
};

check(
  'the children-accused fix (Art 21(7)) clears its finding, in the draft language',
  (['en', 'es', 'fr'] as const).map((lang) => ({ name: `${lang}: penalties with no word of children accused`, input: PENALTIES[lang], expected: { 'safeguard.children-accused': [] } })),
  (text) => afterEachFix(text),
);

// Territorial reach (Arts 5(2), 22): the fix names the cooperation channel or the link to the
// State, in the draft's language, and clears its own finding and no safeguard's.
const REACHING_SEARCH = {
  en: 'Section 20 Search of ICT systems\n(1) A judge may issue a warrant authorising an officer to access and search an ICT system, wherever the data is located, where there are reasonable grounds to believe that specified data relevant to a specific criminal investigation is stored in it.\n(2) The warrant expires after 30 days, and the search shall be necessary and proportionate.\n',
  es: 'Artículo 20. Registro de sistemas informáticos\n(1) El juez podrá autorizar mediante mandamiento el registro de un sistema informático, dondequiera que se encuentren los datos, cuando existan indicios razonables de que contiene datos determinados relacionados con una investigación penal concreta.\n(2) El mandamiento caducará a los 30 días y la medida deberá ser necesaria y proporcionada.\n',
  fr: "Article 20. Perquisition des systèmes informatiques\n(1) Le juge peut autoriser par mandat la perquisition d'un système informatique, où qu'elles se trouvent, lorsqu'il existe des raisons plausibles de soupçonner que des données déterminées liées à une enquête pénale précise y sont stockées.\n(2) Le mandat expire après 30 jours et la mesure doit être nécessaire et proportionnée.\n",
};
const JURISDICTION_ANYWHERE = {
  en: 'Section 30 Jurisdiction\nThe courts of [the country] have jurisdiction over an offence under this Part committed in [the country] or outside it, wherever the offence is committed.\n',
  es: 'Artículo 30. Jurisdicción\nLos tribunales nacionales serán competentes para conocer de los delitos previstos en este Capítulo cometidos en el territorio nacional, y de los cometidos en el extranjero.\n',
  fr: "Article 30. Compétence\nLes juridictions nationales sont compétentes pour connaître des infractions prévues au présent chapitre commises sur le territoire de la République, ainsi que des infractions commises à l'étranger.\n",
};

check<string, Record<string, string[] | 'no fix'>>(
  'the territorial-reach fixes (Arts 5(2), 22) clear their own finding and leave the safeguards as they were',
  (['en', 'es', 'fr'] as const).flatMap((lang): { name: string; input: string; expected: Record<string, string[] | 'no fix'> }[] => [
    { name: `${lang}: a search wherever the data is located`, input: REACHING_SEARCH[lang], expected: { 'sovereignty.enforcement-abroad': ['safeguard.remedy', 'safeguard.third-parties'] } },
    { name: `${lang}: jurisdiction over conduct abroad with no link`, input: JURISDICTION_ANYWHERE[lang], expected: { 'sovereignty.jurisdiction-nexus': [] } },
  ]),
  (text) => afterEachFix(text, analyzer, 'sovereignty.'),
);
