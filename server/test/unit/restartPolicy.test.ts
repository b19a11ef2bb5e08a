import * as assert from 'assert';
import { RestartPolicy } from '../../../client/src/restartPolicy';

describe('language server restart policy', () => {
  it('restarts with growing delays, warns once, and gives up after 5 crashes in 3 minutes', () => {
    const p = new RestartPolicy();
    const decisions = [0, 1000, 2000, 3000, 4000].map((t) => p.onCrash(t));
    assert.deepStrictEqual(
      decisions.map((d) => [d.restart, d.delayMs, d.warn]),
      [
        [true, 500, true],
        [true, 1000, false],
        [true, 2000, false],
        [true, 4000, false],
        [true, 8000, false],
      ],
    );
    assert.strictEqual(p.onCrash(5000).restart, false, 'sixth crash within the window');
  });

  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy(5, 180_000);
    for (let i = 0; i < 5; i++) p.onCrash(i);
    assert.strictEqual(p.onCrash(100).restart, false);
    const later = p.onCrash(181_000);
    assert.strictEqual(later.restart, true);
    assert.strictEqual(later.warn, false, 'the warning is given once per session');
  });

  it('starts counting again after a manual restart, and caps the delay', () => {
    const p = new RestartPolicy(20, 180_000, 500, 3000);
    for (let i = 0; i < 5; i++) p.onCrash(i);
    assert.strictEqual(p.onCrash(10).delayMs, 3000);
    p.reset();
    assert.strictEqual(p.onCrash(20).delayMs, 500);
  });
});
