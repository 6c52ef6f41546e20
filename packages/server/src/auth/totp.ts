import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Centinela';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

const PERIOD_MS = 30_000;

/**
 * Accepts the current code and one step either side, for clock drift, but never a step at or before
 * `lastStep`, so a code seen over someone's shoulder cannot be replayed. Returns the accepted step or null.
 */
export function verifyTotp(secretBase32: string, code: string, now: Date, lastStep: number | null = null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / PERIOD_MS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export function totpCodeAt(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: now.getTime() });
}
