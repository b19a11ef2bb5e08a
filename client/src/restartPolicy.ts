// When to restart a crashed language server: with growing delays, at most `max` times within
// `windowMs`, and telling the user only once. Pure (no vscode import) so it is unit-tested
// (server/test/unit/restartPolicy.test.ts); languageClient.ts applies it.

export interface RestartDecision {
  restart: boolean;
  /** Milliseconds to wait before restarting. */
  delayMs: number;
  /** Show the one-time warning now. */
  warn: boolean;
  /** Restarts within the window, this one included. */
  count: number;
}

export class RestartPolicy {
  private readonly times: number[] = [];
  private warned = false;

  constructor(
    readonly max = 5,
    readonly windowMs = 3 * 60 * 1000,
    readonly firstDelayMs = 500,
    readonly maxDelayMs = 30_000,
  ) {}

  /** Call when the server stopped at `now` (ms). */
  onCrash(now: number): RestartDecision {
    while (this.times.length && now - this.times[0] > this.windowMs) this.times.shift();
    if (this.times.length >= this.max) return { restart: false, delayMs: 0, warn: false, count: this.times.length };
    this.times.push(now);
    const warn = !this.warned;
    this.warned = true;
    const delayMs = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (this.times.length - 1));
    return { restart: true, delayMs, warn, count: this.times.length };
  }

  /** After a manual restart the count starts again (the one-time warning stays given). */
  reset(): void {
    this.times.length = 0;
  }
}
