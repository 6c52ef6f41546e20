/**
 * Triage priority of a subject: a child seemingly involved first, then a bank match, then the risk score.
 * Age breaks ties in the queue (older first), so it is not folded into the number.
 */
export interface SubjectPriorityInput {
  childInvolved: boolean;
  bankMatch: boolean;
  /** 0..1 from the item analysis, when there is one. */
  riskScore: number | null;
}

export function subjectPriority(p: SubjectPriorityInput): number {
  const risk = p.riskScore === null ? 0 : Math.max(0, Math.min(1, p.riskScore));
  return (p.childInvolved ? 1000 : 0) + (p.bankMatch ? 500 : 0) + Math.round(risk * 100);
}
