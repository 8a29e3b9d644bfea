import { ConfigError, loadConfig } from '../config.js';
import { formatProblem, readKnowledgeDir, validateKnowledge } from '../core/index.js';

/** `npm run kb:check [folder]`: validates the knowledge files and reports every problem; exit 1 if any. */
function main(): number {
  let dir: string;
  let limits: ReturnType<typeof loadConfig>['knowledgeLimits'];
  try {
    const config = loadConfig();
    dir = process.argv[2] ?? config.knowledgeDir;
    limits = config.knowledgeLimits;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  let files: ReturnType<typeof readKnowledgeDir>;
  try {
    files = readKnowledgeDir(dir, limits);
  } catch (err) {
    console.error(`Cannot read ${dir}: ${(err as Error).message}`);
    return 1;
  }
  const { kb, errors, warnings } = validateKnowledge(files);
  for (const p of errors) console.log(`error   ${formatProblem(p)}`);
  for (const p of warnings) console.log(`warning ${formatProblem(p)}`);
  if (kb) {
    const perLang = kb.entries.reduce((n, e) => n + e.questions.en.length + e.questions.fr.length, 0);
    console.log(
      `${files.length} files, ${kb.entries.length} entries in ${kb.topics.length} topics, ${perLang} questions, ${kb.models.length} priced models.`,
    );
  }
  const total = errors.length + warnings.length;
  console.log(
    total === 0 ? 'Knowledge base OK.' : `${errors.length} error(s), ${warnings.length} warning(s).`,
  );
  return total === 0 ? 0 : 1;
}

process.exitCode = main();
