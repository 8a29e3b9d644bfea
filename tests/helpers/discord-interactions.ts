import { randomBytes } from 'node:crypto';

/** Realistic INTERACTION_CREATE payloads (API v10) for the local Discord server. */

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A realistic 18–19 digit snowflake, unique within the process. */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export const GUILD_ID = snowflake();
export const CHANNEL_ID = snowflake();
export const BOT_USER = {
  id: snowflake(),
  username: 'briefbot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface Asker {
  locale?: string;
  userId?: string;
  username?: string;
}

type OptionValue = string | number | boolean;
const OPTION_TYPES: Record<string, number> = { string: 3, boolean: 5, number: 10 };

function optionType(value: OptionValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return 4;
  return OPTION_TYPES[typeof value] ?? 3;
}

function base(type: number, applicationId: string, who: Asker) {
  const userId = who.userId ?? snowflake();
  return {
    id: snowflake(),
    application_id: applicationId,
    type,
    token: `tok_${randomBytes(24).toString('hex')}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: {
      user: {
        id: userId,
        username: who.username ?? 'tester',
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
      roles: [],
      permissions: '2248473465835073',
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    locale: who.locale ?? 'en-US',
    guild_locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

function options(values: Record<string, OptionValue>, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: optionType(value),
    value,
    ...(name === focused ? { focused: true, type: 3 } : {}),
  }));
}

export type Interaction = ReturnType<typeof base> & { data: unknown; message?: unknown };

/** A slash command (type 2, CHAT_INPUT). */
export function slashCommand(
  applicationId: string,
  name: string,
  values: Record<string, OptionValue> = {},
  who: Asker = {},
): Interaction {
  return {
    ...base(2, applicationId, who),
    data: { id: snowflake(), name, type: 1, options: options(values) },
  };
}

/** Autocomplete (type 4): `focused` is the option being typed. */
export function autocomplete(
  applicationId: string,
  name: string,
  values: Record<string, OptionValue>,
  focused: string,
  who: Asker = {},
): Interaction {
  return {
    ...base(4, applicationId, who),
    data: { id: snowflake(), name, type: 1, options: options(values, focused) },
  };
}

/** A button click (type 3) on a message the bot posted. */
export function buttonClick(applicationId: string, customId: string, who: Asker = {}): Interaction {
  return {
    ...base(3, applicationId, who),
    data: { custom_id: customId, component_type: 2 },
    message: fakeMessage({ components: [] }),
  };
}

/** A message context-menu command (type 2, data type 3 MESSAGE) on a message someone wrote. */
export function messageCommand(
  applicationId: string,
  name: string,
  content: string,
  who: Asker = {},
): Interaction & { targetId: string } {
  const target = {
    ...fakeMessage({ content }),
    author: { id: snowflake(), username: 'author', discriminator: '0', global_name: null, avatar: null },
    type: 0,
  };
  return {
    ...base(2, applicationId, who),
    targetId: target.id,
    data: {
      id: snowflake(),
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

/** A button click on a given message (e.g. the bot's ephemeral answer, with its embeds). */
export function buttonClickOn(
  applicationId: string,
  customId: string,
  message: Record<string, unknown>,
  who: Asker = {},
): Interaction {
  return {
    ...base(3, applicationId, who),
    data: { custom_id: customId, component_type: 2 },
    message: fakeMessage(message),
  };
}

/** A modal submission (type 5): the values typed into the modal's text inputs, by custom_id. */
export function modalSubmit(
  applicationId: string,
  customId: string,
  values: Record<string, string>,
  who: Asker = {},
): Interaction {
  return {
    ...base(5, applicationId, who),
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    },
  };
}

/** A modal submission (type 5) with raw components (Labels and their values), of the form a button opened on `messageId`. */
export function formSubmit(
  applicationId: string,
  customId: string,
  components: unknown[],
  messageId: string,
  who: Asker = {},
): Interaction {
  return {
    ...base(5, applicationId, who),
    data: { custom_id: customId, components },
    message: fakeMessage({ id: messageId }),
  };
}

/** A message object as Discord returns it after a send or an edit. */
export function fakeMessage(data: Record<string, unknown> = {}) {
  return {
    id: (data.id as string | undefined) ?? snowflake(),
    channel_id: (data.channel_id as string | undefined) ?? CHANNEL_ID,
    author: BOT_USER,
    content: (data.content as string | undefined) ?? '',
    embeds: (data.embeds as unknown[] | undefined) ?? [],
    components: (data.components as unknown[] | undefined) ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 20,
    flags: (data.flags as number | undefined) ?? 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}
