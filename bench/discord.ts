/**
 * `npm run bench:discord`: the real discord.js client under 50 interactions in flight, against the
 * local Discord server of the tests (gateway and REST on localhost), next to a bare discord.js client
 * that answers every interaction with a fixed message, in the same run.
 *
 * Each bot is a process of its own, and so is its load driver (bench/discord-driver.ts: the server and
 * the closed loop). briefbot is the compiled app as start:prod and the Docker image run it (`node
 * dist/main.js`, V8's default heap settings, NODE_ENV=production): pino at info to stdout (→ /dev/null), records in SQLite under a temporary
 * DATA_DIR, metrics and insights on, the default rate limit and admission bound (every interaction comes
 * from a new user). The bare client (bench/discord-bare.mjs) is plain JavaScript run by node, no tsx.
 *
 * Each round sends `--n` /ask interactions with unique questions (mutated eval questions, so the answer
 * cache never hits), keeping `--in-flight` of them outstanding (closed loop). The latency of one is the
 * time from the gateway dispatch to the interaction callback the server receives. The two bots take turns
 * round by round, so a ratio compares figures measured seconds apart. CPU is each process's own (all its
 * threads, from /proc/<pid>/task/<tid>/schedstat).
 *
 *   npm run bench:discord -- --rounds 3 --n 500 --in-flight 50 --warmup 800 [--profile] [--app <checkout>]
 *
 * `--profile` writes CPU profiles of both bots (node --cpu-prof) into bench/profiles/discord/<bot>/ and
 * the measured rounds' windows on the profiles' clock into bench/profiles/discord/phases.json.
 * `--app <dir>` runs the briefbot compiled in another checkout (its dist/, this knowledge): before → after.
 * `--node-flags "<flags>"` starts briefbot's node with these flags (`npm start` adds --max-semi-space-size=1).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { intArg, machineLine, median, min, percentile, ratio, sortedCopy, table } from './lib.js';
import { appDir, dataDir, freePort, profileFlags, spawnBriefbot, stopChild, threadsCpuMs } from './procs.js';
import { evalQuestions, takeVariants } from './questions.js';

const argv = process.argv.slice(2);
const ROUNDS = intArg(argv, 'rounds', 3, 20);
const N = intArg(argv, 'n', 500, 20_000);
const IN_FLIGHT = intArg(argv, 'in-flight', 50, 1_000);
/** Warm-up interactions per bot: connections, JIT, and the charts' cache (39 distinct charts in the pool). */
const WARMUP = intArg(argv, 'warmup', 800, 20_000);
const PROFILE = argv.includes('--profile');
const APP = appDir(argv);
const NODE_FLAGS = argv.includes('--node-flags')
  ? (argv[argv.indexOf('--node-flags') + 1] ?? '').split(' ').filter(Boolean)
  : [];
const TOKEN = 'bench-token.not-a-secret';
const PROFILE_DIR = path.resolve('bench/profiles/discord');
/** CLOCK_MONOTONIC in µs: the clock of a CPU profile's startTime and timeDeltas. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

interface RoundResult {
  lat: number[];
  withFile: boolean[];
  wallMs: number;
  cpuMs: number;
}

interface Driver {
  apiUrl: string;
  applicationId: string;
  session(): Promise<void>;
  round(questions: string[]): Promise<RoundResult>;
  close(): Promise<void>;
}

function reply<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (!(key in m)) return;
      child.off('message', onMessage);
      resolve(m[key] as T);
    };
    child.on('message', onMessage);
  });
}

async function driver(): Promise<Driver> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'discord-driver.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await Promise.race([
    reply<{ apiUrl: string; applicationId: string }>(child, 'ready'),
    new Promise<never>((_, reject) => child.once('exit', () => reject(new Error('driver exited')))),
  ]);
  return {
    ...ready,
    session() {
      const done = reply<true>(child, 'session').then(() => undefined);
      child.send({ cmd: 'session' });
      return done;
    },
    round(questions) {
      const done = reply<RoundResult>(child, 'round');
      child.send({ cmd: 'round', questions, inFlight: IN_FLIGHT });
      return done;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ cmd: 'close' });
      await exited;
    },
  };
}

interface Bot {
  name: string;
  driver: Driver;
  child: ChildProcess;
  /** Measured rounds on the profiles' clock (µs). */
  windows: { startUs: number; endUs: number }[];
  close(): Promise<void>;
}

/** Starts a bot against its own driver; `launch` spawns it (with these profiling flags). */
async function startBot(
  name: string,
  launch: (d: Driver, flags: string[]) => Promise<{ child: ChildProcess; cleanup?: () => void }>,
): Promise<Bot> {
  const d = await driver();
  const { child, cleanup } = await launch(d, profileFlags(PROFILE, PROFILE_DIR, name));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before its session`))),
  );
  await Promise.race([d.session(), exited]);
  exited.catch(() => undefined);
  return {
    name,
    driver: d,
    child,
    windows: [],
    async close() {
      await stopChild(child, 'SIGTERM', 15_000);
      await d.close();
      cleanup?.();
    },
  };
}

const devNull = () => openSync('/dev/null', 'w');

const briefbot = () =>
  startBot('briefbot', async (d, flags) => {
    const data = dataDir('discord');
    const child = spawnBriefbot({
      app: APP,
      env: {
        PORT: String(await freePort()),
        DATA_DIR: data.dir,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: d.applicationId,
        DISCORD_API_URL: d.apiUrl,
      },
      stdio: ['ignore', devNull(), 'inherit'],
      nodeFlags: [...flags, ...NODE_FLAGS],
    });
    return { child, cleanup: data.remove };
  });

const bare = () =>
  startBot('bare discord.js', async (d, flags) => ({
    child: spawn(process.execPath, [...flags, path.join(import.meta.dirname, 'discord-bare.mjs')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: d.apiUrl,
      },
      stdio: ['ignore', devNull(), 'inherit'],
    }),
  }));

/** One round: the latencies, and the bot's and the driver's CPU per interaction. */
async function round(bot: Bot, questions: string[]) {
  const pid = bot.child.pid as number;
  const cpu0 = threadsCpuMs(pid);
  const startUs = monotonicUs();
  const r = await bot.driver.round(questions);
  bot.windows.push({ startUs, endUs: monotonicUs() });
  const cpu = threadsCpuMs(pid) - cpu0;
  return { ...r, botCpu: cpu / questions.length, driverCpu: r.cpuMs / questions.length };
}

async function main(): Promise<void> {
  console.log(
    `bench:discord · ${machineLine()} · ${ROUNDS} rounds × ${N} /ask, ${IN_FLIGHT} in flight` +
      (APP === process.cwd() ? '' : ` · briefbot from ${APP}`) +
      (NODE_FLAGS.length > 0 ? ` · briefbot's node ${NODE_FLAGS.join(' ')}` : ''),
  );
  console.log(`load average at the start: ${os.loadavg()[0]?.toFixed(2)}\n`);
  if (PROFILE) rmSync(PROFILE_DIR, { recursive: true, force: true });
  const bots = [await briefbot(), await bare()];
  const pool = takeVariants(evalQuestions(), N * ROUNDS * 2 + 2 * WARMUP, 11).map((q) => q.question);
  type Series = {
    p50: number[];
    p99: number[];
    p99NoFile: number[];
    files: number[];
    rate: number[];
    cpu: number[];
    driver: number[];
  };
  const results = new Map<string, Series>();
  for (const b of bots)
    results.set(b.name, { p50: [], p99: [], p99NoFile: [], files: [], rate: [], cpu: [], driver: [] });
  // Warm-up: connections, JIT, the engine's lazy lists, the cache of charts (its own questions, never measured).
  let offset = 0;
  for (const b of bots) {
    await round(b, pool.slice(offset, offset + WARMUP));
    offset += WARMUP;
  }
  const loads: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? bots : [...bots].reverse();
    for (const b of order) {
      const qs = pool.slice(offset, offset + N);
      offset += N;
      const { lat, withFile, wallMs, botCpu, driverCpu } = await round(b, qs);
      const sorted = sortedCopy(lat);
      const res = results.get(b.name) as Series;
      res.p50.push(percentile(sorted, 50));
      res.p99.push(percentile(sorted, 99));
      res.p99NoFile.push(percentile(sortedCopy(lat.filter((_, i) => !withFile[i])), 99));
      res.files.push(withFile.filter(Boolean).length / lat.length);
      res.rate.push((lat.length / wallMs) * 1000);
      res.cpu.push(botCpu);
      res.driver.push(driverCpu);
      loads.push(os.loadavg()[0] ?? 0);
      process.stderr.write(`bench: ${b.name}, round ${r + 1} of ${ROUNDS}\n`);
    }
  }
  for (const b of bots) await b.close();
  if (PROFILE) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    const windows = Object.fromEntries(
      bots.map((b) => [b.name.replace(/[^a-z]+/g, '-'), b.windows.slice(1)]),
    );
    writeFileSync(path.join(PROFILE_DIR, 'phases.json'), `${JSON.stringify(windows, null, 1)}\n`);
  }
  const base = results.get('bare discord.js') as Series;
  const mm = (xs: number[], d = 1) => `${min(xs).toFixed(d)} / ${median(xs).toFixed(d)}`;
  const rows = bots.map((b) => {
    const res = results.get(b.name) as Series;
    return [
      b.name,
      mm(res.p50),
      mm(res.p99),
      mm(res.p99NoFile),
      `${(median(res.files) * 100).toFixed(0)}%`,
      mm(res.rate, 0),
      mm(res.cpu, 3),
      mm(res.driver, 3),
      ratio(median(res.cpu), median(base.cpu)),
      ratio(median(res.p99), median(base.p99)),
      median(res.p99) <= 50 ? 'yes' : 'no',
    ];
  });
  console.log(
    table(
      [
        'bot',
        'callback p50 ms',
        'callback p99 ms',
        'p99 without a chart',
        'with a chart',
        'interactions/s',
        'bot CPU ms / interaction',
        'driver CPU ms / interaction',
        'CPU vs bare',
        'p99 vs bare',
        'p99 ≤ 50 ms',
      ],
      rows,
    ),
  );
  console.log(
    `\nmin / median over rounds; load average (1 min) during the rounds ${min(loads).toFixed(1)}–` +
      `${Math.max(...loads).toFixed(1)}. Latency: gateway dispatch → interaction callback received by the local server.`,
  );
  if (PROFILE)
    console.log(`CPU profiles: ${PROFILE_DIR}/<bot>/; measured rounds: ${PROFILE_DIR}/phases.json`);
}

await main();
