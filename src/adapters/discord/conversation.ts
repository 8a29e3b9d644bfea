import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import { turnOf } from '../../core/conversation/index.js';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import type { Reply } from '../../core/reply.js';
import type { Services } from '../../services/index.js';
import { askQuestion, type InConversation, MAX_QUESTION_LENGTH } from '../../services/pipeline.js';
import { followUpModalId, parseModalId } from './buttons.js';
import { askerOf } from './commands/types.js';
import { messages } from './messages.js';
import { type DiscordMessage, notice, renderResult } from './render.js';
import { cut, LIMITS } from './text.js';

/**
 * Discord conversations: one per user and channel. A second /ask by the same user in the same channel
 * within ASK_CONTINUE_SECONDS continues it; "Follow up" under an answer opens a modal for the next
 * question; a related-question button answers privately, in the clicker's conversation.
 */
export const ASK_CONTINUE_SECONDS = 5 * 60;

/** The text input's custom_id inside the follow-up modal. */
export const FOLLOW_UP_INPUT = 'question';

interface Where {
  guildId: string | null;
  channelId: string | null;
}

export function conversationKey(where: Where, userId: string): string {
  return `discord:${where.guildId ?? 'dm'}:${where.channelId ?? '-'}:${userId}`;
}

/** The conversation a /ask continues: the asker's own in this channel, if recent. */
export function askConversation(where: Where, userId: string): InConversation {
  return { key: conversationKey(where, userId), idleSeconds: ASK_CONTINUE_SECONDS };
}

/**
 * The modal "Follow up" opens, within Discord's limits (title and label ≤ 45 characters, placeholder
 * ≤ 100, at most 5 rows, one text input a row, lengths ≤ 4000).
 */
export function followUpModal(owner: string, lang: Lang): APIModalInteractionResponseCallbackData {
  const m = t(lang).conversation;
  return {
    custom_id: followUpModalId(owner, lang),
    title: cut(m.followUpTitle, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: FOLLOW_UP_INPUT,
            style: TextInputStyle.Short,
            label: cut(m.followUpLabel, LIMITS.textInputLabel),
            placeholder: cut(m.followUpPlaceholder, LIMITS.textInputPlaceholder),
            min_length: 1,
            max_length: Math.min(MAX_QUESTION_LENGTH, LIMITS.textInputLength),
            required: true,
          },
        ],
      },
    ],
  };
}

/**
 * The follow-up modal's submission: the question continues the conversation of the answer it was
 * opened from (the clicker's own when it was theirs; else the clicker starts their own from it).
 */
export async function handleFollowUp(
  interaction: ModalSubmitInteraction,
  services: Services,
): Promise<DiscordMessage> {
  const target = parseModalId(interaction.customId);
  const question = readQuestion(interaction);
  const lang = target?.lang ?? 'en';
  if (!target) return notice(messages[lang].staleButton);
  if (question === '') return notice(t(lang).conversation.nothingYet);
  const where = { guildId: interaction.guildId, channelId: interaction.channelId };
  const clicker = interaction.user.id;
  const conversation: InConversation = { key: conversationKey(where, clicker) };
  if (target.owner !== clicker) conversation.from = conversationKey(where, target.owner);
  const result = await askQuestion(services, askerOf(interaction), question, conversation);
  return renderResult(result, { question, followUp: clicker });
}

function readQuestion(interaction: ModalSubmitInteraction): string {
  try {
    return interaction.fields.getTextInputValue(FOLLOW_UP_INPUT).trim().slice(0, MAX_QUESTION_LENGTH);
  } catch {
    return '';
  }
}

/** Adds an entry answered by a button to the clicker's conversation, so they can follow up on it. */
export async function rememberAnswer(
  services: Services,
  key: string,
  reply: Reply,
  entryId: string,
): Promise<void> {
  if (!reply.answered) return;
  await services.conversations.append(key, { ...turnOf(reply, reply.title, Date.now()), entryId });
}
