/**
 * A token bucket: `rate` calls a second on average, bursts of up to `burst`. Refilled lazily from
 * the clock on each take, so an idle bucket costs nothing; no timers, no database.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now = performance.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Takes one call's token; false when the bucket is empty (the call is refused). */
  take(now = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.rate) / 1000);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Full again: nothing is lost by forgetting it. */
  isFull(now = performance.now()): boolean {
    return this.tokens + ((now - this.at) * this.rate) / 1000 >= this.burst;
  }
}
