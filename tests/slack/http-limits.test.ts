import { afterAll, beforeAll, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/index.js';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { headerOf } from '../helpers/slack-messages.js';
import { mentionEvent, newTs, postEvent } from '../helpers/slack-requests.js';
import { waitFor } from '../helpers/slack-server.js';

/** The pipeline's notices (rate limit) go only to the person who asked. */

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ rateLimitPerMinute: 1 });
});
afterAll(async () => {
  await bot?.close();
});

it('shows a rate-limit notice privately in the thread instead of answering', async () => {
  const first = newTs();
  await postEvent(
    bot.eventsUrl,
    mentionEvent({ text: 'Who founded DeepSeek?', ts: first, user: 'U0FAST0001' }),
  );
  await waitFor(() => bot.server.callsTo('chat.postMessage').find((c) => c.body.thread_ts === first));
  const second = newTs();
  await postEvent(
    bot.eventsUrl,
    mentionEvent({ text: 'Who founded DeepSeek?', ts: second, user: 'U0FAST0001' }),
  );
  const notice = await waitFor(() => bot.server.callsTo('chat.postEphemeral')[0]);
  expect(notice.body.user).toBe('U0FAST0001');
  expect(notice.body.thread_ts).toBe(second);
  expect(headerOf(notice.body)).toBe(t('en').limits.title);
  expect(bot.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === second)).toHaveLength(0);
});
