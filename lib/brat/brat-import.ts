// Reads a brat `.ann` (with its `.txt`) back into CASIE hoppers, by the
// conventions of brat-conventions.ts; files made in brat itself are read too.

import type { Tagset } from "@/lib/casie/tagset";
import type { CasieArgument, CasieDocument, CasieEvent, CasieExternalReference, CasieHopper } from "@/lib/casie/types";
import { BRAT_ATTRIBUTE, BRAT_COREFERENCE, BRAT_INDEX_NOTE, BRAT_REFERENCE, BRAT_REFERENCE_DATABASES } from "./brat-conventions";
import { typesOfSubtype } from "./brat-export";

export interface BratImportResult {
  /** Null when the file has errors. */
  document: CasieDocument | null;
  errors: string[];
  warnings: string[];
}

interface BratSpan {
  label: string;
  startOffset: number;
  endOffset: number;
  text: string;
}

interface BratEvent {
  id: string;
  subtype: string;
  trigger: string;
  arguments: { role: string; target: string }[];
  line: number;
}

export function bratToCasie(text: string, annotations: string, { sourcefile, tagset }: { sourcefile: string; tagset: Tagset }): BratImportResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const spans = new Map<string, BratSpan>();
  const events: BratEvent[] = [];
  const attributes = new Map<string, Map<string, string>>();
  const references = new Map<string, CasieExternalReference>();
  const casieIndexes = new Map<string, string>();
  const coreference: string[][] = [];

  annotations.split(/\r?\n/).forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (!line.trim()) return;
    const fields = line.split("\t");
    const id = fields[0];
    const parts = (fields[1] ?? "").split(" ").filter(Boolean);
    switch (id[0]) {
      case "T": {
        const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? "");
        if (!match || fields.length < 3) return void errors.push(`${at}: a T line is "T<n>\\t<label> <start> <end>\\t<text>"`);
        const offsets = match[2].split(/[ ;]/).map(Number);
        if (offsets.length > 2) warnings.push(`${at}: ${id} has several fragments: read as one span from the first start to the last end`);
        spans.set(id, { label: match[1], startOffset: offsets[0], endOffset: offsets[offsets.length - 1], text: fields.slice(2).join("\t") });
        return;
      }
      case "E": {
        const [head, ...rest] = parts.map((part) => part.split(":"));
        if (!head || head.length !== 2 || rest.some((part) => part.length !== 2))
          return void errors.push(`${at}: an E line is "E<n>\\t<type>:<T> <role>:<T> ..."`);
        const seen = new Set<string>();
        const args = rest.map(([role, target]) => {
          // brat numbers a role repeated in one event (Victim, Victim2): the number is not part of the role.
          const base = /^(.*\D)\d+$/.exec(role)?.[1];
          const name = base !== undefined && seen.has(base) ? base : role;
          seen.add(name);
          return { role: name, target };
        });
        events.push({ id, subtype: head[0], trigger: head[1], arguments: args, line: index + 1 });
        return;
      }
      case "A":
      case "M": {
        const [name, target, value] = parts;
        if (!name || !target) return void errors.push(`${at}: an attribute line is "A<n>\\t<name> <target> [<value>]"`);
        if (!attributes.has(target)) attributes.set(target, new Map());
        attributes.get(target)!.set(name, value ?? "true");
        return;
      }
      case "N": {
        const [kind, target, link] = parts;
        const colon = link?.indexOf(":") ?? -1;
        const database = colon > 0 ? link.slice(0, colon) : "";
        const member = BRAT_REFERENCE_DATABASES[database as keyof typeof BRAT_REFERENCE_DATABASES];
        if (kind !== BRAT_REFERENCE || !target || !member)
          return void warnings.push(`${at}: only Reference lines to Wikidata or DBpedia are read; skipped`);
        references.set(target, { ...references.get(target), [member]: link.slice(colon + 1) });
        return;
      }
      case "#": {
        if (parts[0] === BRAT_INDEX_NOTE && parts[1] && fields[2]) casieIndexes.set(parts[1], fields[2].trim());
        return;
      }
      case "*": {
        if (parts[0] === BRAT_COREFERENCE) coreference.push(parts.slice(1));
        else warnings.push(`${at}: equivalence ${parts[0]} is not read; skipped`);
        return;
      }
      case "R":
        return void warnings.push(`${at}: relations are not part of CASIE; skipped`);
      default:
        return void errors.push(`${at}: not a brat annotation line`);
    }
  });

  const usedSpans = new Set<string>();
  const spanFields = (id: string, at: string) => {
    const span = spans.get(id);
    if (!span) {
      errors.push(`${at}: no T line ${id}`);
      return undefined;
    }
    usedSpans.add(id);
    return { index: casieIndexes.get(id) ?? id, startOffset: span.startOffset, endOffset: span.endOffset, text: span.text };
  };

  const casieEvents = new Map<string, CasieEvent>();
  for (const event of events) {
    const at = `line ${event.line}`;
    const nugget = spanFields(event.trigger, at);
    const eventAttributes = attributes.get(event.id);
    const types = typesOfSubtype(tagset, event.subtype);
    const type = eventAttributes?.get(BRAT_ATTRIBUTE.eventType) ?? (types.length === 1 ? types[0] : undefined);
    if (!type) errors.push(`${at}: the tagset cannot tell the type of subtype ${event.subtype}: give ${event.id} an EventType attribute`);
    const args: CasieArgument[] = [];
    for (const { role, target } of event.arguments) {
      if (!target.startsWith("T")) {
        errors.push(`${at}: ${event.id}'s ${role} is ${target}: CASIE arguments are text spans`);
        continue;
      }
      const span = spanFields(target, at);
      if (!span) continue;
      const argument: CasieArgument = { ...span, entityType: spans.get(target)!.label, role: { type: role } };
      const reference = references.get(target);
      if (reference) argument.externalReference = reference;
      args.push(argument);
    }
    if (!nugget || !type) continue;
    casieEvents.set(event.id, {
      index: event.id,
      type,
      subtype: event.subtype,
      realis: eventAttributes?.get(BRAT_ATTRIBUTE.realis) ?? "",
      nugget,
      arguments: args,
    });
  }
  for (const id of spans.keys()) if (!usedSpans.has(id)) warnings.push(`${id} is in no event: skipped`);
  if (errors.length) return { document: null, errors, warnings };
  return { document: { content: text, sourcefile, hoppers: hoppersOf(events, casieEvents, attributes, coreference) }, errors, warnings };
}

/** Hoppers by the events' Hopper attributes; without any, by Coreference equivalences (each other event alone). */
function hoppersOf(
  events: BratEvent[],
  casieEvents: Map<string, CasieEvent>,
  attributes: Map<string, Map<string, string>>,
  coreference: string[][],
): CasieHopper[] {
  const hopperOf = new Map<string, string>();
  const byAttribute = events.some((event) => attributes.get(event.id)?.has(BRAT_ATTRIBUTE.hopper));
  if (!byAttribute) {
    for (const group of coreference) for (const id of group) if (!hopperOf.has(id)) hopperOf.set(id, hopperOf.get(group[0]) ?? group[0]);
  }
  const hoppers = new Map<string, CasieHopper>();
  const numbered = byAttribute
    ? events
        .map((event) => Number(/^h(\d+)$/.exec(attributes.get(event.id)?.get(BRAT_ATTRIBUTE.hopper) ?? "")?.[1] ?? NaN))
        .filter((n) => !Number.isNaN(n))
    : [];
  let nextIndex = numbered.length ? Math.max(...numbered) + 1 : 0;
  for (const event of events) {
    const casie = casieEvents.get(event.id)!;
    const eventAttributes = attributes.get(event.id);
    const value = byAttribute ? eventAttributes?.get(BRAT_ATTRIBUTE.hopper) : hopperOf.get(event.id);
    const key = value ?? `alone ${event.id}`;
    let hopper = hoppers.get(key);
    if (!hopper) {
      const index = byAttribute && value && /^h\d+$/.test(value) ? Number(value.slice(1)) : nextIndex++;
      hopper = { index, events: [] };
      const relation = eventAttributes?.get(BRAT_ATTRIBUTE.hopperRelation);
      if (relation !== undefined) hopper.relation = relation;
      hoppers.set(key, hopper);
    }
    hopper.events.push(casie);
  }
  if (!byAttribute) for (const hopper of hoppers.values()) if (hopper.events.length > 1) hopper.relation ??= "Same";
  return [...hoppers.values()];
}
