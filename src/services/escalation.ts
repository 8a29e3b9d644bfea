import { t } from '../core/i18n/index.js';
import type { Lang } from '../core/lang.js';
import type { EscalationTarget } from './channel-policy.js';
import { hashUser } from './pipeline.js';
import type { Platform, Services } from './types.js';

/** How long a question stays "already passed to a person" (a second click posts nothing). */
const ESCALATION_SECONDS = 7 * 24 * 3600;

export interface EscalationRequest {
  platform: Platform;
  /** Platform user id of the asker (mentioned in the post). */
  userId: string;
  /** How to mention the asker on that platform: `<@U…>`. */
  userMention: string;
  question: string;
  /** The bot's answer title, when it answered (a 👎 escalation). */
  answerTitle?: string;
  downvoted?: boolean;
  /** Link to the message asked about. */
  link?: string;
  lang: Lang;
  target: EscalationTarget;
  /** Unique per asked message: one post per message, however often the button is clicked. */
  key: string;
}

/** The texts of an escalation post (plain text: the platform escapes it), and the link it points to. */
export interface EscalationTexts {
  root: string;
  details: string;
  /** A link the bot made (not user text): posted live after `linkLabel`. */
  link?: string;
  linkLabel: string;
}

/** What a platform does to post an escalation: a root message, then the details in its thread. */
export interface EscalationPoster {
  post(target: EscalationTarget, texts: EscalationTexts): Promise<void>;
}

export type EscalationOutcome = 'posted' | 'already' | 'limited';

/** The texts of an escalation post, in the asker's language. */
export function escalationTexts(req: EscalationRequest): EscalationTexts {
  const m = t(req.lang).escalation;
  const question = req.question.replace(/\s+/g, ' ').trim().slice(0, 500);
  const details = [
    req.answerTitle ? m.answered(req.answerTitle) : m.unanswered,
    ...(req.downvoted ? [m.downvoted] : []),
  ];
  return {
    root: m.root(req.userMention, question),
    details: details.join('\n'),
    linkLabel: m.link,
    ...(req.link ? { link: req.link } : {}),
  };
}

/**
 * "Ask a person": posts the question once to the channel's escalation target, rate-limited with the
 * asker's questions. The platform poster escapes and renders; this decides whether to post.
 */
export async function escalate(
  services: Services,
  req: EscalationRequest,
  poster: EscalationPoster,
): Promise<EscalationOutcome> {
  const user = hashUser(req.platform, req.userId);
  const count = await services.state.increment(`rate:${req.platform}:${user}`, 60);
  if (count > services.rateLimitPerMinute) return 'limited';
  if (!(await services.state.claimOnce(`escalate:${req.platform}:${req.key}`, ESCALATION_SECONDS)))
    return 'already';
  await poster.post(req.target, escalationTexts(req));
  services.logger.info({ platform: req.platform, user, target: req.target.channel }, 'question escalated');
  return 'posted';
}
