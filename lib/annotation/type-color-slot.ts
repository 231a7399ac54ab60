/** Colour slots for event types: a tagset is data, so a type's colour comes from its name. */
export const TYPE_COLOR_SLOTS = 8;

/** The same type gets the same slot in every document and project (CASIE's Attack and Vulnerability-related differ). */
export function typeColorSlot(eventType: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < eventType.length; i++) {
    hash ^= eventType.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % TYPE_COLOR_SLOTS;
}
