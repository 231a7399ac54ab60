// The shape of operations a client sends to be saved (lib/annotation/operation-types.ts),
// checked before anything is applied: malformed input is the client's error
// (a 400 naming the first problem), never an exception inside applyOperation.
// Objects are strict, so a misspelt member is refused instead of silently dropped;
// every string has a size limit; a layout (how a file wrote an object) can only
// describe members that write valid JSON. What the values mean (the tagset, the
// text at the offsets) is operation-validation.ts's to check.
// Browser-safe (zod only): the editor checks its stored undo history with it too.

import { z } from "zod";
import { MAJORITY_KEY_ORDER } from "@/lib/casie/key-order";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";

/** NUL characters and unpaired surrogates cannot be stored in PostgreSQL text or jsonb: refused here, not by the database. */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !UNSTORABLE.test(value), "Text must not contain NUL characters or unpaired surrogates");

/** Size limits: far above anything real (a tagset name, a sentence-long span, a URI), far below what could strain the server. */
export const TEXT_LIMITS = { name: 200, spanText: 5000, label: 500, link: 2000, layoutKey: 200, layoutValue: 20_000, layoutMembers: 64 } as const;

const name = text(TEXT_LIMITS.name);
/** Indexes name things in a file (`E7`, `T31`): letters, digits and a few separators, never quotes, spaces or `__proto__`. */
const index = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,39}$/, "an index is 1 to 40 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");

// Stored in integer columns: a larger number is malformed input, not a database error.
const offset = z.int32().nonnegative();
const position = z.int32().nonnegative();
const hopperIndex = z.int32();

/**
 * How a file wrote an object (lib/casie/types.ts ObjectLayout): its key order,
 * and the members Hopper does not interpret, each as the raw JSON text the
 * serializer writes back. Only layouts that write valid JSON pass: unique keys,
 * extras that are not the object's own members, each one JSON value.
 */
function objectLayout(known: readonly string[]) {
  const isJsonValue = (raw: string) => {
    try {
      JSON.parse(raw);
      return true;
    } catch {
      return false;
    }
  };
  const key = z.string().min(1).max(TEXT_LIMITS.layoutKey);
  return z
    .strictObject({
      keys: z.array(key).max(TEXT_LIMITS.layoutMembers),
      extra: z.record(key, text(TEXT_LIMITS.layoutValue).refine(isJsonValue, "an extra member's value must be one JSON value")),
    })
    .superRefine(({ keys, extra }, context) => {
      const problem = (message: string) => context.addIssue({ code: "custom", message });
      if (new Set(keys).size !== keys.length) problem("layout keys must be unique");
      const extras = Object.keys(extra);
      if (extras.length > TEXT_LIMITS.layoutMembers) problem(`a layout has at most ${TEXT_LIMITS.layoutMembers} extra members`);
      for (const member of extras) {
        if (member === "__proto__") problem("an extra member cannot be named __proto__");
        else if (known.includes(member)) problem(`${JSON.stringify(member)} is one of the object's own members, not an extra one`);
        else if (!keys.includes(member)) problem(`the extra member ${JSON.stringify(member)} is not in the layout's keys`);
      }
      for (const member of keys) {
        if (!known.includes(member) && !Object.hasOwn(extra, member))
          problem(`the layout key ${JSON.stringify(member)} is neither a member nor an extra one`);
      }
    });
}

const ORDER = MAJORITY_KEY_ORDER;
const spanFields = { index, startOffset: offset, endOffset: offset, text: text(TEXT_LIMITS.spanText) };

const externalReference = z.strictObject({
  wikidataid: text(TEXT_LIMITS.link).optional(),
  dbpediaURI: text(TEXT_LIMITS.link).optional(),
  layout: objectLayout(ORDER.externalReference).optional(),
});

const argument = z.strictObject({
  ...spanFields,
  entityType: name,
  role: z.strictObject({ type: name, layout: objectLayout(ORDER.role).optional() }),
  externalReference: externalReference.optional(),
  layout: objectLayout(ORDER.argumentWithLink).optional(),
});

const event = z.strictObject({
  index,
  type: name,
  subtype: name,
  realis: name,
  nugget: z.strictObject({ ...spanFields, layout: objectLayout(ORDER.nugget).optional() }),
  arguments: z.array(argument).max(1000),
  layout: objectLayout(ORDER.eventWithArguments).optional(),
});

const eventPlace = z.strictObject({ hopperIndex, position });
const hopperSlot = { index: hopperIndex, position, relation: name.optional(), layout: objectLayout(ORDER.hopper).optional() };

const eventAttributes = z.strictObject({ type: name.optional(), subtype: name.optional(), realis: name.optional() });
const argumentAttributes = z.strictObject({
  role: name.optional(),
  entityType: name.optional(),
  externalReference: externalReference.nullable().optional(),
});
const spanBounds = z.strictObject({ startOffset: offset, endOffset: offset, text: text(TEXT_LIMITS.spanText) });

const singleOperations = [
  z.strictObject({ kind: z.literal("createEvent"), event, place: eventPlace, newHopper: z.strictObject(hopperSlot).optional() }),
  z.strictObject({ kind: z.literal("deleteEvent"), event, place: eventPlace, deletedHopper: z.strictObject(hopperSlot).optional() }),
  z.strictObject({ kind: z.literal("setEventAttributes"), eventIndex: index, from: eventAttributes, to: eventAttributes }),
  z.strictObject({ kind: z.literal("addArgument"), eventIndex: index, position, argument }),
  z.strictObject({ kind: z.literal("removeArgument"), eventIndex: index, position, argument }),
  z.strictObject({
    kind: z.literal("setArgumentAttributes"),
    eventIndex: index,
    position,
    from: argumentAttributes,
    to: argumentAttributes,
  }),
  z.strictObject({ kind: z.literal("setSpanBounds"), spanIndex: index, from: spanBounds, to: spanBounds }),
  z.strictObject({ kind: z.literal("moveEvent"), eventIndex: index, from: eventPlace, to: eventPlace }),
  z.strictObject({ kind: z.literal("createHopper"), ...hopperSlot }),
  z.strictObject({ kind: z.literal("deleteHopper"), ...hopperSlot }),
  z.strictObject({ kind: z.literal("setHopperRelation"), hopperIndex, from: name.nullable(), to: name.nullable() }),
] as const;

/** Batches may nest (an undo of a merge inside a larger step), but not without bound: zod recurses once per level. */
const MAX_BATCH_DEPTH = 8;

function operationAtDepth(depth: number): z.ZodType<AnnotationOperation> {
  const member = depth < MAX_BATCH_DEPTH ? z.lazy(() => operationAtDepth(depth + 1)) : z.discriminatedUnion("kind", singleOperations);
  // An empty batch would make a version that changes nothing.
  const batch = z.strictObject({ kind: z.literal("batch"), label: text(TEXT_LIMITS.label), operations: z.array(member).min(1).max(1000) });
  return z.discriminatedUnion("kind", [...singleOperations, batch]);
}

export const annotationOperationSchema = operationAtDepth(1);

// Fails to compile when an operation in operation-types.ts has a member (at any
// depth) this schema does not know, which it would refuse as unrecognized.
// (The other direction, that it lets through only valid operations, is operationAtDepth's return type.)
type ValueOf<T> = T[keyof T];
type MemberPaths<T> = T extends readonly (infer Item)[]
  ? MemberPaths<Item>
  : T extends object
    ? ValueOf<{ [K in keyof T as string extends K ? never : K]-?: (K & string) | `${K & string}.${MemberPaths<NonNullable<T[K]>>}` }>
    : never;
type OperationPaths<T> = T extends { kind: infer Kind extends string } ? `${Kind}:${MemberPaths<T>}` : never;
type SingleOperation = Exclude<AnnotationOperation, { kind: "batch" }>;
true satisfies [Exclude<OperationPaths<SingleOperation>, OperationPaths<z.output<(typeof singleOperations)[number]>>>] extends [never] ? true : never;
