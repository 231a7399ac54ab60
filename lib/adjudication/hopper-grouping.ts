// A reviewer's own grouping of a hopper cluster while it is being edited: the
// cluster's row keys, one list per hopper. Moving an event takes it out of its
// hopper into another or into one of its own; merging and splitting are the
// groupings with one hopper and with a hopper per event. Hoppers left empty
// disappear, so the lists are always a partition of the cluster.

export type Grouping = readonly (readonly string[])[];

/** Where an event can go: an existing hopper (its position) or one of its own. */
export type GroupTarget = number | "own";

export function groupOf(grouping: Grouping, rowKey: string): number {
  return grouping.findIndex((group) => group.includes(rowKey));
}

export function moveToGroup(grouping: Grouping, rowKey: string, target: GroupTarget): string[][] {
  const from = groupOf(grouping, rowKey);
  if (from === -1 || target === from) return grouping.map((group) => [...group]);
  const moved = grouping.map((group, position) => (position === target ? [...group, rowKey] : group.filter((key) => key !== rowKey)));
  if (target === "own") moved.push([rowKey]);
  return moved.filter((group) => group.length > 0);
}

export function mergeAll(grouping: Grouping): string[][] {
  return [grouping.flat()];
}

export function splitAll(grouping: Grouping): string[][] {
  return grouping.flat().map((key) => [key]);
}
