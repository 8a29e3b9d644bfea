import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Engine } from '../../../core/engine-types.js';
import { about } from './about.js';
import { ask } from './ask.js';
import { chart } from './chart.js';
import { cost } from './cost.js';
import { facts } from './facts.js';
import { training } from './training.js';
import type { SlashCommand } from './types.js';

export type { SlashCommand } from './types.js';

/** Every slash command. The dispatcher and the registration script both read this list. */
export const commands: readonly SlashCommand[] = [ask, cost, training, facts, about, chart];

const byName = new Map(commands.map((c) => [c.name, c]));

export function findCommand(name: string): SlashCommand | undefined {
  return byName.get(name);
}

/** The registration body: every command's JSON, choices filled from the loaded knowledge. */
export function commandData(engine: Engine): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data(engine));
}
