/**
 * A counter of bank changes made by this process. Matchers compare it before each match, so a change
 * made here is seen at once; changes made by other processes are seen through the
 * `hash_bank_version` row, which matchers read at most once per refresh interval.
 */
let localChanges = 0;

export function notifyBanksChanged(): void {
  localChanges++;
}

export function localBankChanges(): number {
  return localChanges;
}
