import type { Feedback, FeedbackStore, SharedState, Unanswered } from './types.js';

/** Single-instance SharedState. Expired keys are dropped lazily and by a periodic sweep. */
export class MemoryState implements SharedState {
  private readonly claims = new Map<string, number>();
  private readonly counters = new Map<string, { count: number; expires: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
    this.sweep();
    const t = this.now();
    const until = this.claims.get(key);
    if (until !== undefined && until > t) return false;
    this.claims.set(key, t + ttlSeconds * 1000);
    return true;
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    this.sweep();
    const t = this.now();
    const c = this.counters.get(key);
    if (!c || c.expires <= t) {
      this.counters.set(key, { count: 1, expires: t + windowSeconds * 1000 });
      return 1;
    }
    c.count += 1;
    return c.count;
  }

  async close(): Promise<void> {
    this.claims.clear();
    this.counters.clear();
  }

  private sweep(): void {
    const t = this.now();
    if (t - this.lastSweep < 60_000) return;
    this.lastSweep = t;
    for (const [k, until] of this.claims) if (until <= t) this.claims.delete(k);
    for (const [k, c] of this.counters) if (c.expires <= t) this.counters.delete(k);
  }
}

/** Keeps feedback in memory (tests, console). The file store persists it. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly votes: Feedback[] = [];
  readonly unanswered: Unanswered[] = [];
  async recordFeedback(feedback: Feedback): Promise<void> {
    this.votes.push(feedback);
  }
  async recordUnanswered(item: Unanswered): Promise<void> {
    this.unanswered.push(item);
  }
  async flush(): Promise<void> {}
}
