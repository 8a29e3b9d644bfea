import { parseArgs } from 'node:util';
import { type EvalReport, readQuestions, runEval, share } from '../eval/run.js';
import { engineForCli } from './shared.js';

/** `npm run eval [-- --failures] [-- --file path]`: accuracy, refusal rate and language accuracy per category. */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(report: EvalReport, showFailures: boolean): void {
  const rows = [...report.byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log('category        questions  correct   language');
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(16)}${String(r.total).padStart(9)}  ${pct(share(r)).padStart(7)}  ${pct(share(r, 'langOk')).padStart(9)}`,
    );
  }
  console.log('');
  console.log(
    `in-scope accuracy   ${pct(share(report.inScope))}  (${report.inScope.correct}/${report.inScope.total})`,
  );
  console.log(
    `refusal rate        ${pct(share(report.outOfScope))}  (${report.outOfScope.correct}/${report.outOfScope.total} out-of-scope questions refused)`,
  );
  console.log(
    `language accuracy   ${pct(share(report.language, 'langOk'))}  (${report.language.langOk}/${report.language.total})`,
  );
  if (showFailures) {
    console.log('\nfailures:');
    for (const o of report.outcomes.filter((x) => !x.correct || !x.langOk)) {
      const got = o.reply.entryId ?? (o.reply.kind === 'none' ? 'none' : o.reply.kind);
      const top = o.reply.matches
        .slice(0, 3)
        .map((m) => `${m.id}:${m.score}`)
        .join(' ');
      console.log(
        `- [${o.q.category}/${o.q.lang}] ${o.q.question}\n    expected ${o.q.expect}, got ${got} (${o.reply.lang}) ${top}`,
      );
    }
  }
}

const { values } = parseArgs({
  options: {
    failures: { type: 'boolean', default: false },
    file: { type: 'string', default: 'tests/eval/questions.jsonl' },
  },
});
const report = runEval(engineForCli(), readQuestions(values.file));
print(report, values.failures);
