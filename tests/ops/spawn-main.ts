import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

/** Runs the real entry point (src/main.ts through tsx, or a built dist/main.js) as a child process. */

export const ROOT = path.resolve(import.meta.dirname, '../..');

const PLATFORM_VARS =
  /^(DISCORD_|SLACK_|REDIS_URL$|PORT$|HOST$|HEALTH_PORT$|OPS_PORT$|OPS_HOST$|METRICS_TOKEN$|LOG_LEVEL$|NODE_ENV$|KNOWLEDGE_DIR$|DATA_DIR$|RATE_LIMIT|RELOAD$|DATABASE_URL$|MAX_IN_FLIGHT$|KNOWLEDGE_MAX_|RECORDS_)/;

/** The test's environment without any briefbot variable, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!PLATFORM_VARS.test(k)) env[k] = v;
  return { ...env, ...extra };
}

export interface MainProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** Resolves with the first JSON log line whose msg is `msg`. */
  waitForLog(msg: string): Promise<Record<string, unknown>>;
  /** Kills the process if it still runs (test cleanup). */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  /** A built entry (dist/main.js) run with plain node; src/main.ts through tsx by default. */
  entry?: string;
  stdin?: 'pipe' | 'ignore';
}

export function spawnMain(env: NodeJS.ProcessEnv, options: SpawnOptions = {}): MainProcess {
  const args = options.entry ? [options.entry] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { msg: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of [...waiters]) {
      const line = findLog(out, w.msg);
      if (line) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  // 'close', not 'exit': 'exit' can come before the last of stdout and stderr has been read.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(msg) {
      const found = findLog(out, msg);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ msg, resolve });
        void exited.then((code) =>
          reject(new Error(`main exited (${code}) before logging "${msg}"\n${out}\n${err}`)),
        );
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

function findLog(text: string, msg: string): Record<string, unknown> | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (parsed.msg === msg) return parsed;
    } catch {
      // a partial line: the rest comes with the next chunk
    }
  }
  return undefined;
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
