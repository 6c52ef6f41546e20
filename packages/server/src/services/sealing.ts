import { open, seal } from '../crypto/aead.js';
import type { ServiceDeps } from './deps.js';

/**
 * Personal or sensitive text (a reporter's description and contact, reviewer notes, outbox payloads) is sealed
 * with the field-encryption key; the table, column and row id are the associated data, so a value copied to
 * another row does not open.
 */
export function sealText(deps: Pick<ServiceDeps, 'keyring'>, where: string, id: string, text: string): string {
  return seal(deps.keyring.derive('field-encryption'), Buffer.from(text, 'utf8'), Buffer.from(`${where}:${id}`)).toString('base64');
}

export function openText(deps: Pick<ServiceDeps, 'keyring'>, where: string, id: string, sealed: string): string {
  return open(deps.keyring.derive('field-encryption'), Buffer.from(sealed, 'base64'), Buffer.from(`${where}:${id}`)).toString('utf8');
}

export const sealOptional = (deps: Pick<ServiceDeps, 'keyring'>, where: string, id: string, text: string | null | undefined): string | null =>
  text ? sealText(deps, where, id, text) : null;

export const openOptional = (deps: Pick<ServiceDeps, 'keyring'>, where: string, id: string, sealed: string | null): string | null =>
  sealed ? openText(deps, where, id, sealed) : null;
