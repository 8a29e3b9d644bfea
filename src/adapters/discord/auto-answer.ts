import { type Client, Events, type Message, Routes } from 'discord.js';
import type { Logger } from '../../logger.js';
import { confidentEnough } from '../../services/channel-policy.js';
import type { Services } from '../../services/index.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../../services/pipeline.js';
import { renderResult } from './render.js';
import { cut } from './text.js';

/**
 * Messages in channels whose policy is `auto` (needs the privileged Message Content intent:
 * DISCORD_MESSAGE_CONTENT=true and the portal switch): answered without a command, in a thread under
 * the message, only when they are questions about the event answered with high confidence. Bots,
 * system messages, messages mentioning someone and everything else are left alone; nothing but such
 * an answer is ever posted (no refusal, no notice).
 */
export function registerAutoAnswer(client: Client, services: Services, log: Logger): void {
  client.on(Events.MessageCreate, (message) => {
    void autoAnswer(message, services).catch((err: unknown) =>
      log.error({ err, channel: message.channelId }, 'auto answer failed'),
    );
  });
}

async function autoAnswer(message: Message, services: Services): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const rule = services.policy().forChannel('discord', message.channelId);
  if (rule.mode !== 'auto' || message.channel.isThread()) return;
  if (message.mentions.users.size > 0 || message.mentions.roles.size > 0 || message.mentions.everyone) return;
  const question = message.content.trim();
  if (question === '' || question.length > MAX_QUESTION_LENGTH) return;
  const slot = services.admission.enter();
  try {
    if (slot.kind !== 'run') return; // busy: an unasked message gets no "busy" notice either
    const locale = rule.languages.length === 1 ? (rule.languages[0] ?? null) : null;
    const result = await askQuestion(
      services,
      { platform: 'discord', userId: message.author.id, locale },
      question,
      {
        key: `discord:auto:${message.channelId}:${message.id}`,
        accept: confidentEnough,
      },
    );
    if (result.ignored || result.limited) return;
    const rendered = renderResult(result);
    // A thread under the message, by REST (nothing needed in the client's cache).
    const thread = (await message.client.rest.post(Routes.threads(message.channelId, message.id), {
      body: { name: cut(question.replace(/\s+/g, ' '), 100), auto_archive_duration: 1440 },
    })) as { id: string };
    await message.client.rest.post(Routes.channelMessages(thread.id), {
      body: { embeds: rendered.embeds, components: rendered.components, allowed_mentions: { parse: [] } },
    });
  } finally {
    slot.release();
  }
}
