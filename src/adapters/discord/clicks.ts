import type { ButtonInteraction } from 'discord.js';
import { t } from '../../core/i18n/index.js';
import { type Lang, langFromLocale } from '../../core/lang.js';
import type { Services } from '../../services/index.js';
import { hashUser, recordVote, runLimited, voteTargetExists } from '../../services/pipeline.js';
import { parseCustomId } from './buttons.js';
import { conversationKey, rememberAnswer } from './conversation.js';
import { messages } from './messages.js';
import { type DiscordMessage, notice, renderResult } from './render.js';

/** Clicks on the buttons under replies (custom_id scheme in buttons.ts). */

const VOTE_TTL_SECONDS = 24 * 3600;

/** True when the answer to this click will be ephemeral whatever it is (for a deferred reply). */
export function isPrivateClick(interaction: ButtonInteraction): boolean {
  const kind = parseCustomId(interaction.customId)?.kind;
  return kind === 'vote' || kind === 'related';
}

/**
 * "Share in channel" under a private "Ask briefbot" answer: the same embed, posted for everyone, with a
 * link to the message it answers. The embed comes from the clicked message itself (Discord sends it
 * with the click), so nothing the clicker typed is posted.
 */
function shared(
  interaction: ButtonInteraction,
  channelId: string,
  messageId: string,
  lang: Lang,
): DiscordMessage {
  const embeds = interaction.message.embeds.map((e) => e.toJSON()).slice(0, 1);
  if (embeds.length === 0 || channelId !== interaction.channelId) return notice(messages[lang].staleButton);
  const link = `https://discord.com/channels/${interaction.guildId ?? '@me'}/${channelId}/${messageId}`;
  return {
    content: messages[lang].sharedFrom(link),
    embeds,
    components: [],
    allowed_mentions: { parse: [] },
  };
}

/**
 * Handles a click: a related question is answered privately in the clicker's conversation; a vote is
 * recorded and thanked privately. ("Follow up" opens a modal: the dispatcher shows it at once.)
 */
export async function handleButton(
  interaction: ButtonInteraction,
  services: Services,
): Promise<DiscordMessage> {
  const action = parseCustomId(interaction.customId);
  const clickerLang = langFromLocale(interaction.locale);
  if (!action) return notice(messages[clickerLang ?? 'en'].staleButton);
  const who = { platform: 'discord' as const, userId: interaction.user.id, locale: interaction.locale };
  if (action.kind === 'share') return shared(interaction, action.channelId, action.messageId, action.lang);
  if (action.kind === 'followUp') return notice(messages[clickerLang ?? action.lang].staleButton);
  if (action.kind === 'related') {
    // Shown only to the clicker, in the clicker's conversation: never a new public message.
    const result = await runLimited(services, who, action.lang, (engine) =>
      engine.answerEntry(action.entryId, action.lang),
    );
    const where = { guildId: interaction.guildId, channelId: interaction.channelId };
    if (!result.limited)
      await rememberAnswer(services, conversationKey(where, interaction.user.id), result.reply);
    return renderResult(result, { private: true, followUp: interaction.user.id });
  }
  const lang = clickerLang ?? action.lang;
  // A forged or stale button (entry gone since a reload) records nothing and says so.
  if (!voteTargetExists(services.engine(), action.entryId)) return notice(t(lang).data.unavailable);
  const user = hashUser('discord', interaction.user.id);
  const first = await services.state.claimOnce(`vote:discord:${user}:${action.entryId}`, VOTE_TTL_SECONDS);
  if (first && !(await recordVote(services, who, action.entryId, action.vote, action.lang)))
    return notice(t(lang).data.unavailable);
  return notice(t(lang).feedback.thanks);
}
