// The languages the analysis detects, parses and matches: one per file of data/languages/
// (LanguageData). Nothing in the core names a language but English, the base every data file has
// cues in and every other language falls back to. A language the main data files do not key
// their cues by brings its cues in its file's `cues` block (LanguageCues), merged here at load
// into those files' cue maps under its code; its matcher words are added to the matcher's
// settings the same way (withLanguageSettings).

import type { MatcherSettings } from '../matcherSettings';
import type { DraftLanguage } from '../types';
import type { ConventionData, Cues, LanguageCues, LanguageData } from './types';

/** The language every data file has cues in, the others' fallback, and the detector's choice on a tie. */
export const BASE_LANGUAGE: DraftLanguage = 'en';

/**
 * At most this many languages: the token vocabulary marks each word with two bits per language
 * (a stop word in it; a lexicon term of it starts with the word) beside one bit of its own, in a
 * 31-bit integer (cues.ts).
 */
export const MAX_LANGUAGES = 15;

/** The languages of the data, the base language first, then the others in file-name order (the order ties are broken in). */
export function draftLanguages(languages: readonly LanguageData[]): DraftLanguage[] {
  const codes = languages.map((l) => l.language);
  return codes.includes(BASE_LANGUAGE) ? [BASE_LANGUAGE, ...codes.filter((c) => c !== BASE_LANGUAGE)] : codes;
}

type Add = (file: string, jsonPath: string, message: string) => void;

/** A JSON pointer segment. */
const seg = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Merges each language file's `cues` block into the data's cue maps under its code (the data is
 * the loader's own fresh copy). An address that names nothing (an unknown article, element, id or
 * code) and a list the main file already has for that language are problems, added with `add`.
 */
export function mergeLanguageCues(data: ConventionData, add: Add): void {
  for (const lang of data.languages) {
    if (!lang.cues) continue;
    const code = lang.language;
    const file = `languages/${code}.json`;
    const block: LanguageCues = lang.cues;
    const put = (target: Cues | undefined, words: string[] | undefined, at: string, what: string): void => {
      if (words === undefined) return;
      if (!target) add(file, at, `${what}: no such thing in the data`);
      else if (target[code] !== undefined) add(file, at, `${what} already has '${code}' cues in the main data file: one home for each list`);
      else target[code] = words;
    };
    const byId = <T>(list: readonly T[], id: (x: T) => string, words: Record<string, unknown> | undefined, at: string, what: string, each: (x: T, key: string) => void): void => {
      for (const key of Object.keys(words ?? {})) {
        const x = list.find((y) => id(y) === key);
        if (x === undefined) add(file, `${at}/${seg(key)}`, `${what} '${key}' is not in the data`);
        else each(x, key);
      }
    };
    const arts = block.articles ?? {};
    byId(data.articles, (a) => String(a.article), arts, '/cues/articles', 'article', (a, key) => {
      const own = arts[key];
      const at = `/cues/articles/${key}`;
      put(a.headingCues, own.headingCues, `${at}/headingCues`, `heading cues of article ${key}`);
      // Key terms are English in articles.json (a plain list): another language's are read from its block (keyTermsIn).
      if (own.offenceScope !== undefined) put(a.offenceScope?.cues, own.offenceScope, `${at}/offenceScope`, `offence scope of article ${key}`);
      byId(a.elements, (e) => e.id, own.elements, `${at}/elements`, `element of article ${key}`, (e, id) => put(e.cues, own.elements![id], `${at}/elements/${seg(id)}`, `element '${id}'`));
    });
    byId(data.safeguards, (s) => s.id, block.safeguards, '/cues/safeguards', 'safeguard', (s, id) => put(s.cues, block.safeguards![id], `/cues/safeguards/${seg(id)}`, `safeguard '${id}'`));
    byId(data.definitions, (d) => d.id, block.definitions, '/cues/definitions', 'definition', (d, id) => {
      const own = block.definitions![id];
      byId(d.elements, (e) => e.id, own, `/cues/definitions/${seg(id)}`, `element of definition '${id}'`, (e, eid) => put(e.cues, own[eid], `/cues/definitions/${seg(id)}/${seg(eid)}`, `element '${eid}' of '${id}'`));
    });
    byId(data.lexicon, (c) => c.id, block.lexicon, '/cues/lexicon', 'word family', (c, id) => put(c.terms, block.lexicon![id], `/cues/lexicon/${seg(id)}`, `word family '${id}'`));
    byId(data.checks, (c) => c.code, block.checks, '/cues/checks', 'check code', (c, id) => {
      const own = block.checks![id];
      const at = `/cues/checks/${seg(id)}`;
      if (own.cues !== undefined) put((c.cues ??= { en: [] }), own.cues, `${at}/cues`, `cues of '${id}'`);
      if (own.firesOn !== undefined) put(c.firesOn, own.firesOn, `${at}/firesOn`, `firesOn of '${id}'`);
      if (own.limitedBy !== undefined) put(c.limitedBy, own.limitedBy, `${at}/limitedBy`, `limitedBy of '${id}'`);
      if (own.weakCues !== undefined) put((c.weakCues ??= {}) as Cues, own.weakCues, `${at}/weakCues`, `weakCues of '${id}'`);
    });
    const lex = data.checkLexicon;
    const own = block.checkLexicon ?? {};
    put(lex.vagueTerms, own.vagueTerms, '/cues/checkLexicon/vagueTerms', 'vagueTerms');
    put(lex.speechOffenceCues, own.speechOffenceCues, '/cues/checkLexicon/speechOffenceCues', 'speechOffenceCues');
    put(lex.offenceMarkers, own.offenceMarkers, '/cues/checkLexicon/offenceMarkers', 'offenceMarkers');
    if (own.complianceOffenceCues !== undefined) put((lex.complianceOffenceCues ??= { en: [] }), own.complianceOffenceCues, '/cues/checkLexicon/complianceOffenceCues', 'complianceOffenceCues');
    if (own.powerRefusal !== undefined) {
      if (!lex.powerRefusal) add(file, '/cues/checkLexicon/powerRefusal', 'data/checks.json has no powerRefusal lexicon');
      else put(lex.powerRefusal.cues, own.powerRefusal, '/cues/checkLexicon/powerRefusal', 'powerRefusal');
    }
    if (own.intentional !== undefined) put((lex.generalPartNotes ??= { intentional: { en: [] } }).intentional, own.intentional, '/cues/checkLexicon/intentional', 'generalPartNotes.intentional');
    if (own.negation !== undefined) {
      if (!lex.negation) add(file, '/cues/checkLexicon/negation', 'data/checks.json has no negation lexicon');
      else if (lex.negation[code] !== undefined) add(file, '/cues/checkLexicon/negation', `negation already has '${code}' words in data/checks.json: one home for each list`);
      else lex.negation[code] = own.negation;
    }
    byId(lex.outsideSubjects ?? [], (s) => s.subject, own.outsideSubjects, '/cues/checkLexicon/outsideSubjects', 'outside subject', (s, id) => put(s.cues, own.outsideSubjects![id], `/cues/checkLexicon/outsideSubjects/${seg(id)}`, `outside subject '${id}'`));
    byId(lex.powerVariants ?? [], (v) => v.id, own.powerVariants, '/cues/checkLexicon/powerVariants', 'power variant', (v, id) => {
      const w = own.powerVariants![id];
      const at = `/cues/checkLexicon/powerVariants/${seg(id)}`;
      put(v.cues, w.cues, `${at}/cues`, `cues of variant '${id}'`);
      if (w.unlessCues !== undefined) put((v.unlessCues ??= { en: [] }), w.unlessCues, `${at}/unlessCues`, `unlessCues of variant '${id}'`);
    });
    const fixes = block.quickFixes;
    if (fixes && data.quickFixes) {
      if (fixes.instruments !== undefined) {
        if (data.quickFixes.instruments[code] !== undefined) add(file, '/cues/quickFixes/instruments', `instruments already has '${code}' in data/model-clauses.json: one home for each list`);
        else data.quickFixes.instruments[code] = fixes.instruments;
      }
      for (const [id, text] of Object.entries(fixes.wording ?? {})) {
        const w = (data.quickFixes.wording[id] ??= {});
        if (w[code] !== undefined) add(file, `/cues/quickFixes/wording/${seg(id)}`, `wording of '${id}' already has '${code}' in data/model-clauses.json: one home for each list`);
        else w[code] = text;
      }
    } else if (fixes) add(file, '/cues/quickFixes', 'data/model-clauses.json has no fixes');
  }
}

/** An article's key terms in a language whose file gives them (English key terms are articles.json's own). */
export function keyTermsIn(data: ConventionData, article: number): Partial<Record<DraftLanguage, string[]>> {
  const out: Partial<Record<DraftLanguage, string[]>> = {};
  for (const l of data.languages) {
    const terms = l.cues?.articles?.[String(article)]?.keyTerms;
    if (terms) out[l.language] = terms;
  }
  return out;
}

/**
 * The matcher settings with each language file's matcher words (`cues.matcher`) added under its
 * code, as if data/matcher.json had them; a list matcher.json already has for the language stays
 * as it is (matcherClashes reports it). A new object: the settings given are not changed.
 */
export function withLanguageSettings(settings: MatcherSettings, languages: readonly LanguageData[]): MatcherSettings {
  const own = languages.filter((l) => l.cues?.matcher !== undefined);
  if (own.length === 0) return settings;
  const out: MatcherSettings = {
    ...settings,
    stopWords: { ...settings.stopWords },
    spelling: { ...settings.spelling },
    unstemmed: { ...settings.unstemmed },
    markers: settings.markers.map((m) => ({ ...m, cues: { ...m.cues } })),
    contexts: settings.contexts.map((m) => ({ ...m, cues: { ...m.cues } })),
    nonOperative: { ...(settings.nonOperative ?? { en: [] }) },
    routing: { ...(settings.routing ?? { en: [] }) },
    negatedAuthority: { ...(settings.negatedAuthority ?? { en: [] }) },
    presumption: { ...(settings.presumption ?? { en: [] }) },
    references: settings.references && {
      units: { ...settings.references.units },
      deictic: { ...settings.references.deictic },
      connectors: { ...settings.references.connectors },
      trailers: { ...settings.references.trailers },
      instruments: settings.references.instruments && { ...settings.references.instruments },
    },
  };
  for (const l of own) {
    const code = l.language;
    const m = l.cues!.matcher!;
    const set = <T>(target: Partial<Record<string, T>> | undefined, value: T | undefined): void => {
      if (target && value !== undefined && target[code] === undefined) target[code] = value;
    };
    set(out.stopWords, m.stopWords);
    set(out.spelling, m.spelling);
    set(out.unstemmed, m.unstemmed);
    set(out.nonOperative, m.nonOperative);
    set(out.routing, m.routing);
    set(out.negatedAuthority, m.negatedAuthority);
    set(out.presumption, m.presumption);
    for (const [list, byKind] of [
      [out.markers, m.markers],
      [out.contexts, m.contexts],
    ] as const) {
      for (const [kind, words] of Object.entries(byKind ?? {})) {
        for (const entry of list) if (entry.kinds.includes(kind)) entry.cues[code] = [...(entry.cues[code] ?? []), ...words];
      }
    }
    if (out.references) {
      const r = m.references ?? {};
      set(out.references.units, r.units);
      set(out.references.deictic, r.deictic);
      set(out.references.connectors, r.connectors);
      set(out.references.trailers, r.trailers);
      if (r.instruments !== undefined) set((out.references.instruments ??= { en: [] }), r.instruments);
    }
  }
  return out;
}

/** Lists a language file's `cues.matcher` gives that data/matcher.json has for its language too (one home for each list). */
export function matcherClashes(settings: MatcherSettings, languages: readonly LanguageData[]): { file: string; jsonPath: string; message: string }[] {
  const out: { file: string; jsonPath: string; message: string }[] = [];
  for (const l of languages) {
    const m = l.cues?.matcher;
    if (!m) continue;
    const code = l.language;
    const lists: [string, unknown, Partial<Record<string, unknown>> | undefined][] = [
      ['stopWords', m.stopWords, settings.stopWords],
      ['spelling', m.spelling, settings.spelling],
      ['unstemmed', m.unstemmed, settings.unstemmed],
      ['nonOperative', m.nonOperative, settings.nonOperative],
      ['routing', m.routing, settings.routing],
      ['negatedAuthority', m.negatedAuthority, settings.negatedAuthority],
      ['presumption', m.presumption, settings.presumption],
      ...(['units', 'deictic', 'connectors', 'trailers', 'instruments'] as const).map((k): [string, unknown, Partial<Record<string, unknown>> | undefined] => [`references/${k}`, m.references?.[k], settings.references?.[k]]),
      ...Object.keys(m.markers ?? {}).map((k): [string, unknown, Partial<Record<string, unknown>> | undefined] => [`markers/${k}`, true, settings.markers.find((e) => e.kinds.includes(k))?.cues]),
      ...Object.keys(m.contexts ?? {}).map((k): [string, unknown, Partial<Record<string, unknown>> | undefined] => [`contexts/${k}`, true, settings.contexts.find((e) => e.kinds.includes(k))?.cues]),
    ];
    for (const [name, given, theirs] of lists) {
      if (given !== undefined && theirs?.[code] !== undefined) out.push({ file: `languages/${code}.json`, jsonPath: `/cues/matcher/${name}`, message: `data/matcher.json has '${code}' ${name.replace('/', ' ')} too: one home for each list` });
    }
  }
  return out;
}
