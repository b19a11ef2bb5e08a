// data/*/types.ts agrees with data/schema/*.json: for each type that mirrors a schema object (the
// pairs below), the same keys, and a key required by the schema exactly when the type does not
// mark it optional — all the way down through nested objects and lists. A field added to a schema
// and not to its type (or the other way round) fails here, not at run time.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { findDataDir } from '../../src/analysis/data/load';

const dataDir = findDataDir(__dirname);
const root = path.dirname(dataDir);
const TYPES = path.join(root, 'server', 'src', 'analysis', 'data', 'types.ts');
const MATCHER = path.join(root, 'server', 'src', 'analysis', 'matcherSettings.ts');

/** Schema file, JSON pointer of an object schema in it, and the type that mirrors it. */
const PAIRS: [schema: string, pointer: string, file: string, type: string][] = [
  ['articles', '/definitions/cues', TYPES, 'Cues'],
  ['articles', '/definitions/chapter', TYPES, 'Chapter'],
  ['articles', '/definitions/paragraph', TYPES, 'Paragraph'],
  ['articles', '/definitions/element', TYPES, 'Element'],
  ['articles', '/definitions/article', TYPES, 'Article'],
  ['budapest', '/definitions/article', TYPES, 'BudapestArticle'],
  ['checks', '/definitions/code', TYPES, 'CheckCode'],
  ['checks', '/definitions/lexicon', TYPES, 'CheckLexicon'],
  ['definitions', '/definitions/definition', TYPES, 'Definition'],
  ['language', '', TYPES, 'LanguageData'],
  ['lexicons', '/definitions/concept', TYPES, 'LexiconConcept'],
  ['model-clauses', '/definitions/clause', TYPES, 'ModelClause'],
  ['model-clauses', '/definitions/fixes', TYPES, 'QuickFixWording'],
  ['safeguards', '/definitions/safeguard', TYPES, 'Safeguard'],
  ['matcher', '', MATCHER, 'MatcherSettings'],
];

/** Object schemas with no type of their own, and why (none today: each is paired or reached from a pair). */
const NOT_PAIRED: Record<string, string> = {};

type Schema = { [k: string]: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; $ref?: string };

const schemas = new Map<string, Schema>();
const schemaOf = (name: string): Schema => {
  let s = schemas.get(name);
  if (!s) schemas.set(name, (s = JSON.parse(fs.readFileSync(path.join(dataDir, 'schema', `${name}.schema.json`), 'utf8')) as Schema));
  return s;
};
const at = (s: Schema, pointer: string): Schema => pointer.split('/').slice(1).reduce<Schema>((n, k) => (n as Record<string, Schema>)[k], s);

const program = ts.createProgram([TYPES, MATCHER], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();

function exported(file: string, name: string): ts.Type {
  const sf = program.getSourceFile(file);
  assert.ok(sf, file);
  const sym = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!).find((s) => s.name === name);
  assert.ok(sym, `${name} in ${file}`);
  return checker.getDeclaredTypeOfSymbol(sym);
}

/** The schema an object value is read by: through $ref and list items. */
function objectSchema(file: Schema, s: Schema): Schema | undefined {
  for (let n: Schema | undefined = s, i = 0; n && i < 10; i++) {
    if (n.$ref) n = at(file, n.$ref.replace(/^#/, ''));
    else if (n.items) n = n.items;
    else return n.properties ? n : undefined;
  }
  return undefined;
}

/** The object type a value has: without undefined, through lists. */
function objectType(t: ts.Type): ts.Type | undefined {
  for (let i = 0; i < 10; i++) {
    if (t.isUnion()) {
      const rest = t.types.filter((x) => !(x.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (rest.length !== 1) return undefined;
      t = rest[0];
    } else if (checker.isArrayType(t)) t = checker.getTypeArguments(t as ts.TypeReference)[0];
    else return t.flags & ts.TypeFlags.Object && checker.getPropertiesOfType(t).length > 0 ? t : undefined;
  }
  return undefined;
}

function compare(file: Schema, s: Schema, t: ts.Type, where: string, out: string[]): void {
  const schemaKeys = Object.keys(s.properties ?? {}).filter((k) => k !== '$schema');
  const required = new Set(s.required ?? []);
  const props = new Map(checker.getPropertiesOfType(t).map((p) => [p.name, p] as const));
  for (const k of schemaKeys) {
    const p = props.get(k);
    if (!p) {
      if (k !== 'about') out.push(`${where}.${k}: in the schema, not in the type`);
      continue;
    }
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
    if (required.has(k) === optional) out.push(`${where}.${k}: ${required.has(k) ? 'required by the schema, optional in the type' : 'optional in the schema, required by the type'}`);
    const inner = objectSchema(file, s.properties![k]);
    const innerType = objectType(checker.getTypeOfSymbol(p));
    if (inner && innerType) compare(file, inner, innerType, `${where}.${k}`, out);
  }
  for (const k of props.keys()) if (!schemaKeys.includes(k)) out.push(`${where}.${k}: in the type, not in the schema`);
}

describe('data types agree with the schemas', () => {
  for (const [schema, pointer, file, type] of PAIRS) {
    it(`${type} (${path.basename(file)}) is data/schema/${schema}.schema.json#${pointer}`, () => {
      const s = schemaOf(schema);
      const node = pointer ? at(s, pointer) : s;
      assert.ok(node?.properties, 'an object schema');
      const out: string[] = [];
      compare(s, node, exported(file, type), type, out);
      assert.deepStrictEqual(out, []);
    });
  }

  it('every object schema of a definitions section has its type (or is listed as read as another)', () => {
    const paired = new Set(PAIRS.map(([s, p]) => `${s} ${p}`));
    // Reached from a paired schema (nested), or paired itself.
    const reached = new Set<string>(paired);
    for (const [schema, pointer] of PAIRS) {
      const s = schemaOf(schema);
      const walk = (n: Schema | undefined): void => {
        if (!n || typeof n !== 'object') return;
        if (typeof n.$ref === 'string') {
          const key = `${schema} ${n.$ref.replace(/^#/, '')}`;
          if (reached.has(key) && !paired.has(key)) return;
          reached.add(key);
          if (!paired.has(key)) walk(at(s, n.$ref.replace(/^#/, '')));
          return;
        }
        for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v as Schema);
      };
      walk(pointer ? at(s, pointer) : s);
    }
    const missing: string[] = [];
    for (const f of fs.readdirSync(path.join(dataDir, 'schema'))) {
      const name = f.replace(/\.schema\.json$/, '');
      const defs = (schemaOf(name).definitions ?? {}) as Record<string, Schema>;
      for (const [k, d] of Object.entries(defs)) {
        const key = `${name} /definitions/${k}`;
        if (d.properties && !reached.has(key) && !(key in NOT_PAIRED)) missing.push(key);
      }
    }
    assert.deepStrictEqual(missing, []);
  });
});
