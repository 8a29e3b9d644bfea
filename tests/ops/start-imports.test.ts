import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The console chat starts fast because nothing it loads at start-up imports a platform SDK: the
 * adapters (and Redis) are imported dynamically, only when configured; nor a parser it does not need. This walks the static import
 * graph from the entry point, as node loads it before the first line of main() runs.
 */
const SRC = path.resolve('src');

/** Modules a file imports statically (not `import type`, not dynamic `import()`). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) if (m[1]) specs.push(m[1]);
  return specs;
}

function reachable(entry: string): { files: Set<string>; packages: Set<string>; builtins: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const builtins = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (spec.startsWith('node:')) builtins.add(spec);
      else
        packages.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec),
        );
    }
  };
  visit(entry);
  return { files, packages, builtins };
}

describe('start-up imports', () => {
  it('the entry point, the app and the console chat load no SDK, parser, metrics or database package', () => {
    const { files, packages, builtins } = reachable(path.join(SRC, 'main.ts'));
    for (const f of ['app.ts', 'cli/console.ts']) {
      const more = reachable(path.join(SRC, f));
      for (const p of more.packages) packages.add(p);
      for (const b of more.builtins) builtins.add(b);
    }
    expect(files.size).toBeGreaterThan(5);
    expect(packages.has('pino')).toBe(true); // the walk does see packages
    for (const sdk of ['discord.js', '@slack/bolt', 'ioredis', 'pg']) expect(packages).not.toContain(sdk);
    // The knowledge's parser and schemas load when the start-up store misses, the channel policy's
    // when CHANNELS_FILE is set: both are dynamic imports.
    for (const parser of ['zod', 'yaml']) expect(packages).not.toContain(parser);
    // Metrics load when a port can serve them, SQLite when records are kept on disk.
    for (const pkg of ['prom-client', 'better-sqlite3']) expect(packages).not.toContain(pkg);
    // A port's server, the reload worker: loaded when used.
    expect(builtins).toContain('node:fs');
    for (const b of ['node:http', 'node:worker_threads', 'node:child_process'])
      expect(builtins).not.toContain(b);
  });

  it('sees a static import of an SDK where there is one', () => {
    const { packages } = reachable(path.join(SRC, 'adapters/slack/index.ts'));
    expect(packages).toContain('@slack/bolt');
    expect(reachable(path.join(SRC, 'services/channel-policy.ts')).packages).toContain('zod');
  });
});
