import type { App } from '@slack/bolt';
import type { Services } from '../../../services/index.js';
import * as actions from './actions.js';
import * as askCommand from './ask-command.js';
import * as directMessage from './direct-message.js';
import * as mention from './mention.js';
import * as threadReply from './thread-reply.js';

/** Every listener of the Slack app, registered in this order. */
export const LISTENERS: readonly { register(app: App, services: Services): void }[] = [
  mention,
  directMessage,
  threadReply,
  askCommand,
  actions,
];

export function registerListeners(app: App, services: Services): void {
  for (const listener of LISTENERS) listener.register(app, services);
}
