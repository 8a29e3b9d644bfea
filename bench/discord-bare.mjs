// The bare discord.js client of `npm run bench:discord`, in a process of its own and without tsx (plain
// JavaScript: discord.js's lazy requires would otherwise go through tsx's resolver on every reply). The
// same gateway and REST as briefbot, Guilds intent, a fixed reply to every /ask. Environment:
// DISCORD_TOKEN, DISCORD_API_URL. Exits on SIGTERM (so --cpu-prof writes its profile).
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL } });
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok' }).catch(() => {});
});
process.on('SIGTERM', () => {
  void client.destroy().finally(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
