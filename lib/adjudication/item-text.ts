// Disagreements in words, for the adjudication page: what an item is about and
// what each version says, with events named by their nugget text.

import type { AdjudicationItem, ItemKind, ItemValues } from "./disagreements";
import type { EventRow } from "./event-rows";

/** An event of the rows by its nugget text, as the first annotator having it wrote it. */
export function rowLabel(rows: readonly EventRow[], rowKey: string): string {
  const row = rows.find((candidate) => candidate.key === rowKey);
  const event = row && Object.values(row.events)[0];
  return event ? `“${event.nugget.text}”` : rowKey;
}

export function itemTitle(item: AdjudicationItem, rows: readonly EventRow[], content: string): string {
  const event = rowLabel(rows, item.rowKeys[0]);
  switch (item.kind) {
    case "event":
      return `Event ${event}`;
    case "span":
      return `Nugget span of ${event}`;
    case "subtype":
      return `Type and subtype of ${event}`;
    case "realis":
      return `Realis of ${event}`;
    case "argument":
      return `Argument “${content.slice(item.startOffset, item.endOffset)}” of ${event}`;
    case "hoppers":
      return `Hopper grouping of ${item.rowKeys.map((key) => rowLabel(rows, key)).join(", ")}`;
  }
}

/** What version `position` of the item says. */
export function versionText(item: AdjudicationItem, position: number, rows: readonly EventRow[]): string {
  return valueText(item, item.versions[position].value, rows);
}

/** What `value`, a value of the item's kind (a version's, or the gold's), says. */
export function valueText(item: AdjudicationItem, value: ItemValues[ItemKind], rows: readonly EventRow[]): string {
  switch (item.kind) {
    case "event": {
      const { text, type, subtype, realis } = value as ItemValues["event"];
      return `“${text}” ${type} / ${subtype}, ${realis}`;
    }
    case "span":
      return `“${(value as ItemValues["span"]).text}”`;
    case "subtype": {
      const { type, subtype } = value as ItemValues["subtype"];
      return `${type} / ${subtype}`;
    }
    case "realis":
      return (value as ItemValues["realis"]).realis;
    case "argument":
      return (value as ItemValues["argument"]).roles.map(({ role, entityType }) => `${role} (${entityType})`).join(", ");
    case "hoppers":
      return (value as ItemValues["hoppers"]).groups.map((group) => `{${group.map((key) => rowLabel(rows, key)).join(", ")}}`).join(" ");
  }
}
