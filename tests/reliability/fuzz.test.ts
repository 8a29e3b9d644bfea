import { describe, expect, it } from 'vitest';
import { renderReply } from '../../src/adapters/slack/index.js';
import { loadEngineFromDir, renderText } from '../../src/core/index.js';
import { createServices } from '../../src/services/index.js';
import { askQuestion, type PipelineResult } from '../../src/services/pipeline.js';
import { MENTION_MARKUP } from '../helpers/slack-messages.js';
import { capturedLogger, KNOWLEDGE } from '../ops/support.js';
import { hostileInputs } from './hostile-inputs.js';

/** Plain text that would notify people on Discord or Slack if a client parsed it. */
const PINGS = /@everyone|@here|<!(?:channel|here|everyone)\b|<@[!&]?\d+>|<@[UW][A-Z0-9]+>/i;

const COUNT = 10_000;

describe('fuzz: 10,000 random and hostile questions through the pipeline and the real engine', () => {
  it('never throws, answers each exactly once, and never pings', async () => {
    const engine = loadEngineFromDir(KNOWLEDGE);
    const services = createServices({
      engine: () => engine,
      logger: capturedLogger('silent').logger,
      rateLimitPerMinute: COUNT * 2,
    });
    const inputs = hostileInputs(COUNT);
    expect(inputs).toHaveLength(COUNT);

    const failures: { input: string; error: string }[] = [];
    const pinging: { input: string; text: string }[] = [];
    const kinds: Record<string, number> = {};
    let replies = 0;
    let answered = 0;
    let tooLong = 0;
    for (const input of inputs) {
      let result: PipelineResult;
      try {
        result = await askQuestion(services, { platform: 'cli', userId: 'fuzzer' }, input);
      } catch (err) {
        failures.push({ input: input.slice(0, 80), error: String(err) });
        continue;
      }
      replies += 1;
      kinds[result.reply.kind] = (kinds[result.reply.kind] ?? 0) + 1;
      if (result.reply.answered) answered += 1;
      if (result.limited === 'length') tooLong += 1;
      const text = renderText(result.reply);
      if (PINGS.test(text)) pinging.push({ input: input.slice(0, 80), text: text.slice(0, 200) });
      const slack = JSON.stringify(renderReply(result.reply));
      if (MENTION_MARKUP.test(slack)) pinging.push({ input: input.slice(0, 80), text: slack.slice(0, 200) });
    }

    console.info(
      `fuzz: ${COUNT} inputs → ${replies} replies, ${failures.length} exceptions, ${pinging.length} pinging, ` +
        `${answered} answered, ${tooLong} too long; kinds ${JSON.stringify(kinds)}`,
    );
    expect(failures).toEqual([]);
    expect(replies).toBe(COUNT);
    expect(pinging).toEqual([]);
  }, 120_000);
});
