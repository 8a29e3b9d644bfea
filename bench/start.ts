/**
 * npm run bench:start [-- --runs 7]
 *
 * Cold start of the console chat (no platform token): time from spawning the command to the chat's
 * first line, then to the reply to a first question, and the memory of the whole process tree at the
 * first line (npm and its shell included). Rows: `node -e 0` and a bare node that prints a line and
 * waits (the floor), the compiled app (`node dist/main.js`), `npm start` (the README's quick start),
 * and the TypeScript source through tsx (how `npm start` used to run). Runs are interleaved so the
 * machine's noise falls on every row alike; ratios are to the bare node of the same run.
 *
 * As after `npm ci` in a fresh clone: no .env, so no DATA_DIR — the console chat keeps its records in
 * memory and writes nothing into the checkout. One more row sets DATA_DIR (records in SQLite there).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, isFresh } from '../scripts/build.mjs';
import { fmt, machineLine, median, minMed, ratio, table, treeMemory } from './lib.js';

const READY = 'briefbot —';
const QUESTION = 'When was DeepSeek-R1 released?';
const TIMEOUT_MS = 30_000;
const TSX_CLI = 'node_modules/tsx/dist/cli.mjs';

/** BENCH_START_EXTRA="label=cmd arg…;…" adds rows (to compare a candidate build). */
function extraVariants(): Variant[] {
  return (process.env.BENCH_START_EXTRA ?? '')
    .split(';')
    .filter((s) => s.includes('='))
    .map((s) => {
      const [name = '', command = ''] = s.split('=');
      const [cmd = '', ...args] = command.trim().split(/\s+/);
      return { name, cmd, args, asks: true };
    });
}

interface Variant {
  name: string;
  cmd: string;
  args: string[];
  /** Sends a question after the first line and waits for the reply. */
  asks: boolean;
  /** Only the time to exit is measured. */
  exits?: boolean;
  /** Variables set for this row only. */
  env?: NodeJS.ProcessEnv;
}

interface Sample {
  readyMs: number;
  answerMs: number;
  rssMb: number;
  ussMb: number;
  processes: number;
}

function runOnce(v: Variant, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(v.cmd, v.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...env, ...v.env } });
    const sample: Sample = { readyMs: Number.NaN, answerMs: Number.NaN, rssMb: 0, ussMb: 0, processes: 0 };
    let out = '';
    let err = '';
    let state: 'starting' | 'asked' | 'done' = 'starting';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${v.name}: no ${state === 'starting' ? 'first line' : 'reply'} in ${TIMEOUT_MS} ms\n${err}`,
        ),
      );
    }, TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (state === 'starting' && out.includes(READY)) {
        sample.readyMs = performance.now() - t0;
        Object.assign(sample, treeMemory(child.pid as number));
        out = '';
        if (v.asks) {
          state = 'asked';
          child.stdin.write(`${QUESTION}\n`);
        } else {
          state = 'done';
          child.stdin.end();
        }
      } else if (state === 'asked' && out.trim() !== '') {
        sample.answerMs = performance.now() - t0;
        state = 'done';
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (v.exits) sample.readyMs = performance.now() - t0;
      if (state !== 'done' && !v.exits) reject(new Error(`${v.name} exited (${code}) early\n${err}`));
      else resolve(sample);
    });
  });
}

function parseRuns(argv: string[]): number {
  const i = argv.indexOf('--runs');
  const n = i >= 0 ? Number(argv[i + 1]) : 7;
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('--runs must be an integer from 1 to 100');
  return n;
}

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  if (!isFresh() && !build()) throw new Error('the build failed');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-bench-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: '', NODE_ENV: 'production' };
  for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'])
    env[name] = '';
  for (const name of ['SLACK_SIGNING_SECRET', 'HEALTH_PORT', 'REDIS_URL', 'LOG_LEVEL']) env[name] = '';
  // npm under npm: keep the child's npm from reading this run's npm_* settings.
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  const node = process.execPath;
  const variants: Variant[] = [
    { name: 'node -e 0 (exit)', cmd: node, args: ['-e', '0'], asks: false, exits: true },
    {
      name: 'bare node (prints, waits)',
      cmd: node,
      args: ['-e', `process.stdout.write(${JSON.stringify(`${READY}\n`)}); process.stdin.resume()`],
      asks: false,
    },
    { name: 'compiled: node dist/main.js', cmd: node, args: ['dist/main.js'], asks: true },
    { name: 'npm start', cmd: 'npm', args: ['start'], asks: true },
    {
      name: 'npm start, DATA_DIR set (SQLite)',
      cmd: 'npm',
      args: ['start'],
      asks: true,
      env: { DATA_DIR: dataDir },
    },
    // What `npm start` ran before: the tsx command (a node that starts the app in a second node).
    { name: 'tsx src/main.ts (before)', cmd: node, args: [TSX_CLI, 'src/main.ts'], asks: true },
    ...extraVariants(),
  ];
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  // One warm-up round (disk cache), then interleaved measured rounds.
  for (const v of variants) await runOnce(v, env);
  for (let r = 0; r < runs; r++) for (const v of variants) samples.get(v.name)?.push(await runOnce(v, env));
  rmSync(dataDir, { recursive: true, force: true });

  const bare = median((samples.get(variants[1]?.name ?? '') ?? []).map((s) => s.readyMs));
  const rows = variants.map((v) => {
    const s = samples.get(v.name) ?? [];
    const ready = s.map((x) => x.readyMs);
    return [
      v.name,
      minMed(ready, 0),
      v.asks
        ? minMed(
            s.map((x) => x.answerMs),
            0,
          )
        : '–',
      v.exits
        ? '–'
        : minMed(
            s.map((x) => x.rssMb),
            0,
          ),
      v.exits
        ? '–'
        : minMed(
            s.map((x) => x.ussMb),
            0,
          ),
      v.exits ? '–' : fmt(median(s.map((x) => x.processes)), 0),
      v.exits ? '–' : ratio(median(ready), bare),
    ];
  });
  console.log(`bench:start · ${machineLine()} · ${runs} runs a row, interleaved`);
  console.log('Console chat cold start (min / median). Memory: the whole process tree at the first line.\n');
  console.log(
    table(
      [
        'command',
        'first line ms',
        'first answer ms',
        'RSS MB (sum)',
        'private MB',
        'processes',
        'first line vs bare',
      ],
      rows,
    ),
  );
  console.log(
    '\nRSS (sum) counts the pages processes share (node itself) once per process; private = what only' +
      ' the tree maps.' +
      ' npm start = npm + sh + node.',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
