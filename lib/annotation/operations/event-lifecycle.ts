// createEvent and deleteEvent, each other's inverse: an event with its nugget
// and arguments appears at (or leaves) a place in a hopper, optionally with
// the hopper itself.

import { findHopperPosition, findEvent } from "../document-lookup";
import { describeEventChange, quote } from "../conflict-messages";
import { sameJson } from "../same-json";
import {
  checkInsertPosition,
  checkNewSpans,
  currentPlace,
  eventCount,
  insertAt,
  insertHopper,
  locateEvent,
  removeHopper,
  updateHopper,
} from "./document-updates";
import { mapEvent, mapPlace } from "./index-mapping";
import type { OperationKindSpec } from "./kind-spec";
import { checkNewEvent, checkNewHopper } from "../operation-validation";

export const createEventKind: OperationKindSpec<"createEvent"> = {
  apply(document, { event, place, newHopper }, conflict) {
    const existing = findEvent(document, event.index);
    if (existing) conflict(`${event.index} already exists (in hopper ${existing.hopper.index})`);
    checkNewSpans(document, [event.nugget, ...event.arguments], conflict);
    let result = document;
    if (newHopper) {
      if (newHopper.index !== place.hopperIndex) {
        conflict(`the new event goes into hopper ${place.hopperIndex}, not into the hopper ${newHopper.index} it creates`);
      }
      result = insertHopper(result, newHopper, conflict);
    }
    return updateHopper(result, place.hopperIndex, conflict, (hopper) => {
      checkInsertPosition(place.position, hopper.events.length, `hopper ${hopper.index}'s events`, conflict);
      return { ...hopper, events: hopper.events.toSpliced(place.position, 0, event) };
    });
  },
  invert({ event, place, newHopper }) {
    return newHopper ? { kind: "deleteEvent", event, place, deletedHopper: newHopper } : { kind: "deleteEvent", event, place };
  },
  mapIndexes(operation, map) {
    const mapped = { ...operation, event: mapEvent(operation.event, map), place: mapPlace(operation.place, map) };
    if (operation.newHopper) mapped.newHopper = { ...operation.newHopper, index: map.hopper(operation.newHopper.index) };
    return mapped;
  },
  appends(made, { place, newHopper }) {
    return newHopper ? { hopper: newHopper.position === made.hoppers.length } : { event: place.position === eventCount(made, place.hopperIndex) };
  },
  relocate(document, operation, appends) {
    if (operation.newHopper) {
      const newHopper = { ...operation.newHopper, position: insertAt(operation.newHopper.position, document.hoppers.length, appends.hopper) };
      return { ...operation, newHopper };
    }
    const position = insertAt(operation.place.position, eventCount(document, operation.place.hopperIndex), appends.event);
    return { ...operation, place: { ...operation.place, position } };
  },
  describe: ({ event }) => `Create ${event.index} ${quote(event.nugget.text)}`,
  subject: ({ event }) => ({ event: event.index }),
  validate(document, { event, newHopper }, context) {
    if (newHopper) checkNewHopper(document, newHopper, context);
    checkNewEvent(document, event, context);
  },
  held({ event, newHopper }, values) {
    values.addEvent(event);
    values.add("hopperIndex", newHopper?.index);
    values.add("relation", newHopper?.relation);
  },
};

export const deleteEventKind: OperationKindSpec<"deleteEvent"> = {
  apply(document, { event, place, deletedHopper }, conflict) {
    const found = locateEvent(document, event.index, place, conflict);
    if (!sameJson(found, event)) conflict(describeEventChange(event, found));
    const result = updateHopper(document, place.hopperIndex, conflict, (hopper) => ({
      ...hopper,
      events: hopper.events.toSpliced(place.position, 1),
    }));
    if (!deletedHopper) return result;
    if (deletedHopper.index !== place.hopperIndex) {
      conflict(`the event is deleted from hopper ${place.hopperIndex}, not from the hopper ${deletedHopper.index} it deletes`);
    }
    return removeHopper(result, deletedHopper, conflict);
  },
  invert({ event, place, deletedHopper }) {
    return deletedHopper ? { kind: "createEvent", event, place, newHopper: deletedHopper } : { kind: "createEvent", event, place };
  },
  mapIndexes(operation, map) {
    const mapped = { ...operation, event: mapEvent(operation.event, map), place: mapPlace(operation.place, map) };
    if (operation.deletedHopper) mapped.deletedHopper = { ...operation.deletedHopper, index: map.hopper(operation.deletedHopper.index) };
    return mapped;
  },
  appends: () => ({}),
  relocate(document, operation) {
    const place = currentPlace(document, operation.event.index, operation.place);
    const { deletedHopper, ...rest } = operation;
    if (!deletedHopper) return { ...rest, place };
    const hopperPosition = findHopperPosition(document, deletedHopper.index);
    const hopper = document.hoppers[hopperPosition];
    // Someone added events to the hopper meanwhile: it stays.
    if (hopper && hopper.events.length > 1) return { ...rest, place };
    return { ...rest, place, deletedHopper: { ...deletedHopper, position: hopperPosition === -1 ? deletedHopper.position : hopperPosition } };
  },
  describe: ({ event }) => `Delete ${event.index} ${quote(event.nugget.text)}`,
  subject: () => ({}),
  // It must match the event as the set holds it (apply checks), so it brings nothing new.
  validate: () => undefined,
  held({ event, deletedHopper }, values) {
    values.addEvent(event);
    values.add("hopperIndex", deletedHopper?.index);
    values.add("relation", deletedHopper?.relation);
  },
};
