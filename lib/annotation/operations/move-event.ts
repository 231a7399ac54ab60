// moveEvent: an event leaves its place for another, in the same hopper or another one.
// `to.position` counts the destination's events once the event has left (as in a list move).

import { checkInsertPosition, currentPlace, eventCount, insertAt, locateEvent, updateHopper } from "./document-updates";
import { mapPlace } from "./index-mapping";
import type { OperationKindSpec } from "./kind-spec";

export const moveEventKind: OperationKindSpec<"moveEvent"> = {
  apply(document, { eventIndex, from, to }, conflict) {
    const event = locateEvent(document, eventIndex, from, conflict);
    const removed = updateHopper(document, from.hopperIndex, conflict, (hopper) => ({
      ...hopper,
      events: hopper.events.toSpliced(from.position, 1),
    }));
    return updateHopper(removed, to.hopperIndex, conflict, (hopper) => {
      checkInsertPosition(to.position, hopper.events.length, `hopper ${hopper.index}'s events`, conflict);
      return { ...hopper, events: hopper.events.toSpliced(to.position, 0, event) };
    });
  },
  invert: (operation) => ({ ...operation, from: operation.to, to: operation.from }),
  mapIndexes: (operation, map) => ({
    ...operation,
    eventIndex: map.event(operation.eventIndex),
    from: mapPlace(operation.from, map),
    to: mapPlace(operation.to, map),
  }),
  appends(made, { from, to }) {
    const leaves = from.hopperIndex === to.hopperIndex ? 1 : 0;
    return { event: to.position === (eventCount(made, to.hopperIndex) ?? NaN) - leaves };
  },
  relocate(document, operation, appends) {
    const from = currentPlace(document, operation.eventIndex, operation.from);
    const length = eventCount(document, operation.to.hopperIndex);
    const room = length === undefined ? undefined : length - (from.hopperIndex === operation.to.hopperIndex ? 1 : 0);
    return { ...operation, from, to: { ...operation.to, position: insertAt(operation.to.position, room, appends.event) } };
  },
  describe: ({ eventIndex, from, to }) =>
    from.hopperIndex === to.hopperIndex ? `Reorder ${eventIndex} in hopper ${to.hopperIndex}` : `Move ${eventIndex} to hopper ${to.hopperIndex}`,
  subject: ({ eventIndex }) => ({ event: eventIndex }),
  validate(_document, { eventIndex, from, to }, context) {
    if (from.hopperIndex === to.hopperIndex && from.position === to.position)
      context.refuse("changes-nothing", `${eventIndex} would stay where it is`);
  },
  held: ({ from, to }, values) => {
    values.add("hopperIndex", from.hopperIndex);
    values.add("hopperIndex", to.hopperIndex);
  },
};
