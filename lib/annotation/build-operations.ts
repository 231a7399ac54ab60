import type { CasieDocument } from "@/lib/casie/types";
import type { AnnotationOperation } from "./operation-types";

/** The operations that build `document`'s annotations from an empty set: every event in order, each hopper with its first event. */
export function operationsBuildingAnnotations(document: CasieDocument): AnnotationOperation[] {
  return document.hoppers.flatMap((hopper, hopperPosition) =>
    hopper.events.map((event, position): AnnotationOperation => {
      const place = { hopperIndex: hopper.index, position };
      if (position > 0) return { kind: "createEvent", event, place };
      const newHopper = {
        index: hopper.index,
        position: hopperPosition,
        ...(hopper.relation !== undefined && { relation: hopper.relation }),
        ...(hopper.layout && { layout: hopper.layout }),
      };
      return { kind: "createEvent", event, place, newHopper };
    }),
  );
}
