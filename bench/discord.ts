/**
 * `npm run bench:discord`: the real discord.js client under 50 interactions in flight, against the
 * local Discord server of the tests (gateway and REST on localhost), next to a bare discord.js client
 * that answers every interaction with a fixed message, in the same run. The server and the load driver
 * run in a process of their own (bench/discord-driver.ts), one per bot.
 *
 * Each round sends `--n` /ask interactions with unique questions (mutated eval questions, so the answer
 * cache never hits), keeping `--in-flight` of them outstanding (closed loop). The latency of one is the
 * time from the gateway dispatch to the interaction callback the server receives. The two bots take turns
 * round by round, so a ratio compares figures measured seconds apart. Production logging (pino at info,
 * to /dev/null) and the in-memory shared state; rate limiting effectively off (it is not what is measured).
 *
 *   npm run bench:discord -- --rounds 3 --n 500 --in-flight 50 [--profile]
 *
 * `--profile` writes a CPU profile of the bench process's main thread for each measured round into
 * bench/profiles/discord/ (<bot>-<round>.cpuprofile).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { startDiscord } from '../src/adapters/discord/index.js';
import type { RunningAdapter } from '../src/adapters/types.js';
import { loadEngineFromDir } from '../src/core/index.js';
import { createLogger } from '../src/logger.js';
import { createServices } from '../src/services/index.js';
import { MemoryFeedbackStore } from '../src/services/memory.js';
import { intArg, machineLine, median, min, percentile, ratio, sortedCopy, table } from './lib.js';
import { evalQuestions, takeVariants } from './questions.js';

const argv = process.argv.slice(2);
const ROUNDS = intArg(argv, 'rounds', 3, 20);
const N = intArg(argv, 'n', 500, 20_000);
const IN_FLIGHT = intArg(argv, 'in-flight', 50, 1_000);
const PROFILE = argv.includes('--profile');
const TOKEN = 'bench-token.not-a-secret';

interface Driver {
  apiUrl: string;
  applicationId: string;
  round(questions: string[]): Promise<{ lat: number[]; wallMs: number }>;
  close(): Promise<void>;
}

async function driver(): Promise<Driver> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'discord-driver.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ apiUrl: string; applicationId: string }>((resolve, reject) => {
    child.once('message', (m: { ready?: { apiUrl: string; applicationId: string } }) =>
      m.ready ? resolve(m.ready) : reject(new Error('driver did not start')),
    );
    child.once('exit', () => reject(new Error('driver exited')));
  });
  return {
    ...ready,
    round(questions) {
      return new Promise((resolve) => {
        const onMessage = (m: { round?: { lat: number[]; wallMs: number } }) => {
          if (!m.round) return;
          child.off('message', onMessage);
          resolve(m.round);
        };
        child.on('message', onMessage);
        child.send({ cmd: 'round', questions, inFlight: IN_FLIGHT });
      });
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
  close(): Promise<void>;
}

async function briefbot(): Promise<Bot> {
  const d = await driver();
  const engine = loadEngineFromDir(path.resolve('knowledge'));
  const services = createServices({
    engine: () => engine,
    logger: createLogger({ level: 'info', destination: createWriteStream('/dev/null') }),
    feedback: new MemoryFeedbackStore(),
    rateLimitPerMinute: 1_000_000,
  });
  const adapter: RunningAdapter = await startDiscord(
    { token: TOKEN, applicationId: d.applicationId, apiUrl: d.apiUrl },
    services,
  );
  return {
    name: 'briefbot',
    driver: d,
    async close() {
      await adapter.stop();
      await d.close();
    },
  };
}

/** A bare discord.js client: the same gateway and REST, a fixed reply to every interaction. */
async function bare(): Promise<Bot> {
  const d = await driver();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: d.apiUrl } });
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok' }).catch(() => {});
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  return {
    name: 'bare discord.js',
    driver: d,
    async close() {
      await client.destroy();
      await d.close();
    },
  };
}

let profiler: Session | undefined;
const PROFILE_DIR = path.resolve('bench/profiles/discord');

/** One round, and the bot process's CPU it took (ms per interaction); profiled when `profileAs` is set. */
async function round(bot: Bot, questions: string[], profileAs?: string) {
  if (profileAs && !profiler) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  if (profileAs) await profiler?.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const r = await bot.driver.round(questions);
  const cpu = process.cpuUsage(cpu0);
  if (profileAs && profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(path.join(PROFILE_DIR, `${profileAs}.cpuprofile`), JSON.stringify(profile));
  }
  return { ...r, cpuMs: (cpu.user + cpu.system) / 1000 / questions.length };
}

async function main(): Promise<void> {
  console.log(`bench:discord · ${machineLine()} · ${ROUNDS} rounds × ${N} /ask, ${IN_FLIGHT} in flight\n`);
  const bots = [await briefbot(), await bare()];
  const pool = takeVariants(evalQuestions(), N * ROUNDS * 2, 11).map((q) => q.question);
  const results = new Map<string, { p50: number[]; p99: number[]; rate: number[]; cpu: number[] }>();
  for (const b of bots) results.set(b.name, { p50: [], p99: [], rate: [], cpu: [] });
  // Warm-up: connections, JIT, the engine's lazy lists.
  for (const b of bots) await round(b, pool.slice(0, Math.min(100, N)));
  let offset = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? bots : [...bots].reverse();
    for (const b of order) {
      const qs = pool.slice(offset, offset + N);
      offset += N;
      const name = b.name.replace(/[^a-z]+/g, '-');
      const { lat, wallMs, cpuMs } = await round(b, qs, PROFILE ? `${name}-${r + 1}` : undefined);
      const sorted = sortedCopy(lat);
      const res = results.get(b.name);
      res?.p50.push(percentile(sorted, 50));
      res?.p99.push(percentile(sorted, 99));
      res?.rate.push((lat.length / wallMs) * 1000);
      res?.cpu.push(cpuMs);
      process.stderr.write(`bench: ${b.name}, round ${r + 1} of ${ROUNDS}\n`);
    }
  }
  for (const b of bots) await b.close();
  const base = results.get('bare discord.js');
  const rows = bots.map((b) => {
    const res = results.get(b.name);
    if (!res || !base) return [b.name];
    const mm = (xs: number[], d = 1) => `${min(xs).toFixed(d)} / ${median(xs).toFixed(d)}`;
    return [
      b.name,
      mm(res.p50),
      mm(res.p99),
      mm(res.rate, 0),
      mm(res.cpu, 2),
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
        'interactions/s',
        'bot CPU ms / interaction',
        'CPU vs bare',
        'p99 vs bare',
        'p99 ≤ 50 ms',
      ],
      rows,
    ),
  );
  console.log(
    '\nmin / median over rounds. Latency: gateway dispatch → interaction callback received by the local server.',
  );
}

await main();
