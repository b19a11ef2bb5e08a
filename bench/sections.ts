// Drafts of many short sections, each matched to an article with findings: the shape that makes
// per-section output (JSON, SARIF) large. Shared by the JSON benchmark and the CLI tests.

export function shortSections(count: number): string {
  const heads = ['Illegal access', 'Production order', 'Search and seizure', 'Interception', 'Misuse of devices'];
  const bodies = [
    'A person who without right accesses a computer system commits an offence.',
    'A judge may order a person to produce specified computer data.',
    'The police may search a computer system and seize data.',
    'A person who intercepts a transmission of data commits an offence.',
    'A person who sells a device for committing an offence is guilty.',
  ];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(`Section ${i} ${heads[i % 5]}\n${bodies[i % 5]}\n`);
  return out.join('\n');
}
