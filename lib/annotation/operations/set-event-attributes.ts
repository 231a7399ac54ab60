// setEventAttributes: an event's type, subtype or realis, from what it was to what it becomes.

import type { EventAttributes } from "../operation-types";
import { changedKeys, updateEvent } from "./document-updates";
import type { OperationKindSpec } from "./kind-spec";
import { findEvent } from "../document-lookup";
import { checkEventType, checkListed } from "../operation-validation";

export const setEventAttributesKind: OperationKindSpec<"setEventAttributes"> = {
  apply(document, { eventIndex, from, to }, conflict) {
    return updateEvent(document, eventIndex, conflict, (event) => {
      const changed = { ...event };
      for (const key of changedKeys<EventAttributes>(from, to, eventIndex, conflict)) {
        if (event[key] !== from[key]) conflict(`${eventIndex}'s ${key} is ${event[key]} now, not ${from[key]}`);
        changed[key] = to[key]!;
      }
      return changed;
    });
  },
  invert: (operation) => ({ ...operation, from: operation.to, to: operation.from }),
  mapIndexes: (operation, map) => ({ ...operation, eventIndex: map.event(operation.eventIndex) }),
  appends: () => ({}),
  relocate: (_document, operation) => operation,
  describe({ eventIndex, to }) {
    const changes = Object.entries(to).filter(([, value]) => value !== undefined);
    return `Set ${eventIndex}'s ${changes.map(([key, value]) => `${key} to ${value}`).join(", ")}`;
  },
  subject: ({ eventIndex }) => ({ event: eventIndex }),
  validate(document, { eventIndex, from, to }, context) {
    if (!(["type", "subtype", "realis"] as const).some((key) => to[key] !== undefined && to[key] !== from[key])) {
      context.refuse("changes-nothing", `the change to ${eventIndex} changes nothing`);
    }
    const event = findEvent(document, eventIndex)?.event;
    if (event && (to.type !== undefined || to.subtype !== undefined)) checkEventType(to.type ?? event.type, to.subtype ?? event.subtype, context);
    if (to.realis !== undefined) checkListed("realis", to.realis, context.tagset.realis, "the realis", context);
  },
  held({ from, to }, values) {
    for (const attributes of [from, to]) {
      values.add("type", attributes.type);
      values.add("subtype", attributes.subtype);
      values.add("realis", attributes.realis);
    }
  },
};
