import type { ChartSpec } from '../core/charts/spec.js';

export { chartFileName } from '../core/charts/spec.js';

/** Rendered charts, keyed by their spec: the engine's replies repeat, so do their charts. */
export interface ChartRenderer {
  /** The PNG of a chart; rejects only when rendering itself fails. */
  png(chart: ChartSpec): Promise<Buffer>;
  /** Charts held. */
  readonly size: number;
}

export const DEFAULT_CHART_CACHE = 64;

export function createChartRenderer(capacity = DEFAULT_CHART_CACHE): ChartRenderer {
  const cache = new Map<string, Promise<Buffer>>();
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
      // Loaded on first use: vega and the rasterizer stay out of start-up.
      const rendering = import('./render.js').then((r) => r.renderPng(chart));
      cache.set(key, rendering);
      // A failed render is not kept: the next ask tries again.
      rendering.catch(() => cache.delete(key));
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return rendering;
    },
  };
}
