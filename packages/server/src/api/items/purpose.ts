import type { FastifyRequest } from 'fastify';
import { Problem } from '../../services/problem.js';

/**
 * Investigative searches and reads need a stated purpose, written to the audit log. Anyone holding the
 * investigator role states one, even when they also hold another role: the stricter rule wins.
 */
export function requirePurposeOfInvestigators(request: FastifyRequest, purpose: string | undefined): void {
  const p = request.principal;
  if (p?.kind === 'user' && p.roles.includes('investigator') && !purpose) {
    throw new Problem(400, 'item.purpose_required', 'investigators state the purpose of every search and read (query parameter `purpose`)');
  }
}
