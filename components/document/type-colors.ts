import colors from "./type-colors.module.css";

const SLOTS = [colors.c0, colors.c1, colors.c2, colors.c3, colors.c4, colors.c5, colors.c6, colors.c7];

/**
 * The class setting `--type-color` for an event type. A tagset is data, so the
 * colour comes from a hash of the name: the same type has the same colour in
 * every document and project (CASIE's Attack and Vulnerability-related differ).
 */
export function typeColorClass(eventType: string): string {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < eventType.length; i++) {
    hash ^= eventType.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return SLOTS[hash % SLOTS.length];
}
