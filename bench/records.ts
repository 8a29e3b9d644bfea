/**
 * `npm run bench:records [-- --questions 600 --concurrency 20]`: reply time of refused questions (which
 * write an unanswered record) against answered ones, through the real app (startBriefbot, Bolt in HTTP
 * mode, the SQLite records store under a temporary DATA_DIR, pino at info to /dev/null) and a local
 * Slack Web API. Reply time: from the event POST to the chat.postMessage arriving. Unique questions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBriefbot } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadEngineFromDir } from '../src/core/index.js';
import { createLogger } from '../src/logger.js';
import { mentionEvent, newTs, postEvent, SIGNING_SECRET } from '../tests/helpers/slack-requests.js';
import { SlackServer } from '../tests/helpers/slack-server.js';
import { freePort } from '../tests/ops/spawn-main.js';
import { fmt, machineLine, percentile, ratio, sortedCopy, table } from './lib.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const QUESTIONS = arg('--questions', 600);
const CONCURRENCY = arg('--concurrency', 20);

const ANSWERED = [
  'How much did Nvidia fall on day {n}?',
  'When did the DeepSeek selloff happen, case {n}?',
  'What does DeepSeek R1 cost per million tokens? ({n})',
  'How much did DeepSeek-V3 cost to train, ask {n}?',
];
const REFUSED = [
  'Who won the football world cup in year {n}?',
  'Best pizza recipe number {n}?',
  'What is the weather in town {n} tomorrow?',
  'How tall is mountain {n}?',
];

interface Stats {
  n: number;
  p50: number;
  p99: number;
}

/** One run of the real app; `store: 'none'` turns the records store's writes into no-ops (the peer). */
async function runOnce(
  questions: { text: string; answered: boolean }[],
  store: 'sqlite' | 'none',
): Promise<{ answered: Stats; refused: Stats; perSecond: number }> {
  const data = mkdtempSync(path.join(tmpdir(), 'briefbot-bench-records-'));
  const arrivals = new Map<string, number>();
  const slack = await SlackServer.start({
    record: false,
    onCall: (c) => {
      if (c.method === 'chat.postMessage' && typeof c.body.thread_ts === 'string')
        arrivals.set(c.body.thread_ts, performance.now());
    },
  });
  const port = await freePort();
  const devNull = await open('/dev/null', 'w');
  const logger = createLogger({ level: 'info', destination: devNull.createWriteStream() });
  const config = {
    ...loadConfig({ DATA_DIR: data, RATE_LIMIT_PER_MINUTE: '10000', RELOAD: 'false', MAX_IN_FLIGHT: '1000' }),
    port,
    host: '127.0.0.1',
    slack: {
      botToken: 'xoxb-bench',
      signingSecret: SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      mode: 'http' as const,
    },
  };
  const bot = await startBriefbot(config, logger);
  if (store === 'none') {
    // Every copy of the services shares this store object: its writes become no-ops.
    bot.services.feedback.recordUnanswered = async () => {};
    bot.services.feedback.recordFeedback = async () => {};
  }
  const url = `http://127.0.0.1:${port}/slack/events`;
  const sent = new Map<string, { at: number; answered: boolean }>();
  let next = 0;
  const worker = async () => {
    while (next < questions.length) {
      const q = questions[next] as { text: string; answered: boolean };
      next += 1;
      const ts = newTs();
      sent.set(ts, { at: performance.now(), answered: q.answered });
      await postEvent(
        url,
        mentionEvent({ text: q.text, ts, user: `U0B${String(next % 500).padStart(6, '0')}` }),
      );
      // Closed loop: the next question once this one's reply has arrived.
      while (!arrivals.has(ts)) await new Promise((r) => setTimeout(r, 1));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  await bot.stop();
  await slack.close();
  await devNull.close();
  rmSync(data, { recursive: true, force: true });
  const times = { answered: [] as number[], refused: [] as number[] };
  for (const [ts, sq] of sent) {
    const at = arrivals.get(ts);
    if (at !== undefined) (sq.answered ? times.answered : times.refused).push(at - sq.at);
  }
  const stats = (v: number[]): Stats => {
    const sorted = sortedCopy(v);
    return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  return {
    answered: stats(times.answered),
    refused: stats(times.refused),
    perSecond: questions.length / seconds,
  };
}

async function main(): Promise<void> {
  const engine = loadEngineFromDir(path.resolve('knowledge'));
  // Half answered, half refused, interleaved, every question unique.
  const answered: string[] = [];
  const refused: string[] = [];
  for (let i = 0; answered.length < QUESTIONS / 2 || refused.length < QUESTIONS / 2; i += 1) {
    for (const template of [...ANSWERED, ...REFUSED]) {
      const text = template.replace('{n}', String(1000 + i));
      (engine.answer({ text }).answered ? answered : refused).push(text);
    }
  }
  const questions: { text: string; answered: boolean }[] = [];
  for (let i = 0; i < QUESTIONS / 2; i += 1) {
    questions.push(
      { text: answered[i] as string, answered: true },
      { text: refused[i] as string, answered: false },
    );
  }
  const runs = [
    ['SQLite records store', await runOnce(questions, 'sqlite')],
    ['no-op store (peer)', await runOnce(questions, 'none')],
  ] as const;
  console.log(machineLine());
  console.log(
    `${questions.length} unique questions (half refused), ${CONCURRENCY} concurrent, closed loop\n`,
  );
  console.log(
    table(
      ['store', 'questions/s', 'answered p50 / p99 ms', 'refused p50 / p99 ms', 'refused/answered p99'],
      runs.map(([name, r]) => [
        name,
        fmt(r.perSecond, 0),
        `${fmt(r.answered.p50)} / ${fmt(r.answered.p99)}`,
        `${fmt(r.refused.p50)} / ${fmt(r.refused.p99)}`,
        ratio(r.refused.p99, r.answered.p99),
      ]),
    ),
  );
  const [sqlite] = runs;
  const r = sqlite[1];
  const within = r.refused.p99 <= r.answered.p99 * 1.1;
  console.log(
    `\nSQLite store, refused vs answered at p99: ${ratio(r.refused.p99, r.answered.p99)} (target within 10%: ${within ? 'met' : 'NOT met'})`,
  );
}

await main();
