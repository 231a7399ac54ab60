// createHopper and deleteHopper, each other's inverse, and setHopperRelation.
// Only an empty hopper is created or deleted; events come and go by their own operations.

import { describeValue } from "../conflict-messages";
import { findHopperPosition } from "../document-lookup";
import { insertAt, insertHopper, removeHopper, updateHopper } from "./document-updates";
import type { OperationKindSpec } from "./kind-spec";
import { checkListed, checkNewHopper, type HeldValues } from "../operation-validation";

function holdSlot({ index, relation }: { index: number; relation?: string }, values: HeldValues): void {
  values.add("hopperIndex", index);
  values.add("relation", relation);
}

export const createHopperKind: OperationKindSpec<"createHopper"> = {
  apply: (document, operation, conflict) => insertHopper(document, operation, conflict),
  invert: (operation) => ({ ...operation, kind: "deleteHopper" }),
  mapIndexes: (operation, map) => ({ ...operation, index: map.hopper(operation.index) }),
  appends: (made, { position }) => ({ hopper: position === made.hoppers.length }),
  relocate: (document, operation, appends) => ({ ...operation, position: insertAt(operation.position, document.hoppers.length, appends.hopper) }),
  describe: ({ index }) => `Create hopper ${index}`,
  subject: ({ index }) => ({ hopper: index }),
  validate: (document, operation, context) => checkNewHopper(document, operation, context),
  held: holdSlot,
};

export const deleteHopperKind: OperationKindSpec<"deleteHopper"> = {
  apply: (document, operation, conflict) => removeHopper(document, operation, conflict),
  invert: (operation) => ({ ...operation, kind: "createHopper" }),
  mapIndexes: (operation, map) => ({ ...operation, index: map.hopper(operation.index) }),
  appends: () => ({}),
  relocate(document, operation) {
    const position = findHopperPosition(document, operation.index);
    return position === -1 ? operation : { ...operation, position };
  },
  describe: ({ index }) => `Delete hopper ${index}`,
  subject: () => ({}),
  // It must match the hopper as the set holds it (apply checks), so it brings nothing new.
  validate: () => undefined,
  held: holdSlot,
};

export const setHopperRelationKind: OperationKindSpec<"setHopperRelation"> = {
  apply(document, { hopperIndex, from, to }, conflict) {
    return updateHopper(document, hopperIndex, conflict, (hopper) => {
      if ((hopper.relation ?? null) !== from) {
        conflict(`hopper ${hopperIndex}'s relation is ${describeValue(hopper.relation)} now, not ${describeValue(from)}`);
      }
      const { relation: _removed, ...rest } = hopper;
      return to === null ? rest : { ...rest, relation: to };
    });
  },
  invert: (operation) => ({ ...operation, from: operation.to, to: operation.from }),
  mapIndexes: (operation, map) => ({ ...operation, hopperIndex: map.hopper(operation.hopperIndex) }),
  appends: () => ({}),
  relocate: (_document, operation) => operation,
  describe: ({ hopperIndex, to }) => (to === null ? `Remove hopper ${hopperIndex}'s relation` : `Set hopper ${hopperIndex}'s relation to ${to}`),
  subject: ({ hopperIndex }) => ({ hopper: hopperIndex }),
  validate(_document, { hopperIndex, from, to }, context) {
    if (from === to) context.refuse("changes-nothing", `hopper ${hopperIndex}'s relation would stay as it is`);
    if (to !== null) checkListed("relation", to, context.tagset.hopperRelations, "the hopper relation", context);
  },
  held({ hopperIndex, from, to }, values) {
    values.add("hopperIndex", hopperIndex);
    values.add("relation", from ?? undefined);
    values.add("relation", to ?? undefined);
  },
};
