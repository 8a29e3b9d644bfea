import { parentPort } from 'node:worker_threads';
import type { ChartSpec } from '../core/charts/spec.js';
import { renderPng } from './render.js';

/**
 * The chart worker (started by charts/index.ts on the first chart): vega lays the chart out and resvg
 * rasterizes it here, off the main thread — 20 to 60 ms a chart, during which the bot's event loop
 * would answer nothing. One chart at a time, in the order asked; the PNG's bytes are transferred.
 */

export interface ChartRequest {
  id: number;
  chart: ChartSpec;
}

export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (request: ChartRequest) => {
    queue = queue.then(async () => {
      try {
        const png = await renderPng(request.chart);
        // Copied into memory of its own, then transferred: the renderer's buffer may be a slice of a
        // shared pool or memory owned by the native addon, which Node 24 refuses to transfer.
        const bytes = new Uint8Array(png);
        port.postMessage({ id: request.id, png: bytes } satisfies ChartResponse, [
          bytes.buffer as ArrayBuffer,
        ]);
      } catch (err) {
        port.postMessage({ id: request.id, error: (err as Error).message } satisfies ChartResponse);
      }
    });
  });
}
