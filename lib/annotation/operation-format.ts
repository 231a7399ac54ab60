// Logged operations are kept forever, so their shape is versioned: each row
// records the format it was written in, and reading upgrades older formats
// step by step to the current one. A change to an operation's shape adds a
// format and the step that upgrades the previous one.

import type { AnnotationOperation } from "./operation-types";

/** The format operations are written in now. */
export const OPERATION_FORMAT = 1;

/** Each step upgrades an operation from format n (its key) to n + 1. */
export type FormatUpgrades = Readonly<Record<number, (operation: unknown) => unknown>>;

/** None yet: format 1 is the first. */
const UPGRADES: FormatUpgrades = {};

export class UnknownOperationFormatError extends Error {}

/** A logged operation in the current format. */
export function upgradeLoggedOperation(
  format: number,
  operation: unknown,
  upgrades: FormatUpgrades = UPGRADES,
  current: number = OPERATION_FORMAT,
): AnnotationOperation {
  if (!Number.isInteger(format) || format < 1 || format > current) {
    throw new UnknownOperationFormatError(`a logged operation has format ${format}; this version of Hopper reads formats 1 to ${current}`);
  }
  let value = operation;
  for (let step = format; step < current; step++) {
    const upgrade = upgrades[step];
    if (!upgrade) throw new UnknownOperationFormatError(`no upgrade from operation format ${step} to ${step + 1}`);
    value = upgrade(value);
  }
  return value as AnnotationOperation;
}
