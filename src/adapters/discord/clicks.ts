import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { FeedbackReason } from '../../core/feedback.js';
import { t } from '../../core/i18n/index.js';
import { type Lang, langFromLocale } from '../../core/lang.js';
import { escalate } from '../../services/escalation.js';
import type { Services } from '../../services/index.js';
import { hashUser, recordVote, runLimited, voteTargetExists } from '../../services/pipeline.js';
import { escalateButton, parseCustomId } from './buttons.js';
import { conversationKey, rememberAnswer } from './conversation.js';
import { discordPoster } from './escalation.js';
import { feedbackModal, formAnswers, parseFeedbackFormId } from './feedback-form.js';
import { messages } from './messages.js';
import { type DiscordMessage, notice, renderResult } from './render.js';

/** Clicks on the buttons under replies (custom_id scheme in buttons.ts). */

/** One vote per person and message, remembered a week (as on Slack). */
const VOTE_TTL_SECONDS = 7 * 24 * 3600;

/** True when the answer to this click will be ephemeral whatever it is (for a deferred reply). */
export function isPrivateClick(interaction: ButtonInteraction): boolean {
  const kind = parseCustomId(interaction.customId)?.kind;
  return kind === 'vote' || kind === 'related' || kind === 'escalate';
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
  if (action.kind === 'escalate') return escalateClick(interaction, services, action.lang, action.entryId);
  if (action.kind === 'related') {
    // Shown only to the clicker, in the clicker's conversation: never a new public message.
    const result = await runLimited(services, who, action.lang, (engine) =>
      engine.answerEntry(action.entryId, action.lang),
    );
    const where = { guildId: interaction.guildId, channelId: interaction.channelId };
    if (!result.limited)
      await rememberAnswer(
        services,
        conversationKey(where, interaction.user.id),
        result.reply,
        action.entryId,
      );
    return renderResult(result, { private: true, followUp: interaction.user.id });
  }
  // 👎 opens the form (dispatcher: feedbackFormFor); a 👍 is recorded here.
  return castVote(
    services,
    interaction,
    interaction.message.id,
    action.entryId,
    action.lang,
    action.vote,
    {},
  );
}

/** The 👎 form to show for this click, or undefined when the click is not a 👎 on a known answer. */
export function feedbackFormFor(interaction: ButtonInteraction, services: Services) {
  const action = parseCustomId(interaction.customId);
  if (action?.kind !== 'vote' || action.vote !== 'down') return undefined;
  if (!voteTargetExists(services.engine(), action.entryId)) return undefined;
  return feedbackModal(action.entryId, action.lang, interaction.message.id);
}

/** The 👎 form sent: the vote with its reason and comment. */
export async function handleFeedbackForm(
  interaction: ModalSubmitInteraction,
  services: Services,
): Promise<DiscordMessage> {
  const form = parseFeedbackFormId(interaction.customId);
  const lang = langFromLocale(interaction.locale) ?? form?.lang ?? 'en';
  if (!form) return notice(messages[lang].staleButton);
  return castVote(
    services,
    interaction,
    form.messageId,
    form.entryId,
    form.lang,
    'down',
    formAnswers(interaction),
  );
}

/**
 * One vote per person and message, as on Slack: the first is recorded and thanked ("Thanks —
 * recorded"), a second gets "you already voted". After a 👎, "Ask a person" where the channel has a target.
 */
async function castVote(
  services: Services,
  interaction: ButtonInteraction | ModalSubmitInteraction,
  messageId: string,
  entryId: string,
  entryLang: Lang,
  vote: 'up' | 'down',
  detail: { reason?: FeedbackReason; comment?: string },
): Promise<DiscordMessage> {
  const lang = langFromLocale(interaction.locale) ?? entryLang;
  // A forged or stale button (entry gone since a reload) records nothing and says so.
  if (!voteTargetExists(services.engine(), entryId)) return notice(t(lang).data.unavailable);
  const user = hashUser('discord', interaction.user.id);
  if (!(await services.state.claimOnce(`vote:discord:${user}:${messageId}`, VOTE_TTL_SECONDS)))
    return notice(messages[lang].alreadyVoted);
  const who = { platform: 'discord' as const, userId: interaction.user.id, locale: interaction.locale };
  if (!(await recordVote(services, who, entryId, vote, entryLang, detail)))
    return notice(t(lang).data.unavailable);
  const thanks = notice(t(lang).feedback.recorded);
  const target =
    vote === 'down' ? services.policy().forChannel('discord', interaction.channelId).escalation : undefined;
  if (!target) return thanks;
  return { ...thanks, components: [{ type: 1, components: [escalateButton(lang, entryId)] }] };
}

/** "Ask a person": the question (from the clicked message) once to the channel's target, in a thread. */
async function escalateClick(
  interaction: ButtonInteraction,
  services: Services,
  lang: Lang,
  entryId: string | undefined,
): Promise<DiscordMessage> {
  const m = t(lang).escalation;
  const target = services.policy().forChannel('discord', interaction.channelId).escalation;
  if (!target) return notice(m.unavailable);
  const question = askedQuestion(interaction, services, lang, entryId);
  if (!question) return notice(messages[lang].staleButton);
  const link = `https://discord.com/channels/${interaction.guildId ?? '@me'}/${interaction.channelId}/${interaction.message.id}`;
  const answer = entryId ? services.engine().answerEntry(entryId, lang) : undefined;
  const outcome = await escalate(
    services,
    {
      platform: 'discord',
      userId: interaction.user.id,
      userMention: `<@${interaction.user.id}>`,
      question,
      lang,
      target,
      key: interaction.message.id,
      link,
      ...(answer?.answered ? { answerTitle: answer.title, downvoted: true } : {}),
    },
    discordPoster(interaction.client, interaction.user.id),
  );
  if (outcome === 'posted') return notice(m.done);
  if (outcome === 'already') return notice(m.already);
  return notice(t(lang).limits.rate(services.rateLimitPerMinute));
}

/**
 * The question a refusal answered: the line the embed quotes ("> question"), as the bot rendered it
 * (Discord sends the clicked message with the click); after a 👎, the question of the entry.
 */
function askedQuestion(
  interaction: ButtonInteraction,
  services: Services,
  lang: Lang,
  entryId: string | undefined,
): string | undefined {
  const description = interaction.message.embeds[0]?.description ?? '';
  const quoted = /^> (.+)$/m.exec(description)?.[1];
  if (quoted) return quoted.replace(/\\(.)/g, '$1').slice(0, 500);
  if (entryId) {
    const reply = services.engine().answerEntry(entryId, lang);
    if (reply.answered) return reply.title;
  }
  return interaction.message.embeds[0]?.title ?? undefined;
}
