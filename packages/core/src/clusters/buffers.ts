// Growable typed arrays and a uint32 → int32 open-addressing map: the index's memory is a few flat arrays
// instead of millions of JS objects (a JS Map entry costs ~40–80 bytes; a slot here costs 8).

/** A typed array that doubles when full. */
export class GrowableInt32 {
  data: Int32Array;
  constructor(initial = 1024, private readonly fillValue = 0) {
    this.data = new Int32Array(Math.max(16, initial)).fill(fillValue);
  }
  /** Makes indices `< n` addressable. */
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length;
    while (cap < n) cap *= 2;
    const next = new Int32Array(cap).fill(this.fillValue);
    next.set(this.data);
    this.data = next;
  }
}

export class GrowableUint16 {
  data: Uint16Array;
  constructor(initial = 1024) {
    this.data = new Uint16Array(Math.max(16, initial));
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length;
    while (cap < n) cap *= 2;
    const next = new Uint16Array(cap);
    next.set(this.data);
    this.data = next;
  }
}

/** Open-addressing (linear probing) map from uint32 keys to non-negative int32 values; -1 means absent. */
export class U32Map {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const { keys, values, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const v = values[i] as number;
      if (v === -1) return -1;
      if (keys[i] === key) return v;
      i = (i + 1) & mask;
    }
  }

  set(key: number, value: number): void {
    if (value < 0) throw new RangeError('U32Map stores non-negative values only');
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const { keys, values, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      if (values[i] === -1) {
        keys[i] = key;
        values[i] = value;
        this.size++;
        return;
      }
      if (keys[i] === key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Bytes held by the table (for memory reports). */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const v = oldValues[i] as number;
      if (v !== -1) this.set(oldKeys[i] as number, v);
    }
  }
}
