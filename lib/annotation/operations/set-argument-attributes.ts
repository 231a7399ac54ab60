// setArgumentAttributes: an argument's role, entity type or entity link.

import type { CasieArgument } from "@/lib/casie/types";
import { describeReference, quote } from "../conflict-messages";
import type { ArgumentAttributes } from "../operation-types";
import { sameJson } from "../same-json";
import { argumentAt, changedKeys, updateEvent } from "./document-updates";
import type { OperationKindSpec } from "./kind-spec";
import { findEvent } from "../document-lookup";
import { checkArgumentValues, checkLink } from "../operation-validation";

export const setArgumentAttributesKind: OperationKindSpec<"setArgumentAttributes"> = {
  apply(document, { eventIndex, position, from, to }, conflict) {
    return updateEvent(document, eventIndex, conflict, (event) => {
      const argument = argumentAt(event, position, conflict);
      let changed: CasieArgument = { ...argument };
      const which = `${eventIndex}'s argument ${argument.index} ${quote(argument.text)}`;
      for (const key of changedKeys<ArgumentAttributes>(from, to, eventIndex, conflict)) {
        if (key === "role") {
          if (argument.role.type !== from.role) conflict(`${which} has the role ${argument.role.type} now, not ${from.role}`);
          changed.role = { ...argument.role, type: to.role! };
        } else if (key === "entityType") {
          if (argument.entityType !== from.entityType) conflict(`${which} has the entity type ${argument.entityType} now, not ${from.entityType}`);
          changed.entityType = to.entityType!;
        } else {
          if (!sameJson(argument.externalReference ?? null, from.externalReference)) {
            conflict(`${which} has ${describeReference(argument.externalReference)} now, not ${describeReference(from.externalReference)}`);
          }
          const { externalReference: _removed, ...rest } = changed;
          changed = to.externalReference ? { ...rest, externalReference: to.externalReference } : rest;
        }
      }
      return { ...event, arguments: event.arguments.with(position, changed) };
    });
  },
  invert: (operation) => ({ ...operation, from: operation.to, to: operation.from }),
  mapIndexes: (operation, map) => ({ ...operation, eventIndex: map.event(operation.eventIndex) }),
  appends: () => ({}),
  relocate: (_document, operation) => operation,
  describe: ({ eventIndex, position }) => `Change argument ${position + 1} of ${eventIndex}`,
  subject: ({ eventIndex }) => ({ event: eventIndex }),
  validate(document, { eventIndex, position, from, to }, context) {
    const changes = (["role", "entityType", "externalReference"] as const).filter((key) => to[key] !== undefined && !sameJson(to[key], from[key]));
    if (!changes.length) context.refuse("changes-nothing", `the change to ${eventIndex}'s argument ${position + 1} changes nothing`);
    const event = findEvent(document, eventIndex)?.event;
    const argument = event?.arguments[position];
    if (event && argument && (to.role !== undefined || to.entityType !== undefined)) {
      checkArgumentValues({ role: { type: to.role ?? argument.role.type }, entityType: to.entityType ?? argument.entityType }, event, context);
    }
    checkLink(to.externalReference, context);
  },
  held({ from, to }, values) {
    for (const attributes of [from, to]) {
      values.add("role", attributes.role);
      values.add("entityType", attributes.entityType);
      values.addLink(attributes.externalReference);
    }
  },
};
