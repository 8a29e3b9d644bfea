import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyError, PolicyHolder, parsePolicy, readPolicyFile } from '../../src/services/channel-policy.js';

const dirs: string[] = [];
function tempFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-'));
  dirs.push(dir);
  const path = join(dir, 'channels.yaml');
  writeFileSync(path, text);
  return path;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const POLICY = `
default:
  mode: mention
  escalation: { channel: C0HELPDESK1, mention: S0EXPERTS1 }
channels:
  - id: C0ASKAI0001
    platform: slack
    name: ask-ai
    mode: auto
  - id: C0ANNOUNCE1
    mode: quiet
    visibility: public
  - id: "123456789012345678"
    platform: discord
    languages: [fr]
    escalation: null
`;

function problemsOf(text: string): string[] {
  try {
    parsePolicy(text);
  } catch (err) {
    if (err instanceof PolicyError) return err.problems;
    throw err;
  }
  return [];
}

describe('channel policy', () => {
  it('applies per-channel rules over the default and the default everywhere else', () => {
    const policy = parsePolicy(POLICY);
    expect(policy.forChannel('slack', 'C0ASKAI0001').mode).toBe('auto');
    expect(policy.forChannel('discord', 'C0ASKAI0001').mode).toBe('mention'); // slack only
    expect(policy.forChannel('slack', 'C0OTHER0001')).toMatchObject({
      mode: 'mention',
      visibility: 'public',
    });
    expect(policy.forChannel('slack', undefined).escalation).toEqual({
      channel: 'C0HELPDESK1',
      mention: 'S0EXPERTS1',
    });
    expect(policy.autoChannels('slack')).toEqual(['C0ASKAI0001']);
    expect(policy.autoChannels('discord')).toEqual([]);
  });

  it('inherits the default escalation, drops it on null, and makes quiet channels private', () => {
    const policy = parsePolicy(POLICY);
    expect(policy.forChannel('slack', 'C0ASKAI0001').escalation?.channel).toBe('C0HELPDESK1');
    const discord = policy.forChannel('discord', '123456789012345678');
    expect(discord.escalation).toBeUndefined();
    expect(discord.languages).toEqual(['fr']);
    expect(policy.forChannel('discord', 'C0ANNOUNCE1')).toMatchObject({
      mode: 'quiet',
      visibility: 'private',
    });
  });

  it('names the file, the channel and the field of every problem at once', () => {
    const problems = problemsOf(`
default: { mode: loud }
channels:
  - id: C0ASKAI0001
    languages: [de]
  - id: not-an-id
  - id: C0ASKAI0002
    colour: blue
`);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^channels\.yaml, default, field "mode": /);
    expect(problems.join('\n')).toContain('channel "C0ASKAI0001", field "languages.0"');
    expect(problems.join('\n')).toContain('channel "not-an-id", field "id": must be a Slack id');
    expect(problems.join('\n')).toMatch(/channel "C0ASKAI0002".*colour/);
  });

  it('rejects broken YAML and duplicate channels, and accepts an empty file as all defaults', () => {
    expect(problemsOf('channels: [')[0]).toMatch(/^channels\.yaml: /);
    expect(problemsOf('channels:\n  - id: C0ASKAI0001\n  - id: C0ASKAI0001\n')).toEqual([
      'channels.yaml, channel C0ASKAI0001: listed twice',
    ]);
    expect(parsePolicy('').forChannel('slack', 'C0ASKAI0001').mode).toBe('mention');
  });

  it('refuses what is not a small regular file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    dirs.push(dir);
    expect(() => readPolicyFile(dir)).toThrow(/not a regular file/);
    expect(() => readPolicyFile(join(dir, 'missing.yaml'))).toThrow(/cannot be read \(ENOENT\)/);
    const big = tempFile(`# ${'x'.repeat(300 * 1024)}\n`);
    expect(() => readPolicyFile(big)).toThrow(/more than/);
  });

  it('reloads a valid edit and keeps the previous policy on an invalid one', () => {
    const path = tempFile(POLICY);
    const holder = new PolicyHolder(path);
    expect(holder.current().forChannel('slack', 'C0ASKAI0001').mode).toBe('auto');
    writeFileSync(path, 'channels:\n  - id: C0ASKAI0001\n    mode: quiet\n');
    expect(holder.reload()).toEqual({ ok: true });
    expect(holder.current().forChannel('slack', 'C0ASKAI0001').mode).toBe('quiet');
    writeFileSync(path, 'channels:\n  - id: C0ASKAI0001\n    mode: shout\n');
    const result = holder.reload();
    expect(result.ok).toBe(false);
    expect(holder.current().forChannel('slack', 'C0ASKAI0001').mode).toBe('quiet');
    rmSync(path);
    expect(holder.reload().ok).toBe(false);
    expect(holder.current().forChannel('slack', 'C0ASKAI0001').mode).toBe('quiet');
  });

  it('picks an edit up by itself when watched', async () => {
    const path = tempFile('channels:\n  - id: C0ASKAI0001\n    mode: auto\n');
    const holder = new PolicyHolder(path);
    holder.watch(20);
    try {
      // Let the watcher take its first look at the file before it changes.
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path, 'channels:\n  - id: C0ASKAI0001\n    mode: quiet\n    name: renamed channel\n');
      await expect
        .poll(() => holder.current().forChannel('slack', 'C0ASKAI0001').mode, { timeout: 5000 })
        .toBe('quiet');
    } finally {
      holder.close();
    }
  });

  it('without a file every channel gets the built-in default', () => {
    const holder = new PolicyHolder(undefined);
    expect(holder.current().forChannel('discord', '123456789012345678')).toEqual({
      mode: 'mention',
      visibility: 'public',
      languages: ['en', 'fr'],
    });
  });
});

describe('the example policy shipped in config/', () => {
  it('is valid and means what its comments say', () => {
    const policy = readPolicyFile('config/channels.example.yaml');
    expect(policy.autoChannels('slack')).toEqual(['C0ASKAI0001']);
    expect(policy.forChannel('slack', 'C0ANNOUNCE1')).toMatchObject({ mode: 'quiet', visibility: 'private' });
    expect(policy.forChannel('discord', '123456789012345678')).toMatchObject({
      languages: ['fr'],
      escalation: { channel: '123456789012345679', mention: '123456789012345670' },
    });
  });
});
