import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type Engine, type Reply, renderText } from '../core/index.js';
import { JsonlSession, toJson } from './jsonl.js';
import { engineForCli } from './shared.js';

export { type JsonAnswer, toJson } from './jsonl.js';

/**
 * `npm run ask -- "question"` prints the plain-text reply (with its chart as text bars).
 * `npm run ask -- --chart out.png "question"` also writes the reply's chart as a PNG.
 * `npm run --silent ask -- --jsonl` reads one question a line on stdin and writes one JSON object a line.
 * A line may also be a JSON object `{"text": "...", "conversation": "id", "locale": "fr"}`: lines with
 * the same `conversation` are the turns of one conversation, in input order.
 */
function answerSafely(engine: Engine, question: string, locale: string | undefined): Reply {
  return engine.answer({ text: question, locale: locale ?? null });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean', default: false },
      locale: { type: 'string' },
      json: { type: 'boolean' },
      chart: { type: 'string' },
    },
  });
  const engine = engineForCli();
  if (values.jsonl) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    const session = new JsonlSession(engine, values.locale);
    for await (const line of rl) {
      process.stdout.write(`${JSON.stringify(session.answer(line))}\n`);
    }
    return;
  }
  const question = positionals.join(' ');
  const reply = answerSafely(engine, question, values.locale);
  process.stdout.write(
    values.json
      ? `${JSON.stringify(toJson(question, reply), null, 2)}\n`
      : `${renderText(reply, { chart: true })}\n`,
  );
  if (values.chart !== undefined) await writeChart(reply, values.chart);
}

/** Writes the reply's chart as a PNG; says so on stderr and exits 1 when the reply has none. */
async function writeChart(reply: Reply, file: string): Promise<void> {
  if (!reply.chart) {
    console.error('This answer has no chart (charts: market reaction, API costs, V3 training cost).');
    process.exitCode = 1;
    return;
  }
  const { renderPng } = await import('../charts/render.js');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, await renderPng(reply.chart));
  console.error(`Chart written to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
