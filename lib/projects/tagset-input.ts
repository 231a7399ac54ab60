// A tagset sent by a browser (the editor's save, an imported JSON file): its
// shape and sizes by schema, then what the format requires (unique, trimmed,
// non-empty names; roles and entity types that exist) by lib/casie's checkTagset.
// Nothing outside the Tagset type survives: unknown members are dropped.

import { z } from "zod";
import { checkTagset, type Tagset } from "@/lib/casie/tagset";
import { hasControlCharacter } from "./project-input";

/** A serialized tagset larger than this is refused before it is parsed (the CASIE tagset is about 4 KiB). */
export const MAX_TAGSET_JSON_BYTES = 256 * 1024;

const MAX_NAME = 100;
const name = z
  .string()
  .min(1, "names cannot be empty")
  .max(MAX_NAME, `names are at most ${MAX_NAME} characters`)
  .refine((value) => !hasControlCharacter(value), "names cannot hold control characters");
const names = (max: number, what: string) => z.array(name).max(max, `at most ${max} ${what}`);

const tagsetSchema = z.object({
  eventTypes: z
    .array(
      z.object({
        name,
        subtypes: z
          .array(z.object({ name, roles: names(200, "roles per subtype") }))
          .min(1, "every event type needs a subtype")
          .max(100, "at most 100 subtypes per event type"),
      }),
    )
    .min(1, "a tagset needs an event type")
    .max(100, "at most 100 event types"),
  roles: z.array(z.object({ name, entityTypes: names(200, "entity types per role") })).max(500, "at most 500 roles"),
  entityTypes: names(500, "entity types").min(1, "a tagset needs an entity type"),
  realis: names(50, "realis values").min(1, "a tagset needs a realis value"),
  hopperRelations: names(50, "hopper relations"),
});

export type TagsetInput = { ok: true; tagset: Tagset } | { ok: false; errors: string[] };

/** The tagset in `value`, or every problem with it (each with where it is, as `$.eventTypes[0].name`). */
export function readTagsetInput(value: unknown): TagsetInput {
  const parsed = tagsetSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 20).map((issue) => `${["$", ...issue.path].join(".").replace(/\.(\d+)/g, "[$1]")}: ${issue.message}`),
    };
  }
  const issues = checkTagset(parsed.data);
  if (issues.length) return { ok: false, errors: issues.slice(0, 20).map((issue) => `${issue.path}: ${issue.message}`) };
  return { ok: true, tagset: parsed.data };
}

/** The tagset in a JSON text, refusing one too large to be a tagset before parsing it. */
export function readTagsetJson(text: string): TagsetInput {
  if (new TextEncoder().encode(text).byteLength > MAX_TAGSET_JSON_BYTES) {
    return { ok: false, errors: [`The tagset is too large: at most ${MAX_TAGSET_JSON_BYTES / 1024} KiB of JSON.`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: ["The tagset is not valid JSON."] };
  }
  return readTagsetInput(value);
}
