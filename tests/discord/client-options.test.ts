import { Client } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { clientOptions } from '../../src/adapters/discord/index.js';
import { BOT_USER, GUILD_ID, snowflake } from '../helpers/discord-interactions.js';

/** What discord.js does with the user and member of every interaction it receives (its private `_add`). */
interface Adds {
  _add(data: unknown): { id: string };
}

const client = new Client(clientOptions({}));
afterAll(() => client.destroy());

describe('the client keeps no asker in memory', () => {
  it('caches neither the users nor the members of interactions, but keeps its own user', () => {
    const users = client.users as unknown as Adds;
    const guild = (client.guilds as unknown as Adds)._add({
      id: GUILD_ID,
      name: 'g',
      roles: [],
      channels: [],
    });
    const members = (client.guilds.cache.get(guild.id)?.members ?? {}) as unknown as Adds;
    for (let i = 0; i < 50; i++) {
      const user = {
        id: snowflake(),
        username: `u${i}`,
        discriminator: '0',
        global_name: null,
        avatar: null,
      };
      // The objects are still built for the handlers: only the caches stay empty.
      expect(users._add(user).id).toBe(user.id);
      expect(
        members._add({ user, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false }).id,
      ).toBe(user.id);
    }
    expect(client.users.cache.size).toBe(0);
    expect(client.guilds.cache.get(guild.id)?.members.cache.size).toBe(0);
    // The bot's own user (set at READY) stays cached, as discord.js expects.
    (client as unknown as { user: { id: string } }).user = { id: BOT_USER.id };
    users._add(BOT_USER);
    expect(client.users.cache.has(BOT_USER.id)).toBe(true);
  });
});
