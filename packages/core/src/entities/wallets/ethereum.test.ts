import { describe, expect, it } from 'vitest';
import { parseEthereumAddress, toChecksumAddress } from './ethereum.js';

// The examples listed in EIP-55.
const EIP55 = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('Ethereum addresses (EIP-55)', () => {
  it.each(EIP55)('computes the EIP-55 checksum of %s', (address) => {
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(parseEthereumAddress(address)?.normalized).toBe(address);
  });

  it('accepts all-lower and all-upper case (no checksum) and normalises to EIP-55', () => {
    const a = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    expect(parseEthereumAddress(a.toLowerCase())?.normalized).toBe(a);
    expect(parseEthereumAddress(`0x${a.slice(2).toUpperCase()}`)?.normalized).toBe(a);
  });

  it('rejects mixed case with a wrong checksum', () => {
    // One letter's case flipped.
    expect(parseEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBeNull();
    expect(parseEthereumAddress('0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBeNull();
  });

  it('rejects wrong length and non-hex', () => {
    expect(parseEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe')).toBeNull();
    expect(parseEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd')).toBeNull();
    expect(parseEthereumAddress('0xZaAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBeNull();
  });
});
