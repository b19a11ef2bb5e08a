// SARIF 2.1.0 output, validated against the OASIS schema as published on the npm registry
// (@microsoft/jest-sarif ships sarif-2.1.0-rtm.5.json, the final 2.1.0 schema).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { createAnalyzer } from '../../src/analysis/engine';
import { writeSarif, type ReportDocument } from '../../src/analysis/report';
import { FRENCH_DRAFT, SPANISH_DRAFT } from './helpers/formatDrafts';

const ROOT = path.resolve(__dirname, '../../../..');
const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

function sarifValidator() {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', { paths: [ROOT] });
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  // A draft-04 schema: its "id" is "$id" in the later drafts ajv 8 reads; nothing else differs here.
  delete schema.id;
  delete schema.$schema;
  // Its language-tag pattern is not valid with the "u" flag ajv uses by default.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const compiled = ajv.compile(schema);
  const check = (log: unknown): boolean => compiled(log);
  return Object.assign(check, { get errors() { return compiled.errors; } });
}

async function sarifOf(docs: ReportDocument[]): Promise<{ log: any; text: string }> {
  const parts: string[] = [];
  await writeSarif(docs, analyzer!.data, { version: '9.9.9', helpUri: (c) => `https://example.org/checks#${c}`, artifactUri: (f) => f }, (s) => parts.push(s));
  const text = parts.join('');
  return { log: JSON.parse(text), text };
}

function doc(file: string, text: string, extra: Partial<ReportDocument> = {}): ReportDocument {
  return { file, text, analysis: analyzer!.analyze(text), format: 'text', encoding: 'UTF-8', notices: [], ...extra };
}

describe('SARIF 2.1.0', () => {
  const validate = sarifValidator();
  const bill = fs.readFileSync(path.join(ROOT, 'examples/cybercrime-bill.draft'), 'utf8');

  it('is valid against the schema for drafts with findings, notices and no provisions', async () => {
    const { log } = await sarifOf([
      doc('examples/cybercrime-bill.draft', bill),
      doc('ley.txt', SPANISH_DRAFT, { encoding: 'Windows-1252', notices: ['not valid UTF-8: read as Windows-1252'] }),
      doc('loi.akn', FRENCH_DRAFT, { format: 'akn', anchors: [{ start: 0, end: FRENCH_DRAFT.length, eId: 'body' }] }),
      doc('memo.txt', 'No provisions here.\n'),
    ]);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.strictEqual(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 10);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications.map((n: any) => n.message.text);
    assert.ok(notes.some((t: string) => /ley\.txt: not valid UTF-8/.test(t)), notes.join('\n'));
    assert.ok(notes.some((t: string) => /memo\.txt: no provisions found/.test(t)), notes.join('\n'));
  });

  it('the validator does reject a broken log (the check can fail)', async () => {
    const { log } = await sarifOf([doc('b.draft', bill)]);
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.ok(!validate(log));
    const { log: log2 } = await sarifOf([doc('b.draft', bill)]);
    log2.runs[0].results[0].level = 'fatal';
    assert.ok(!validate(log2));
  });

  it('has one rule per diagnostic code with its help link and default level', async () => {
    const { log } = await sarifOf([doc('b.draft', bill)]);
    const rules = log.runs[0].tool.driver.rules as any[];
    assert.deepStrictEqual(rules.map((r) => r.id), analyzer!.data.checks.map((c) => c.code));
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    for (const c of analyzer!.data.checks) {
      const r = rules.find((x) => x.id === c.code);
      assert.strictEqual(r.helpUri, `https://example.org/checks#${c.code}`);
      assert.strictEqual(r.defaultConfiguration.level, level[c.defaultSeverity]);
      assert.strictEqual(r.shortDescription.text, c.title);
    }
    assert.strictEqual(log.runs[0].tool.driver.version, '9.9.9');
  });

  it('gives each finding its physical location (1-based) and cited articles', async () => {
    const d = doc('b.draft', bill);
    const { log } = await sarifOf([d]);
    const results = log.runs[0].results as any[];
    assert.strictEqual(results.length, d.analysis.findings.length);
    const lines = bill.split('\n');
    d.analysis.findings.forEach((f, i) => {
      const r = results[i];
      assert.strictEqual(r.ruleId, f.code);
      assert.strictEqual(log.runs[0].tool.driver.rules[r.ruleIndex].id, f.code);
      assert.deepStrictEqual(r.properties.articles, f.articles);
      const region = r.locations[0].physicalLocation.region;
      assert.strictEqual(r.locations[0].physicalLocation.artifactLocation.uri, 'b.draft');
      // The region's line and column point at the finding's first character.
      const before = bill.slice(0, f.span.start).split('\n');
      assert.strictEqual(region.startLine, before.length);
      assert.strictEqual(region.startColumn, before[before.length - 1].length + 1);
      assert.strictEqual(lines[region.startLine - 1][region.startColumn - 1], bill[f.span.start]);
      assert.strictEqual(region.charLength, f.span.end - f.span.start);
    });
  });

  it('names the Akoma Ntoso element (eId) of a finding', async () => {
    const a = analyzer!.analyze(FRENCH_DRAFT);
    assert.ok(a.findings.length > 0);
    const f = a.findings[0];
    const { log } = await sarifOf([doc('loi.akn', FRENCH_DRAFT, { format: 'akn', anchors: [{ start: 0, end: FRENCH_DRAFT.length, eId: 'body' }, { start: f.span.start, end: f.span.end, eId: 'art_3__para_1', line: 40, column: 9 }] })]);
    const r = log.runs[0].results[0];
    assert.strictEqual(r.properties.eId, 'art_3__para_1');
    assert.strictEqual(r.locations[0].logicalLocations[0].fullyQualifiedName, 'art_3__para_1');
    // The region is the element's start tag in the XML; the place in the analysed text is a property.
    assert.deepStrictEqual(r.locations[0].physicalLocation.region, { startLine: 40, startColumn: 9 });
    assert.strictEqual(r.properties.textRegion.charOffset, f.span.start);
    assert.ok(validate(log));
  });
});
