// A CASIE document's annotation set written as brat standoff (conventions in brat-conventions.ts).

import type { Tagset } from "@/lib/casie/tagset";
import type { CasieArgument, CasieDocument, CasieSpan } from "@/lib/casie/types";
import { BRAT_ATTRIBUTE, BRAT_INDEX_NOTE, BRAT_REFERENCE, hopperValue, isBratLabel } from "./brat-conventions";

export interface BratFiles {
  /** The `.txt`: the document's text, as is. */
  text: string;
  /** The `.ann`. */
  annotations: string;
}

export class BratExportError extends Error {}

/** The event types whose subtypes include `subtype`: when just one, brat's event label alone says the type. */
export function typesOfSubtype(tagset: Tagset, subtype: string): string[] {
  return tagset.eventTypes.filter((type) => type.subtypes.some((candidate) => candidate.name === subtype)).map((type) => type.name);
}

const indexNumber = (index: string) => (/^[TE](\d+)$/.exec(index) ? Number(index.slice(1)) : 0);

export function casieToBrat(document: CasieDocument, tagset: Tagset): BratFiles {
  const lines: string[] = [];
  const spanLines: string[] = [];
  const attributeLines: string[] = [];
  const referenceLines: string[] = [];
  const noteLines: string[] = [];
  const events = document.hoppers.flatMap((hopper) => hopper.events);
  let nextSpan = Math.max(0, ...events.flatMap((event) => [event.nugget, ...event.arguments]).map((span) => indexNumber(span.index))) + 1;
  const usedIds = new Set<string>();
  /** brat id of each written span variant: CASIE index + label + offsets + text + reference. */
  const written = new Map<string, string>();

  const check = (label: string, what: string) => {
    if (!isBratLabel(label)) throw new BratExportError(`${what} "${label}" cannot be a brat label (it has a space or a colon)`);
  };
  const spanId = (span: CasieSpan, label: string, argument?: CasieArgument): string => {
    if (/[\n\r\t]/.test(span.text))
      throw new BratExportError(`span ${span.index} (${span.startOffset}-${span.endOffset}) has a line break or tab in its text`);
    const reference = argument?.externalReference
      ? JSON.stringify([argument.externalReference.wikidataid, argument.externalReference.dbpediaURI])
      : "";
    const variant = [span.index, label, span.startOffset, span.endOffset, span.text, reference].join("\u0000");
    const known = written.get(variant);
    if (known) return known;
    const own = /^T\d+$/.test(span.index) && !usedIds.has(span.index);
    const id = own ? span.index : `T${nextSpan++}`;
    usedIds.add(id);
    written.set(variant, id);
    spanLines.push(`${id}\t${label} ${span.startOffset} ${span.endOffset}\t${span.text}`);
    if (!own) noteLines.push(`#${noteLines.length + 1}\t${BRAT_INDEX_NOTE} ${id}\t${span.index}`);
    const link = argument?.externalReference;
    if (link?.wikidataid !== undefined)
      referenceLines.push(`N${referenceLines.length + 1}\t${BRAT_REFERENCE} ${id} Wikidata:${link.wikidataid}\t${span.text}`);
    if (link?.dbpediaURI !== undefined)
      referenceLines.push(`N${referenceLines.length + 1}\t${BRAT_REFERENCE} ${id} DBpedia:${link.dbpediaURI}\t${span.text}`);
    return id;
  };
  const attribute = (name: string, eventId: string, value: string) => {
    check(value, `${name} value`);
    attributeLines.push(`A${attributeLines.length + 1}\t${name} ${eventId} ${value}`);
  };

  for (const hopper of document.hoppers) {
    for (const event of hopper.events) {
      if (!/^E\d+$/.test(event.index)) throw new BratExportError(`event index "${event.index}" is not E<number>`);
      check(event.subtype, "subtype");
      const trigger = spanId(event.nugget, event.subtype);
      const seenRoles = new Map<string, number>();
      const roles = event.arguments.map((argument) => {
        check(argument.role.type, "role");
        check(argument.entityType, "entity type");
        const count = (seenRoles.get(argument.role.type) ?? 0) + 1;
        seenRoles.set(argument.role.type, count);
        return `${argument.role.type}${count > 1 ? count : ""}:${spanId(argument, argument.entityType, argument)}`;
      });
      lines.push(`${event.index}\t${[`${event.subtype}:${trigger}`, ...roles].join(" ")}`);
      if (event.realis) attribute(BRAT_ATTRIBUTE.realis, event.index, event.realis);
      attribute(BRAT_ATTRIBUTE.hopper, event.index, hopperValue(hopper.index));
      if (hopper.relation !== undefined) attribute(BRAT_ATTRIBUTE.hopperRelation, event.index, hopper.relation);
      const types = typesOfSubtype(tagset, event.subtype);
      if (types.length !== 1 || types[0] !== event.type) attribute(BRAT_ATTRIBUTE.eventType, event.index, event.type);
    }
  }
  const annotations = [...spanLines, ...lines, ...attributeLines, ...referenceLines, ...noteLines];
  return { text: document.content, annotations: annotations.length ? `${annotations.join("\n")}\n` : "" };
}
