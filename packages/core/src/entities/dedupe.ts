import type { Entity, EntityType } from './types.js';

// For one and the same span, the more specific reading wins: a checksum-valid wallet over anything else, a handle
// over the bare link it came from.
const SPECIFICITY: Readonly<Record<EntityType, number>> = { wallet: 5, email: 4, handle: 3, phone: 2, url: 1 };

const contains = (outer: Entity, inner: Entity): boolean => outer.start <= inner.start && inner.end <= outer.end;
const overlaps = (a: Entity, b: Entity): boolean => a.start < b.end && b.start < a.end;
const sameSpan = (a: Entity, b: Entity): boolean => a.start === b.start && a.end === b.end;

/** A link whose digits ARE a phone number (wa.me/…, api.whatsapp.com/send?phone=…, tel:…), so the phone inside it stays. */
function carriesPhone(link: Entity): boolean {
  if (link.type === 'handle') return link.platform === 'whatsapp' && link.kind === 'profile';
  if (link.type === 'url') return /^tel:/i.test(link.value) || /[?&]phone=/i.test(link.value) || /(?:^|\/\/)wa\.me\//i.test(link.value);
  return false;
}

/** Whether `a` should be kept instead of `b` when they collide. */
function beats(a: Entity, b: Entity): boolean {
  if (sameSpan(a, b)) return SPECIFICITY[a.type] > SPECIFICITY[b.type];
  // A container wins over what it contains: digits inside an address or an ad URL are not a phone.
  if (contains(a, b)) return true;
  if (contains(b, a)) return false;
  // Partial overlap: most specific type, then the longer span.
  if (SPECIFICITY[a.type] !== SPECIFICITY[b.type]) return SPECIFICITY[a.type] > SPECIFICITY[b.type];
  return a.end - a.start > b.end - b.start;
}

/** Nested entities that are both worth reporting: the phone inside a WhatsApp link or a tel: link. */
function mayNest(a: Entity, b: Entity): boolean {
  if (sameSpan(a, b)) return false;
  if (a.type === 'phone' && contains(b, a)) return carriesPhone(b);
  if (b.type === 'phone' && contains(a, b)) return carriesPhone(a);
  return false;
}

/**
 * Resolves overlaps so each span is reported once with its most specific type; drops exact duplicates
 * (same type, same span). Returns entities sorted by start, then by end descending (containers first).
 */
export function dedupeEntities(entities: readonly Entity[]): Entity[] {
  const kept: Entity[] = [];
  // Decide larger and more specific entities first so containers are in place before their contents arrive.
  const ordered = [...entities].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[b.type] - SPECIFICITY[a.type] || a.start - b.start,
  );
  for (const e of ordered) {
    let keep = true;
    for (let i = 0; i < kept.length; i++) {
      const k = kept[i]!;
      if (!overlaps(e, k) || mayNest(e, k)) continue;
      if (e.type === k.type && sameSpan(e, k)) {
        keep = false;
        break;
      }
      if (beats(e, k)) {
        kept.splice(i, 1);
        i--;
      } else {
        keep = false;
        break;
      }
    }
    if (keep) kept.push(e);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
