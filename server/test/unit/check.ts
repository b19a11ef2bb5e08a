// Data-driven test helper: one mocha `it` per case, compared with deepStrictEqual.
import * as assert from 'assert';

export interface Case<I, O> {
  name: string;
  input: I;
  expected: O;
}

export function check<I, O>(title: string, cases: Case<I, O>[], run: (input: I) => O): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        assert.deepStrictEqual(run(c.input), c.expected);
      });
    }
  });
}
