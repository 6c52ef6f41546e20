import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses outbound fetches may connect to. Everything that is not globally routable is refused
 * (private, loopback, link-local, CGNAT, documentation, multicast, reserved — IPv4 and IPv6), including IPv4
 * addresses hidden inside IPv6 (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`), unless the operator's allow-list names the address or its network.
 */
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const BLOCKED_V6: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001::', 23], // IETF protocol assignments (Teredo and friends)
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (any textual form, with or without an embedded dotted quad). */
export function ipv6Bytes(address: string): Uint8Array {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    text = text.slice(0, -dotted[1]!.length) + `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g || '0', 16);
    bytes[i * 2] = v >> 8;
    bytes[i * 2 + 1] = v & 0xff;
  });
  return bytes;
}

const v4 = (b: Uint8Array, at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(b, 12); // ::ffff:a.b.c.d
  if (zeros(0, 12) && !(zeros(12, 16) || (zeros(12, 15) && b[15] === 1))) return v4(b, 12); // ::a.b.c.d
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return v4(b, 12); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return v4(b, 2); // 2002:AABB:CCDD::/16
  return null;
}

/** Operator allow-list: IP addresses or CIDR networks (`127.0.0.1`, `10.1.0.0/16`, `::1`). */
export class AddressPolicy {
  readonly #allowed = new BlockList();

  constructor(allow: readonly string[] = []) {
    for (const entry of allow) {
      const [addr, prefix] = entry.split('/');
      const family = isIP(addr ?? '');
      if (!family) throw new Error(`allow-list entry "${entry}" is not an IP address or network`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.#allowed.addAddress(addr!, type);
      else this.#allowed.addSubnet(addr!, Number(prefix), type);
    }
  }

  /** Why the address is refused, or null when it may be connected to. */
  refusal(address: string): string | null {
    const family = isIP(address);
    if (family === 0) return 'not an IP address';
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.#allowed.check(address, type)) return null;
    if (family === 4) return blocked.check(address, 'ipv4') ? 'a private, loopback, link-local or reserved address' : null;
    const inner = embeddedIpv4(address);
    if (inner !== null) {
      if (this.#allowed.check(inner, 'ipv4')) return null;
      if (blocked.check(inner, 'ipv4')) return 'an IPv6 address carrying a private, loopback or reserved IPv4 address';
      // Mapped/compatible forms are never sent on the wire as IPv6: judge them by their IPv4 alone.
    }
    if (blocked.check(address, 'ipv6')) return 'a private, loopback, link-local or reserved address';
    return null;
  }
}
