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
 * Events the page's HTML holds, in whole hoppers from the first: a long document's event panel would otherwise be most
 * of its page, for the browser to parse before the page loads. The others are written once the page is interactive.
 */
const EVENTS_IN_PAGE_HTML = 40;

/** The hoppers the page's HTML holds (at least the first), and the others. */
export function splitForPageHtml(hoppers: CasieHopper[]): [CasieHopper[], CasieHopper[]] {
  let events = 0;
  const cut = Math.max(
    1,
    hoppers.findIndex((hopper) => (events += hopper.events.length) > EVENTS_IN_PAGE_HTML),
  );
  return events <= EVENTS_IN_PAGE_HTML ? [hoppers, []] : [hoppers.slice(0, cut), hoppers.slice(cut)];
}
