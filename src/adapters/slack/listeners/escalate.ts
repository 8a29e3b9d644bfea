import type { App, BlockButtonAction } from '@slack/bolt';
import { t } from '../../../core/i18n/index.js';
import { escalate } from '../../../services/escalation.js';
import type { Services } from '../../../services/index.js';
import { withErrorPolicy } from '../errors.js';
import { ESCALATE_ACTION, parseEscalateValue, slackPoster } from '../escalation.js';
import { slackMessages } from '../messages.js';
import { type Place, postNotice } from '../post.js';

/**
 * "Ask a person": posts the question once to the channel's escalation target (policy), in a thread,
 * and tells the asker privately. Without a target the button is never shown; a click on a stale one
 * gets "nobody is set up here".
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'escalate_button' });
  app.action<BlockButtonAction>(ESCALATE_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const value = parseEscalateValue(action.value);
    const channel = body.channel?.id ?? (body.container as { channel_id?: string }).channel_id ?? '';
    const place: Place = { channel, user: body.user.id };
    const lang = value?.l ?? 'en';
    await withErrorPolicy(
      log,
      'escalate_button',
      () => lang,
      (l, errorId) => postNotice(client, place, t(l).errors.apology(errorId)),
      async () => {
        if (!value || value.c !== channel)
          return void (await postNotice(client, place, slackMessages(lang).staleButton));
        place.threadTs = value.ts;
        const target = services.policy().forChannel('slack', channel).escalation;
        if (!target) return void (await postNotice(client, place, t(lang).escalation.unavailable));
        const link = await client.chat
          .getPermalink({ channel, message_ts: value.ts })
          .then((r) => r.permalink)
          .catch(() => undefined);
        const outcome = await escalate(
          services,
          {
            platform: 'slack',
            userId: place.user,
            userMention: `<@${place.user}>`,
            question: value.q,
            lang,
            target,
            key: `${channel}:${value.ts}`,
            ...(value.e ? { answerTitle: answerTitle(services, value.e, lang), downvoted: true } : {}),
            ...(link ? { link } : {}),
          },
          slackPoster(client, `<@${place.user}>`),
        );
        const m = t(lang);
        const text =
          outcome === 'posted'
            ? m.escalation.done
            : outcome === 'already'
              ? m.escalation.already
              : m.limits.rate(services.rateLimitPerMinute);
        await postNotice(client, place, text);
      },
    );
  });
}

/** The question an entry answers, in the asker's language; the id itself for calculator replies. */
function answerTitle(services: Services, id: string, lang: 'en' | 'fr'): string {
  const reply = services.engine().answerEntry(id, lang);
  return reply.answered ? reply.title : id;
}
