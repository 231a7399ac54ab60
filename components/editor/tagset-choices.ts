// The project's tagset as lists to pick from in the popups and the panel.

import { findEvent } from "@/lib/annotation/document-lookup";
import { rolesForSubtype, suggestedEntityTypes, type Tagset } from "@/lib/casie/tagset";
import type { CasieDocument, CasieEvent, CasieHopper } from "@/lib/casie/types";
import type { Choice } from "./ChoiceList";

/** One entry per subtype, "Type / Subtype"; the value is `subtypeValue`. */
export function subtypeChoices(tagset: Tagset): Choice[] {
  return tagset.eventTypes.flatMap((type) =>
    type.subtypes.map((subtype) => ({ value: subtypeValue(type.name, subtype.name), label: `${type.name} / ${subtype.name}` })),
  );
}

export function subtypeValue(type: string, subtype: string): string {
  return JSON.stringify([type, subtype]);
}

export function parseSubtypeValue(value: string): { type: string; subtype: string } {
  const [type, subtype] = JSON.parse(value) as [string, string];
  return { type, subtype };
}

export function realisChoices(tagset: Tagset, current?: string): Choice[] {
  const values = current && !tagset.realis.includes(current) ? [...tagset.realis, current] : tagset.realis;
  return values.map((realis) => ({ value: realis, label: realis, hint: tagset.realis.includes(realis) ? undefined : "not in the tagset" }));
}

/** The roles the tagset allows for the event's subtype (every role when it knows the subtype not), plus the current one if it is not among them. */
export function roleNames(tagset: Tagset, event: CasieEvent, current?: string): string[] {
  const allowed = rolesForSubtype(tagset, event.type, event.subtype);
  const roles = allowed.length ? allowed : tagset.roles.map((role) => role.name);
  return current && !roles.includes(current) ? [...roles, current] : roles;
}

/** Entity types, those the tagset suggests for the role first (marked), then the rest. */
export function entityTypeChoices(tagset: Tagset, role: string, current?: string): Choice[] {
  const suggested = suggestedEntityTypes(tagset, role);
  const rest = tagset.entityTypes.filter((type) => !suggested.includes(type));
  const all = [...suggested, ...rest];
  if (current && !all.includes(current)) all.push(current);
  return all.map((type) => ({ value: type, label: type, hint: suggested.includes(type) ? `suggested for ${role}` : undefined }));
}

export function describeEvent(event: CasieEvent): string {
  return `${event.index} “${event.nugget.text}”`;
}

export function describeHopper(hopper: CasieHopper): string {
  const events = hopper.events.map(describeEvent);
  return `Hopper ${hopper.index}${events.length ? `: ${events.slice(0, 3).join(", ")}${events.length > 3 ? ` and ${events.length - 3} more` : ""}` : " (empty)"}`;
}

export function eventOf(document: CasieDocument, eventIndex: string): CasieEvent | undefined {
  return findEvent(document, eventIndex)?.event;
}
