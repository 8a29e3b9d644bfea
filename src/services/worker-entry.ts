import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` next to `base` (an import.meta.url): the compiled `.js`
 * in dist/, or from source (tsx in development, vitest) the `.ts` file through tsx's loader.
 */
export function startWorker(base: string, name: string, options: WorkerOptions = {}): Worker {
  const source = base.endsWith('.ts');
  const url = new URL(`./${name}${source ? '.ts' : '.js'}`, base);
  if (!source) return new Worker(url, options);
  const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(entry, { ...options, eval: true });
}
