import type { Lang } from '../../core/lang.js';

/** Slack-only user-facing texts. Shared texts (apology, thanks, labels) come from `t(lang)`. */
export interface SlackMessages {
  /** Shown (ephemeral) when the same person votes twice on one answer. */
  alreadyVoted: string;
  /** A button whose value no longer makes sense (an old message). */
  staleButton: string;
}

const en: SlackMessages = {
  alreadyVoted: 'You already voted on this answer. Thanks!',
  staleButton: 'This button is out of date. Ask the question again.',
};

const fr: SlackMessages = {
  alreadyVoted: 'Vous avez déjà voté pour cette réponse. Merci !',
  staleButton: 'Ce bouton n’est plus à jour. Posez la question à nouveau.',
};

const MESSAGES: Record<Lang, SlackMessages> = { en, fr };

export function slackMessages(lang: Lang): SlackMessages {
  return MESSAGES[lang];
}
