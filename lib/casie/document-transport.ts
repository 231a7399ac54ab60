// A CASIE document as one string for a page to hand to the browser, lossless
// (layouts, absent members and mismatched span texts kept) and about a third
// of its JSON as objects: arrays instead of keyed objects, each distinct layout
// written once, and a span's text left out when it is the content's slice.
// A string is also nothing for React to walk when it writes a page's payload
// or reads it back: the browser parses it with JSON.parse.

import type { CasieArgument, CasieDocument, CasieEvent, CasieExternalReference, CasieHopper, CasieNugget, ObjectLayout } from "./types";

/** An index into the layouts written once, or null where the object has none. */
type LayoutRef = number | null;
/** The text is null when it is `content.slice(startOffset, endOffset)`. */
type EncodedNugget = [index: string, startOffset: number, endOffset: number, text: string | null, layout: LayoutRef];
type EncodedReference = [wikidataid: string | null, dbpediaURI: string | null, layout: LayoutRef];
type EncodedArgument = [
  index: string,
  startOffset: number,
  endOffset: number,
  text: string | null,
  entityType: string,
  role: string,
  roleLayout: LayoutRef,
  reference: EncodedReference | null,
  layout: LayoutRef,
];
type EncodedEvent = [index: string, type: string, subtype: string, realis: string, nugget: EncodedNugget, args: EncodedArgument[], layout: LayoutRef];
type EncodedHopper = [index: number, relation: string | null, events: EncodedEvent[], layout: LayoutRef];
type EncodedDocument = [head: Omit<CasieDocument, "hoppers">, hoppers: EncodedHopper[], layouts: ObjectLayout[]];

export function encodeDocumentForTransport(document: CasieDocument): string {
  const { hoppers, ...head } = document;
  const { content } = document;
  const layouts: ObjectLayout[] = [];
  const layoutRefs = new Map<string, number>();
  const layout = (value: ObjectLayout | undefined): LayoutRef => {
    if (value === undefined) return null;
    const key = layoutKey(value);
    let ref = layoutRefs.get(key);
    if (ref === undefined) {
      layoutRefs.set(key, (ref = layouts.length));
      layouts.push(value);
    }
    return ref;
  };
  const text = ({ startOffset, endOffset, text }: CasieNugget | CasieArgument) => (content.slice(startOffset, endOffset) === text ? null : text);
  const reference = (value: CasieExternalReference): EncodedReference => [value.wikidataid ?? null, value.dbpediaURI ?? null, layout(value.layout)];
  const argument = (a: CasieArgument): EncodedArgument => [
    a.index,
    a.startOffset,
    a.endOffset,
    text(a),
    a.entityType,
    a.role.type,
    layout(a.role.layout),
    a.externalReference ? reference(a.externalReference) : null,
    layout(a.layout),
  ];
  const nugget = (n: CasieNugget): EncodedNugget => [n.index, n.startOffset, n.endOffset, text(n), layout(n.layout)];
  const event = (e: CasieEvent): EncodedEvent => [
    e.index,
    e.type,
    e.subtype,
    e.realis,
    nugget(e.nugget),
    e.arguments.map(argument),
    layout(e.layout),
  ];
  const encoded = hoppers.map((h): EncodedHopper => [h.index, h.relation ?? null, h.events.map(event), layout(h.layout)]);
  return JSON.stringify([head, encoded, layouts] satisfies EncodedDocument);
}

/** Equal for equal layouts; most have no extra members, and their key is the cheaper one. */
function layoutKey({ keys, extra }: ObjectLayout): string {
  return Object.keys(extra).length === 0 ? JSON.stringify(keys) : JSON.stringify([keys, extra]);
}

/** The document encodeDocumentForTransport wrote. Objects with the same layout share one (layouts are never changed in place). */
export function decodeDocumentFromTransport(encoded: string): CasieDocument {
  const [head, hoppers, layouts] = JSON.parse(encoded) as EncodedDocument;
  const { content } = head;
  const withLayout = <T extends object>(value: T, ref: LayoutRef): T & { layout?: ObjectLayout } =>
    ref === null ? value : { ...value, layout: layouts[ref] };
  const text = (value: string | null, start: number, end: number) => value ?? content.slice(start, end);
  const reference = ([wikidataid, dbpediaURI, layout]: EncodedReference): CasieExternalReference => {
    const decoded: CasieExternalReference = {};
    if (wikidataid !== null) decoded.wikidataid = wikidataid;
    if (dbpediaURI !== null) decoded.dbpediaURI = dbpediaURI;
    return withLayout(decoded, layout);
  };
  const argument = ([index, startOffset, endOffset, value, entityType, role, roleLayout, ref, layout]: EncodedArgument): CasieArgument => {
    const decoded: CasieArgument = {
      index,
      startOffset,
      endOffset,
      text: text(value, startOffset, endOffset),
      entityType,
      role: withLayout({ type: role }, roleLayout),
    };
    if (ref !== null) decoded.externalReference = reference(ref);
    return withLayout(decoded, layout);
  };
  const nugget = ([index, startOffset, endOffset, value, layout]: EncodedNugget): CasieNugget =>
    withLayout({ index, startOffset, endOffset, text: text(value, startOffset, endOffset) }, layout);
  const event = ([index, type, subtype, realis, n, args, layout]: EncodedEvent): CasieEvent =>
    withLayout({ index, type, subtype, realis, nugget: nugget(n), arguments: args.map(argument) }, layout);
  const hopper = ([index, relation, events, layout]: EncodedHopper): CasieHopper =>
    withLayout({ index, ...(relation === null ? {} : { relation }), events: events.map(event) }, layout);
  return { ...head, hoppers: hoppers.map(hopper) };
}
