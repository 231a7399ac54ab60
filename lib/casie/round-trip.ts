// Whether a parsed file would export back to the very same bytes.

import { createLineLocator } from "./text-position";
import { serializeCasieDocument } from "./serialize";
import type { CasieDocument, CasieIssue } from "./types";

/** How much text each side of the first difference the warning quotes. */
const CONTEXT = 24;

/** null when `doc` serializes to exactly `text`, else a warning locating the first difference. */
export function checkRoundTrip(text: string, doc: CasieDocument): CasieIssue | null {
  const written = serializeCasieDocument(doc);
  if (written === text) return null;
  let at = 0;
  const shorter = Math.min(text.length, written.length);
  while (at < shorter && text.charCodeAt(at) === written.charCodeAt(at)) at++;
  const byte = new TextEncoder().encode(text.slice(0, at)).length;
  const { line, column } = createLineLocator(text)(at);
  const excerpt = (s: string) => JSON.stringify(s.slice(Math.max(0, at - CONTEXT), at + CONTEXT));
  return {
    severity: "warning",
    code: "not-byte-identical",
    path: "$",
    message: `export would not give back the same bytes: from byte offset ${byte} the file has ${excerpt(text)} where export writes ${excerpt(written)}`,
    line,
    column,
  };
}
