import type { Context } from '@slack/bolt';
import { chooseLang } from '../../../core/lang.js';
import type { Logger } from '../../../logger.js';
import type { Services } from '../../../services/index.js';
import { askQuestion } from '../../../services/pipeline.js';
import { withErrorPolicy } from '../errors.js';
import { type Client, type Place, postApology, postResult } from '../post.js';
import { type IncomingText, shouldAnswer } from './guard.js';

export interface Incoming {
  question: string;
  place: Place;
  eventId: string | undefined;
  event: IncomingText;
  context: Context;
}

/**
 * What a mention and a direct message share: under the one error policy, drop retries, bots and
 * duplicates, ask the pipeline, post the result where the question was asked.
 */
export async function answerMessage(
  services: Services,
  log: Logger,
  listener: string,
  client: Client,
  incoming: Incoming,
): Promise<void> {
  const { question, place } = incoming;
  await withErrorPolicy(
    log,
    listener,
    () => chooseLang(question),
    (lang, errorId) => postApology(client, place, lang, errorId),
    async () => {
      if (!(await shouldAnswer(services, log, incoming.eventId, incoming.event, incoming.context))) return;
      const result = await askQuestion(
        services,
        { platform: 'slack', userId: place.user, locale: null },
        question,
      );
      await postResult(client, place, result, services);
    },
  );
}
