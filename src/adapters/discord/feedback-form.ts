import type { APIModalInteractionResponseCallbackData, ModalSubmitInteraction } from 'discord.js';
import {
  cleanComment,
  FEEDBACK_REASONS,
  type FeedbackReason,
  isFeedbackReason,
  MAX_FEEDBACK_COMMENT,
} from '../../core/feedback.js';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import { cut } from './text.js';

/**
 * The 👎 form, as a Discord modal: a Label holding a select of reasons and a Label holding an optional
 * paragraph. custom_id: `bb:fbm:<entryId>:<lang>:<messageId>` (≤ 100 characters).
 */
const ENTRY_ID = '[a-z0-9][a-z0-9:-]{1,40}';
const FORM = new RegExp(`^bb:fbm:(${ENTRY_ID}):(en|fr):(\\d{15,21})$`);

export function feedbackFormId(entryId: string, lang: Lang, messageId: string): string {
  return `bb:fbm:${entryId}:${lang}:${messageId}`;
}

export function parseFeedbackFormId(
  id: string,
): { entryId: string; lang: Lang; messageId: string } | undefined {
  const m = FORM.exec(id);
  return m ? { entryId: m[1] as string, lang: m[2] as Lang, messageId: m[3] as string } : undefined;
}

export function feedbackModal(
  entryId: string,
  lang: Lang,
  messageId: string,
): APIModalInteractionResponseCallbackData {
  const m = t(lang).feedback;
  return {
    custom_id: feedbackFormId(entryId, lang, messageId),
    title: cut(m.formTitle, 45),
    components: [
      {
        type: 18,
        label: cut(m.reasonLabel, 45),
        component: {
          type: 3,
          custom_id: 'reason',
          required: false,
          min_values: 0,
          max_values: 1,
          options: FEEDBACK_REASONS.map((r) => ({ label: m.reasons[r], value: r })),
        },
      },
      {
        type: 18,
        label: cut(m.commentLabel, 45),
        component: {
          type: 4,
          custom_id: 'comment',
          style: 2,
          required: false,
          max_length: MAX_FEEDBACK_COMMENT,
          placeholder: cut(m.commentPlaceholder, 100),
        },
      },
    ],
  } as unknown as APIModalInteractionResponseCallbackData;
}

/** The reason and comment given in the form (both optional, anything odd dropped). */
export function formAnswers(interaction: ModalSubmitInteraction): {
  reason?: FeedbackReason;
  comment?: string;
} {
  let reason: string | undefined;
  let comment: string | undefined;
  try {
    reason = interaction.fields.getStringSelectValues('reason')[0];
  } catch {
    reason = undefined;
  }
  try {
    comment = cleanComment(interaction.fields.getTextInputValue('comment'));
  } catch {
    comment = undefined;
  }
  return { ...(isFeedbackReason(reason) ? { reason } : {}), ...(comment ? { comment } : {}) };
}
