// `npm start`: runs the compiled app (dist/main.js) in this very process — no tsx, no second node.
// dist/ is built by `npm ci` (the `prepare` script) and rebuilt here first when src/ changed since.
// package.json starts it with --max-semi-space-size=1: the console and a small team's bot allocate little, and
// 1 MB semi-spaces keep the process about 5 MB smaller at the prompt (README, "Commands").
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, isFresh } from './build.mjs';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
if (!isFresh()) {
  const why = existsSync(main) ? 'src/ changed since the last build' : 'no build yet';
  process.stderr.write(`briefbot: ${why}, compiling…\n`);
  if (!build() && !existsSync(main)) process.exit(1);
}
await import(pathToFileURL(main).href);
