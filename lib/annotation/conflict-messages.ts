// How conflicts are worded: what the operation expected, and what the document
// holds now. The annotator reads these (a dropped local edit, a refused save).

import type { CasieArgument, CasieEvent, CasieExternalReference } from "@/lib/casie/types";
import type { SpanBounds } from "./operation-types";
import { sameJson } from "./same-json";

export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text);
}

/** `10-15 "stolen"` */
export function describeBounds(span: SpanBounds): string {
  return `${span.startOffset}-${span.endOffset} ${quote(span.text)}`;
}

export function describeValue(value: string | null | undefined): string {
  return value === null || value === undefined ? "none" : value;
}

export function describeReference(reference: CasieExternalReference | null | undefined): string {
  if (!reference) return "no entity link";
  const ids = [reference.wikidataid, reference.dbpediaURI].filter((id) => id !== undefined);
  return ids.length ? `the entity link ${ids.join(" / ")}` : "an empty entity link";
}

/** `T31 "they" as Attacker (Person)` */
export function describeArgument(argument: CasieArgument): string {
  return `${argument.index} ${quote(argument.text)} as ${argument.role.type} (${argument.entityType})`;
}

/** The first difference between the event an operation expected and the one found, e.g. "E7's realis is Generic now, not Actual". */
export function describeEventChange(expected: CasieEvent, found: CasieEvent): string {
  const name = found.index;
  for (const key of ["type", "subtype", "realis"] as const) {
    if (expected[key] !== found[key]) return `${name}'s ${key} is ${found[key]} now, not ${expected[key]}`;
  }
  if (!sameJson(expected.nugget, found.nugget)) {
    return `${name}'s nugget is ${found.nugget.index} ${describeBounds(found.nugget)} now, not ${expected.nugget.index} ${describeBounds(expected.nugget)}`;
  }
  if (expected.arguments.length !== found.arguments.length) {
    return `${name} has ${found.arguments.length} arguments now, not ${expected.arguments.length}`;
  }
  for (let i = 0; i < found.arguments.length; i++) {
    const was = expected.arguments[i];
    const is = found.arguments[i];
    if (sameJson(was, is)) continue;
    if (!sameJson(was.externalReference, is.externalReference)) {
      return `${name}'s argument ${is.index} has ${describeReference(is.externalReference)} now, not ${describeReference(was.externalReference)}`;
    }
    return `${name}'s argument ${i + 1} is ${describeArgument(is)} now, not ${describeArgument(was)}`;
  }
  return `${name} has changed since (its JSON layout)`;
}
