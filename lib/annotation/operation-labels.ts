// Short descriptions of operations for people: undo/redo menu entries
// ("Undo Set E7's realis to Generic") and the list of edits that could not be kept.

import { quote } from "./conflict-messages";
import type { AnnotationOperation } from "./operation-types";

export function describeOperation(operation: AnnotationOperation): string {
  switch (operation.kind) {
    case "createEvent":
      return `Create ${operation.event.index} ${quote(operation.event.nugget.text)}`;
    case "deleteEvent":
      return `Delete ${operation.event.index} ${quote(operation.event.nugget.text)}`;
    case "setEventAttributes": {
      const changes = Object.entries(operation.to).filter(([, value]) => value !== undefined);
      return `Set ${operation.eventIndex}'s ${changes.map(([key, value]) => `${key} to ${value}`).join(", ")}`;
    }
    case "addArgument":
      return `Add ${operation.argument.role.type} ${quote(operation.argument.text)} to ${operation.eventIndex}`;
    case "removeArgument":
      return `Remove ${operation.argument.role.type} ${quote(operation.argument.text)} from ${operation.eventIndex}`;
    case "setArgumentAttributes":
      return `Change argument ${operation.position + 1} of ${operation.eventIndex}`;
    case "setSpanBounds":
      return `Resize ${operation.spanIndex} to ${quote(operation.to.text)}`;
    case "moveEvent":
      return operation.from.hopperIndex === operation.to.hopperIndex
        ? `Reorder ${operation.eventIndex} in hopper ${operation.to.hopperIndex}`
        : `Move ${operation.eventIndex} to hopper ${operation.to.hopperIndex}`;
    case "createHopper":
      return `Create hopper ${operation.index}`;
    case "deleteHopper":
      return `Delete hopper ${operation.index}`;
    case "setHopperRelation":
      return operation.to === null
        ? `Remove hopper ${operation.hopperIndex}'s relation`
        : `Set hopper ${operation.hopperIndex}'s relation to ${operation.to}`;
    case "batch":
      return operation.label;
  }
}
