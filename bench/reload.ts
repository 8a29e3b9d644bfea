/**
 * `npm run bench:reload [-- --entries 10000]`: what a knowledge reload costs the answers being served.
 * Builds a synthetic base (the shipped entries cloned to N, in files under the caps), then, while a
 * question is answered every 2 ms, runs each scenario and reports the longest event-loop pause and the
 * answers' p50/p99 (scheduling delay + answer time, what an asker waits):
 *   - the same reload on the main thread (the old path: read + parse + validate + index), as the peer;
 *   - the reload worker (read + parse + validate off-thread, index on the main thread);
 *   - a 50 MB file (refused by the cap), a FIFO named *.yaml, the folder deleted and restored.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { createEngine, loadKnowledge } from '../src/core/index.js';
import { createLogger } from '../src/logger.js';
import { KnowledgeHolder, type ReloadResult } from '../src/ops/knowledge.js';
import { fmt, machineLine, percentile, ratio, sortedCopy, table } from './lib.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const ENTRIES = arg('--entries', 10_000);
const ROOT = path.resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;
const limits = { maxFileBytes: 4 * MB, maxTotalBytes: 64 * MB };

/** A copy of knowledge/ grown to `n` entries: each topic file's entries cloned with new ids. */
function syntheticBase(dir: string, n: number): void {
  cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  const files = [
    'market.yaml',
    'company.yaml',
    'models.yaml',
    'training.yaml',
    'pricing.yaml',
    'geopolitics.yaml',
    'app.yaml',
  ];
  const docs = files.map(
    (f) =>
      parse(readFileSync(path.join(dir, f), 'utf8')) as {
        topic: { id: string; name: unknown };
        entries: Record<string, unknown>[];
      },
  );
  const shipped = docs.reduce((s, d) => s + d.entries.length, 0);
  let made = shipped;
  let part = 0;
  while (made < n) {
    part += 1;
    const src = docs[part % docs.length];
    if (!src) break;
    const entries: Record<string, unknown>[] = [];
    for (let i = 0; i < 400 && made < n; i += 1, made += 1) {
      const e = src.entries[i % src.entries.length] as {
        id: string;
        questions: { en: string[]; fr: string[] };
      };
      const tag = `s${part}x${i}`;
      entries.push({
        ...e,
        id: `${e.id.slice(0, 40)}-${tag}`,
        related: [],
        questions: {
          en: e.questions.en.map((q) => `${q} ${tag}`),
          fr: e.questions.fr.map((q) => `${q} ${tag}`),
        },
      });
    }
    writeFileSync(
      path.join(dir, `synthetic-${String(part).padStart(3, '0')}.yaml`),
      stringify({ topic: { id: `synthetic-${part}`, name: src.topic.name }, entries }),
    );
  }
}

interface Row {
  scenario: string;
  pauseMs: number;
  p50: number;
  p99: number;
  answers: number;
  outcome: string;
}

/** Runs `work` while answering a question every 2 ms; measures the pause and the answers' waits. */
async function during(scenario: string, holder: KnowledgeHolder, work: () => Promise<string>): Promise<Row> {
  const waits: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let next = performance.now();
  let stop = false;
  const tick = (): void => {
    if (stop) return;
    const start = performance.now();
    holder.current().answer({ text: `When did the DeepSeek selloff happen? ${waits.length}` });
    waits.push(performance.now() - next);
    next = Math.max(next + 2, start);
    setTimeout(tick, Math.max(0, next - performance.now()));
  };
  await new Promise((r) => setTimeout(r, 50));
  loop.enable();
  setTimeout(tick, 0);
  const outcome = await work();
  await new Promise((r) => setTimeout(r, 50));
  stop = true;
  loop.disable();
  const sorted = sortedCopy(waits);
  return {
    scenario,
    // A synchronous block shows as one long wait (the histogram cannot tick during it).
    pauseMs: Math.max(loop.max / 1e6, sorted.at(-1) ?? 0),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    answers: waits.length,
    outcome,
  };
}

const describe = (r: ReloadResult) =>
  r.ok ? `swapped (${r.entries} entries)` : `refused: ${r.problems[0]?.slice(0, 60)}`;

async function main(): Promise<void> {
  const work = path.join(tmpdir(), `briefbot-bench-reload-${process.pid}`);
  const dir = path.join(work, 'knowledge');
  mkdirSync(work, { recursive: true });
  try {
    syntheticBase(dir, ENTRIES);
    const logger = createLogger({ level: 'silent' });
    const holder = new KnowledgeHolder(dir, logger, {}, { limits });
    console.log(machineLine());
    console.log(`knowledge reload while answering, ${holder.current().size} entries\n`);
    const rows: Row[] = [];

    rows.push(
      await during('main thread (old path): read+parse+validate+index', holder, async () => {
        const engine = createEngine(loadKnowledge(dir, limits));
        return `built (${engine.size} entries)`;
      }),
    );
    rows.push(
      await during('reload worker + index on main thread', holder, async () =>
        describe(await holder.reload()),
      ),
    );

    const huge = path.join(dir, 'huge.yaml');
    const fd = openSync(huge, 'w');
    const block = Buffer.from('- just: a line of yaml that goes on\n'.repeat(1000));
    for (let n = 0; n < 50 * MB; n += block.length) writeSync(fd, block);
    closeSync(fd);
    rows.push(await during('50 MB file (over the cap)', holder, async () => describe(await holder.reload())));
    rmSync(huge);

    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    rows.push(await during('FIFO named pipe.yaml', holder, async () => describe(await holder.reload())));
    rmSync(path.join(dir, 'pipe.yaml'));

    holder.watch();
    const backup = path.join(work, 'backup');
    cpSync(dir, backup, { recursive: true });
    rows.push(
      await during('folder deleted, then restored (watch)', holder, async () => {
        const gone = new Promise<ReloadResult>((r) => holder.once('reload', r));
        rmSync(dir, { recursive: true, force: true });
        const first = await gone;
        const back = new Promise<ReloadResult>((r) => holder.once('reload', r));
        cpSync(backup, dir, { recursive: true });
        const second = await back;
        return `${first.ok ? 'swapped' : 'refused'} while gone, then ${describe(second)}`;
      }),
    );
    holder.close();

    console.log(
      table(
        ['scenario', 'longest pause ms', 'answer wait p50 ms', 'p99 ms', 'answers', 'outcome'],
        rows.map((r) => [
          r.scenario,
          fmt(r.pauseMs),
          fmt(r.p50, 2),
          fmt(r.p99, 1),
          String(r.answers),
          r.outcome,
        ]),
      ),
    );
    const [old, worker] = rows;
    if (old && worker)
      console.log(
        `\nreload pause, worker vs main thread: ${ratio(worker.pauseMs, old.pauseMs)}; targets: pause ≤ 50 ms (${worker.pauseMs <= 50 ? 'met' : 'NOT met'}), ` +
          `p99 < 100 ms during the refused/FIFO/replaced reloads (${rows.slice(2).every((r) => r.p99 < 100) ? 'met' : 'NOT met'})`,
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
