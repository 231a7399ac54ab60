// The CASIE format library: read, check and write CASIE JSON documents and raw articles.

export type * from "./types";
export type { CasieIssueCode, SpanShiftCode } from "./issue-codes";
export { SPAN_SHIFT_CODES } from "./issue-codes";
export type { ParseCasieOptions, ParseCasieResult } from "./parse";
export { parseCasieDocument } from "./parse";
export { serializeCasieDocument } from "./serialize";
export { checkRoundTrip } from "./round-trip";
export { DEFAULT_JSON_STYLE, detectJsonStyle } from "./json-style";
export { MAJORITY_KEY_ORDER } from "./key-order";
export { findSpanShift, summarizeSpanShifts } from "./span-shift";
export { summarizeIssues } from "./issue-summary";
export type { Tagset, TagsetEventType, TagsetRole, TagsetSubtype } from "./tagset";
export { checkTagset, DEFAULT_CASIE_TAGSET, findEventType, findSubtype, rolesForSubtype, suggestedEntityTypes } from "./tagset";
export type { NewDocumentResult, ParseRawArticleResult, RawArticle, RawArticleOptions } from "./raw-article";
export { newCasieDocumentFromArticle, parseRawArticle } from "./raw-article";
export type { JsonArray, JsonLiteral, JsonMember, JsonNode, JsonNumber, JsonObject, JsonString } from "./json-reader";
export { JsonSyntaxError, readJson } from "./json-reader";
export type { TextPosition } from "./text-position";
export { createLineLocator } from "./text-position";
