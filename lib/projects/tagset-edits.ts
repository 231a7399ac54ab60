// The tagset editor's edits, as pure functions on a Tagset: each returns a new
// tagset and keeps references whole, so renaming a role renames it in every
// subtype that allows it, and removing an entity type takes it out of every
// role's suggestions. Names may be transiently invalid while typed (empty,
// repeated): the editor shows checkTagset's problems and saves only a valid one.

import type { Tagset } from "@/lib/casie/tagset";

const without = <T>(items: T[], index: number): T[] => items.filter((_, i) => i !== index);
const replaced = <T>(items: T[], index: number, item: T): T[] => items.map((old, i) => (i === index ? item : old));

export function renameRole(tagset: Tagset, index: number, name: string): Tagset {
  const old = tagset.roles[index].name;
  return {
    ...tagset,
    roles: replaced(tagset.roles, index, { ...tagset.roles[index], name }),
    eventTypes: tagset.eventTypes.map((type) => ({
      ...type,
      subtypes: type.subtypes.map((subtype) => ({ ...subtype, roles: subtype.roles.map((role) => (role === old ? name : role)) })),
    })),
  };
}

export function removeRole(tagset: Tagset, index: number): Tagset {
  const old = tagset.roles[index].name;
  return {
    ...tagset,
    roles: without(tagset.roles, index),
    eventTypes: tagset.eventTypes.map((type) => ({
      ...type,
      subtypes: type.subtypes.map((subtype) => ({ ...subtype, roles: subtype.roles.filter((role) => role !== old) })),
    })),
  };
}

export function renameEntityType(tagset: Tagset, index: number, name: string): Tagset {
  const old = tagset.entityTypes[index];
  return {
    ...tagset,
    entityTypes: replaced(tagset.entityTypes, index, name),
    roles: tagset.roles.map((role) => ({ ...role, entityTypes: role.entityTypes.map((type) => (type === old ? name : type)) })),
  };
}

export function removeEntityType(tagset: Tagset, index: number): Tagset {
  const old = tagset.entityTypes[index];
  return {
    ...tagset,
    entityTypes: without(tagset.entityTypes, index),
    roles: tagset.roles.map((role) => ({ ...role, entityTypes: role.entityTypes.filter((type) => type !== old) })),
  };
}

/** Adds `value` to a list of names, or takes it out (a subtype's roles, a role's entity types), keeping the list's order. */
export function toggled(list: string[], value: string, on: boolean): string[] {
  return on ? (list.includes(value) ? list : [...list, value]) : list.filter((item) => item !== value);
}

export { replaced as replaceAt, without as removeAt };
