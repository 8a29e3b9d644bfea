/**
 * The load driver of `npm run bench:discord`, in a process of its own: the local Discord server of the
 * tests (gateway and REST) and a closed loop of /ask interactions. It times each from the gateway
 * dispatch to the interaction callback it receives, so the bot's process does nothing but be the bot.
 * Messages (IPC): → {cmd: 'session'} ← {session: true} once a bot's gateway session is ready;
 * → {cmd: 'round', questions, inFlight} ← {round: {lat, withFile, wallMs, cpuMs}}; → {cmd: 'close'}.
 */
import { slashCommand } from '../tests/helpers/discord-interactions.js';
import { DiscordTestServer, type RecordedRequest } from '../tests/helpers/discord-server.js';

const server = await DiscordTestServer.start();
const waiting = new Map<string, (r: RecordedRequest) => void>();
server.on('request', (r: RecordedRequest) => {
  if (r.method !== 'POST') return;
  const m = /^\/api\/v10\/interactions\/(\d+)\//.exec(r.path);
  const done = m ? waiting.get(m[1] as string) : undefined;
  if (done) done(r);
});

async function round(
  questions: string[],
  inFlight: number,
): Promise<{ lat: number[]; withFile: boolean[]; wallMs: number; cpuMs: number }> {
  const lat: number[] = [];
  /** Whether each reply carried a file (a chart's PNG): those wait for the chart to be drawn. */
  const withFile: boolean[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < questions.length) {
      const interaction = slashCommand(server.applicationId, 'ask', {
        question: questions[next++] as string,
      });
      const t0 = performance.now();
      const callback = await new Promise<RecordedRequest>((resolve) => {
        waiting.set(interaction.id, resolve);
        server.interact(interaction);
      });
      waiting.delete(interaction.id);
      lat.push(performance.now() - t0);
      withFile.push((callback.files?.length ?? 0) > 0);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  // The server keeps every request for the tests; a bench round only needs the latencies.
  server.requests.length = 0;
  return { lat, withFile, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (msg: { cmd: string; questions?: string[]; inFlight?: number }) => {
  if (msg.cmd === 'session')
    void (server.connected ? Promise.resolve() : server.waitForSession('ready', 120_000)).then(() =>
      process.send?.({ session: true }),
    );
  if (msg.cmd === 'round')
    void round(msg.questions ?? [], msg.inFlight ?? 1).then((r) => process.send?.({ round: r }));
  if (msg.cmd === 'close') void server.close().then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: { apiUrl: server.apiUrl, applicationId: server.applicationId } });
