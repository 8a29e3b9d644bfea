import { readFileSync, statSync, unwatchFile, watchFile } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { BUILT_IN, ChannelPolicy, type ChannelRule, PolicyError } from './channel-rules.js';

export {
  AUTO_CONFIDENCE,
  type ChannelMode,
  ChannelPolicy,
  type ChannelRule,
  confidentEnough,
  type EscalationTarget,
  PolicyError,
  type Visibility,
} from './channel-rules.js';

/**
 * Where and when the bot speaks, per channel: one YAML file (CHANNELS_FILE), validated at start-up
 * (problems name the file, the entry and the field) and hot-reloaded (an invalid edit keeps the
 * previous policy).
 *
 * - `mention` (default): mentions, DMs, slash commands and follow-ups in its threads;
 * - `auto`: also messages that look like questions for it, answered only with high confidence;
 * - `quiet`: slash commands only, replies private.
 */
/** Largest policy file read: a policy is a few kilobytes. */
export const MAX_POLICY_BYTES = 256 * 1024;

const slackId = /^[A-Z0-9]{8,12}$/;
const discordId = /^\d{15,21}$/;
const idSchema = z
  .string()
  .trim()
  .refine((v) => slackId.test(v) || discordId.test(v), {
    message: 'must be a Slack id (C0123ABCD) or a Discord id (15 to 21 digits)',
  });

const escalationSchema = z.strictObject({ channel: idSchema, mention: idSchema.optional() });

const ruleFields = {
  mode: z.enum(['mention', 'auto', 'quiet']).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  languages: z
    .array(z.enum(['en', 'fr']))
    .min(1, 'must list at least one of en, fr')
    .optional(),
  escalation: escalationSchema.nullable().optional(),
};

const channelSchema = z.strictObject({
  id: idSchema,
  platform: z.enum(['slack', 'discord']).optional(),
  /** For the people reading the file; not used. */
  name: z.string().max(80).optional(),
  ...ruleFields,
});

const policySchema = z.strictObject({
  default: z.strictObject(ruleFields).optional(),
  channels: z.array(channelSchema).max(5000).optional(),
});

type RuleData = z.infer<z.ZodObject<typeof ruleFields>>;

function merge(base: ChannelRule, data: RuleData): ChannelRule {
  const rule: ChannelRule = {
    mode: data.mode ?? base.mode,
    visibility: data.visibility ?? base.visibility,
    languages: data.languages ? [...new Set(data.languages)] : base.languages,
  };
  const escalation = data.escalation === null ? undefined : (data.escalation ?? base.escalation);
  if (escalation) rule.escalation = { ...escalation };
  if (rule.mode === 'quiet') rule.visibility = 'private';
  return Object.freeze(rule);
}

/** Parses and validates a policy file's text; throws PolicyError listing every problem. */
export function parsePolicy(text: string, file = 'channels.yaml'): ChannelPolicy {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0)
    throw new PolicyError(doc.errors.map((e) => `${file}: ${e.message.split('\n')[0] ?? 'invalid YAML'}`));
  const raw = doc.toJS() ?? {};
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const [first, index, ...rest] = i.path.map(String);
      const entry =
        first === 'channels' && index !== undefined
          ? `channel ${describeChannel(raw, Number(index))}`
          : first === 'default'
            ? 'default'
            : undefined;
      const field = (first === 'channels' ? rest : [index, ...rest]).filter((x) => x !== undefined).join('.');
      const where = [file, entry, field ? `field "${field}"` : undefined].filter(Boolean).join(', ');
      return `${where}: ${i.message}`;
    });
    throw new PolicyError(problems);
  }
  const defaults = merge(BUILT_IN, parsed.data.default ?? {});
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const channels = (parsed.data.channels ?? []).map((c) => {
    const key = `${c.platform ?? '*'}:${c.id}`;
    if (seen.has(key)) duplicates.push(`${file}, channel ${c.id}: listed twice`);
    seen.add(key);
    return { id: c.id, ...(c.platform ? { platform: c.platform } : {}), rule: merge(defaults, c) };
  });
  if (duplicates.length > 0) throw new PolicyError(duplicates);
  return new ChannelPolicy(defaults, channels);
}

function describeChannel(raw: unknown, index: number): string {
  const list = (raw as { channels?: unknown }).channels;
  const item = Array.isArray(list) ? list[index] : undefined;
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 40 ? `"${id}"` : `#${index + 1}`;
}

/** Reads a policy file (regular file, size-capped). Throws PolicyError. */
export function readPolicyFile(path: string): ChannelPolicy {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new PolicyError([`${path}: not a regular file`]);
    size = st.size;
  } catch (err) {
    if (err instanceof PolicyError) throw err;
    throw new PolicyError([`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  if (size > MAX_POLICY_BYTES)
    throw new PolicyError([`${path}: ${size} bytes, more than ${MAX_POLICY_BYTES}`]);
  return parsePolicy(readFileSync(path, 'utf8'), path);
}

/**
 * Holds the policy in force. With a file, polls it (survives the file being deleted and recreated,
 * and an editor's empty-then-full save: an invalid or missing file keeps the previous policy).
 */
export class PolicyHolder {
  private policy: ChannelPolicy;
  private watching = false;

  constructor(
    readonly path: string | undefined,
    private readonly logger?: Logger,
  ) {
    this.policy = path ? readPolicyFile(path) : new ChannelPolicy();
  }

  current(): ChannelPolicy {
    return this.policy;
  }

  /** Re-reads the file; keeps the previous policy and logs one line when it is invalid. */
  reload(): { ok: true } | { ok: false; problems: string[] } {
    if (!this.path) return { ok: true };
    try {
      this.policy = readPolicyFile(this.path);
      this.logger?.info({ file: this.path }, 'channel policy reloaded');
      return { ok: true };
    } catch (err) {
      const problems = err instanceof PolicyError ? err.problems : [(err as Error).message];
      this.logger?.error(
        { file: this.path, problems: problems.slice(0, 5), count: problems.length },
        'channel policy reload rejected, previous policy kept',
      );
      return { ok: false, problems };
    }
  }

  watch(intervalMs = 1000): void {
    if (!this.path || this.watching) return;
    this.watching = true;
    watchFile(this.path, { interval: intervalMs, persistent: false }, (cur, prev) => {
      if (cur.mtimeMs === prev.mtimeMs && cur.size === prev.size) return;
      if (cur.nlink === 0 || cur.size === 0) return; // deleted, or an editor's empty first write
      this.reload();
    });
  }

  close(): void {
    if (this.path && this.watching) unwatchFile(this.path);
    this.watching = false;
  }
}
