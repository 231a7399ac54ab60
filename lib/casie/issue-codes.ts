// The kinds of problem the CASIE format library reports (CasieIssue.code), so
// callers can group and count them.

export type CasieIssueCode =
  // errors: the file cannot be imported
  | "malformed-json"
  | "wrong-type"
  | "missing-key"
  | "duplicate-key"
  | "invalid-offset"
  | "offset-order"
  | "offset-out-of-range"
  | "duplicate-hopper-index"
  | "duplicate-event-index"
  | "conflicting-span-index"
  | "missing-tag"
  // warnings: imported, but worth a look
  | SpanShiftCode
  | "span-text-mismatch"
  | "unknown-event-type"
  | "unknown-subtype"
  | "unknown-realis"
  | "unknown-relation"
  | "role-not-allowed"
  | "unknown-entity-type"
  | "sourcefile-mismatch"
  | "not-byte-identical"
  | "unclosed-tag"
  | "text-after-article"
  // a malformed tagset (checkTagset), besides wrong-type, missing-key and unknown-entity-type
  | "empty-name"
  | "untrimmed-name"
  | "duplicate-name"
  | "unknown-role";

/**
 * A span whose text is found one position away from its offsets. The shift is
 * how far the offsets are from the text: `+1` when the offsets are one too
 * high (content.slice(start - 1, end - 1) === text, the corpus's case).
 */
export type SpanShiftCode = "span-shifted-plus-1" | "span-shifted-minus-1";

export const SPAN_SHIFT_CODES: Readonly<Record<1 | -1, SpanShiftCode>> = { 1: "span-shifted-plus-1", [-1]: "span-shifted-minus-1" };
