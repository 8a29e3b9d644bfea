/**
 * `npm run bench:report [-- --mb 1024]`: `npm run report` over a generated JSON lines file of that many
 * MB (skewed unanswered questions, votes, and some odd lines), in a child process, reporting time and
 * peak memory (max RSS). Peer in the same run: the previous implementation's approach (read the whole
 * file into one string, split, parse every line), on a 64 MB file — it cannot read files over ~512 MB.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fmt, machineLine, prng, ratio, table } from './lib.js';

const at = process.argv.indexOf('--mb');
const BIG_MB = at >= 0 ? Number(process.argv[at + 1]) : 1024;
const ROOT = path.resolve(import.meta.dirname, '..');

function generate(file: string, mb: number): number {
  const random = prng(42);
  const fd = openSync(file, 'w');
  let bytes = 0;
  let lines = 0;
  const target = mb * 1024 * 1024;
  while (bytes < target) {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      const r = random();
      lines += 1;
      if (r < 0.001) parts.push('{"lang":{"toString":1}}');
      else if (r < 0.2)
        parts.push(
          JSON.stringify({
            at: '2026-11-30T10:00:00.000Z',
            platform: 'discord',
            user: 'a1b2c3d4e5f60718',
            entryId: `entry-${Math.floor(random() * 60)}`,
            vote: random() < 0.3 ? 'down' : 'up',
            lang: 'en',
          }),
        );
      else {
        // A few questions asked very often, a long tail asked once.
        const q =
          r < 0.5
            ? `frequent question number ${Math.floor(random() * 20)}?`
            : `one-off question ${lines} about something else entirely`;
        parts.push(
          JSON.stringify({
            at: '2026-11-30T10:00:00.000Z',
            platform: 'slack',
            question: q,
            lang: random() < 0.5 ? 'en' : 'fr',
          }),
        );
      }
    }
    const chunk = Buffer.from(`${parts.join('\n')}\n`);
    writeSync(fd, chunk);
    bytes += chunk.length;
  }
  closeSync(fd);
  return lines;
}

interface Run {
  seconds: number;
  maxRssMb: number;
  ok: boolean;
  note: string;
}

function measure(code: string, args: string[]): Run {
  const wrapped = `const t0 = performance.now(); process.on('exit', () => process.stderr.write('\\nbench=' + JSON.stringify({ s: (performance.now() - t0) / 1000, rss: process.resourceUsage().maxRSS / 1024 }) + '\\n')); ${code}`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', wrapped, '--', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: path.join(tmpdir(), 'briefbot-bench-report-none') },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const m = /bench=(\{.*\})/.exec(run.stderr);
  const stats = m
    ? (JSON.parse(m[1] as string) as { s: number; rss: number })
    : { s: Number.NaN, rss: Number.NaN };
  const recorded = /\((\d+) recorded\)/.exec(run.stdout)?.[1];
  return {
    seconds: stats.s,
    maxRssMb: stats.rss,
    ok: run.status === 0,
    note:
      run.status === 0
        ? `${recorded ?? '?'} questions counted`
        : (run.stderr.split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${run.status}`).slice(0, 70),
  };
}

const NEW = `await import('./src/cli/report.ts');`;
const OLD = `import { readFileSync } from 'node:fs';
const file = process.argv[process.argv.indexOf('--jsonl') + 1];
let n = 0; let skipped = 0;
for (const line of readFileSync(file, 'utf8').split('\\n')) { if (!line) continue; try { const r = JSON.parse(line); if (r && typeof r.question === 'string') { String(r.lang); n += 1; } } catch { skipped += 1; } }
console.log('(' + n + ' recorded)');`;

const dir = path.join(tmpdir(), `briefbot-bench-report-${process.pid}`);
mkdirSync(dir, { recursive: true });
try {
  console.log(machineLine());
  const small = path.join(dir, 'small.jsonl');
  const big = path.join(dir, 'big.jsonl');
  const smallLines = generate(small, 64);
  console.log(`generated 64 MB (${smallLines} lines)…`);
  const bigLines = generate(big, BIG_MB);
  console.log(`generated ${BIG_MB} MB (${bigLines} lines)…\n`);
  const rows: [string, string, Run][] = [
    ['streaming report (npm run report --jsonl)', '64 MB', measure(NEW, ['--jsonl', small])],
    ['whole-file read (previous approach)', '64 MB', measure(OLD, ['--jsonl', small])],
    ['streaming report (npm run report --jsonl)', `${BIG_MB} MB`, measure(NEW, ['--jsonl', big])],
    ['whole-file read (previous approach)', `${BIG_MB} MB`, measure(OLD, ['--jsonl', big])],
  ];
  console.log(
    table(
      ['reader', 'input', 'seconds', 'max RSS MB', 'result'],
      rows.map(([name, size, r]) => [
        name,
        size,
        fmt(r.seconds, 1),
        fmt(r.maxRssMb, 0),
        r.ok ? r.note : `FAILED: ${r.note}`,
      ]),
    ),
  );
  const [s64, o64, sBig] = rows.map((r) => r[2]);
  if (s64 && o64 && sBig)
    console.log(
      `\nmemory, streaming vs whole-file at 64 MB: ${ratio(s64.maxRssMb, o64.maxRssMb)}; streaming at ${BIG_MB} MB vs 64 MB: ${ratio(sBig.maxRssMb, s64.maxRssMb)} (bounded: the same order whatever the size)`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
