import {
  type APIApplicationCommandOption,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  commandData,
  commands,
  findCommand,
  findMessageCommand,
  messageCommands,
} from '../../src/adapters/discord/commands/index.js';
import { fakeEngine } from '../helpers/discord-fixtures.js';

const NAME = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}]{1,32}$/u;

function expectNamed(item: {
  name: string;
  description: string;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
}) {
  expect(item.name).toMatch(NAME);
  expect(item.description.length).toBeGreaterThan(0);
  expect(item.description.length).toBeLessThanOrEqual(100);
  const frName = item.name_localizations?.fr ?? '';
  const frDescription = item.description_localizations?.fr ?? '';
  expect(frName).toMatch(NAME);
  expect(frDescription.length).toBeGreaterThan(0);
  expect(frDescription.length).toBeLessThanOrEqual(100);
}

describe('command registry', () => {
  const all = commandData(fakeEngine());
  const data = all.filter(
    (c): c is RESTPostAPIChatInputApplicationCommandsJSONBody =>
      c.type === undefined || c.type === ApplicationCommandType.ChatInput,
  );

  it('lists the six commands, each with English and French names and descriptions', () => {
    expect(data.map((c) => c.name)).toEqual(['ask', 'cost', 'training', 'facts', 'about', 'chart']);
    for (const command of data) {
      expectNamed(command);
      for (const option of (command.options ?? []) as APIApplicationCommandOption[]) {
        expectNamed(option);
        const choices = 'choices' in option ? (option.choices ?? []) : [];
        expect(choices.length).toBeLessThanOrEqual(25);
      }
    }
  });

  it('finds every command by name and nothing else', () => {
    for (const c of commands) expect(findCommand(c.name)).toBe(c);
    for (const c of messageCommands) expect(findMessageCommand(c.name)).toBe(c);
    expect(findCommand('nope')).toBeUndefined();
    expect(findMessageCommand('ask')).toBeUndefined();
  });

  it('registers "Ask briefbot" as a message context-menu command, named in both languages', () => {
    const menu = all.filter((c) => c.type === ApplicationCommandType.Message);
    expect(menu.map((c) => [c.name, c.name_localizations?.fr])).toEqual([
      ['Ask briefbot', 'Demander à briefbot'],
    ]);
    for (const c of menu) {
      expect(c.name.length).toBeLessThanOrEqual(32);
      expect('description' in c && c.description).toBeFalsy();
    }
  });

  it('offers autocomplete on /ask, and on the /cost model and /facts topic (from the loaded knowledge)', () => {
    const byName = new Map(data.map((c) => [c.name, c.options as APIApplicationCommandOption[]]));
    expect(byName.get('ask')?.[0]).toMatchObject({ name: 'question', required: true, autocomplete: true });
    expect(byName.get('cost')?.[1]).toMatchObject({ name: 'model', autocomplete: true });
    const choices = (o: unknown) => (o as { choices?: unknown[] } | undefined)?.choices;
    expect(choices(byName.get('cost')?.[1])).toBeUndefined();
    expect(byName.get('facts')?.[0]).toMatchObject({ name: 'topic', autocomplete: true });
    expect(choices(byName.get('facts')?.[0])).toBeUndefined();
  });
});
