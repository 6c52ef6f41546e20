import { HashIndex, hexToWords, type DihedralName } from '@centinela/core';
import type { SignalType } from './bankFormats.js';
import type { BankInfo, BankSource } from './bankSource.js';

export interface MatchHit {
  bank: string;
  bankId: string;
  entryId: string;
  signalType: SignalType;
  category: string | null;
  distance: number;
  /** Which variant of the query matched, for dihedral PDQ matches. */
  variant?: DihedralName;
}

/** One bank in memory: a Hamming index for PDQ, exact maps for MD5/SHA-256, entry data by slot. */
export class LoadedBank {
  readonly pdq = new HashIndex<number>();
  readonly exact = new Map<string, number>();
  readonly entryIds: string[] = [];
  readonly categories: (string | null)[] = [];

  constructor(
    public name: string,
    readonly id: string,
    readonly revision: number,
  ) {}

  static async load(info: BankInfo, source: BankSource): Promise<LoadedBank> {
    const bank = new LoadedBank(info.name, info.id, info.revision);
    const interned = new Map<string, string>();
    // PDQ hashes are collected first and added in one call: one index rebuild for the whole bank.
    let words = new Uint32Array(8 * 1024);
    const slots: number[] = [];
    for await (const page of source.entries(info.id)) {
      for (const e of page) {
        const slot = bank.entryIds.length;
        bank.entryIds.push(e.id);
        const category = e.category === null ? null : (interned.get(e.category) ?? (interned.set(e.category, e.category), e.category));
        bank.categories.push(category);
        if (e.signalType !== 'pdq') {
          bank.exact.set(`${e.signalType}:${e.hash}`, slot);
          continue;
        }
        if ((slots.length + 1) * 8 > words.length) {
          const grown = new Uint32Array(words.length * 2);
          grown.set(words);
          words = grown;
        }
        hexToWords(e.hash, words, slots.length * 8);
        slots.push(slot);
      }
    }
    bank.pdq.reserve(slots.length);
    bank.pdq.addAll(
      (function* () {
        for (let i = 0; i < slots.length; i++) yield [words.subarray(i * 8, i * 8 + 8), slots[i]!] as const;
      })(),
    );
    return bank;
  }

  get size(): number {
    return this.entryIds.length;
  }

  hit(slot: number, signalType: SignalType, distance: number, variant?: DihedralName): MatchHit {
    return {
      bank: this.name,
      bankId: this.id,
      entryId: this.entryIds[slot]!,
      signalType,
      category: this.categories[slot] ?? null,
      distance,
      ...(variant && variant !== 'original' ? { variant } : {}),
    };
  }
}
