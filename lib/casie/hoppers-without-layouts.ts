import type { CasieHopper } from "./types";

/** The hoppers without their JSON layouts (how the file wrote each object) and without absent members. */
export function hoppersWithoutLayouts(hoppers: readonly CasieHopper[]): CasieHopper[] {
  return JSON.parse(JSON.stringify(hoppers, (key, value: unknown) => (key === "layout" ? undefined : value))) as CasieHopper[];
}
