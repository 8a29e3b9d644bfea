/**
 * npm run bench [-- --rounds 5 --variants 1000 --100k --only shipped,scale,reload]
 *
 * The engine next to its peers, every figure from this one run:
 *   1. the shipped knowledge: the evaluation set (285 questions as written) and unique mutated
 *      variants of it (typos, swapped words, changed case; each text seen once), the engine with its
 *      answer cache off and on, fuse.js and MiniSearch (fuzzy + prefix, with and without stop words)
 *      over the same questions and aliases, with their top-1 accuracy next to the engine's;
 *   2. scale: synthetic bases of 1,000 and 10,000 entries (100,000 with --100k): build time, memory
 *      per entry, p50/p99, top-1;
 *   3. hot reload: the longest pause of the event loop while the knowledge folder is reloaded, and the
 *      first and next autocomplete completions on the swapped engine.
 * Each timing is min / median over rounds; ratios compare medians of the same run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { stringify } from 'yaml';
import { converse } from '../src/core/conversation/index.js';
import type { ConversationContext } from '../src/core/conversation.js';
import { createEngine, type Engine, type KnowledgeBase, loadKnowledge } from '../src/core/index.js';
import type { Entry } from '../src/core/knowledge/types.js';
import { type EvalQuestion, isCorrect } from '../src/eval/run.js';
import { silentLogger } from '../src/logger.js';
import { KnowledgeHolder } from '../src/ops/knowledge.js';
import { fmt, intArg, machineLine, median, minMed, percentile, ratio, sortedCopy, table } from './lib.js';
import { evalQuestions, takeVariants } from './questions.js';
import { synthetic } from './synthetic.js';

interface Options {
  /** Sections to run (all by default): shipped, scale, reload. */
  only: Set<string>;
  rounds: number;
  variants: number;
  huge: boolean;
}

function parseArgs(argv: string[]): Options {
  const num = (name: string, fallback: number, max: number) => intArg(argv, name, fallback, max);
  const oi = argv.indexOf('--only');
  const only = new Set((oi >= 0 ? (argv[oi + 1] ?? '') : 'shipped,scale,reload').split(','));
  return {
    only,
    rounds: num('rounds', 5, 50),
    variants: num('variants', 1000, 100_000),
    huge: argv.includes('--100k'),
  };
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  // Typed arrays keep their contents outside the JS heap: they count too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A system under test: answers a question with the id of the entry it would show (or none). */
interface System {
  name: string;
  /** Built afresh for each round when it keeps state (the engine's answer cache). */
  make(): (q: string) => string | undefined;
  /** The full reply check (refusals, calculators) where the system has one. */
  full?: (q: EvalQuestion) => boolean;
  /** Its first-ranked candidate, answered or not (briefbot refuses below its threshold). */
  ranked?: (q: string) => string | undefined;
  /** Rounds it takes part in, and questions of each set it is asked (a slow peer: fewer). */
  rounds?: number;
  questions?: number;
}

interface Timing {
  p50: number;
  p99: number;
  qps: number;
  /** What the system answered, question by question. */
  answers: (string | undefined)[];
}

function time(run: (q: string) => string | undefined, questions: readonly string[]): Timing {
  const times = new Float64Array(questions.length);
  const answers: (string | undefined)[] = new Array(questions.length);
  const start = performance.now();
  for (let i = 0; i < questions.length; i++) {
    const t0 = performance.now();
    answers[i] = run(questions[i] as string);
    times[i] = performance.now() - t0;
  }
  const total = performance.now() - start;
  const sorted = sortedCopy(Array.from(times));
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    qps: (questions.length / total) * 1000,
    answers,
  };
}

const isFact = (q: EvalQuestion) => !['none', 'cost', 'training'].includes(q.expect);

/** Share of the questions expecting an entry whose first answer is that entry. */
function top1(answers: readonly (string | undefined)[], questions: readonly EvalQuestion[]): number {
  let facts = 0;
  let hits = 0;
  questions.forEach((q, i) => {
    if (!isFact(q)) return;
    facts++;
    if (answers[i] === q.expect) hits++;
  });
  return hits / Math.max(1, facts);
}

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

const STOP_WORDS = new Set(
  (
    'a an the of to in on at for by with from and or is are was were be been do does did what which who whom ' +
    'when where why how much many it its this that these those there i you we they he she me my our your ' +
    'can could would should will about into than then so as if not no yes any some vs ' +
    'le la les l un une des du de d et ou est sont était a ont en au aux pour par avec sur dans que qui ' +
    'quoi quel quelle quels quelles quand où comment combien pourquoi ce cet cette ces c il elle ils elles ' +
    'on je tu nous vous se s sa son ses leur leurs y ne pas plus moins t qu'
  ).split(' '),
);

const foldTerm = (t: string) => t.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

interface Doc {
  id: string;
  questions: string;
  aliases: string;
}

const docsOf = (entries: readonly Entry[]): Doc[] =>
  entries.map((e) => ({
    id: e.id,
    questions: [...e.questions.en, ...e.questions.fr].join(' \n '),
    aliases: e.aliases.join(' \n '),
  }));

function miniSearch(entries: readonly Entry[], stopWords: boolean): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: ['questions', 'aliases'],
    processTerm: (t) => {
      const f = foldTerm(t);
      return stopWords && STOP_WORDS.has(f) ? null : f;
    },
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { aliases: 1.5 } },
  });
  ms.addAll(docsOf(entries));
  return ms;
}

function fuseOver(entries: readonly Entry[]): Fuse<{ id: string; q: string }> {
  return new Fuse(
    entries.flatMap((e) =>
      [...e.questions.en, ...e.questions.fr, ...e.aliases].map((q) => ({ id: e.id, q })),
    ),
    { keys: ['q'] },
  );
}

const CONVERSE = 'briefbot converse(), 3 earlier turns';

function systems(kb: KnowledgeBase, withFuse = true): System[] {
  const noCache = createEngine(kb, { cacheSize: 0 });
  const list: System[] = [
    {
      name: 'briefbot, answer cache off',
      make: () => (q) => noCache.answer({ text: q }).entryId,
      full: (q) => isCorrect(q, noCache.answer({ text: q.question })),
      ranked: (q) => noCache.answer({ text: q }).matches[0]?.id,
    },
    {
      // The same question as the 4th turn of a conversation: meta detection, context to the engine
      // (which then skips its cache), the new turn built and the context bounded.
      name: CONVERSE,
      make: () => {
        let context: ConversationContext = { turns: [] };
        for (const q of ['how much did nvidia fall?', 'who founded deepseek?', '10M output tokens on r1'])
          context = converse(noCache, { text: q, context }).context;
        return (q) => converse(noCache, { text: q, context }).reply.entryId;
      },
    },
    {
      name: 'briefbot, answer cache on',
      make: () => {
        const cached: Engine = createEngine(kb);
        return (q) => cached.answer({ text: q }).entryId;
      },
    },
  ];
  if (withFuse) {
    const fuse = fuseOver(kb.entries);
    list.push({
      name: 'fuse.js (defaults; 1 round, 100 questions)',
      make: () => (q) => fuse.search(q, { limit: 1 })[0]?.item.id,
      rounds: 1,
      questions: 100,
    });
  }
  for (const stop of [false, true]) {
    const ms = miniSearch(kb.entries, stop);
    list.push({
      name: `MiniSearch fuzzy+prefix${stop ? ', stop words' : ''}`,
      make: () => (q) => ms.search(q)[0]?.id as string | undefined,
    });
  }
  return list;
}

function shippedSection(kb: KnowledgeBase, opts: Options): string {
  const evalSet = evalQuestions();
  const variants = takeVariants(evalSet, opts.variants * opts.rounds);
  const sets = [
    { name: `eval set (${evalSet.length}, repeated)`, perRound: (_r: number) => evalSet, repeated: true },
    {
      name: `unique variants (${opts.variants} a round)`,
      perRound: (r: number) => variants.slice(r * opts.variants, (r + 1) * opts.variants),
      repeated: false,
    },
  ];
  const list = systems(kb);
  const timings = new Map<string, { t: Timing; qs: EvalQuestion[] }[]>();
  // Warm-up (JIT): every system answers part of the eval set; then rounds interleave the systems.
  for (const s of list) {
    const run = s.make();
    for (const q of evalSet.slice(0, 50)) run(q.question);
  }
  // On the repeated set, a cache is warm: the system keeps its state from round to round (hits).
  const kept = new Map<string, (q: string) => string | undefined>();
  for (let r = 0; r < opts.rounds; r++) {
    for (const set of sets) {
      const all = set.perRound(r);
      for (const s of list) {
        if (r >= (s.rounds ?? opts.rounds)) continue;
        const qs = s.questions ? all.slice(0, s.questions) : all;
        const questions = qs.map((q) => q.question);
        let run = s.make();
        if (set.repeated) {
          const warm = kept.get(s.name);
          if (warm) run = warm;
          else {
            for (const q of questions) run(q);
            kept.set(s.name, run);
          }
        }
        const key = `${set.name}|${s.name}`;
        const entries = timings.get(key) ?? [];
        entries.push({ t: time(run, questions), qs });
        timings.set(key, entries);
      }
    }
    progress(`shipped knowledge, round ${r + 1} of ${opts.rounds}`);
  }
  const rows: string[][] = [];
  for (const set of sets) {
    const base = median((timings.get(`${set.name}|${list[0]?.name}`) ?? []).map((x) => x.t.p99));
    for (const s of list) {
      const runs = timings.get(`${set.name}|${s.name}`) ?? [];
      const t = runs.map((x) => x.t);
      const answers = runs.flatMap((x) => x.t.answers);
      const asked = runs.flatMap((x) => x.qs);
      const seen = set.repeated ? asked.slice(0, Math.min(asked.length, evalSet.length)) : asked;
      const full = s.full ? seen.filter(s.full).length / seen.length : Number.NaN;
      const ranked = s.ranked;
      const rankedTop1 = ranked
        ? top1(
            seen.map((q) => ranked(q.question)),
            seen,
          )
        : Number.NaN;
      rows.push([
        set.name,
        s.name,
        minMed(
          t.map((x) => x.p50),
          3,
        ),
        minMed(
          t.map((x) => x.p99),
          3,
        ),
        fmt(median(t.map((x) => x.qps)), 0),
        `${fmt(top1(answers, asked) * 100, 1)}%`,
        Number.isNaN(rankedTop1) ? '–' : `${fmt(rankedTop1 * 100, 1)}%`,
        Number.isNaN(full) ? '–' : `${fmt(full * 100, 1)}%`,
        ratio(median(t.map((x) => x.p99)), base),
      ]);
    }
  }
  const overhead = sets.map((set) => {
    const p99 = (name: string | undefined) =>
      median((timings.get(`${set.name}|${name}`) ?? []).map((x) => x.t.p99));
    return `${set.name} ${fmt(p99(CONVERSE) - p99(list[0]?.name), 3)} ms`;
  });
  return `${table(
    [
      'questions',
      'system',
      'p50 ms',
      'p99 ms',
      'q/s',
      'top-1 (facts)',
      'top-1 ranked',
      'all correct',
      'p99 vs briefbot',
    ],
    rows,
  )}\n\nconversation overhead on p99 (converse() with 3 earlier turns − answer(), cache off; target ≤ 0.2 ms): ${overhead.join(' · ')}`;
}

function scaleSection(base: KnowledgeBase, opts: Options): string {
  const sizes = opts.huge ? [1000, 10_000, 100_000] : [1000, 10_000];
  const rows: string[][] = [];
  for (const size of sizes) {
    const { kb, qs } = synthetic(base, size, 300);
    const questions = qs.map((q) => q.question);
    const builds = size >= 10_000 ? 1 : 3;
    const peers: {
      name: string;
      build: () => unknown;
      run: (o: unknown) => (q: string) => string | undefined;
      max?: number;
    }[] = [
      {
        name: 'briefbot',
        build: () => createEngine(kb, { cacheSize: 0 }),
        run: (e) => (q) => (e as Engine).answer({ text: q }).entryId,
      },
      {
        name: 'MiniSearch fuzzy+prefix, stop words',
        build: () => miniSearch(kb.entries, true),
        run: (m) => (q) => (m as MiniSearch<Doc>).search(q)[0]?.id as string | undefined,
      },
    ];
    if (size <= 1000)
      peers.push({
        name: 'fuse.js (defaults, 30 questions)',
        build: () => fuseOver(kb.entries),
        run: (f) => (q) => (f as Fuse<{ id: string }>).search(q, { limit: 1 })[0]?.item.id,
        max: 30,
      });
    let baseP99 = Number.NaN;
    for (const p of peers) {
      const h0 = heapAfterGc();
      const buildMs: number[] = [];
      let built: unknown;
      let bytes = 0;
      for (let b = 0; b < builds; b++) {
        built = undefined;
        const before = b === 0 ? h0 : heapAfterGc();
        const t0 = performance.now();
        built = p.build();
        buildMs.push(performance.now() - t0);
        if (b === 0) bytes = heapAfterGc() - before;
      }
      const run = p.run(built);
      const qList = p.max ? questions.slice(0, p.max) : questions;
      for (const q of qList.slice(0, 20)) run(q);
      const rounds = p.max ? 1 : Math.max(2, Math.min(opts.rounds, size >= 100_000 ? 2 : opts.rounds));
      const t = Array.from({ length: rounds }, () => time(run, qList));
      const p99 = median(t.map((x) => x.p99));
      if (p.name === 'briefbot') baseP99 = p99;
      rows.push([
        fmt(size, 0),
        p.name,
        minMed(buildMs, 0),
        fmt(bytes / size / 1024, 1),
        minMed(
          t.map((x) => x.p50),
          3,
        ),
        minMed(
          t.map((x) => x.p99),
          3,
        ),
        `${fmt(top1(t[0]?.answers ?? [], p.max ? qs.slice(0, p.max) : qs) * 100, 1)}%`,
        ratio(p99, baseP99),
      ]);
      built = undefined;
      progress(`scale ${size}: ${p.name}`);
    }
  }
  return table(
    ['entries', 'system', 'build ms', 'KB / entry', 'p50 ms', 'p99 ms', 'top-1', 'p99 vs briefbot'],
    rows,
  );
}

/** The shipped knowledge folder plus a base written as topic files of at most 500 entries. */
function writeFolder(
  kb: KnowledgeBase,
  shippedDir: string,
  dir = mkdtempSync(path.join(os.tmpdir(), 'briefbot-bench-kb-')),
  edit = '',
): string {
  // The shipped files come along (the vocabulary and gaps name shipped entries); the parts are added.
  for (const name of readdirSync(shippedDir).filter((n) => /\.ya?ml$/.test(n)))
    writeFileSync(path.join(dir, name), readFileSync(path.join(shippedDir, name)));
  const chunk = 500;
  for (let i = 0; i < kb.entries.length; i += chunk) {
    const part = kb.entries.slice(i, i + chunk);
    const doc = {
      topic: { id: `bench-${i / chunk}`, name: { en: `Part ${i / chunk}`, fr: `Partie ${i / chunk}` } },
      entries: part.map((e) => ({
        id: e.id,
        questions: e.questions,
        aliases: e.aliases,
        answer: edit ? { en: `${e.answer.en} ${edit}`, fr: `${e.answer.fr} ${edit}` } : e.answer,
        ...(e.fields.length > 0 ? { fields: e.fields } : {}),
        source: e.source,
        related: e.related,
      })),
    };
    writeFileSync(path.join(dir, `part-${String(i / chunk).padStart(4, '0')}.yaml`), stringify(doc));
  }
  return dir;
}

/** `edit`, when given, changes every synthetic entry after start-up: the reload decodes them all. */
async function reloadPause(
  dir: string,
  edit?: () => void,
): Promise<{ ms: number; maxPause: number; floor: number; ok: boolean; complete: number; again: number }> {
  const holder = await KnowledgeHolder.open(dir, silentLogger());
  edit?.();
  const h = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let maxGap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 30));
  h.enable();
  maxGap = 0;
  last = performance.now();
  const t0 = performance.now();
  const result = await Promise.resolve(holder.reload());
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 30));
  h.disable();
  const maxPause = Math.max(maxGap, h.max / 1e6);
  // The floor: the longest pause of as long again with nothing to do (a shared machine's own stalls).
  maxGap = 0;
  last = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const floor = maxGap;
  clearInterval(tick);
  // Autocomplete on the swapped engine: its first completion (anything built lazily), then another.
  const engine = holder.current();
  let started = performance.now();
  engine.complete('how much did nvidia', 'en', 25);
  const complete = performance.now() - started;
  started = performance.now();
  engine.complete('deepseek r1 pri', 'en', 25);
  const again = performance.now() - started;
  holder.close();
  return { ms, maxPause, floor, ok: result.ok, complete, again };
}

async function reloadSection(base: KnowledgeBase, shippedDir: string, opts: Options): Promise<string> {
  const rows: string[][] = [];
  const sizes = opts.huge ? [0, 1000, 10_000, 100_000] : [0, 1000, 10_000];
  for (const size of sizes) {
    const kb = size === 0 ? undefined : synthetic(base, size, 1).kb;
    const dir = kb ? writeFolder(kb, shippedDir) : shippedDir;
    const runs = size >= 100_000 ? 1 : 3;
    const results = [];
    for (let r = 0; r < runs; r++)
      results.push(await reloadPause(dir, kb && (() => writeFolder(kb, shippedDir, dir, `(edit ${r + 1})`))));
    if (size !== 0) rmSync(dir, { recursive: true, force: true });
    progress(`reload ${size || 'shipped'}`);
    rows.push([
      size === 0 ? `shipped (${base.entries.length}, unchanged)` : `${fmt(size, 0)} (every one edited)`,
      minMed(
        results.map((r) => r.ms),
        0,
      ),
      minMed(
        results.map((r) => r.maxPause),
        0,
      ),
      minMed(
        results.map((r) => r.floor),
        0,
      ),
      minMed(
        results.map((r) => r.complete),
        1,
      ),
      minMed(
        results.map((r) => r.again),
        1,
      ),
      results.every((r) => r.ok) ? 'yes' : 'NO',
    ]);
  }
  return table(
    [
      'entries',
      'reload ms',
      'longest event-loop pause ms',
      'idle floor ms (as long, no reload)',
      'first completion ms',
      'next completion ms',
      'accepted',
    ],
    rows,
  );
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const shippedDir = path.resolve('knowledge');
  const loads: number[] = [];
  let kb: KnowledgeBase | undefined;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    kb = loadKnowledge(shippedDir);
    createEngine(kb);
    loads.push(performance.now() - t0);
  }
  if (!kb) throw new Error('no knowledge');
  const started = performance.now();
  console.log(`bench · ${machineLine()} · ${opts.rounds} rounds`);
  console.log(
    `\nLoad + validate + index the shipped base (${kb.entries.length} entries, in process): ${minMed(loads, 1)} ms (min / median)\n`,
  );
  if (opts.only.has('shipped')) {
    console.log('1. Shipped knowledge: latency (min / median over rounds) and accuracy\n');
    console.log(shippedSection(kb, opts));
    console.log(
      '\ntop-1 (facts): the entry shown first is the expected one, over questions that expect an entry' +
        " (a refusal counts as a miss: peers never refuse). top-1 ranked: briefbot's best candidate, answered" +
        ' or not. all correct: also refusals and calculators (briefbot only).',
    );
  }
  if (opts.only.has('scale')) {
    console.log(
      '\n2. Scale: synthetic bases (build min / median, memory = heap and array buffers kept after GC)\n',
    );
    console.log(scaleSection(kb, opts));
  }
  if (opts.only.has('reload')) {
    console.log(
      '\n3. Hot reload: read + validate + index a knowledge folder, while the event loop is watched\n',
    );
    console.log(await reloadSection(kb, shippedDir, opts));
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
