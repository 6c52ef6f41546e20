// Hub guards: an entity linked to too many items or sites (a site's own support number, a shared agency line) or a
// known placeholder would join unrelated ads into one network. Such entities are listed with a reason and no
// longer link anything.

export interface HubLimits {
  /** More items than this carrying the entity → hub [200]. */
  maxItems: number;
  /** More distinct sites than this → hub [25]. */
  maxSites: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = { maxItems: 200, maxSites: 25 };

export type HubReason = 'placeholder' | 'too-many-items' | 'too-many-sites';

/**
 * Link types: the entities ads share, and their template cluster (ads written from one template with only names and
 * numbers changed are the signature of an organised group, with or without a shared contact). URLs are not identity
 * (everyone links the same sites).
 */
export const LINK_TYPES = ['phone', 'email', 'wallet', 'handle', 'image', 'template'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export function isLinkType(type: string): type is LinkType {
  return (LINK_TYPES as readonly string[]).includes(type);
}

/** Placeholder values copied into forms and templates: never identity. */
export function isPlaceholder(type: string, normalized: string): boolean {
  const v = normalized.toLowerCase();
  if (type === 'phone') {
    const digits = v.replace(/\D/g, '');
    const national = digits.slice(-10);
    if (/^(\d)\1+$/.test(national.slice(-7))) return true; // 000 0000, 111 1111…
    if (/^(0123456789|1234567890|9876543210)$/.test(national)) return true;
    if (/1234567$/.test(national)) return true;
    return false;
  }
  if (type === 'email') {
    const [user = '', domain = ''] = v.split('@');
    if (/^(example|ejemplo|exemplo)\.(com|org|net)$/.test(domain) || domain === 'test.com' || domain === 'domain.com') return true;
    return ['test', 'email', 'correo', 'tucorreo', 'youremail', 'seuemail', 'usuario', 'user', 'name', 'nombre', 'noreply', 'no-reply'].includes(user);
  }
  if (type === 'handle') return /:(admin|support|soporte|suporte|username|usuario|user|test)$/.test(v);
  return false;
}

/** Why an entity is a hub, or null. */
export function hubReason(type: string, normalized: string, counts: { items: number; sites: number }, limits: HubLimits = DEFAULT_HUB_LIMITS): HubReason | null {
  if (isPlaceholder(type, normalized)) return 'placeholder';
  if (counts.items > limits.maxItems) return 'too-many-items';
  if (counts.sites > limits.maxSites) return 'too-many-sites';
  return null;
}
