// The shown set's annotations as the document page sends them to the browser:
// one string of JSON arrays, not objects: half the size of the objects (no
// keys, no layouts), and nothing for React to walk when it writes or reads the
// page's payload. The text and event panel are drawn from it on the server,
// and in the browser only when the set changes (use-server-html.ts).

import type { CasieArgument, CasieEvent, CasieExternalReference, CasieHopper, CasieSpan } from "@/lib/casie/types";

type EncodedSpan = [index: string, startOffset: number, endOffset: number, text: string];
type EncodedArgument = [...EncodedSpan, role: string, entityType: string, wikidataid: string | null, dbpediaURI: string | null];
type EncodedEvent = [index: string, type: string, subtype: string, realis: string, nugget: EncodedSpan, arguments: EncodedArgument[]];
type EncodedHopper = [index: number, relation: string | null, events: EncodedEvent[]];

/**
 * Held in an object: the text and the event panel are given the same one, which the page's payload then carries once
 * (React writes an object passed twice once, and a string each time).
 */
export interface ViewHoppers {
  json: string;
}

/** The hoppers without their layouts (how the file wrote each object), as decodeViewHoppers reads them. */
export function encodeViewHoppers(hoppers: readonly CasieHopper[]): ViewHoppers {
  const span = (s: CasieSpan): EncodedSpan => [s.index, s.startOffset, s.endOffset, s.text];
  const argument = (a: CasieArgument): EncodedArgument => [
    ...span(a),
    a.role.type,
    a.entityType,
    a.externalReference?.wikidataid ?? null,
    a.externalReference?.dbpediaURI ?? null,
  ];
  const event = (e: CasieEvent): EncodedEvent => [e.index, e.type, e.subtype, e.realis, span(e.nugget), e.arguments.map(argument)];
  return { json: JSON.stringify(hoppers.map((h): EncodedHopper => [h.index, h.relation ?? null, h.events.map(event)])) };
}

const decoded = new WeakMap<ViewHoppers, CasieHopper[]>();

/**
 * The hoppers encodeViewHoppers wrote, without layouts and without absent members. Decoded once per object: the text
 * and the event panel, given the same one, share it.
 */
export function decodeViewHoppers(view: ViewHoppers): CasieHopper[] {
  let hoppers = decoded.get(view);
  if (!hoppers) decoded.set(view, (hoppers = decodeJson(view.json)));
  return hoppers;
}

function decodeJson(json: string): CasieHopper[] {
  const span = ([index, startOffset, endOffset, text]: EncodedSpan | EncodedArgument): CasieSpan => ({ index, startOffset, endOffset, text });
  const argument = (a: EncodedArgument): CasieArgument => {
    const [, , , , role, entityType, wikidataid, dbpediaURI] = a;
    const decoded: CasieArgument = { ...span(a), entityType, role: { type: role } };
    if (wikidataid !== null || dbpediaURI !== null) {
      const reference: CasieExternalReference = {};
      if (wikidataid !== null) reference.wikidataid = wikidataid;
      if (dbpediaURI !== null) reference.dbpediaURI = dbpediaURI;
      decoded.externalReference = reference;
    }
    return decoded;
  };
  const event = ([index, type, subtype, realis, nugget, args]: EncodedEvent): CasieEvent => ({
    index,
    type,
    subtype,
    realis,
    nugget: span(nugget),
    arguments: args.map(argument),
  });
  return (JSON.parse(json) as EncodedHopper[]).map(([index, relation, events]) => ({
    index,
    ...(relation === null ? {} : { relation }),
    events: events.map(event),
  }));
}

/**
 * Events per part of the event panel: the page's HTML holds the first part, for a long document's panel would otherwise
 * be most of its page, for the browser to parse before the page loads; the others are written once it is interactive,
 * one per idle moment, so that no single step keeps a key or a click waiting.
 */
const EVENTS_PER_PART = 40;

/** The hoppers in parts of whole hoppers, in order, each of at most EVENTS_PER_PART events or a single hopper. */
export function pageHtmlParts(hoppers: CasieHopper[]): CasieHopper[][] {
  const parts: CasieHopper[][] = [];
  let part: CasieHopper[] = [];
  let events = 0;
  for (const hopper of hoppers) {
    if (part.length > 0 && events + hopper.events.length > EVENTS_PER_PART) {
      parts.push(part);
      part = [];
      events = 0;
    }
    part.push(hopper);
    events += hopper.events.length;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
