import { typeColorSlot } from "@/lib/annotation/type-color-slot";
import colors from "./type-colors.module.css";

const SLOTS = [colors.c0, colors.c1, colors.c2, colors.c3, colors.c4, colors.c5, colors.c6, colors.c7];

/**
 * The class setting `--type-color` for an event type. A tagset is data, so the
 * colour comes from a hash of the name: the same type has the same colour in
 * every document and project (CASIE's Attack and Vulnerability-related differ).
 */
export function typeColorClass(eventType: string): string {
  return SLOTS[typeColorSlot(eventType)];
}
