// Settings from a workspace that may not be trusted (server/src/lsp/workspace.ts validateSettings):
// every invalid value falls back to its default, with a line saying which; valid ones are kept.
import { defaultSettings, validateSettings, type Settings } from '../../src/lsp/workspace';
import { check } from './check';

const d = defaultSettings;
const fields = (problems: string[]) => problems.map((p) => /"(concordance[^"]*)"/.exec(p)?.[1] ?? p);

check<unknown, { settings: Settings; fields: string[] }>(
  'validateSettings',
  [
    { name: 'nothing set: the defaults', input: null, expected: { settings: d, fields: [] } },
    { name: 'not an object', input: 'all', expected: { settings: d, fields: ['concordance'] } },
    { name: 'languages: null', input: { languages: null }, expected: { settings: d, fields: ['concordance.languages'] } },
    { name: 'languages with a non-string', input: { languages: ['legal-draft', 3] }, expected: { settings: d, fields: ['concordance.languages'] } },
    { name: 'maxDiagnostics: "abc"', input: { maxDiagnostics: 'abc' }, expected: { settings: d, fields: ['concordance.maxDiagnostics'] } },
    { name: 'maxDiagnostics: 0', input: { maxDiagnostics: 0 }, expected: { settings: d, fields: ['concordance.maxDiagnostics'] } },
    {
      name: 'severity "fatal" and null dropped, a valid one kept',
      input: { severity: { 'a.b': 'fatal', 'c.d': null, 'e.f': 'hint' } },
      expected: { settings: { ...d, severity: { 'e.f': 'hint' } }, fields: ['concordance.severity.a.b', 'concordance.severity.c.d'] },
    },
    { name: 'severity not an object', input: { severity: ['error'] }, expected: { settings: d, fields: ['concordance.severity'] } },
    { name: 'checks with a string', input: { checks: { safeguard: 'no', coverage: false } }, expected: { settings: { ...d, checks: { coverage: false } }, fields: ['concordance.checks.safeguard'] } },
    { name: 'generalPart.intentional: true is kept', input: { generalPart: { intentional: true } }, expected: { settings: { ...d, generalPart: { intentional: true } }, fields: [] } },
    { name: 'generalPart.intentional: "yes"', input: { generalPart: { intentional: 'yes' } }, expected: { settings: d, fields: ['concordance.generalPart'] } },
    { name: 'generalPart: null', input: { generalPart: null }, expected: { settings: d, fields: ['concordance.generalPart'] } },
    {
      name: 'valid settings are kept as they are',
      input: { languages: ['legal-draft'], checks: { coverage: false }, severity: { 'safeguard.duration': 'off' }, maxDiagnostics: 20 },
      expected: { settings: { languages: ['legal-draft'], checks: { coverage: false }, severity: { 'safeguard.duration': 'off' }, maxDiagnostics: 20 }, fields: [] },
    },
  ],
  (input) => {
    const r = validateSettings(input);
    return { settings: r.settings, fields: fields(r.problems) };
  },
);
