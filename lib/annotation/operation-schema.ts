// The shape of operations a client sends to be saved (lib/annotation/operation-types.ts),
// checked before anything is applied: malformed input is the client's error
// (a 400 naming the first problem), never an exception inside applyOperation.
// Objects are strict, so a misspelt member is refused instead of silently dropped.
// Browser-safe (zod only): the editor checks its stored undo history with it too.

import { z } from "zod";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";

/** NUL characters and unpaired surrogates cannot be stored in PostgreSQL text or jsonb: refused here, not by the database. */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = z.string().refine((value) => !UNSTORABLE.test(value), "Text must not contain NUL characters or unpaired surrogates");

// Stored in integer columns: a larger number is malformed input, not a database error.
const offset = z.int32().nonnegative();
const position = z.int32().nonnegative();
const hopperIndex = z.int32();

const objectLayout = z.strictObject({ keys: z.array(text), extra: z.record(text, text) });

const spanFields = { index: text.min(1), startOffset: offset, endOffset: offset, text };

const externalReference = z.strictObject({
  wikidataid: text.optional(),
  dbpediaURI: text.optional(),
  layout: objectLayout.optional(),
});

const argument = z.strictObject({
  ...spanFields,
  entityType: text,
  role: z.strictObject({ type: text, layout: objectLayout.optional() }),
  externalReference: externalReference.optional(),
  layout: objectLayout.optional(),
});

const event = z.strictObject({
  index: text.min(1),
  type: text,
  subtype: text,
  realis: text,
  nugget: z.strictObject({ ...spanFields, layout: objectLayout.optional() }),
  arguments: z.array(argument),
  layout: objectLayout.optional(),
});

const eventPlace = z.strictObject({ hopperIndex, position });
const hopperSlot = { index: hopperIndex, position, relation: text.optional(), layout: objectLayout.optional() };

const eventAttributes = z.strictObject({ type: text.optional(), subtype: text.optional(), realis: text.optional() });
const argumentAttributes = z.strictObject({
  role: text.optional(),
  entityType: text.optional(),
  externalReference: externalReference.nullable().optional(),
});
const spanBounds = z.strictObject({ startOffset: offset, endOffset: offset, text });

const singleOperations = [
  z.strictObject({ kind: z.literal("createEvent"), event, place: eventPlace, newHopper: z.strictObject(hopperSlot).optional() }),
  z.strictObject({ kind: z.literal("deleteEvent"), event, place: eventPlace, deletedHopper: z.strictObject(hopperSlot).optional() }),
  z.strictObject({ kind: z.literal("setEventAttributes"), eventIndex: text, from: eventAttributes, to: eventAttributes }),
  z.strictObject({ kind: z.literal("addArgument"), eventIndex: text, position, argument }),
  z.strictObject({ kind: z.literal("removeArgument"), eventIndex: text, position, argument }),
  z.strictObject({
    kind: z.literal("setArgumentAttributes"),
    eventIndex: text,
    position,
    from: argumentAttributes,
    to: argumentAttributes,
  }),
  z.strictObject({ kind: z.literal("setSpanBounds"), spanIndex: text, from: spanBounds, to: spanBounds }),
  z.strictObject({ kind: z.literal("moveEvent"), eventIndex: text, from: eventPlace, to: eventPlace }),
  z.strictObject({ kind: z.literal("createHopper"), ...hopperSlot }),
  z.strictObject({ kind: z.literal("deleteHopper"), ...hopperSlot }),
  z.strictObject({ kind: z.literal("setHopperRelation"), hopperIndex, from: text.nullable(), to: text.nullable() }),
] as const;

/** Batches may nest (an undo of a merge inside a larger step), but not without bound: zod recurses once per level. */
const MAX_BATCH_DEPTH = 8;

function operationAtDepth(depth: number): z.ZodType<AnnotationOperation> {
  const member = depth < MAX_BATCH_DEPTH ? z.lazy(() => operationAtDepth(depth + 1)) : z.discriminatedUnion("kind", singleOperations);
  const batch = z.strictObject({ kind: z.literal("batch"), label: text, operations: z.array(member) });
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
