// Whether a CASIE document survives brat: written as standoff and read back,
// its hoppers must be the same, JSON layouts aside (brat does not carry them).

import type { Tagset } from "@/lib/casie/tagset";
import { hoppersWithoutLayouts } from "@/lib/casie/hoppers-without-layouts";
import type { CasieDocument } from "@/lib/casie/types";
import { casieToBrat } from "./brat-export";
import { bratToCasie } from "./brat-import";

/** Objects' members in name order: their order is layout, which brat does not keep. */
function withSortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Null when the document comes back from brat unchanged, else what went wrong. */
export function bratRoundTripProblem(document: CasieDocument, tagset: Tagset): string | null {
  let files;
  try {
    files = casieToBrat(document, tagset);
  } catch (error) {
    return `cannot be written in brat: ${(error as Error).message}`;
  }
  const back = bratToCasie(files.text, files.annotations, { sourcefile: document.sourcefile, tagset });
  if (!back.document) return `its brat files do not read back: ${back.errors.join("; ")}`;
  const before = JSON.stringify(hoppersWithoutLayouts(document.hoppers), withSortedKeys);
  const after = JSON.stringify(hoppersWithoutLayouts(back.document.hoppers), withSortedKeys);
  if (before === after) return null;
  let at = 0;
  while (before[at] === after[at]) at++;
  return `read back differently from character ${at} of its hoppers' JSON: …${before.slice(Math.max(0, at - 40), at + 40)}… became …${after.slice(Math.max(0, at - 40), at + 40)}…`;
}
