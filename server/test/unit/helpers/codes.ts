// Diagnostic codes the tests name: the 13 of the evaluation corpus's vocabulary, then the rest
// of data/checks.json.

/** The codes an evaluation case may expect or forbid (the corpus vocabulary). */
export const CORPUS_CODES = [
  'safeguard.judicial-review',
  'safeguard.grounds',
  'safeguard.scope',
  'safeguard.duration',
  'safeguard.remedy',
  'safeguard.proportionality',
  'safeguard.serious-crime',
  'element.intent',
  'element.without-right',
  'element.consent',
  'exception.security-testing',
  'overbreadth.no-counterpart',
  'overbreadth.vague-term',
];

/** Every code data/checks.json defines. */
export const ALL_CODES = [
  ...CORPUS_CODES,
  'safeguard.third-parties',
  'safeguard.children-accused',
  'exception.child-self-generated',
  'exception.child-grooming',
  'cooperation.same-safeguards',
  'cooperation.dual-criminality',
  'cooperation.non-discrimination',
  'cooperation.preservation-period',
  'cooperation.personal-data',
  'cooperation.onward-transfer',
  'sovereignty.enforcement-abroad',
  'sovereignty.jurisdiction-nexus',
  'neutrality.tech-specific', 'definition.narrower', 'reference.unknown-article', 'coverage.missing'];
