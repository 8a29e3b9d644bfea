import type { App } from '@slack/bolt';
import { t } from '../../../core/i18n/index.js';
import { chooseLang } from '../../../core/lang.js';
import type { Services } from '../../../services/index.js';
import { askQuestion, runLimited } from '../../../services/pipeline.js';
import { withErrorPolicy } from '../errors.js';
import { localeFor, ruleFor } from '../policy.js';
import { renderReply } from '../render.js';
import { escapeMrkdwn, plainQuestion } from '../text.js';
import { postChart } from '../upload.js';

/** `/ask private <question>` (or `privé`): the answer is shown only to the person who asked. */
const PRIVATE = /^(?:private|privé|prive)(?:\s+|$)/i;

/**
 * `/ask <question>`: acked at once, answered through `respond()`. Answers are posted in the channel;
 * refusals, help and topic lists, usage, notices, and `/ask private …`, only to the person who asked.
 * `/ask help`, `/ask topics` and cost questions take the engine's own free-text routing.
 */
export function register(app: App, services: Services): void {
  const log = services.logger.child({ listener: 'ask_command' });
  app.command('/ask', async ({ command, ack, respond, client }) => {
    await ack();
    const raw = command.text.trim();
    const privateFlag = PRIVATE.exec(raw);
    const question = plainQuestion(privateFlag ? raw.slice(privateFlag[0].length) : raw);
    await withErrorPolicy(
      log,
      '/ask',
      () => chooseLang(question),
      (lang, errorId) =>
        respond({ response_type: 'ephemeral', text: escapeMrkdwn(t(lang).errors.apology(errorId)) }),
      async () => {
        const slot = services.admission.enter();
        try {
          if (slot.kind !== 'run') {
            // A slash command must be answered: past the bound, the busy line (respond() is cheap).
            await respond({
              response_type: 'ephemeral',
              text: escapeMrkdwn(t(chooseLang(question)).data.busy),
            });
            return;
          }
          const rule = ruleFor(services, command.channel_id);
          const who = { platform: 'slack' as const, userId: command.user_id, locale: localeFor(rule) };
          const result =
            question === ''
              ? await runLimited(services, who, 'en', (engine) => engine.help('en'))
              : await askQuestion(services, who, question);
          const { reply } = result;
          const inChannel =
            reply.answered &&
            reply.kind !== 'help' &&
            !result.limited &&
            !privateFlag &&
            rule.visibility === 'public';
          await respond({
            response_type: inChannel ? 'in_channel' : 'ephemeral',
            replace_original: false,
            ...renderReply(reply),
          });
          // `/ask chart …` and answers with a chart: the PNG follows in the channel (files cannot be ephemeral).
          if (inChannel && reply.chart)
            await postChart(client, command.channel_id, undefined, reply, services);
        } finally {
          slot.release();
        }
      },
    );
  });
}
