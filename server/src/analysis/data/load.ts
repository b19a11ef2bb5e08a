// Loads data/*.json, validates each file against its JSON Schema in data/schema/
// and checks that the files agree with one another. Never throws (except
// getConventionData, when the shipped data is broken).
// The schemas are always the extension's own (the bundled data/schema/), whatever data folder is
// loaded: a data folder cannot loosen its own validation.

import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { MatcherSettings } from '../matcherSettings';
import { BASE_LANGUAGE, MAX_LANGUAGES, mergeLanguageCues } from './languages';
import type {
  Article,
  BudapestArticle,
  CheckCode,
  CheckLexicon,
  ConventionData,
  Definition,
  LanguageData,
  LexiconConcept,
  MessageCatalog,
  ModelClause,
  QuickFixWording,
  Safeguard,
} from './types';

export interface DataProblem {
  /** File relative to the project, e.g. "data/articles.json". */
  file: string;
  /** JSON pointer into the file (ajv's instancePath), "/" for the whole file. */
  jsonPath: string;
  message: string;
}

/** The data files, their schema and the key that holds their content. */
const FILES = {
  articles: 'articles.json',
  safeguards: 'safeguards.json',
  definitions: 'definitions.json',
  lexicons: 'lexicons.json',
  checks: 'checks.json',
  modelClauses: 'model-clauses.json',
  budapest: 'budapest.json',
} as const;
type FileKey = keyof typeof FILES;

/** The folder of per-language files (data/languages/<code>.json) and their one schema. */
const LANGUAGES_DIR = 'languages';
const LANGUAGE_SCHEMA = 'language.schema.json';
/** Every language file is a language the analysis detects and matches (DraftLanguage); the base one must be there. */
const REQUIRED_LANGUAGES = [BASE_LANGUAGE];
/** The folder of messages per language (data/messages/<locale>.json), their schema and the languages there are. */
const MESSAGES_DIR = 'messages';
const MESSAGES_SCHEMA = 'messages.schema.json';
const MESSAGE_LOCALES = ['en', 'es', 'fr'];

/** One line: `data/articles.json at /articles/26/elements/0/cues: must have required property 'en'`. */
export function formatProblem(p: DataProblem): string {
  return `${p.file} at ${p.jsonPath}: ${p.message}`;
}

/** Walks up from `from` to the first folder that contains data/articles.json; returns that data folder. */
export function findDataDir(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, FILES.articles))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(path.resolve(from), 'data');
    dir = parent;
  }
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function parseError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /at position (\d+)/.exec(msg);
  const where = m ? lineColumn(text, Number(m[1])) : /unexpected end/i.test(msg) ? lineColumn(text, text.length) : '';
  return `not valid JSON${where ? ` (${where})` : ''}: ${msg}`;
}

/** The extension's own schema folder (next to its bundled data), never a loaded data folder's. */
export function bundledSchemaDir(): string {
  return path.join(findDataDir(), 'schema');
}

/** The validators scripts/validators.mjs compiled at build time, beside the running bundle (out/validators.js). */
const PRECOMPILED = 'validators.js';

/**
 * The build's compiled validator of a bundled schema, when the schema file is still the one it was
 * compiled from (same SHA-256); else undefined, and the schema is compiled now. Ajv compiling the
 * schemas was a third of the start-up of a command (about 0.3 s).
 */
function precompiledValidator(schemaName: string): ValidateFunction | undefined {
  let mod: { schemaHashes?: Record<string, string> } & Record<string, unknown>;
  try {
    mod = createRequire(__filename)(path.join(__dirname, PRECOMPILED)) as typeof mod;
  } catch {
    return undefined; // not built (tests run the compiled sources): compile
  }
  const validate = mod[schemaName];
  const hash = mod.schemaHashes?.[schemaName];
  if (typeof validate !== 'function' || !hash) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.join(bundledSchemaDir(), schemaName), 'utf8');
  } catch {
    return undefined; // compiling names the problem
  }
  return createHash('sha256').update(text).digest('hex') === hash ? (validate as ValidateFunction) : undefined;
}

/** The validators of one load, by schema name: the build's when current, else compiled by an Ajv made only then. */
class Validators {
  private ajv: Ajv | undefined;
  private readonly made = new Map<string, ValidateFunction>();

  /** Throws when the bundled schema cannot be read or compiled. */
  get(schemaName: string): ValidateFunction {
    let v = this.made.get(schemaName);
    if (!v) {
      v = precompiledValidator(schemaName) ?? (this.ajv ??= new Ajv({ allErrors: true, strict: false })).compile({ ...JSON.parse(fs.readFileSync(path.join(bundledSchemaDir(), schemaName), 'utf8')), $id: schemaName });
      this.made.set(schemaName, v);
    }
    return v;
  }
}

/**
 * Reads `name` from the data folder and validates it against the bundled schema; the parsed JSON,
 * or undefined with the problems added (file and JSON path in each).
 */
function readValidated(
  dataDir: string,
  name: string,
  ajv: Validators,
  add: (name: string, jsonPath: string, message: string) => void,
  addSchema: (file: string, message: string) => void,
  schemaName = name.replace(/\.json$/, '.schema.json'),
): unknown {
  const file = path.join(dataDir, name);
  let text: string;
  let json: unknown;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    add(name, '/', `cannot read the file: ${(err as Error).message}`);
    return undefined;
  }
  try {
    json = JSON.parse(text);
  } catch (err) {
    add(name, '/', parseError(text, err));
    return undefined;
  }
  let validate;
  try {
    validate = ajv.get(schemaName);
  } catch (err) {
    addSchema(schemaName, `cannot load the schema: ${(err as Error).message}`);
    return undefined;
  }
  if (!validate(json)) {
    for (const e of validate.errors ?? []) add(name, e.instancePath, ajvMessage(e));
    return undefined;
  }
  return json;
}

export function loadConventionData(dataDir: string = findDataDir()): { data?: ConventionData; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const rel = (name: string) => `${path.basename(dataDir)}/${name}`;
  const add = (name: string, jsonPath: string, message: string) => problems.push({ file: rel(name), jsonPath: jsonPath || '/', message });
  const addSchema = (name: string, message: string) => problems.push({ file: `schema/${name} (bundled)`, jsonPath: '/', message });

  const ajv = new Validators();
  const content: Partial<Record<FileKey, any>> = {};

  for (const [key, name] of Object.entries(FILES) as [FileKey, string][]) {
    const json = readValidated(dataDir, name, ajv, add, addSchema);
    if (json !== undefined) content[key] = json;
  }
  const languages = loadLanguages(dataDir, ajv, add, addSchema);
  const messages = loadMessages(dataDir, ajv, add, addSchema);
  if (problems.length) return { problems };

  const data: ConventionData = {
    chapters: content.articles.chapters,
    articles: content.articles.articles as Article[],
    safeguards: content.safeguards.safeguards as Safeguard[],
    definitions: content.definitions.definitions as Definition[],
    lexicon: content.lexicons.concepts as LexiconConcept[],
    checks: content.checks.codes as CheckCode[],
    checkLexicon: content.checks.lexicon as CheckLexicon,
    modelClauses: content.modelClauses.clauses as ModelClause[],
    quickFixes: content.modelClauses.fixes as QuickFixWording | undefined,
    budapest: content.budapest.articles as BudapestArticle[],
    languages,
    messages,
  };
  try {
    // A language's cues in its own file join the main files' cue maps (data/languages.ts).
    mergeLanguageCues(data, add);
    crossCheck(data, (key, p, m) => add(FILES[key], p, m));
  } catch (err) {
    // The schemas should rule this out; if a shape still slips through, it is a problem, not a crash.
    add('articles.json', '/', `the data files do not fit together: ${(err as Error).message}`);
  }
  // Messages name check codes of checks.json.
  const codes = new Set(data.checks.map((c) => c.code));
  for (const [locale, catalog] of Object.entries(messages)) {
    for (const code of Object.keys(catalog?.codes ?? {})) if (!codes.has(code)) add(`${MESSAGES_DIR}/${locale}.json`, `/codes/${code}`, `'${code}' is not a check code`);
  }
  return problems.length ? { problems } : { data, problems };
}

/**
 * data/messages/<locale>.json, each validated against the bundled messages schema. A data folder
 * without a messages folder (a lawyer's copy of the older files) uses the bundled messages; en.json
 * must be there (the English templates). A template may use only the placeholders its English has.
 */
function loadMessages(
  dataDir: string,
  ajv: Validators,
  add: (name: string, jsonPath: string, message: string) => void,
  addSchema: (file: string, message: string) => void,
): Partial<Record<string, MessageCatalog>> {
  const own = fs.existsSync(path.join(dataDir, MESSAGES_DIR));
  const dir = own ? dataDir : findDataDir();
  // Problems of the bundled messages are named as such (the data folder has none).
  const addTo = own ? add : (name: string, jsonPath: string, message: string) => addSchema(name, `${jsonPath}: ${message}`);
  const out: Partial<Record<string, MessageCatalog>> = {};
  for (const locale of MESSAGE_LOCALES) {
    const name = `${MESSAGES_DIR}/${locale}.json`;
    if (locale !== 'en' && !fs.existsSync(path.join(dir, name))) continue;
    const catalog = readValidated(dir, name, ajv, addTo, addSchema, MESSAGES_SCHEMA) as MessageCatalog | undefined;
    if (catalog === undefined) continue;
    if (catalog.locale !== locale) addTo(name, '/locale', `locale '${catalog.locale}' is not the file's name`);
    out[locale] = catalog;
  }
  const en = out.en?.text ?? {};
  const highest = (t: string) => Math.max(-1, ...[...t.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
  for (const locale of MESSAGE_LOCALES) {
    const c = out[locale];
    if (!c || locale === 'en') continue;
    for (const [key, t] of Object.entries(c.text)) {
      const path_ = `/text/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(key in en)) addTo(`${MESSAGES_DIR}/${locale}.json`, path_, `'${key}' is not a key of ${MESSAGES_DIR}/en.json`);
      else if (highest(t) > highest(en[key])) addTo(`${MESSAGES_DIR}/${locale}.json`, path_, `uses {${highest(t)}}, but the English has only ${highest(en[key]) < 0 ? 'no placeholder' : `{0} to {${highest(en[key])}}`}`);
    }
  }
  return out;
}

/** data/languages/*.json in file-name order, each validated against the bundled language schema; problems are added with `add`. */
function loadLanguages(
  dataDir: string,
  ajv: Validators,
  add: (name: string, jsonPath: string, message: string) => void,
  addSchema: (file: string, message: string) => void,
): LanguageData[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(dataDir, LANGUAGES_DIR)).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    add(LANGUAGES_DIR, '/', `cannot read the folder: ${(err as Error).message}`);
    return [];
  }
  const out: LanguageData[] = [];
  for (const f of names) {
    const name = `${LANGUAGES_DIR}/${f}`;
    const lang = readValidated(dataDir, name, ajv, add, addSchema, LANGUAGE_SCHEMA) as LanguageData | undefined;
    if (lang === undefined) continue;
    if (`${lang.language}.json` !== f) add(name, '/language', `language '${lang.language}' is not the file's name`);
    out.push(lang);
  }
  for (const code of REQUIRED_LANGUAGES) {
    if (!names.includes(`${code}.json`)) add(`${LANGUAGES_DIR}/${code}.json`, '/', 'missing: the analysis needs this language');
  }
  if (out.length > MAX_LANGUAGES) add(LANGUAGES_DIR, '/', `${out.length} languages: the analysis takes at most ${MAX_LANGUAGES}`);
  // A stop word of two languages would count for one only.
  const seen = new Map<string, string>();
  for (const lang of out) {
    (lang.stopWords ?? []).forEach((w, i) => {
      const other = seen.get(w);
      if (other !== undefined) add(`${LANGUAGES_DIR}/${lang.language}.json`, `/stopWords/${i}`, `'${w}' is a stop word of '${other}' too`);
      else seen.set(w, lang.language);
    });
  }
  return out;
}

/** data/matcher.json of the data folder, validated against the bundled matcher schema. Never throws. */
export function loadMatcherSettings(dataDir: string = findDataDir()): { settings?: MatcherSettings; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const add = (name: string, jsonPath: string, message: string) => problems.push({ file: `${path.basename(dataDir)}/${name}`, jsonPath: jsonPath || '/', message });
  const addSchema = (name: string, message: string) => problems.push({ file: `schema/${name} (bundled)`, jsonPath: '/', message });
  const json = readValidated(dataDir, 'matcher.json', new Validators(), add, addSchema);
  return json === undefined ? { problems } : { settings: json as MatcherSettings, problems };
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `must NOT have additional property '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'enum') return `${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/** Base article number of a Budapest reference such as "18(3)" or "9(2)-(3)". */
export function budapestBase(ref: string): string {
  return /^\d+/.exec(ref)?.[0] ?? ref;
}

/** Checks that the files agree: every reference resolves, numbering is complete. */
function crossCheck(d: ConventionData, add: (file: FileKey, jsonPath: string, message: string) => void): void {
  const numbers = new Set<number>();
  const safeguardIds = new Set(d.safeguards.map((s) => s.id));
  const budapestIds = new Set(d.budapest.map((b) => b.article));
  const codes = new Set<string>();

  d.articles.forEach((a, i) => {
    const at = `/articles/${i}`;
    if (numbers.has(a.article)) add('articles', `${at}/article`, `article ${a.article} appears more than once`);
    numbers.add(a.article);
    const ch = d.chapters.find((c) => a.article >= c.articles[0] && a.article <= c.articles[1]);
    if (!ch) add('articles', `${at}/article`, `article ${a.article} is in no chapter's range`);
    else if (ch.chapter !== a.chapter) add('articles', `${at}/chapter`, `article ${a.article} says chapter ${a.chapter}, but chapter ${ch.chapter} covers it`);
    a.readWith.forEach((n, j) => {
      if (n === a.article) add('articles', `${at}/readWith/${j}`, `article ${a.article} is read with itself`);
    });
    a.safeguards.forEach((id, j) => {
      if (!safeguardIds.has(id)) add('articles', `${at}/safeguards/${j}`, `unknown safeguard id '${id}'`);
    });
    a.budapest.forEach((ref, j) => {
      if (!budapestIds.has(budapestBase(ref))) add('articles', `${at}/budapest/${j}`, `Budapest article ${ref} is not in data/budapest.json`);
    });
    const ids = new Set<string>();
    a.elements.forEach((e, j) => {
      if (ids.has(e.id)) add('articles', `${at}/elements/${j}/id`, `element id '${e.id}' appears twice in article ${a.article}`);
      ids.add(e.id);
    });
    if (a.needsDomesticProvision && a.headingCues.en.length < 2) {
      add('articles', `${at}/headingCues/en`, `article ${a.article} needs a domestic provision but has fewer than 2 English heading cues`);
    }
    if (a.needsDomesticProvision && (a.kind === 'offence' || a.kind === 'procedural-power') && !d.modelClauses.some((m) => m.article === a.article)) {
      add('modelClauses', '/clauses', `article ${a.article} needs a domestic provision but has no model clause`);
    }
  });
  // readWith after all numbers are known.
  d.articles.forEach((a, i) =>
    a.readWith.forEach((n, j) => {
      if (!numbers.has(n)) add('articles', `/articles/${i}/readWith/${j}`, `read-with article ${n} does not exist`);
    }),
  );
  const missing = [...Array(68).keys()].map((k) => k + 1).filter((n) => !numbers.has(n));
  if (missing.length) add('articles', '/articles', `articles missing: ${missing.join(', ')}`);
  let next = 1;
  d.chapters.forEach((c, i) => {
    if (c.articles[0] !== next) add('articles', `/chapters/${i}/articles/0`, `chapter ${c.chapter} starts at ${c.articles[0]}, expected ${next}`);
    next = c.articles[1] + 1;
  });
  if (next !== 69) add('articles', '/chapters', `chapters end at article ${next - 1}, expected 68`);

  d.safeguards.forEach((s, i) => {
    s.appliesTo.forEach((n, j) => {
      if (n !== '*' && !numbers.has(n)) add('safeguards', `/safeguards/${i}/appliesTo/${j}`, `article ${n} does not exist`);
    });
  });
  if (safeguardIds.size !== d.safeguards.length) add('safeguards', '/safeguards', 'safeguard ids are not unique');

  const defIds = new Set<string>();
  d.definitions.forEach((def, i) => {
    if (defIds.has(def.id)) add('definitions', `/definitions/${i}/id`, `definition id '${def.id}' appears twice`);
    defIds.add(def.id);
    if (def.budapest && !budapestIds.has(budapestBase(def.budapest.article))) {
      add('definitions', `/definitions/${i}/budapest/article`, `Budapest article ${def.budapest.article} is not in data/budapest.json`);
    }
  });

  d.checks.forEach((c, i) => {
    const at = `/codes/${i}`;
    if (codes.has(c.code)) add('checks', `${at}/code`, `check code '${c.code}' appears twice`);
    codes.add(c.code);
    if (c.code.split('.')[0] !== c.family) add('checks', `${at}/family`, `family '${c.family}' does not match code '${c.code}'`);
    c.appliesTo.forEach((n, j) => {
      if (!numbers.has(n)) add('checks', `${at}/appliesTo/${j}`, `article ${n} does not exist`);
    });
    (c.safeguards ?? []).forEach((id, j) => {
      if (!safeguardIds.has(id)) add('checks', `${at}/safeguards/${j}`, `unknown safeguard id '${id}'`);
    });
  });

  const clauseArticles = new Set<number>();
  d.modelClauses.forEach((m, i) => {
    const at = `/clauses/${i}`;
    const art = d.articles.find((a) => a.article === m.article);
    if (clauseArticles.has(m.article)) add('modelClauses', `${at}/article`, `article ${m.article} has more than one model clause`);
    clauseArticles.add(m.article);
    if (!art) {
      add('modelClauses', `${at}/article`, `article ${m.article} does not exist`);
      return;
    }
    for (const key of Object.keys(m.snippets)) {
      if (!safeguardIds.has(key) && !codes.has(key) && !art.elements.some((e) => e.id === key)) {
        add('modelClauses', `${at}/snippets/${key}`, `'${key}' is neither a safeguard id, a check code nor an element of article ${m.article}`);
      }
    }
  });

  d.checks.forEach((c, i) => {
    if (c.notInClauseOf && !codes.has(c.notInClauseOf)) add('checks', `/codes/${i}/notInClauseOf`, `'${c.notInClauseOf}' is not a check code`);
  });
  for (const code of Object.keys(d.quickFixes?.wording ?? {})) {
    if (!codes.has(code)) add('modelClauses', `/fixes/wording/${code}`, `'${code}' is not a check code`);
  }

  const budapestSeen = new Set<string>();
  d.budapest.forEach((b, i) => {
    if (budapestSeen.has(b.article)) add('budapest', `/articles/${i}/article`, `Budapest article ${b.article} appears twice`);
    budapestSeen.add(b.article);
  });
}

let cached: ConventionData | undefined;

/** The shipped data, loaded once. Throws (with every problem, one per line) if it is broken. */
export function getConventionData(): ConventionData {
  if (cached) return cached;
  const { data, problems } = loadConventionData(findDataDir());
  if (!data) throw new Error(`Concordance data is broken:\n${problems.map(formatProblem).join('\n')}`);
  cached = data;
  return data;
}

const articlesByNumber = new WeakMap<ConventionData, Map<number, Article>>();

/** The Convention's article with that number, if there is one (looked up per section and reference: a map per data). */
export function articleByNumber(data: ConventionData, n: number): Article | undefined {
  let byNumber = articlesByNumber.get(data);
  if (!byNumber) articlesByNumber.set(data, (byNumber = new Map(data.articles.map((a) => [a.article, a]))));
  return byNumber.get(n);
}

export function safeguardById(data: ConventionData, id: string): Safeguard | undefined {
  return data.safeguards.find((s) => s.id === id);
}

export function modelClauseFor(data: ConventionData, n: number): ModelClause | undefined {
  return data.modelClauses.find((m) => m.article === n);
}

export function budapestArticle(data: ConventionData, ref: string): BudapestArticle | undefined {
  return data.budapest.find((b) => b.article === budapestBase(ref));
}
