import type { Observer, QuestionEvent } from './types.js';

/** What the admins' view of the App Home shows for the last days. */
export interface UsageSummary {
  days: number;
  questions: number;
  answered: number;
  /** 0..1; 0 when nothing was asked. */
  answeredShare: number;
  /** Most frequent unanswered questions (folded for counting, shown as first asked). */
  topUnanswered: { question: string; count: number }[];
  /** 👎 per entry, most first. */
  downvotes: { entryId: string; count: number }[];
}

const DAY_MS = 24 * 3600 * 1000;
/** Days kept: a week and the day in progress. */
const KEEP_DAYS = 8;
/** Distinct unanswered questions counted per day (beyond it, new ones are only added to the total). */
const MAX_QUESTIONS_PER_DAY = 500;

interface Day {
  questions: number;
  answered: number;
  unanswered: Map<string, { question: string; count: number }>;
  downvotes: Map<string, number>;
}

/**
 * Usage figures of this instance for the last days, in bounded memory (day buckets, capped maps).
 * Fed by the pipeline's observer and by votes; read by the Slack App Home for admins and by /about.
 */
export class Insights implements Observer {
  private readonly days = new Map<number, Day>();

  constructor(private readonly now: () => number = Date.now) {}

  question(event: QuestionEvent): void {
    if (event.limited) return;
    const day = this.today();
    if (event.kind === 'chat' || event.kind === 'help') return;
    day.questions += 1;
    if (event.answered) day.answered += 1;
    else if (event.question) {
      const key = event.question.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
      const seen = day.unanswered.get(key);
      if (seen) seen.count += 1;
      else if (day.unanswered.size < MAX_QUESTIONS_PER_DAY)
        day.unanswered.set(key, { question: event.question.slice(0, 200), count: 1 });
    }
  }

  vote(entryId: string, vote: 'up' | 'down'): void {
    if (vote !== 'down') return;
    const day = this.today();
    if (day.downvotes.size >= MAX_QUESTIONS_PER_DAY && !day.downvotes.has(entryId)) return;
    day.downvotes.set(entryId, (day.downvotes.get(entryId) ?? 0) + 1);
  }

  summary(days = 7, top = 5): UsageSummary {
    const since = this.dayNumber() - days + 1;
    let questions = 0;
    let answered = 0;
    const unanswered = new Map<string, { question: string; count: number }>();
    const downvotes = new Map<string, number>();
    for (const [n, day] of this.days) {
      if (n < since) continue;
      questions += day.questions;
      answered += day.answered;
      for (const [key, q] of day.unanswered) {
        const seen = unanswered.get(key);
        if (seen) seen.count += q.count;
        else unanswered.set(key, { ...q });
      }
      for (const [id, c] of day.downvotes) downvotes.set(id, (downvotes.get(id) ?? 0) + c);
    }
    return {
      days,
      questions,
      answered,
      answeredShare: questions === 0 ? 0 : answered / questions,
      topUnanswered: [...unanswered.values()].sort((a, b) => b.count - a.count).slice(0, top),
      downvotes: [...downvotes]
        .map(([entryId, count]) => ({ entryId, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, top),
    };
  }

  private dayNumber(): number {
    return Math.floor(this.now() / DAY_MS);
  }

  private today(): Day {
    const n = this.dayNumber();
    let day = this.days.get(n);
    if (!day) {
      day = { questions: 0, answered: 0, unanswered: new Map(), downvotes: new Map() };
      this.days.set(n, day);
      for (const old of this.days.keys()) if (old <= n - KEEP_DAYS) this.days.delete(old);
    }
    return day;
  }
}
