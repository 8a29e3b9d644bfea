import type { Lang } from '../../core/lang.js';

/** Slack-only user-facing texts. Shared texts (apology, thanks, labels) come from `t(lang)`. */
export interface SlackMessages {
  /** Shown (ephemeral) when the same person votes twice on one answer. */
  alreadyVoted: string;
  /** A button whose value no longer makes sense (an old message). */
  staleButton: string;
  /** Button under a private "Ask briefbot" answer: posts it in the message's thread for everyone. */
  shareInThread: string;
  /** "Ask briefbot" on a message with no text. */
  nothingToAsk: string;
}

const en: SlackMessages = {
  alreadyVoted: 'You already voted on this answer. Thanks!',
  staleButton: 'This button is out of date. Ask the question again.',
  shareInThread: 'Share in thread',
  nothingToAsk: 'That message has no text I can read as a question.',
};

const fr: SlackMessages = {
  alreadyVoted: 'Vous avez déjà voté pour cette réponse. Merci !',
  staleButton: 'Ce bouton n’est plus à jour. Posez la question à nouveau.',
  shareInThread: 'Partager dans le fil',
  nothingToAsk: 'Ce message n’a pas de texte que je puisse lire comme une question.',
};

const MESSAGES: Record<Lang, SlackMessages> = { en, fr };

export function slackMessages(lang: Lang): SlackMessages {
  return MESSAGES[lang];
}
