import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Observer, QuestionEvent } from './types.js';

/** The Prometheus metrics of one briefbot process, on their own registry. */
export interface Metrics extends Observer {
  registry: Registry;
  /** Knowledge entries currently loaded. */
  setEntries(count: number): void;
  reloaded(): void;
  reloadFailed(): void;
  /** Data area: records written / dropped / failed batch writes, questions refused by backpressure. */
  records: { written(n: number): void; dropped(n: number, reason: string): void; writeFailed(): void };
  backpressure(kind: 'busy' | 'shed'): void;
  /** A shared-state (Redis) outage began: the instance answers from its own memory. */
  sharedStateOutage(): void;
  /** Where the degraded gauge reads its value. */
  watchSharedState(degraded: () => boolean): void;
  /** A Slack reply that Slack refused (invalid_blocks, msg_too_long) went out as plain text instead. */
  slackPlainFallback(reason: string): void;
}

/** Builds the registry: questions, answered ratio, latency, knowledge entries, reloads and failures. */
export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'briefbot_' });
  const questions = new Counter({
    name: 'briefbot_questions_total',
    help: 'Questions handled, by platform, reply kind, language and whether they were answered',
    labelNames: ['platform', 'kind', 'lang', 'answered'] as const,
    registers: [registry],
  });
  const limited = new Counter({
    name: 'briefbot_questions_limited_total',
    help: 'Questions answered with a notice instead of the engine (rate limit, too long)',
    labelNames: ['platform', 'reason'] as const,
    registers: [registry],
  });
  let asked = 0;
  let answered = 0;
  new Gauge({
    name: 'briefbot_answered_ratio',
    help: 'Share of questions (rate-limited ones excluded) that got an answer from the knowledge base',
    registers: [registry],
    collect() {
      this.set(asked === 0 ? 0 : answered / asked);
    },
  });
  const latency = new Histogram({
    name: 'briefbot_question_latency_seconds',
    help: 'Time from question to reply, in seconds',
    labelNames: ['platform'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const entries = new Gauge({
    name: 'briefbot_knowledge_entries',
    help: 'Knowledge entries loaded',
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'briefbot_knowledge_reloads_total',
    help: 'Knowledge reloads that swapped the engine',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'briefbot_knowledge_reload_failures_total',
    help: 'Knowledge reloads rejected (invalid files); the previous knowledge kept serving',
    registers: [registry],
  });

  const recordsWritten = new Counter({
    name: 'briefbot_records_written_total',
    help: 'Votes and unanswered questions written to the store',
    registers: [registry],
  });
  const recordsDropped = new Counter({
    name: 'briefbot_records_dropped_total',
    help: 'Records lost: queue full, or a batch that kept failing',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const recordsFailed = new Counter({
    name: 'briefbot_records_write_failures_total',
    help: 'Batch writes that failed (retried)',
    registers: [registry],
  });
  const refused = new Counter({
    name: 'briefbot_questions_backpressure_total',
    help: 'Questions past the in-flight bound: busy notice sent, or shed (dropped)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const outages = new Counter({
    name: 'briefbot_shared_state_outages_total',
    help: 'Shared-state (Redis) outages: the instance answered from per-instance memory meanwhile',
    registers: [registry],
  });
  let degraded: () => boolean = () => false;
  new Gauge({
    name: 'briefbot_shared_state_degraded',
    help: '1 while the shared state (Redis) is unreachable and per-instance memory answers',
    registers: [registry],
    collect() {
      this.set(degraded() ? 1 : 0);
    },
  });
  const plainFallbacks = new Counter({
    name: 'briefbot_slack_plain_fallbacks_total',
    help: 'Slack replies refused by Slack (invalid_blocks, msg_too_long) and posted as plain text',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  return {
    registry,
    records: {
      written: (n) => recordsWritten.inc(n),
      dropped: (n, reason) => recordsDropped.inc({ reason }, n),
      writeFailed: () => recordsFailed.inc(),
    },
    backpressure: (kind) => refused.inc({ outcome: kind }),
    question(e: QuestionEvent) {
      questions.inc({ platform: e.platform, kind: e.kind, lang: e.lang, answered: String(e.answered) });
      latency.observe({ platform: e.platform }, e.latencyMs / 1000);
      if (e.limited) {
        limited.inc({ platform: e.platform, reason: e.limited });
        return;
      }
      asked += 1;
      if (e.answered) answered += 1;
    },
    setEntries: (count) => entries.set(count),
    reloaded: () => reloads.inc(),
    reloadFailed: () => failures.inc(),
    sharedStateOutage: () => outages.inc(),
    watchSharedState(get) {
      degraded = get;
    },
    slackPlainFallback: (reason) => plainFallbacks.inc({ reason }),
  };
}
