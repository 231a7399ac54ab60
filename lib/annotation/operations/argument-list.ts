// addArgument and removeArgument, each other's inverse: an argument appears
// at (or leaves) a position of an event's argument list.

import { describeArgument, quote } from "../conflict-messages";
import { findEvent } from "../document-lookup";
import { sameJson } from "../same-json";
import { argumentAt, checkInsertPosition, checkNewSpans, insertAt, updateEvent, withArguments } from "./document-updates";
import { mapArgument } from "./index-mapping";
import type { OperationKindSpec } from "./kind-spec";
import { checkArgumentValues, checkLink, checkSpan } from "../operation-validation";

export const addArgumentKind: OperationKindSpec<"addArgument"> = {
  apply(document, { eventIndex, position, argument }, conflict) {
    checkNewSpans(document, [argument], conflict);
    return updateEvent(document, eventIndex, conflict, (event) => {
      checkInsertPosition(position, event.arguments.length, `${eventIndex}'s arguments`, conflict);
      const twin = event.arguments.find((other) => other.index === argument.index && other.role.type === argument.role.type);
      if (twin) conflict(`${eventIndex} already has ${describeArgument(twin)}`);
      return withArguments(event, event.arguments.toSpliced(position, 0, argument));
    });
  },
  invert: (operation) => ({ ...operation, kind: "removeArgument" }),
  mapIndexes: (operation, map) => ({ ...operation, eventIndex: map.event(operation.eventIndex), argument: mapArgument(operation.argument, map) }),
  appends: (made, { eventIndex, position }) => ({ argument: position === findEvent(made, eventIndex)?.event.arguments.length }),
  relocate(document, operation, appends) {
    const length = findEvent(document, operation.eventIndex)?.event.arguments.length;
    return { ...operation, position: insertAt(operation.position, length, appends.argument) };
  },
  describe: ({ eventIndex, argument }) => `Add ${argument.role.type} ${quote(argument.text)} to ${eventIndex}`,
  subject: ({ eventIndex }) => ({ event: eventIndex }),
  validate(document, { eventIndex, argument }, context) {
    const event = findEvent(document, eventIndex)?.event;
    if (event) checkArgumentValues(argument, event, context);
    checkSpan(document, argument, context);
    checkLink(argument.externalReference, context);
  },
  held: ({ argument }, values) => values.addArgument(argument),
};

export const removeArgumentKind: OperationKindSpec<"removeArgument"> = {
  apply(document, { eventIndex, position, argument }, conflict) {
    return updateEvent(document, eventIndex, conflict, (event) => {
      const found = argumentAt(event, position, conflict);
      if (!sameJson(found, argument)) {
        conflict(`${eventIndex}'s argument ${position + 1} is ${describeArgument(found)} now, not ${describeArgument(argument)}`);
      }
      return withArguments(event, event.arguments.toSpliced(position, 1));
    });
  },
  invert: (operation) => ({ ...operation, kind: "addArgument" }),
  mapIndexes: (operation, map) => ({ ...operation, eventIndex: map.event(operation.eventIndex), argument: mapArgument(operation.argument, map) }),
  appends: () => ({}),
  relocate(document, operation) {
    const event = findEvent(document, operation.eventIndex)?.event;
    if (!event || sameJson(event.arguments[operation.position], operation.argument)) return operation;
    const position = event.arguments.findIndex((argument) => sameJson(argument, operation.argument));
    return position === -1 ? operation : { ...operation, position };
  },
  describe: ({ eventIndex, argument }) => `Remove ${argument.role.type} ${quote(argument.text)} from ${eventIndex}`,
  subject: ({ eventIndex }) => ({ event: eventIndex }),
  // It must match the argument as the set holds it (apply checks), so it brings nothing new.
  validate: () => undefined,
  held: ({ argument }, values) => values.addArgument(argument),
};
