// `concordance eval` lists the code misses and false alarms case by case, as it lists the article
// misses, so that each one can be studied. Outcomes are built by hand: the listing, not the analysis.
import { codeLines, summarise, type CaseOutcome } from '../../src/cli/eval';
import { check } from './check';

function outcome(id: string, expectedCodes: string[], forbiddenCodes: string[], emitted: string[]): CaseOutcome {
  return {
    id,
    jurisdiction: 'J',
    language: 'en',
    expected: ['7'],
    proposed: [7],
    right: true,
    bm25Right: false,
    bm25Proposed: false,
    expectedCodes,
    forbiddenCodes,
    emitted: new Set(emitted),
    okCount: 1,
    recalled: 1,
    truePositives: 1,
  };
}

const A = outcome('A', ['element.intent', 'overbreadth.vague-term'], ['element.consent'], ['overbreadth.vague-term', 'element.consent']);
const B = outcome('B', ['element.intent'], ['safeguard.remedy'], ['element.intent']);
const C = outcome('C', [], ['element.intent'], ['element.intent', 'safeguard.remedy']);

check<CaseOutcome[], { misses: string[]; falseAlarms: string[]; lines: string[]; recall: number; falseAlarmRate: number }>(
  'eval lists code misses and false alarms per case',
  [
    {
      name: 'a missed expected code and a reported forbidden one, in case order; codes not listed for a case are ignored',
      input: [A, B, C],
      expected: {
        misses: ['A element.intent'],
        falseAlarms: ['A element.consent', 'C element.intent'],
        lines: ['Code misses: A (element.intent)', 'Code false alarms: A (element.consent); C (element.intent)'],
        recall: 0.667,
        falseAlarmRate: 0.667,
      },
    },
    {
      name: 'nothing missed, nothing false: no lines',
      input: [B],
      expected: { misses: [], falseAlarms: [], lines: [], recall: 1, falseAlarmRate: 0 },
    },
  ],
  (outcomes) => {
    const r = summarise(outcomes, true);
    return {
      misses: r.codeMisses.map((m) => `${m.id} ${m.code}`),
      falseAlarms: r.codeFalseAlarms.map((m) => `${m.id} ${m.code}`),
      lines: codeLines('', r),
      recall: r.codeRecall,
      falseAlarmRate: r.falseAlarmRate,
    };
  },
);
