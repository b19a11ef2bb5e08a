// out/validators.js (scripts/validators.mjs: the data's JSON Schemas compiled by Ajv at build time,
// which load.ts uses instead of compiling them at every start) is current and says exactly what
// the schemas compiled at run time say, of the shipped data and of data made wrong in many places.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ValidateFunction } from 'ajv';

const ROOT = path.resolve(__dirname, '../../../..');
const SCHEMAS = path.join(ROOT, 'data/schema');

/** Each data file with its schema. */
function dataFiles(): { file: string; schema: string }[] {
  const out: { file: string; schema: string }[] = [];
  for (const f of fs.readdirSync(path.join(ROOT, 'data')).filter((f) => f.endsWith('.json'))) out.push({ file: f, schema: f.replace(/\.json$/, '.schema.json') });
  for (const f of fs.readdirSync(path.join(ROOT, 'data/languages'))) out.push({ file: `languages/${f}`, schema: 'language.schema.json' });
  for (const f of fs.readdirSync(path.join(ROOT, 'data/messages'))) out.push({ file: `messages/${f}`, schema: 'messages.schema.json' });
  return out;
}

/** Copies of `json`, each wrong in one place: a value of another type, a key taken out, a stray key. */
function* spoilt(json: unknown): Generator<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (paths.length > 400) return;
    paths.push(at);
    if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const k of Object.keys(v).slice(0, 8)) walk((v as Record<string, unknown>)[k], [...at, k]);
  };
  walk(json, []);
  for (const at of paths.filter((_p, i) => i % 3 === 0)) {
    for (const change of ['type', 'delete', 'stray'] as const) {
      const copy = JSON.parse(JSON.stringify(json)) as Record<string | number, unknown>;
      let holder: Record<string | number, unknown> = copy;
      for (const k of at.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
      const key = at[at.length - 1];
      if (key === undefined) continue;
      const value = holder[key];
      if (change === 'type') holder[key] = typeof value === 'string' ? 7 : typeof value === 'number' ? 'seven' : Array.isArray(value) ? {} : value && typeof value === 'object' ? [] : 'x';
      else if (change === 'delete') {
        if (Array.isArray(holder)) continue;
        delete holder[key];
      } else {
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
        (value as Record<string, unknown>).strayKey = true;
      }
      yield copy;
    }
  }
}

describe('the data validators compiled at build time (out/validators.js)', function () {
  this.timeout(120_000);
  const built = path.join(ROOT, 'out/validators.js');
  let precompiled: Record<string, unknown> & { schemaHashes: Record<string, string> };

  before(() => {
    assert.ok(fs.existsSync(built), 'out/validators.js is missing: run "npm run build"');
    precompiled = require(built);
  });

  it('were compiled from the schemas as they are (the loader uses one only when its hash matches)', () => {
    const names = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort();
    assert.deepStrictEqual(Object.keys(precompiled.schemaHashes).sort(), names);
    for (const n of names) assert.strictEqual(precompiled.schemaHashes[n], createHash('sha256').update(fs.readFileSync(path.join(SCHEMAS, n), 'utf8')).digest('hex'), n);
  });

  it('find the same problems as the schemas compiled now, in the shipped data and in data spoilt in many places', () => {
    // As load.ts compiles them.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const compiled = (schema: string) => ajv.getSchema(schema) ?? ajv.compile({ ...JSON.parse(fs.readFileSync(path.join(SCHEMAS, schema), 'utf8')), $id: schema });
    let invalid = 0;
    for (const { file, schema } of dataFiles()) {
      const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', file), 'utf8')) as unknown;
      const now = compiled(schema);
      const before = precompiled[schema] as ValidateFunction;
      const said = (v: ValidateFunction, data: unknown) => (v(data) ? [] : (v.errors ?? []).map((e) => ({ ...e })));
      assert.deepStrictEqual(said(before, json), [], `${file} is valid`);
      for (const bad of spoilt(json)) {
        const expected = said(now, bad);
        if (expected.length) invalid++;
        assert.deepStrictEqual(said(before, bad), expected, file);
      }
    }
    assert.ok(invalid > 200, `${invalid} spoilt copies were invalid`);
  });
});
