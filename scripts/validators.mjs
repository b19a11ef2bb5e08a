// Compiles data/schema/*.schema.json into out/validators.js with Ajv's standalone code: the same
// validators loadConventionData would compile at every start (the same Ajv options), written once
// at build time, with each schema's SHA-256. load.ts uses a validator from it only when its schema
// file still has that hash; otherwise (a schema changed since the build, tests run from build/) it
// compiles the schema as before.
import { createHash } from 'crypto';
import { build } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';

const standaloneCode = standalone.default ?? standalone;

/** Writes `outfile` (a CommonJS bundle: Ajv's runtime helpers included). Options as in load.ts's loadConventionData. */
export async function buildValidators(schemaDir, outfile, common) {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  const hashes = {};
  const names = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
  for (const name of names) {
    const text = fs.readFileSync(path.join(schemaDir, name), 'utf8');
    hashes[name] = createHash('sha256').update(text).digest('hex');
    ajv.addSchema({ ...JSON.parse(text), $id: name });
  }
  const code = standaloneCode(ajv, Object.fromEntries(names.map((n) => [n, n]))) + `\nexports.schemaHashes = ${JSON.stringify(hashes)};\n`;
  await build({ ...common, stdin: { contents: code, resolveDir: process.cwd(), loader: 'js', sourcefile: 'validators.js' }, outfile, sourcemap: false });
}
