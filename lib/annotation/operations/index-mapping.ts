// Index mapping for the parts several operation kinds carry: places, events, arguments.

import type { CasieArgument, CasieEvent } from "@/lib/casie/types";
import type { EventPlace } from "../operation-types";
import type { IndexMapping } from "./kind-spec";

export function mapPlace(place: EventPlace, map: IndexMapping): EventPlace {
  return { ...place, hopperIndex: map.hopper(place.hopperIndex) };
}

export function mapArgument(argument: CasieArgument, map: IndexMapping): CasieArgument {
  return { ...argument, index: map.span(argument.index) };
}

export function mapEvent(event: CasieEvent, map: IndexMapping): CasieEvent {
  return {
    ...event,
    index: map.event(event.index),
    nugget: { ...event.nugget, index: map.span(event.nugget.index) },
    arguments: event.arguments.map((argument) => mapArgument(argument, map)),
  };
}
