import type { App } from '@slack/bolt';
import type { Services } from '../../../services/index.js';
import * as actions from './actions.js';
import * as appHome from './app-home.js';
import * as askCommand from './ask-command.js';
import * as autoAnswer from './auto-answer.js';
import * as directMessage from './direct-message.js';
import * as escalateButton from './escalate.js';
import * as mention from './mention.js';
import { listenerRouter } from './router.js';
import * as shortcut from './shortcut.js';
import * as threadReply from './thread-reply.js';

/** Every listener of the Slack app, registered in this order. */
export const LISTENERS: readonly {
  register(app: App, services: Services, settings: ListenerSettings): void;
}[] = [
  mention,
  directMessage,
  threadReply,
  autoAnswer,
  askCommand,
  actions,
  appHome,
  shortcut,
  escalateButton,
];

/** What listeners need from the Slack configuration. */
export interface ListenerSettings {
  /** Slack user ids who see the usage figures in the App Home. */
  admins: ReadonlySet<string>;
}

/** Every module registers on the router, which gives Bolt one listener for the events, one for the actions. */
export function registerListeners(app: App, services: Services, settings: ListenerSettings): void {
  const router = listenerRouter(app);
  for (const listener of LISTENERS) listener.register(router.app, services, settings);
  router.install();
}
