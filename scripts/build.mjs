// Keeps dist/ (the compiled app that `npm start` runs) in step with src/.
//   node scripts/build.mjs           npm's `prepare` (after `npm ci`): compiles when src/ changed since
//                                    the last build; a production install (no src/ or no TypeScript,
//                                    as in the Docker runtime stage) skips quietly
//   node scripts/build.mjs --force   `npm run build`: compiles anyway; fails on any type error
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
/** node:child_process, loaded only to compile: `npm start` checks freshness without it (2 MB). */
const spawnSync = (...args) => require('node:child_process').spawnSync(...args);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const stampFile = join(dist, '.build-stamp');
const configs = ['tsconfig.json', 'tsconfig.build.json'].map((f) => join(root, f));

/** The newest modification time and the number of the inputs of a build (a deleted file changes it). */
function inputsStamp() {
  let newest = 0;
  let files = 0;
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else {
        files++;
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  visit(src);
  for (const c of configs) if (existsSync(c)) newest = Math.max(newest, statSync(c).mtimeMs);
  return `${newest} ${files}`;
}

/** True when dist/ was built from the src/ there is now (always true without src/: a production image). */
export function isFresh() {
  if (!existsSync(src)) return existsSync(join(dist, 'main.js'));
  try {
    return readFileSync(stampFile, 'utf8') === inputsStamp();
  } catch {
    return false;
  }
}

function tscPath() {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
    return join(dirname(pkg), JSON.parse(readFileSync(pkg, 'utf8')).bin.tsc);
  } catch {
    return undefined;
  }
}

/**
 * Compiles src/ into a clean dist/; returns false (after saying why on stderr) when it cannot. Type
 * errors fail a strict build; otherwise (as tsx did) the emitted code runs, after tsc's messages.
 */
export function build({ strict = false } = {}) {
  const tsc = tscPath();
  if (!existsSync(src) || !tsc) {
    process.stderr.write('briefbot: cannot compile without src/ and TypeScript (run npm ci)\n');
    return false;
  }
  const stamp = inputsStamp();
  rmSync(dist, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  const emitted = existsSync(join(dist, 'main.js'));
  if (!emitted || (strict && r.status !== 0)) {
    process.stderr.write('briefbot: the TypeScript build failed (see above)\n');
    return false;
  }
  writeFileSync(stampFile, stamp);
  warmKnowledge();
  return true;
}

/**
 * Reads the shipped knowledge once with the new build, which stores the result in dist/ (see
 * src/ops/knowledge-cache.ts): the first start after `npm ci` skips parsing and indexing too. Invalid
 * knowledge is not stored; start-up reports it as always.
 */
function warmKnowledge() {
  const knowledge = join(root, 'knowledge');
  const cache = join(dist, 'ops', 'knowledge-cache.js');
  if (!existsSync(knowledge) || !existsSync(cache)) return;
  const code = `import(${JSON.stringify(pathToFileURL(cache).href)}).then((m) => m.warmKnowledgeCache(${JSON.stringify(knowledge)})).catch(() => {})`;
  spawnSync(process.execPath, ['--input-type=module', '-e', code], { stdio: 'ignore' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force')) process.exit(build({ strict: true }) ? 0 : 1);
  if (existsSync(src) && tscPath() && !isFresh()) process.exit(build({ strict: true }) ? 0 : 1);
}
