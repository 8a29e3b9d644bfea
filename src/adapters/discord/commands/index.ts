import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Engine } from '../../../core/engine-types.js';
import { about } from './about.js';
import { ask } from './ask.js';
import { askMessage, type MessageCommand } from './ask-message.js';
import { chart } from './chart.js';
import { cost } from './cost.js';
import { facts } from './facts.js';
import { training } from './training.js';
import type { SlashCommand } from './types.js';

export type { MessageCommand } from './ask-message.js';
export type { SlashCommand } from './types.js';

/** Every slash command. The dispatcher and the registration script both read this list. */
export const commands: readonly SlashCommand[] = [ask, cost, training, facts, about, chart];

/** Every message context-menu command (right-click a message → Apps). */
export const messageCommands: readonly MessageCommand[] = [askMessage];

const byName = new Map(commands.map((c) => [c.name, c]));
const messageByName = new Map(messageCommands.map((c) => [c.name, c]));

export function findCommand(name: string): SlashCommand | undefined {
  return byName.get(name);
}

export function findMessageCommand(name: string): MessageCommand | undefined {
  return messageByName.get(name);
}

/** The registration body: every command's JSON, choices filled from the loaded knowledge. */
export function commandData(engine: Engine): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...commands.map((c) => c.data(engine)), ...messageCommands.map((c) => c.data())];
}
