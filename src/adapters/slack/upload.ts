import type { ChartRenderer } from '../../charts/index.js';
import { chartFileName } from '../../core/charts/spec.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../logger.js';
import type { Client } from './post.js';

export interface ChartDeps {
  charts?: ChartRenderer | undefined;
  logger?: Logger;
}

/**
 * Posts the reply's chart as a PNG with files.uploadV2 (getUploadURLExternal → upload → completeUploadExternal)
 * in the given thread, after the Block Kit answer. The answer already went out with its text: a failed
 * upload is logged and leaves it as it is.
 */
export async function postChart(
  client: Client,
  channel: string,
  threadTs: string | undefined,
  reply: Reply,
  deps: ChartDeps,
): Promise<boolean> {
  const chart = reply.chart;
  if (!chart || !deps.charts || channel === '') return false;
  try {
    const file = await deps.charts.png(chart);
    const common = {
      file,
      filename: chartFileName(chart),
      title: chart.title,
      alt_text: chart.alt.slice(0, 1000),
    };
    await client.files.uploadV2(
      threadTs ? { ...common, channel_id: channel, thread_ts: threadTs } : { ...common, channel_id: channel },
    );
    return true;
  } catch (error) {
    deps.logger?.warn({ err: error, chart: chart.kind }, 'chart not uploaded; the answer stands without it');
    return false;
  }
}
