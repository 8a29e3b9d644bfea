import type { App } from '@slack/bolt';
import { chooseLang } from '../../../core/lang.js';
import type { Services } from '../../../services/index.js';
import { askQuestion } from '../../../services/pipeline.js';
import { withErrorPolicy } from '../errors.js';
import { type Place, postApology, postResult } from '../post.js';
import { plainQuestion } from '../text.js';
import { shouldAnswer } from './guard.js';

/** An @mention in a channel: the answer goes in a thread, under the mention or in its thread. */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'app_mention' });
  app.event('app_mention', async ({ event, body, context, client }) => {
    // In a direct message the message listener answers; this keeps one answer per question.
    if (event.channel.startsWith('D')) return;
    const question = plainQuestion(event.text, context.botUserId);
    const place: Place = {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      user: event.user ?? '',
    };
    await withErrorPolicy(
      log,
      'app_mention',
      () => chooseLang(question),
      (lang, errorId) => postApology(client, place, lang, errorId),
      async () => {
        if (!(await shouldAnswer(services, log, body.event_id, event, context))) return;
        const result = await askQuestion(
          services,
          { platform: 'slack', userId: place.user, locale: null },
          question,
        );
        await postResult(client, place, result);
      },
    );
  });
}
