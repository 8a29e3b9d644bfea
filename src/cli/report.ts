import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../config.js';
import { loadEngineFromDir } from '../core/index.js';
import { buildReport, type ClosestEntry } from '../ops/report.js';
import { renderReport } from '../ops/report-render.js';

/**
 * `npm run report [-- --top N]`: the most frequent unanswered questions and the entries with the most 👎,
 * read from DATA_DIR, so the knowledge base can be improved.
 */
loadDotenv({ quiet: true });
let dataDir: string;
let databaseUrl: string | undefined;
let knowledgeDir: string;
try {
  const config = loadConfig();
  dataDir = resolve(config.dataDir);
  databaseUrl = config.databaseUrl;
  knowledgeDir = resolve(config.knowledgeDir);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  for (const p of err.problems) console.error(`config error: ${p}`);
  process.exit(2);
}
const at = process.argv.indexOf('--top');
const top = at >= 0 ? Number(process.argv[at + 1]) : 20;
if (!Number.isInteger(top) || top < 1) {
  console.error('--top must be a positive integer');
  process.exit(2);
}
/** `--jsonl FILE` (repeatable): also read a JSON lines file (an export, or an earlier version's). */
const jsonl = process.argv.flatMap((a, i) =>
  a === '--jsonl' && process.argv[i + 1] ? [process.argv[i + 1] as string] : [],
);
/** The entry the engine came closest to: its best search candidate, or its first suggestion. */
function closestFinder(): ClosestEntry | undefined {
  try {
    const engine = loadEngineFromDir(knowledgeDir, { cacheSize: 0 });
    return (question, lang) => {
      const reply = engine.answer({ text: question, locale: lang });
      return reply.entryId ?? reply.matches[0]?.id ?? reply.suggestions[0]?.id;
    };
  } catch (err) {
    console.error(`knowledge not loaded (${(err as Error).message}): no closest entries`);
    return undefined;
  }
}
try {
  const report = await buildReport(
    { dataDir, jsonl, ...(databaseUrl ? { databaseUrl } : {}) },
    top,
    closestFinder(),
  );
  process.stdout.write(renderReport(report, databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dataDir));
} catch (err) {
  console.error(`report failed: ${(err as Error).message}`);
  process.exit(1);
}
