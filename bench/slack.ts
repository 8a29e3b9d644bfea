/**
 * npm run bench:slack [-- --requests 1000 --concurrency 20 --rounds 2 --warmup 200 --no-stub]
 *
 * Signed app_mention requests at a fixed concurrency against two Bolt apps in HTTP mode on loopback,
 * both replying through the same local Web API: briefbot (real engine, real adapter) and a bare Bolt
 * app that posts a fixed text. Each app runs in its own child process (as it would in production);
 * this process sends the requests and plays the Web API. A request counts from the moment it is sent
 * until its reply reaches the Web API. Questions come from tests/eval/questions.jsonl. Rounds
 * alternate between the two apps after a warm-up. Stops by itself.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, LogLevel } from '@slack/bolt';
import { type RunningSlack, startSlack } from '../src/adapters/slack/index.js';
import type { Engine } from '../src/core/engine-types.js';
import { loadEngineFromDir } from '../src/core/index.js';
import { silentLogger } from '../src/logger.js';
import { createServices } from '../src/services/index.js';
import { mentionEvent, postEvent, SIGNING_SECRET } from '../tests/helpers/slack-requests.js';
import { SlackServer } from '../tests/helpers/slack-server.js';

interface Options {
  requests: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  /** Adds a third row: briefbot with a stubbed engine (the adapter's own cost). */
  stub: boolean;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string, fallback: number, max: number): number => {
    const i = argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new Error(`--${name} must be an integer from 1 to ${max}`);
    return n;
  };
  return {
    requests: get('requests', 1000, 100_000),
    concurrency: get('concurrency', 20, 500),
    rounds: get('rounds', 2, 10),
    warmup: get('warmup', 200, 10_000),
    stub: !argv.includes('--no-stub'),
  };
}

/** The evaluation set's questions (English, French, typos, cost, out of scope), in a fixed order. */
function loadQuestions(): string[] {
  const file = path.resolve('tests/eval/questions.jsonl');
  const fallback = [
    'How much did Nvidia lose on 27 January?',
    'Combien a coûté l’entraînement de DeepSeek-V3 ?',
  ];
  if (!existsSync(file)) return fallback;
  const list = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { question?: string }).question ?? '')
    .filter((q) => q !== '');
  return list.length > 0 ? list : fallback;
}
const QUESTIONS = loadQuestions();

const REPLY_TIMEOUT_MS = 10_000;

/** Resolves a reply's waiter when the Web API sees a chat.postMessage for its thread. */
const waiters = new Map<string, () => void>();
let seq = 0;

interface Result {
  latencies: number[];
  elapsedMs: number;
  errors: number;
}

async function runOne(eventsUrl: string): Promise<number> {
  seq += 1;
  const ts = `${1_800_000_000 + seq}.000100`;
  const replied = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reply')), REPLY_TIMEOUT_MS);
    waiters.set(ts, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const body = mentionEvent({
    text: QUESTIONS[seq % QUESTIONS.length] ?? '',
    ts,
    user: `U${String(seq % 500).padStart(9, '0')}`,
  });
  const started = performance.now();
  try {
    const res = await postEvent(eventsUrl, body);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    await replied;
    return performance.now() - started;
  } finally {
    waiters.delete(ts);
  }
}

async function load(eventsUrl: string, requests: number, concurrency: number): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests) {
      next += 1;
      try {
        latencies.push(await runOne(eventsUrl));
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return { latencies, elapsedMs: performance.now() - started, errors };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function startBare(apiUrl: string): Promise<{ url: string; stop: () => Promise<unknown> }> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SIGNING_SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.ts,
      text: 'Hello from a bare Bolt app.',
    });
  });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop() };
}

/**
 * briefbot with the real engine, or (`stubEngine`) with an engine that returns one precomputed answer:
 * that row shows the adapter's own cost (pipeline, Block Kit, posting) apart from the search.
 */
async function startBriefbot(
  apiUrl: string,
  stubEngine = false,
  cold = false,
): Promise<{ url: string; stop: () => Promise<unknown> }> {
  // `cold`: the engine's answer cache off, so every repeated question is searched again.
  const real = loadEngineFromDir(path.resolve('knowledge'), cold ? { cacheSize: 0 } : {});
  const fixed = real.answer({ text: 'How much did Nvidia lose on 27 January?' });
  const engine: Engine = stubEngine ? { ...real, answer: () => fixed } : real;
  // The rate limit would throttle thousands of questions a minute from 500 users: lift it.
  const services = createServices({
    engine: () => engine,
    logger: silentLogger(),
    rateLimitPerMinute: 1_000_000_000,
  });
  const running: RunningSlack = await startSlack(
    { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, apiUrl, mode: 'http' },
    services,
    { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } },
  );
  return { url: `http://127.0.0.1:${running.port}/slack/events`, stop: () => running.stop() };
}

/** Child process: runs one app until the parent says stop (or goes away). */
async function serve(which: string, apiUrl: string): Promise<void> {
  const app =
    which === 'bare'
      ? await startBare(apiUrl)
      : await startBriefbot(apiUrl, which === 'stub', which === 'cold');
  const stop = async (): Promise<void> => {
    await app.stop();
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send?.({ url: app.url });
}

interface Target {
  name: string;
  url: string;
  child: ChildProcess;
  results: Result[];
}

async function spawnApp(name: string, which: string, apiUrl: string): Promise<Target> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', which, '--api', apiUrl], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE && which === 'briefbot'
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/sprof']
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start`)), 30_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
  return { name, url, child, results: [] };
}

function stopApp(t: Target): Promise<void> {
  return new Promise((resolve) => {
    if (t.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => t.child.kill('SIGKILL'), 5000);
    t.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    t.child.send('stop');
  });
}

function row(cells: (string | number)[]): string {
  const widths = [26, 10, 10, 10, 10, 8];
  return cells
    .map((c, i) =>
      String(c)
        .padStart(i === 0 ? 0 : (widths[i] ?? 10))
        .padEnd(i === 0 ? (widths[0] ?? 12) : 0),
    )
    .join('');
}

async function main(): Promise<void> {
  const serveIndex = process.argv.indexOf('--serve');
  if (serveIndex >= 0) {
    const api = process.argv[process.argv.indexOf('--api') + 1] ?? '';
    return serve(process.argv[serveIndex + 1] ?? '', api);
  }
  const opts = parseArgs(process.argv.slice(2));
  const server = await SlackServer.start({
    record: false,
    onCall: (call) => {
      if (call.method === 'chat.postMessage') waiters.get(String(call.body.thread_ts))?.();
    },
  });
  const targets: Target[] = [];
  try {
    targets.push(await spawnApp('bare Bolt', 'bare', server.apiUrl));
    targets.push(await spawnApp('briefbot', 'briefbot', server.apiUrl));
    if (opts.stub) targets.push(await spawnApp('briefbot, engine stubbed', 'stub', server.apiUrl));
    if (opts.stub) targets.push(await spawnApp('briefbot, answer cache off', 'cold', server.apiUrl));
    for (const t of targets) await load(t.url, opts.warmup, opts.concurrency);
    for (let round = 0; round < opts.rounds; round += 1) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) t.results.push(await load(t.url, opts.requests, opts.concurrency));
    }
  } finally {
    await Promise.all(targets.map(stopApp));
    await server.close();
  }

  console.log(
    `\nSlack HTTP mode, loopback: ${opts.requests} signed app_mention requests × ${opts.rounds} rounds per app, ` +
      `${opts.concurrency} concurrent, after ${opts.warmup} warm-up requests each; ${QUESTIONS.length} different questions.\n` +
      'Each app in its own process; latency = request sent → its reply at the local Web API.\n',
  );
  console.log(row(['app', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors']));
  const rates: number[] = [];
  for (const t of targets) {
    const all = t.results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const requests = all.length;
    const seconds = t.results.reduce((s, r) => s + r.elapsedMs, 0) / 1000;
    const errors = t.results.reduce((s, r) => s + r.errors, 0);
    const rate = requests / seconds;
    rates.push(rate);
    console.log(
      row([
        t.name,
        requests,
        rate.toFixed(0),
        percentile(all, 50).toFixed(2),
        percentile(all, 99).toFixed(2),
        errors,
      ]),
    );
  }
  const ratio = (rates[1] ?? 0) / (rates[0] ?? 1);
  console.log(
    `\nbriefbot / bare throughput: ${(ratio * 100).toFixed(1)}% (target ≥ 80%: ${ratio >= 0.8 ? 'met' : 'NOT met'})`,
  );
  if (rates[2] !== undefined) {
    console.log(
      `briefbot with the engine stubbed / bare: ${((rates[2] / (rates[0] ?? 1)) * 100).toFixed(1)}%\n` +
        `briefbot with its answer cache off (every question searched) / bare: ${(((rates[3] ?? 0) / (rates[0] ?? 1)) * 100).toFixed(1)}%`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
