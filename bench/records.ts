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

async function main(): Promise<void> {
  const engine = loadEngineFromDir(path.resolve('knowledge'));
  const questions: { text: string; answered: boolean }[] = [];
  for (let i = 0; questions.length < QUESTIONS; i += 1) {
    const pool = i % 2 === 0 ? ANSWERED : REFUSED;
    const text = (pool[i % pool.length] as string).replace('{n}', String(1000 + i));
    questions.push({ text, answered: engine.answer({ text }).answered });
  }
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
  const times = { answered: [] as number[], refused: [] as number[] };
  for (const [ts, s] of sent) {
    const at = arrivals.get(ts);
    if (at !== undefined) (s.answered ? times.answered : times.refused).push(at - s.at);
  }
  const stats = (v: number[]) => {
    const s = sortedCopy(v);
    return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99) };
  };
  const a = stats(times.answered);
  const r = stats(times.refused);
  rmSync(data, { recursive: true, force: true });
  console.log(machineLine());
  console.log(
    `${QUESTIONS} unique questions, ${CONCURRENCY} concurrent, ${fmt(QUESTIONS / seconds, 0)} questions/s, SQLite records store\n`,
  );
  console.log(
    table(
      ['replies', 'count', 'p50 ms', 'p99 ms'],
      [
        ['answered', String(a.n), fmt(a.p50), fmt(a.p99)],
        ['refused (unanswered record written)', String(r.n), fmt(r.p50), fmt(r.p99)],
      ],
    ),
  );
  const within = Math.abs(r.p99 / a.p99 - 1) <= 0.1 || r.p99 <= a.p99;
  console.log(
    `\nrefused / answered at p99: ${ratio(r.p99, a.p99)} (target: within 10%: ${within ? 'met' : 'NOT met'})`,
  );
}

await main();
