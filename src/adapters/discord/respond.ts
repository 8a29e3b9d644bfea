import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { ChartRenderer } from '../../charts/index.js';
import { chartFileName } from '../../core/charts/spec.js';
import type { Logger } from '../../logger.js';
import { type DiscordMessage, EPHEMERAL } from './render.js';

/**
 * Sending a rendered message, whatever state the interaction is in.
 *
 * Defer policy: the engine is synchronous and fast, but the rate-limit counter may live in Redis. The
 * answer is sent directly when ready within `deferAfterMs` (one round trip, no "thinking…" flash);
 * otherwise the reply is deferred, leaving the rest of Discord's 3-second window for the deferral itself.
 */
export const DEFAULT_DEFER_AFTER_MS = 1_500;

/**
 * Already API data (render.ts builds the API body): handed to discord.js as JSON-encodable, so it is sent
 * as is instead of being re-cased key by key (its default `toSnakeCase` runs lodash on every key).
 */
const asJson = <T>(data: T) => ({ toJSON: () => data });

/** The body fields shared by a reply and an edit (an edit cannot change the ephemeral flag). */
function body(msg: DiscordMessage) {
  return {
    ...(msg.content ? { content: msg.content } : {}),
    embeds: msg.embeds.map(asJson),
    components: msg.components.map(asJson),
    allowedMentions: msg.allowed_mentions,
    ...(msg.files && msg.files.length > 0
      ? {
          files: msg.files.map((f) => ({
            attachment: f.data,
            name: f.name,
            ...(f.description ? { description: f.description } : {}),
          })),
        }
      : {}),
  };
}

/**
 * Renders the message's chart to the PNG its embed points at. If rendering fails the answer goes
 * out without the image (logged), never without the answer.
 */
export async function withChartFile(
  msg: DiscordMessage,
  charts: ChartRenderer | undefined,
  log?: Logger,
): Promise<DiscordMessage> {
  const chart = msg.chart;
  if (!chart) return msg;
  try {
    if (!charts) throw new Error('no chart renderer');
    const data = await charts.png(chart);
    return { ...msg, files: [{ name: chartFileName(chart), data, description: chart.alt.slice(0, 1024) }] };
  } catch (error) {
    log?.warn({ err: error, chart: chart.kind }, 'chart not rendered; answering without it');
    const [first, ...rest] = msg.embeds;
    const { image: _image, ...embed } = first ?? {};
    return { ...msg, embeds: first ? [embed, ...rest] : rest };
  }
}

function editOptions(msg: DiscordMessage): InteractionEditReplyOptions {
  return body(msg);
}

function replyOptions(msg: DiscordMessage): InteractionReplyOptions {
  return { ...body(msg), ...(isEphemeral(msg) ? { flags: MessageFlags.Ephemeral } : {}) };
}

const isEphemeral = (msg: DiscordMessage) => ((msg.flags ?? 0) & EPHEMERAL) !== 0;

/** Sends `msg` as the answer: reply, edit of a deferral, or (ephemeral after a public deferral) follow-up. */
export async function deliver(interaction: RepliableInteraction, msg: DiscordMessage): Promise<void> {
  if (interaction.replied) {
    await interaction.followUp(replyOptions(msg));
    return;
  }
  if (!interaction.deferred) {
    await interaction.reply(replyOptions(msg));
    return;
  }
  if (isEphemeral(msg) && !interaction.ephemeral) {
    // A deferral's visibility cannot change: drop the public placeholder, answer privately.
    await interaction.deleteReply();
    await interaction.followUp(replyOptions(msg));
    return;
  }
  await interaction.editReply(editOptions(msg));
}

const LATE = Symbol('late');

/**
 * Awaits `work` and delivers it; defers first (ephemerally when `privateIfDeferred`) if it is not ready
 * within `deferAfterMs`.
 */
export async function answerInTime(
  interaction: RepliableInteraction,
  work: Promise<DiscordMessage>,
  deferAfterMs: number,
  privateIfDeferred: boolean,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  // A plain timer, cleared once the work wins: no AbortController, event or AbortError per interaction.
  const first = await Promise.race([
    work,
    new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(resolve, deferAfterMs, LATE);
    }),
  ]).finally(() => clearTimeout(timer));
  if (first !== LATE) {
    await deliver(interaction, first as DiscordMessage);
    return;
  }
  await interaction.deferReply(privateIfDeferred ? { flags: MessageFlags.Ephemeral } : {});
  await deliver(interaction, await work);
}
