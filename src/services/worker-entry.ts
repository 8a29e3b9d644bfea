import { createRequire } from 'node:module';
import type { Worker, WorkerOptions } from 'node:worker_threads';

/** node:worker_threads, loaded with the first worker: the console chat's start does not pay for it. */
const threads = () =>
  createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

/**
 * A worker thread running the module `name` next to `base` (an import.meta.url): the compiled `.js`
 * in dist/, or from source (tsx in development, vitest) the `.ts` file through tsx's loader.
 */
export function startWorker(base: string, name: string, options: WorkerOptions = {}): Worker {
  const source = base.endsWith('.ts');
  const url = new URL(`./${name}${source ? '.ts' : '.js'}`, base);
  const { Worker } = threads();
  if (!source) return new Worker(url, options);
  const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(entry, { ...options, eval: true });
}
