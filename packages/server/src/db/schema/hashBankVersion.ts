/**
 * One row (id 1) whose `version` grows with every change to any bank or entry, in the same
 * transaction: matcher processes compare one integer to know whether to reload.
 */
export interface HashBankVersionTable {
  id: number;
  version: number;
}
