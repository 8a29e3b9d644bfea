import type { App } from '@slack/bolt';
import { chooseLang } from '../../../core/lang.js';
import type { Services } from '../../../services/index.js';
import { askQuestion } from '../../../services/pipeline.js';
import { withErrorPolicy } from '../errors.js';
import { type Place, postApology, postResult } from '../post.js';
import { plainQuestion } from '../text.js';
import { shouldAnswer } from './guard.js';

/** A direct message to the bot: answered in the conversation (in the thread when it was in one). */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'direct_message' });
  app.event('message', async ({ event, body, context, client }) => {
    // Edits, deletions, joins and bot posts carry a subtype: only plain messages are questions.
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    const question = plainQuestion(event.text ?? '', context.botUserId);
    const place: Place = { channel: event.channel, user: event.user };
    if (event.thread_ts) place.threadTs = event.thread_ts;
    await withErrorPolicy(
      log,
      'direct_message',
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
