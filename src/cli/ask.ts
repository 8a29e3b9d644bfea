import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type Engine, type Reply, renderText } from '../core/index.js';
import { engineForCli } from './shared.js';

/**
 * `npm run ask -- "question"` prints the plain-text reply.
 * `npm run --silent ask -- --jsonl` reads one question a line on stdin and writes one JSON object a line.
 */
export interface JsonAnswer {
  question: string;
  answered: boolean;
  kind: Reply['kind'];
  lang: Reply['lang'];
  text: string;
  entry: string | null;
  confidence: number | null;
  matches: { id: string; score: number }[];
}

export function toJson(question: string, reply: Reply): JsonAnswer {
  return {
    question,
    answered: reply.answered,
    kind: reply.kind,
    lang: reply.lang,
    text: renderText(reply),
    entry: reply.entryId ?? null,
    confidence: reply.confidence ?? null,
    matches: reply.matches,
  };
}

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
    },
  });
  const engine = engineForCli();
  if (values.jsonl) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of rl) {
      process.stdout.write(`${JSON.stringify(toJson(line, answerSafely(engine, line, values.locale)))}\n`);
    }
    return;
  }
  const question = positionals.join(' ');
  const reply = answerSafely(engine, question, values.locale);
  process.stdout.write(
    values.json ? `${JSON.stringify(toJson(question, reply), null, 2)}\n` : `${renderText(reply)}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
