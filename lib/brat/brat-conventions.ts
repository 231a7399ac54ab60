// How a CASIE annotation set is written in brat's standoff format (a `.txt`
// with the document's text, a `.ann` beside it) and read back. brat has no
// hoppers, no realis and one label per text-bound annotation, so Hopper uses
// these conventions (README, "brat standoff"):
//
//   T3	Databreach 87 91	send            an event's nugget: its subtype as the label
//   T2	Person 61 76	cyber criminals     an argument's span: its entity type as the label
//   E2	Databreach:T3 Attacker:T2 Tool:T4   the event: its subtype, nugget, then role:argument in order
//                                          (a role repeated in one event is numbered, Victim, Victim2, as brat wants)
//   A1	Realis E2 Generic                   the event's realis
//   A2	Hopper E2 h0                        the event's hopper, `h` + the hopper's index; events are
//                                          written hopper by hopper, so hoppers and events keep their order
//   A3	HopperRelation E2 Same              the relation of the event's hopper, when it has one
//   A4	EventType E2 Attack                 the event's type, only when the tagset cannot tell it from the subtype
//   N1	Reference T2 Wikidata:Q95	Google      an argument's external reference (DBpedia:<URI> likewise)
//   #1	CasieIndex T12	T4                 the CASIE `T` index of a span written under another id (below)
//
// `T` and `E` ids are CASIE's own indexes where they can be. CASIE numbers
// spans, and one `T` may be both a nugget and an argument, or an argument with
// two entity types or references; a brat `T` line has one label, so each such
// variant after the first gets a fresh id past the document's largest, with a
// `CasieIndex` note giving the index it had. Members Hopper does not interpret
// (a role's confidence, say) and the files' JSON layout are not carried.
//
// Reading files made in brat itself: events without `Hopper` attributes are
// grouped by `*	Coreference E1 E2` equivalence lines (each event its own hopper
// otherwise), the event's type comes from the tagset, and `T` lines no event
// uses are reported and skipped.

export const BRAT_ATTRIBUTE = {
  realis: "Realis",
  hopper: "Hopper",
  hopperRelation: "HopperRelation",
  eventType: "EventType",
} as const;

export const BRAT_REFERENCE = "Reference";
export const BRAT_INDEX_NOTE = "CasieIndex";
export const BRAT_COREFERENCE = "Coreference";

/** External reference databases: brat's `db:id` prefix and the CASIE member it fills. */
export const BRAT_REFERENCE_DATABASES = { Wikidata: "wikidataid", DBpedia: "dbpediaURI" } as const;

export const hopperValue = (index: number) => `h${index}`;

/** A label brat can hold: no whitespace, no colon (they separate a line's fields). */
export const isBratLabel = (label: string) => /^[^\s:]+$/.test(label);
