/** Pseudo entry ids that 👍/👎 on calculator replies carry (reserved: no knowledge entry may use them). */
export const CALC_VOTE_IDS = { cost: 'calc-cost', training: 'calc-training' } as const;

/** The vote id of a reply: its knowledge entry, or the calculator's pseudo id; undefined when not votable. */
export function voteIdOf(reply: { kind: string; answered: boolean; entryId?: string }): string | undefined {
  if (!reply.answered) return undefined;
  if (reply.kind === 'fact') return reply.entryId;
  if (reply.kind === 'cost') return CALC_VOTE_IDS.cost;
  if (reply.kind === 'training') return CALC_VOTE_IDS.training;
  return undefined;
}

/** Whether a vote id is one of the calculator's pseudo ids (a vote on a calculation, not on an entry). */
export function isCalcVoteId(id: string): boolean {
  return id === CALC_VOTE_IDS.cost || id === CALC_VOTE_IDS.training;
}
