import type { Logger } from '../logger.js';
import type { Observer, QuestionEvent } from './types.js';

/** Logs each question: platform, language, kind, entry, score, latency; the text only when unanswered. */
export class LogObserver implements Observer {
  constructor(private readonly logger: Logger) {}
  question(event: QuestionEvent): void {
    this.logger.info(event, 'question');
  }
}

/** Fans one event out to several observers (logs, metrics). */
export class Observers implements Observer {
  constructor(private readonly list: Observer[]) {}
  question(event: QuestionEvent): void {
    for (const o of this.list) o.question(event);
  }
  slackPlainFallback(reason: string): void {
    for (const o of this.list) o.slackPlainFallback?.(reason);
  }
}
