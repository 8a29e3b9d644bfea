import type { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../core/charts/spec.js';
import { startWorker } from '../services/worker-entry.js';
import type { ChartRequest, ChartResponse } from './worker.js';

export { chartFileName } from '../core/charts/spec.js';

/** Rendered charts, keyed by their spec: the engine's replies repeat, so do their charts. */
export interface ChartRenderer {
  /** The PNG of a chart; rejects only when rendering itself fails. */
  png(chart: ChartSpec): Promise<Buffer>;
  /** Charts held. */
  readonly size: number;
}

export const DEFAULT_CHART_CACHE = 64;

export interface ChartRendererOptions {
  /**
   * Render in a worker thread (charts/worker.ts): a chart's 20–60 ms of layout and rasterizing stay
   * off the event loop that answers everyone else. Default true; false renders in this thread.
   */
  worker?: boolean;
}

export function createChartRenderer(
  capacity = DEFAULT_CHART_CACHE,
  options: ChartRendererOptions = {},
): ChartRenderer {
  const cache = new Map<string, Promise<Buffer>>();
  const render = options.worker === false ? renderHere : chartWorker();
  return {
    get size() {
      return cache.size;
    },
    png(chart) {
      const key = JSON.stringify(chart);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const rendering = render(chart);
      cache.set(key, rendering);
      // A failed render is not kept: the next ask tries again.
      rendering.catch(() => cache.delete(key));
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return rendering;
    },
  };
}

/** Loaded on first use: vega and the rasterizer stay out of start-up. */
function renderHere(chart: ChartSpec): Promise<Buffer> {
  return import('./render.js').then((r) => r.renderPng(chart));
}

/** A chart taking longer than this fails (and its worker is replaced): the answer goes without it. */
export const CHART_DEADLINE_MS = 30_000;

/**
 * Renders through one worker thread, started on the first chart and kept. It holds the process open
 * only while it has charts to draw (an idle worker is unref'd). A worker that fails or exits fails the charts it was drawing; the next chart starts
 * a new one.
 */
function chartWorker(): (chart: ChartSpec) => Promise<Buffer> {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const start = (): Worker => {
    const w = startWorker(import.meta.url, 'worker', { stdout: false, stderr: false });
    w.on('message', (m: ChartResponse) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if ('png' in m) p.resolve(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
      else p.reject(new Error(`chart not rendered: ${m.error}`));
    });
    const gone = (err: Error) => {
      if (worker === w) worker = undefined;
      failAll(err);
    };
    w.on('error', (err) => gone(err));
    w.on('exit', (code) => gone(new Error(`chart worker exited (${code})`)));
    // After the listeners: adding a 'message' listener refs an unref'd worker again.
    w.unref();
    return w;
  };
  return (chart) =>
    new Promise<Buffer>((resolve, reject) => {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!pending.has(id)) return;
        pending.delete(id);
        reject(new Error(`chart not rendered within ${CHART_DEADLINE_MS} ms`));
        // A stuck worker draws nothing more: the next chart gets a fresh one.
        if (worker === w) worker = undefined;
        void w.terminate();
      }, CHART_DEADLINE_MS);
      timer.unref();
      const settled = () => {
        clearTimeout(timer);
        if (pending.size === 0) w.unref();
      };
      pending.set(id, {
        resolve: (png) => {
          settled();
          resolve(png);
        },
        reject: (err) => {
          settled();
          reject(err);
        },
      });
      w.ref();
      w.postMessage({ id, chart } satisfies ChartRequest);
    });
}
