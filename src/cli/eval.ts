import { parseArgs } from 'node:util';
import { GATES } from '../eval/gates.js';
import { calibration, rates } from '../eval/metrics.js';
import type { EvalReport, Outcome, SetReport } from '../eval/outcome.js';
import { runAll } from '../eval/run.js';
import { engineForCli } from './shared.js';

/**
 * `npm run eval [-- --failures] [-- --set real,refuse] [-- --json]`: every development set in tests/eval/,
 * per category and language, the calibration table, the refusal figures and the gates (target vs now).
 */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function table(outcomes: readonly Outcome[], key: (o: Outcome) => string): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  console.log(`  ${pad('category', 30)}${lpad('en', 14)}${lpad('fr', 14)}${lpad('all', 14)}  language`);
  const cell = (list: Outcome[]) => {
    if (list.length === 0) return lpad('—', 14);
    const r = rates(list);
    return lpad(`${pct(r.correct / r.total)} (${r.total})`, 14);
  };
  for (const [k, list] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const r = rates(list);
    console.log(
      `  ${pad(k, 30)}${cell(list.filter((o) => o.lang === 'en'))}${cell(list.filter((o) => o.lang === 'fr'))}${cell(list)}  ${pct(r.langOk / r.total)}`,
    );
  }
  const all = rates(outcomes);
  console.log(
    `  ${pad('TOTAL', 30)}${cell(outcomes.filter((o) => o.lang === 'en'))}${cell(outcomes.filter((o) => o.lang === 'fr'))}${cell([...outcomes])}  ${pct(all.langOk / all.total)}`,
  );
}

function printSet(s: SetReport): void {
  console.log(`\n== ${s.def.title} — tests/eval/${s.def.file}`);
  if (s.missing) {
    console.log('  (file missing)');
    return;
  }
  const o = s.outcomes;
  if (s.def.kind === 'refuse') {
    const answered = o.filter((x) => x.answered);
    const high = answered.filter((x) => (x.confidence ?? 0) > 0.8);
    console.log(
      `  ${o.length} questions: ${answered.length} answered from the knowledge (${pct(answered.length / o.length)}), ${high.length} of them above 0.8; refused ${pct(1 - answered.length / o.length)}`,
    );
    table(o, (x) => x.category);
    return;
  }
  if (s.def.kind === 'conversations') {
    const convs = new Set(o.map((x) => x.conv)).size;
    console.log(`  ${convs} conversations, ${o.length} turns; by turn role:`);
    table(o, (x) => x.group);
    console.log('  by conversation category:');
    table(o, (x) => x.category);
    return;
  }
  if (s.def.kind === 'questions') {
    console.log(
      `  ${o.length} questions; by expectation (answerable / unanswerable / either / cost / training):`,
    );
    table(o, (x) => x.group);
    console.log('  by category:');
  } else {
    console.log(`  ${o.length} items:`);
  }
  table(o, (x) => x.category);
}

function printCalibrationTable(title: string, outcomes: readonly Outcome[]): void {
  console.log(`\n== Calibration: ${title}`);
  console.log(`  ${pad('confidence', 12)}${lpad('answered', 10)}${lpad('right', 8)}${lpad('accuracy', 10)}`);
  for (const b of calibration(outcomes)) {
    const acc = b.answered === 0 ? '—' : pct(b.correct / b.answered);
    console.log(
      `  ${pad(b.label, 12)}${lpad(String(b.answered), 10)}${lpad(String(b.correct), 8)}${lpad(acc, 10)}`,
    );
  }
}

function printCalibration(report: EvalReport): void {
  printCalibrationTable(
    'all sets (answered replies with a confidence; an answer to a must-refuse question counts as wrong)',
    report.sets.flatMap((s) => s.outcomes),
  );
  for (const id of ['real', 'refuse']) {
    const s = report.sets.find((x) => x.def.id === id);
    if (s && !s.missing && s.outcomes.length > 0) printCalibrationTable(s.def.title, s.outcomes);
  }
}

function printGates(report: EvalReport): void {
  console.log('\n== Gates (tests/eval/gates.test.ts enforces the floor; the issue asks for the target)');
  for (const g of GATES) {
    const m = report.metrics.get(g.metric);
    const now = m ? `now ${pct(m.value)} (n=${m.n})` : 'not measured';
    const flag = !m ? ' ' : m.value >= g.target ? '✓' : m.value >= g.floor ? '·' : '✗';
    console.log(
      `  ${flag} #${g.issue} ${pad(g.description, 58)} target ${lpad(pct(g.target), 6)}, ${now}, floor ${pct(g.floor)}`,
    );
  }
}

function printFailures(report: EvalReport): void {
  for (const s of report.sets) {
    const bad = s.outcomes.filter((o) => !o.correct || (s.def.kind !== 'refuse' && !o.langOk));
    if (bad.length === 0) continue;
    console.log(`\n== Misses: ${s.def.id} (${bad.length})`);
    for (const o of bad) {
      const where = o.conv ? `${o.conv}#${o.turn} ` : '';
      const conf = o.confidence === undefined ? '' : ` @${o.confidence.toFixed(2)}`;
      console.log(`- [${where}${o.category}/${o.group}/${o.lang}] ${o.question}`);
      console.log(
        `    expected ${o.expected}, got ${o.got}${conf} (lang ${o.langOk ? 'ok' : 'WRONG'})${o.why ? ` — ${o.why}` : ''}${o.matches ? `  [${o.matches}]` : ''}`,
      );
    }
  }
}

const { values } = parseArgs({
  options: {
    failures: { type: 'boolean', default: false },
    set: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const only = values.set ? values.set.split(',').map((s) => s.trim()) : undefined;
const report = runAll(engineForCli(), process.cwd(), only);
if (values.json) {
  console.log(JSON.stringify(Object.fromEntries(report.metrics), null, 2));
} else {
  for (const s of report.sets) printSet(s);
  printCalibration(report);
  printGates(report);
  if (values.failures) printFailures(report);
}
