/**
 * The platform benchmarks' processes: briefbot compiled as production runs it, a free port, CPU
 * profiles, CPU time over every thread, and a stop that cannot hang. Shared by bench/slack.ts and
 * bench/discord.ts.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build, isFresh } from '../scripts/build.mjs';

/** A port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Stops a child with `signal`, then SIGKILL after `graceMs`; resolves once it has exited. */
export function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** CPU time (ms) of every thread of a process so far: schedstat counts nanoseconds on the CPU. */
export function threadsCpuMs(pid: number): number {
  let ns = 0;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return Number.NaN;
  }
  for (const tid of tids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e6;
}

/** node flags writing a CPU profile into `dir/name` (none when not profiling). */
export function profileFlags(profile: boolean, dir: string, name: string): string[] {
  return profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, name.replace(/[^a-z]+/g, '-'))}`] : [];
}

/** `--app <dir>`: the checkout whose dist/ is benchmarked as briefbot (this one by default), built when stale. */
export function appDir(argv: readonly string[]): string {
  const i = argv.indexOf('--app');
  const app = i >= 0 ? path.resolve(argv[i + 1] as string) : process.cwd();
  if (app === process.cwd() && !isFresh() && !build()) throw new Error('the build failed');
  return app;
}

/** A temporary DATA_DIR for one briefbot, and its removal. */
export function dataDir(platform: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `briefbot-bench-${platform}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface BriefbotOptions {
  /** The checkout whose dist/main.js runs (see appDir). */
  app: string;
  /** The platform's tokens and URLs, PORT and DATA_DIR. */
  env: NodeJS.ProcessEnv;
  stdio: SpawnOptions['stdio'];
  /** node flags before the script (profiling, --node-flags). */
  nodeFlags?: string[];
}

/**
 * briefbot as start:prod and the Docker image run it: `node dist/main.js`, V8's default heap settings,
 * NODE_ENV=production, pino at info, this checkout's knowledge.
 */
export function spawnBriefbot(o: BriefbotOptions): ChildProcess {
  return spawn(process.execPath, [...(o.nodeFlags ?? []), path.join(o.app, 'dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: path.resolve('knowledge'),
      ...o.env,
    },
    stdio: o.stdio,
  });
}
