import type { types } from '@slack/bolt';
import {
  cleanComment,
  FEEDBACK_REASONS,
  type FeedbackReason,
  isFeedbackReason,
  MAX_FEEDBACK_COMMENT,
} from '../../core/feedback.js';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';

/** The 👎 form: a modal with the reasons and an optional comment. */
export const FEEDBACK_CALLBACK = 'bb_feedback_form';
const REASON_BLOCK = 'bb_reason';
const REASON_ACTION = 'reason';
const COMMENT_BLOCK = 'bb_comment';
const COMMENT_ACTION = 'comment';

/** What the form carries to its submission (private_metadata, ≤ 3000 characters). */
export interface FeedbackTarget {
  entryId: string;
  lang: Lang;
  channel: string;
  /** The answer's message ts (one vote per person and message). */
  messageTs: string;
  /** Where to thank the person: the answer's thread, when it has one. */
  threadTs?: string;
}

export function feedbackModal(target: FeedbackTarget): types.ModalView {
  const m = t(target.lang).feedback;
  return {
    type: 'modal',
    callback_id: FEEDBACK_CALLBACK,
    private_metadata: JSON.stringify(target),
    title: { type: 'plain_text', text: m.formTitle.slice(0, 24) },
    submit: { type: 'plain_text', text: m.send.slice(0, 24) },
    close: { type: 'plain_text', text: m.cancel.slice(0, 24) },
    blocks: [
      {
        type: 'input',
        block_id: REASON_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: m.reasonLabel },
        element: {
          type: 'radio_buttons',
          action_id: REASON_ACTION,
          options: FEEDBACK_REASONS.map((r) => ({
            text: { type: 'plain_text', text: m.reasons[r] },
            value: r,
          })),
        },
      },
      {
        type: 'input',
        block_id: COMMENT_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: m.commentLabel },
        element: {
          type: 'plain_text_input',
          action_id: COMMENT_ACTION,
          multiline: true,
          max_length: MAX_FEEDBACK_COMMENT,
          placeholder: { type: 'plain_text', text: m.commentPlaceholder.slice(0, 150) },
        },
      },
    ],
  };
}

/** Reads the form's metadata back; undefined when it is not ours or malformed. */
export function parseFeedbackTarget(raw: string | undefined): FeedbackTarget | undefined {
  try {
    const v = JSON.parse(raw ?? '') as Partial<FeedbackTarget>;
    if (typeof v.entryId !== 'string' || !/^[a-z0-9][a-z0-9:.-]{0,99}$/.test(v.entryId)) return undefined;
    if (v.lang !== 'en' && v.lang !== 'fr') return undefined;
    if (typeof v.channel !== 'string' || typeof v.messageTs !== 'string') return undefined;
    return {
      entryId: v.entryId,
      lang: v.lang,
      channel: v.channel,
      messageTs: v.messageTs,
      ...(typeof v.threadTs === 'string' ? { threadTs: v.threadTs } : {}),
    };
  } catch {
    return undefined;
  }
}

type StateValues = Record<
  string,
  Record<string, { selected_option?: { value?: string } | null; value?: string | null }>
>;

/** The reason and comment the person gave (both optional). */
export function formAnswers(values: StateValues | undefined): { reason?: FeedbackReason; comment?: string } {
  const reason = values?.[REASON_BLOCK]?.[REASON_ACTION]?.selected_option?.value;
  const comment = cleanComment(values?.[COMMENT_BLOCK]?.[COMMENT_ACTION]?.value);
  return { ...(isFeedbackReason(reason) ? { reason } : {}), ...(comment ? { comment } : {}) };
}
