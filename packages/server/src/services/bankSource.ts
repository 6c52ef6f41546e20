import type { Db } from '../db/database.js';
import type { SignalType } from './bankFormats.js';

/** What a matcher needs to know about a bank to decide whether to (re)load it. */
export interface BankInfo {
  id: string;
  name: string;
  enabled: boolean;
  /** Grows on every change to the bank or its entries. */
  revision: number;
}

export interface MatchableEntry {
  id: string;
  signalType: SignalType;
  hash: string;
  category: string | null;
}

/** Where a matcher reads banks from: the database, or (benchmarks) memory. */
export interface BankSource {
  /** Changes whenever any bank or entry changes; read often, so it must be cheap. */
  version(): Promise<number>;
  banks(): Promise<BankInfo[]>;
  /** The enabled entries of one bank, in pages. */
  entries(bankId: string): AsyncIterable<MatchableEntry[]>;
}

const PAGE = 20_000;

export class DbBankSource implements BankSource {
  constructor(private readonly db: Db) {}

  async version(): Promise<number> {
    const row = await this.db.selectFrom('hash_bank_version').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(row?.version ?? 0);
  }

  async banks(): Promise<BankInfo[]> {
    const rows = await this.db.selectFrom('hash_bank').select(['id', 'name', 'enabled', 'revision']).execute();
    return rows.map((r) => ({ id: r.id, name: r.name, enabled: Number(r.enabled) === 1, revision: Number(r.revision) }));
  }

  async *entries(bankId: string): AsyncIterable<MatchableEntry[]> {
    let after: string | null = null;
    for (;;) {
      let query = this.db
        .selectFrom('hash_bank_entry')
        .select(['id', 'signal_type', 'hash', 'category'])
        .where('bank_id', '=', bankId)
        .where('enabled', '=', 1)
        .orderBy('id')
        .limit(PAGE);
      if (after) query = query.where('id', '>', after);
      const rows = await query.execute();
      yield rows.map((r) => ({ id: r.id, signalType: r.signal_type, hash: r.hash, category: r.category }));
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.id;
    }
  }
}

/** Banks held in memory: for tests and benchmarks. `change()` after editing, as the database would. */
export class MemoryBankSource implements BankSource {
  private counter = 0;
  readonly banksById = new Map<string, BankInfo & { entries: MatchableEntry[] }>();

  put(info: Omit<BankInfo, 'revision'>, entries: MatchableEntry[]): void {
    const previous = this.banksById.get(info.id);
    this.banksById.set(info.id, { ...info, revision: (previous?.revision ?? 0) + 1, entries });
    this.counter++;
  }

  remove(id: string): void {
    this.banksById.delete(id);
    this.counter++;
  }

  async version(): Promise<number> {
    return this.counter;
  }

  async banks(): Promise<BankInfo[]> {
    return [...this.banksById.values()].map(({ id, name, enabled, revision }) => ({ id, name, enabled, revision }));
  }

  async *entries(bankId: string): AsyncIterable<MatchableEntry[]> {
    yield this.banksById.get(bankId)?.entries ?? [];
  }
}
