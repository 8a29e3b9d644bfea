/**
 * npm run bench:slack [-- --rounds 3 --concurrency 20 --requests 1500 --rates 200,700 --seconds 4
 *                        --warmup 300 --profile --app <checkout>]
 *
 * Slack HTTP mode under load, briefbot against a bare Bolt app, in production configuration:
 * briefbot is the compiled app (`node dist/main.js`, NODE_ENV=production) with pino at info into a
 * log file, its data store in a temporary DATA_DIR, metrics on and the Web API client's default
 * retries; the bare app is a Bolt App with its defaults that posts a fixed text in the thread.
 * Three kinds of process: this one (the load driver), the fake Slack Web API, and each app — every
 * one on its own. Every request is a signed app_mention with a question asked once only (unique
 * mutated variants of the evaluation set), so no answer cache ever hits.
 *
 * Loads, per round and app: closed loop (N workers, each waits for its reply before the next
 * request) and open loop (a fixed rate of requests, whatever the replies do). Reported: acks/s and
 * ack p99 (the HTTP response to the event), replies/s, reply p50/p99 (request sent → its message at
 * the Web API) split by answered and refused questions, replies missing, CPU ms per request and RSS
 * of the app process; min / median over rounds, ratios to bare Bolt from the same run.
 * `--profile` writes CPU profiles of both apps (node --cpu-prof) into bench/profiles/.
 * `--app <dir>` runs the briefbot compiled in another checkout (its dist/, this knowledge): before → after.
 * CPU is each process's own, all its threads (/proc/<pid>/task/<tid>/schedstat).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mentionEvent, SIGNING_SECRET, sign } from '../tests/helpers/slack-requests.js';
import {
  fmt,
  intArg,
  machineLine,
  median,
  min,
  percentile,
  processRssMb,
  ratio,
  sortedCopy,
  table,
} from './lib.js';
import {
  appDir,
  freePort,
  dataDir as makeDataDir,
  profileFlags,
  spawnBriefbot,
  stopChild,
  threadsCpuMs,
} from './procs.js';
import { evalQuestions, takeVariants } from './questions.js';

const SELF = fileURLToPath(import.meta.url);
const now = () => performance.timeOrigin + performance.now();
/** CLOCK_MONOTONIC in µs: the clock of a CPU profile's startTime and timeDeltas. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

interface Options {
  rounds: number;
  concurrency: number;
  requests: number;
  rates: number[];
  seconds: number;
  warmup: number;
  profile: boolean;
  /** The checkout whose dist/ runs as briefbot (--app; this one by default). */
  app: string;
}

function parseArgs(argv: string[]): Options {
  const num = (name: string, fallback: number, max: number) => intArg(argv, name, fallback, max);
  const ri = argv.indexOf('--rates');
  const rates = (ri >= 0 ? (argv[ri + 1] ?? '') : '200,700').split(',').map(Number);
  if (rates.some((r) => !Number.isInteger(r) || r < 1 || r > 5000))
    throw new Error('--rates: integers from 1 to 5000');
  return {
    rounds: num('rounds', 3, 20),
    concurrency: num('concurrency', 20, 500),
    requests: num('requests', 1500, 100_000),
    rates,
    seconds: num('seconds', 4, 120),
    warmup: num('warmup', 300, 10_000),
    profile: argv.includes('--profile'),
    app: appDir(argv),
  };
}

// ---------------------------------------------------------------- the fake Web API (own process)

async function serveApi(): Promise<void> {
  const { SlackServer } = await import('../tests/helpers/slack-server.js');
  const { t } = await import('../src/core/i18n/index.js');
  const { escapeMrkdwn } = await import('../src/adapters/slack/text.js');
  // The backpressure notice, as posted (post.ts postNotice); a refusal is ephemeral too, but a reply.
  const busy = new Set((['en', 'fr'] as const).map((lang) => escapeMrkdwn(t(lang).data.busy)));
  const counts = new Map<string, number>();
  let batch: { ts: string; at: number; notice: boolean }[] = [];
  const server = await SlackServer.start({
    record: false,
    onCall: (call) => {
      const token = String(call.headers.authorization ?? '').replace(/^Bearer /, '');
      const key = `${token} ${call.method}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const ts = call.body.thread_ts;
      if (
        (call.method === 'chat.postMessage' || call.method === 'chat.postEphemeral') &&
        typeof ts === 'string'
      )
        batch.push({ ts, at: now(), notice: busy.has(String(call.body.text)) });
    },
  });
  // Replies travel to the driver in small batches: one IPC message a millisecond at most.
  const flush = setInterval(() => {
    if (batch.length === 0) return;
    process.send?.({ replies: batch });
    batch = [];
  }, 1);
  process.on('message', (m: { type: string }) => {
    if (m.type === 'counts') process.send?.({ counts: Object.fromEntries(counts) });
    if (m.type === 'reset') counts.clear();
    if (m.type === 'stop') {
      clearInterval(flush);
      void server.close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  // An exit of its own (not the signal's default): --cpu-prof writes its profile then.
  process.on('SIGTERM', () => process.exit(0));
  process.send?.({ apiUrl: server.apiUrl });
}

// ---------------------------------------------------------------- the bare Bolt app (own process)

async function serveBare(apiUrl: string, port: number): Promise<void> {
  const { App } = await import('@slack/bolt');
  const app = new App({
    token: 'xoxb-bare',
    signingSecret: SIGNING_SECRET,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.ts,
      text: 'Hello from a bare Bolt app.',
    });
  });
  await app.start({ port, host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

// ---------------------------------------------------------------- the driver

/** The machine's CPU time so far, all cores (clock ticks, /proc/stat): idle and total. */
function boxTimes(): { idle: number; total: number } {
  try {
    const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal: idle + iowait is time no process could use.
    return { idle: (f[3] ?? 0) + (f[4] ?? 0), total: f.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return { idle: Number.NaN, total: Number.NaN };
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });

/** POSTs a signed event; resolves with the HTTP status when the ack arrives. */
function postSigned(port: number, raw: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(raw),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(SIGNING_SECRET, timestamp, raw),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(raw);
  });
}

async function waitReady(port: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode})`);
    const status = await new Promise<number>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
    });
    if (status !== 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start`);
}

interface Question {
  text: string;
  answered: boolean;
}

interface Phase {
  load: string;
  sent: number;
  acked: number;
  ackMs: number[];
  answeredMs: number[];
  refusedMs: number[];
  missing: number;
  /** Questions that got the short "busy" notice instead of an answer. */
  busy: number;
  /** Window: first request sent → last ack, and → last reply. */
  ackSeconds: number;
  replySeconds: number;
  cpuMs: number;
  /** CPU of the fake Web API process and of this driver over the phase (the same box's other work). */
  apiCpuMs: number;
  driverCpuMs: number;
  /** Share of the machine's CPU time left idle over the phase (all cores, every process). */
  boxIdle: number;
  rssMb: number;
  apiCalls: number;
}

class Driver {
  private seq = 0;
  private readonly pending = new Map<
    string,
    { sentAt: number; q: Question; done: (at: number, notice: boolean) => void }
  >();

  constructor(
    private readonly questions: Question[],
    private next = 0,
  ) {}

  onReplies(replies: { ts: string; at: number; notice: boolean }[]): void {
    for (const r of replies) {
      const p = this.pending.get(r.ts);
      if (!p) continue;
      this.pending.delete(r.ts);
      p.done(r.at, r.notice);
    }
  }

  private question(): Question {
    const q = this.questions[this.next % this.questions.length] as Question;
    this.next++;
    return q;
  }

  /** Sends one request; the promise settles with the ack, `reply` when the message reaches the API. */
  send(
    port: number,
    phase: Phase,
    start: number,
    ends: { lastAck: number; lastReply: number },
    reply?: () => void,
  ): Promise<void> {
    this.seq++;
    const ts = `${1_800_000_000 + this.seq}.000100`;
    const q = this.question();
    const raw = JSON.stringify(
      mentionEvent({ text: q.text, ts, user: `U${String(this.seq % 2000).padStart(9, '0')}` }),
    );
    const sentAt = now();
    phase.sent++;
    this.pending.set(ts, {
      sentAt,
      q,
      done: (at, notice) => {
        // An ephemeral "busy, try again" notice (backpressure) is counted apart from the replies.
        if (notice) phase.busy++;
        else (q.answered ? phase.answeredMs : phase.refusedMs).push(at - sentAt);
        ends.lastReply = Math.max(ends.lastReply, at - start);
        reply?.();
      },
    });
    return postSigned(port, raw).then((status) => {
      const at = now();
      if (status === 200) {
        phase.acked++;
        phase.ackMs.push(at - sentAt);
        ends.lastAck = Math.max(ends.lastAck, at - start);
      } else {
        this.pending.delete(ts);
        reply?.();
      }
    });
  }

  /** Waits (up to `ms`) for every reply still due, then counts and forgets the rest. */
  async drain(ms: number): Promise<number> {
    const deadline = Date.now() + ms;
    while (this.pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const missing = this.pending.size;
    this.pending.clear();
    return missing;
  }
}

function newPhase(load: string): Phase {
  return {
    load,
    sent: 0,
    acked: 0,
    ackMs: [],
    answeredMs: [],
    refusedMs: [],
    missing: 0,
    busy: 0,
    ackSeconds: 0,
    replySeconds: 0,
    cpuMs: 0,
    apiCpuMs: 0,
    driverCpuMs: 0,
    boxIdle: 0,
    rssMb: 0,
    apiCalls: 0,
  };
}

async function closedLoop(
  driver: Driver,
  port: number,
  load: string,
  requests: number,
  concurrency: number,
): Promise<Phase> {
  const phase = newPhase(load);
  const start = now();
  const ends = { lastAck: 0, lastReply: 0 };
  let left = requests;
  const worker = async () => {
    while (left > 0) {
      left--;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        void driver.send(port, phase, start, ends, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  phase.missing = await driver.drain(2000);
  phase.ackSeconds = ends.lastAck / 1000;
  phase.replySeconds = ends.lastReply / 1000;
  return phase;
}

async function openLoop(
  driver: Driver,
  port: number,
  load: string,
  rate: number,
  seconds: number,
): Promise<Phase> {
  const phase = newPhase(load);
  const start = now();
  const ends = { lastAck: 0, lastReply: 0 };
  const total = rate * seconds;
  const acks: Promise<void>[] = [];
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((now() - start) / 1000) * rate) + 1);
      while (sent < due) {
        acks.push(driver.send(port, phase, start, ends));
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(acks);
  phase.missing = await driver.drain(15_000);
  phase.ackSeconds = ends.lastAck / 1000;
  phase.replySeconds = ends.lastReply / 1000;
  return phase;
}

interface AppProc {
  name: string;
  token: string;
  port: number;
  child: ChildProcess;
  phases: Phase[];
  logFile?: string;
}

async function startApps(apiUrl: string, opts: Options, dataDir: string): Promise<AppProc[]> {
  const barePort = await freePort();
  const profileDir = path.resolve('bench/profiles');
  if (opts.profile) mkdirSync(profileDir, { recursive: true });
  const bare = fork(SELF, ['--role', 'bare', apiUrl, String(barePort)], {
    execArgv: ['--import', 'tsx', ...profileFlags(opts.profile, profileDir, 'bare')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await freePort();
  const logFile = path.join(dataDir, 'briefbot.log');
  const out = openSync(logFile, 'a');
  const briefbot = spawnBriefbot({
    app: opts.app,
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      // 2,000 users asking hundreds of questions a second: the per-user limit would refuse them.
      RATE_LIMIT_PER_MINUTE: '10000',
    },
    stdio: ['ignore', out, out],
    nodeFlags: profileFlags(opts.profile, profileDir, 'briefbot'),
  });
  const apps: AppProc[] = [
    { name: 'bare Bolt', token: 'xoxb-bare', port: barePort, child: bare, phases: [] },
    { name: 'briefbot', token: 'xoxb-bench', port, child: briefbot, phases: [], logFile },
  ];
  for (const a of apps) await waitReady(a.port, a.child, a.name);
  return apps;
}

/** Labels each question answered or refused, as the app's engine (same knowledge) decides. */
async function classify(texts: string[]): Promise<Question[]> {
  const { loadEngineFromDir } = await import('../src/core/index.js');
  const engine = loadEngineFromDir(path.resolve('knowledge'), { cacheSize: 0 });
  return texts.map((text) => ({ text, answered: engine.answer({ text }).answered }));
}

function summarize(phases: Phase[]) {
  const pick = (f: (p: Phase) => number) => phases.map(f);
  const p = (values: number[], q: number) => percentile(sortedCopy(values), q);
  return {
    acksPerS: pick((x) => x.acked / Math.max(1e-9, x.ackSeconds)),
    ackP99: pick((x) => p(x.ackMs, 99)),
    repliesPerS: pick((x) => (x.answeredMs.length + x.refusedMs.length) / Math.max(1e-9, x.replySeconds)),
    ansP50: pick((x) => p(x.answeredMs, 50)),
    ansP99: pick((x) => p(x.answeredMs, 99)),
    refP50: pick((x) => p(x.refusedMs, 50)),
    refP99: pick((x) => p(x.refusedMs, 99)),
    allP99: pick((x) => p([...x.answeredMs, ...x.refusedMs], 99)),
    missing: pick((x) => x.missing),
    busy: pick((x) => x.busy),
    cpu: pick((x) => x.cpuMs / Math.max(1, x.acked)),
    apiCpu: pick((x) => x.apiCpuMs / Math.max(1, x.acked)),
    driverCpu: pick((x) => x.driverCpuMs / Math.max(1, x.acked)),
    boxIdle: pick((x) => x.boxIdle),
    rss: pick((x) => x.rssMb),
    calls: pick((x) => x.apiCalls / Math.max(1, x.acked)),
  };
}

async function driverMain(opts: Options): Promise<void> {
  const loads = [
    {
      name: `closed loop, ${opts.concurrency} concurrent`,
      run: (d: Driver, port: number) => closedLoop(d, port, '', opts.requests, opts.concurrency),
    },
    ...opts.rates.map((rate) => ({
      name: `open loop, ${rate} req/s for ${opts.seconds} s`,
      run: (d: Driver, port: number) => openLoop(d, port, '', rate, opts.seconds),
    })),
  ];
  const perRound = opts.requests + opts.rates.reduce((s, r) => s + r * opts.seconds, 0);
  const needed = opts.warmup * 2 + perRound * 2 * opts.rounds;
  process.stderr.write(`bench:slack: preparing ${needed} unique questions…\n`);
  const questions = await classify(takeVariants(evalQuestions(), needed).map((q) => q.question));
  const data = makeDataDir('slack');
  const dataDir = data.dir;
  const api = fork(SELF, ['--role', 'api'], {
    execArgv: ['--import', 'tsx', ...profileFlags(opts.profile, path.resolve('bench/profiles'), 'api')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const driver = new Driver(questions);
  let counts: Record<string, number> = {};
  api.on(
    'message',
    (m: { replies?: { ts: string; at: number; notice: boolean }[]; counts?: Record<string, number> }) => {
      if (m.replies) driver.onReplies(m.replies);
      if (m.counts) counts = m.counts;
    },
  );
  const apiUrl = await new Promise<string>((resolve) => {
    const on = (m: { apiUrl?: string }) => {
      if (m.apiUrl) {
        api.off('message', on);
        resolve(m.apiUrl);
      }
    };
    api.on('message', on);
  });
  const readCounts = async () => {
    api.send({ type: 'counts' });
    await new Promise((r) => setTimeout(r, 50));
    return counts;
  };
  let apps: AppProc[] = [];
  /** Each measured phase on the profiles' clock (CLOCK_MONOTONIC µs, as a .cpuprofile's startTime). */
  const windows: { app: string; load: string; round: number; fromUs: number; toUs: number }[] = [];
  const methods = new Map<string, Map<string, number>>();
  try {
    apps = await startApps(apiUrl, opts, dataDir);
    process.stderr.write('bench:slack: warming up…\n');
    for (const a of apps) await closedLoop(driver, a.port, 'warm-up', opts.warmup, opts.concurrency);
    for (let round = 0; round < opts.rounds; round++) {
      // The two apps take turns load by load (who goes first alternates every round), so each pair
      // of figures a ratio compares was measured seconds apart, under the same background load.
      const order = round % 2 === 0 ? apps : [...apps].reverse();
      for (const l of loads) {
        for (const a of order) {
          const before = await readCounts();
          const cpu0 = threadsCpuMs(a.child.pid as number);
          const api0 = threadsCpuMs(api.pid as number);
          const driver0 = threadsCpuMs(process.pid);
          const box0 = boxTimes();
          const from = monotonicUs();
          const phase = await l.run(driver, a.port);
          windows.push({ app: a.name, load: l.name, round: round + 1, fromUs: from, toUs: monotonicUs() });
          phase.load = l.name;
          phase.cpuMs = threadsCpuMs(a.child.pid as number) - cpu0;
          phase.apiCpuMs = threadsCpuMs(api.pid as number) - api0;
          phase.driverCpuMs = threadsCpuMs(process.pid) - driver0;
          const box1 = boxTimes();
          phase.boxIdle = (box1.idle - box0.idle) / Math.max(1, box1.total - box0.total);
          phase.rssMb = processRssMb(a.child.pid as number);
          const after = await readCounts();
          const m = methods.get(a.name) ?? new Map<string, number>();
          for (const [k, v] of Object.entries(after)) {
            const [token, method = ''] = k.split(' ');
            if (token !== a.token) continue;
            const d = v - (before[k] ?? 0);
            phase.apiCalls += d;
            m.set(method, (m.get(method) ?? 0) + d / Math.max(1, phase.acked) / (opts.rounds * loads.length));
          }
          methods.set(a.name, m);
          a.phases.push(phase);
          process.stderr.write(`bench:slack: round ${round + 1} · ${a.name} · ${l.name} done\n`);
        }
      }
    }
  } finally {
    await Promise.all(apps.map((a) => stopChild(a.child)));
    api.send({ type: 'stop' });
    await stopChild(api);
    agent.destroy();
  }
  const logBytes = apps[1]?.logFile ? statSync(apps[1].logFile).size : 0;
  const briefbotRequests = apps[1]?.phases.reduce((s, p) => s + p.acked, 0) ?? 1;
  data.remove();

  const rows: string[][] = [];
  const ratios: string[][] = [];
  for (const l of loads) {
    const sums = apps.map((a) => ({ a, s: summarize(a.phases.filter((p) => p.load === l.name)) }));
    for (const { a, s } of sums) {
      rows.push([
        l.name,
        a.name,
        `${fmt(min(s.acksPerS), 0)} / ${fmt(median(s.acksPerS), 0)}`,
        `${fmt(min(s.ackP99), 1)} / ${fmt(median(s.ackP99), 1)}`,
        `${fmt(min(s.repliesPerS), 0)} / ${fmt(median(s.repliesPerS), 0)}`,
        `${fmt(median(s.ansP50), 1)} / ${fmt(median(s.ansP99), 1)}`,
        a.name === 'bare Bolt' ? '–' : `${fmt(median(s.refP50), 1)} / ${fmt(median(s.refP99), 1)}`,
        `${fmt(median(s.busy), 0)} / ${fmt(median(s.missing), 0)}`,
        `${fmt(min(s.cpu), 2)} / ${fmt(median(s.cpu), 2)}`,
        `${fmt(median(s.apiCpu), 2)} / ${fmt(median(s.driverCpu), 2)}`,
        `${fmt(median(s.boxIdle) * 100, 0)}%`,
        fmt(median(s.rss), 0),
        fmt(median(s.calls), 2),
      ]);
    }
    const [bare, bb] = sums.map((x) => x.s);
    if (bare && bb) {
      const thr = median(bb.repliesPerS) / median(bare.repliesPerS);
      const cpu = median(bb.cpu) / median(bare.cpu);
      const p99 = median(bb.allP99) / median(bare.allP99);
      const refVsAns = median(bb.refP99) / median(bb.ansP99);
      ratios.push([
        l.name,
        `${fmt(thr * 100, 0)}% ${thr >= 0.8 ? '✓' : '✗'}`,
        `${ratio(median(bb.cpu), median(bare.cpu))} ${cpu <= 1.5 ? '✓' : '✗'}`,
        `${ratio(median(bb.allP99), median(bare.allP99))} ${p99 <= 3 ? '✓' : '✗'}`,
        `${ratio(median(bb.refP99), median(bb.ansP99))} ${Math.abs(refVsAns - 1) <= 0.1 || refVsAns < 1 ? '✓' : '✗'}`,
      ]);
    }
  }
  console.log(
    `bench:slack · ${machineLine()} · ${opts.rounds} rounds, apps alternate load by load` +
      (opts.app === process.cwd() ? '' : ` · briefbot from ${opts.app}`),
  );
  console.log(
    `Each app in its own process, the fake Web API in another, this driver in a third. ${questions.length} unique questions` +
      ` (${fmt((questions.filter((q) => q.answered).length / questions.length) * 100, 0)}% answered).\n`,
  );
  console.log(
    table(
      [
        'load',
        'app',
        'acks/s',
        'ack p99 ms',
        'replies/s',
        'answered p50 / p99 ms',
        'refused p50 / p99 ms',
        'busy / no reply',
        'CPU ms / req',
        'fake API / driver CPU ms / req',
        'machine idle',
        'RSS MB',
        'API calls / req',
      ],
      rows,
    ),
  );
  console.log(
    '\n(min / median over rounds; reply percentiles are medians over rounds. busy: the backpressure' +
      ' notice instead of an answer; no reply: dropped past the bound, or later than the drain time;' +
      ' fake API / driver: the CPU the other two processes spent over the same phase, medians, on the' +
      ' same cores as the app)\n',
  );
  console.log(
    table(
      [
        'load',
        'briefbot throughput vs bare (≥ 80%)',
        'CPU / req vs bare (≤ 1.5×)',
        'reply p99 vs bare (≤ 3×)',
        'refused p99 vs answered (≤ 1.1×)',
      ],
      ratios,
    ),
  );
  for (const [name, m] of methods)
    console.log(
      `\n${name} Web API calls per request: ${[...m].map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ') || 'none'}`,
    );
  console.log(`briefbot log: ${fmt(logBytes / briefbotRequests, 0)} bytes per request at info`);
  if (opts.profile) {
    writeFileSync(path.resolve('bench/profiles/phases.json'), `${JSON.stringify(windows, null, 1)}\n`);
    console.log(
      'CPU profiles (one per thread): bench/profiles/briefbot/, bench/profiles/bare/, bench/profiles/api/;' +
        ' the measured phases on their clock: bench/profiles/phases.json',
    );
  }
}

async function main(): Promise<void> {
  const role = process.argv.indexOf('--role');
  if (role >= 0) {
    const which = process.argv[role + 1];
    if (which === 'api') return serveApi();
    if (which === 'bare') return serveBare(process.argv[role + 2] ?? '', Number(process.argv[role + 3]));
    throw new Error(`unknown role ${which}`);
  }
  await driverMain(parseArgs(process.argv.slice(2)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
