import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson, type JsonValue } from './canonicalJson.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers (everything but the hash itself). */
export interface AuditEntryBody {
  seq: number;
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  purpose: string | null;
  legalBasis: string | null;
  outcome: string;
  /** Canonical JSON text of the entry's details object. */
  details: string;
  prevHash: string;
}

export interface AuditEntry extends AuditEntryBody {
  hash: string;
}

export function hashAuditEntry(body: AuditEntryBody): string {
  const fields: { [key: string]: JsonValue } = { ...body };
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(fields))));
}

export type ChainVerdict =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | { ok: false; entries: number; brokenSeq: number; reason: ChainBreak; message: string };

export type ChainBreak = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';

/**
 * Checks a chain read in sequence order. An edited row changes its own hash; a deleted or moved row
 * breaks the next row's link or the sequence; deleting the newest rows is caught by the recorded head.
 */
export class ChainVerifier {
  #expectedSeq = 1;
  #prevHash = GENESIS_HASH;
  #count = 0;
  #broken: Extract<ChainVerdict, { ok: false }> | null = null;

  /** Feeds the next entry; returns false once the chain is broken (further entries are ignored). */
  push(entry: AuditEntry): boolean {
    if (this.#broken) return false;
    this.#count++;
    const fail = (reason: ChainBreak, message: string): false => {
      this.#broken = { ok: false, entries: this.#count, brokenSeq: entry.seq, reason, message };
      return false;
    };
    if (entry.seq !== this.#expectedSeq) {
      return fail('sequence_gap', `expected entry ${this.#expectedSeq} but found ${entry.seq}`);
    }
    if (entry.prevHash !== this.#prevHash) return fail('prev_hash_mismatch', 'does not link to the entry before it');
    const { hash, ...body } = entry;
    if (hashAuditEntry(body) !== hash) return fail('hash_mismatch', 'its content does not match its hash');
    this.#prevHash = hash;
    this.#expectedSeq++;
    return true;
  }

  finish(head: { seq: number; hash: string }): ChainVerdict {
    if (this.#broken) return this.#broken;
    const lastSeq = this.#expectedSeq - 1;
    if (head.seq !== lastSeq || head.hash !== this.#prevHash) {
      return {
        ok: false,
        entries: this.#count,
        brokenSeq: Math.min(head.seq, lastSeq) + 1,
        reason: 'head_mismatch',
        message: `the log ends at entry ${lastSeq} but the recorded head is entry ${head.seq}`,
      };
    }
    return { ok: true, entries: this.#count, headSeq: lastSeq, headHash: this.#prevHash };
  }
}

export function verifyChain(entries: Iterable<AuditEntry>, head: { seq: number; hash: string }): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(head);
}
