/** One entity (phone, e-mail, wallet, handle, URL) found in an item. Primary key (item_id, start, type). */
export interface ItemEntityTable {
  item_id: string;
  type: string;
  /** The linking key: E.164 phone, lower-case e-mail, `platform:user`, normalised URL or address. */
  normalized: string;
  /** The text as written. */
  value: string;
  start: number;
  end: number;
  /** JSON object: the type's other fields (region, obfuscated, platform, chain…). */
  attributes: string;
}
