// The documents of the long-document benchmark: a typical one, and long ones
// made by joining several CASIE sample documents into one (contents joined by a
// blank line, offsets shifted, span, event and hopper indexes renumbered, spans
// the sample has off by one put back on their text), as
// teams annotate reports and merged articles. Built at bench time, never
// stored; without the sample, made-up documents of the same sizes in events.

import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CASIE_TAGSET, findSpanShift, parseCasieDocument, type CasieDocument, type CasieHopper, type CasieSpan } from "@/lib/casie";
import { annotationFileNames } from "@/lib/testing/casie-corpus";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import type { BenchCorpus } from "./bench-corpus";

export interface BenchDocument {
  label: string;
  document: CasieDocument;
}

const SEPARATOR = "\n\n";
/** How many sample documents the long one joins (about 67k characters and 555 events, as the measurements). */
const LONG_JOINED = 28;
/** Without the sample: events of a typical sample document, and of the joined ones. */
const SYNTHETIC_EVENTS = { typical: 15, long: 555, veryLong: 1665 };

/** `documents` as one: contents joined by a blank line, every offset shifted and every index renumbered from 1 (hoppers from 0). */
export function joinDocuments(documents: readonly CasieDocument[], sourcefile: string): CasieDocument {
  const hoppers: CasieHopper[] = [];
  let shift = 0;
  let spans = 0;
  let events = 0;
  for (const document of documents) {
    const spanIndexes = new Map<string, string>();
    const span = <T extends CasieSpan>(value: T): T => {
      let index = spanIndexes.get(value.index);
      if (index === undefined) spanIndexes.set(value.index, (index = `T${++spans}`));
      // The sample's spans off by one are put back on their text, as an import reports them; the save API takes no others.
      const offBy = findSpanShift(document.content, value.startOffset, value.endOffset, value.text) ?? 0;
      const startOffset = value.startOffset - offBy;
      const endOffset = value.endOffset - offBy;
      return {
        ...value,
        index,
        startOffset: startOffset + shift,
        endOffset: endOffset + shift,
        text: document.content.slice(startOffset, endOffset),
      };
    };
    for (const hopper of document.hoppers) {
      hoppers.push({
        ...hopper,
        index: hoppers.length,
        events: hopper.events.map((event) => ({ ...event, index: `E${++events}`, nugget: span(event.nugget), arguments: event.arguments.map(span) })),
      });
    }
    shift += document.content.length + SEPARATOR.length;
  }
  return { ...documents[0], sourcefile, content: documents.map((document) => document.content).join(SEPARATOR), hoppers };
}

/** The typical document (the sample's median by events), the long one and the very long one. */
export function longDocumentSubjects({ corpus, fallback }: BenchCorpus): { typical: BenchDocument; long: BenchDocument; veryLong: BenchDocument } {
  if (fallback !== null) {
    return {
      typical: { label: "synthetic typical", document: documentWithEvents(SYNTHETIC_EVENTS.typical, "typical") },
      long: { label: "synthetic long", document: documentWithEvents(SYNTHETIC_EVENTS.long, "long") },
      veryLong: { label: "synthetic very long", document: documentWithEvents(SYNTHETIC_EVENTS.veryLong, "very-long") },
    };
  }
  const documents = annotationFileNames(corpus).flatMap((name) => {
    const text = readFileSync(path.join(corpus.annotationDir, name), "utf8");
    const { document } = parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name });
    return document ? [{ name, document }] : [];
  });
  if (documents.length < LONG_JOINED) throw new Error(`the sample has ${documents.length} documents that parse, the bench joins ${LONG_JOINED}`);
  const eventCount = (document: CasieDocument) => document.hoppers.reduce((sum, hopper) => sum + hopper.events.length, 0);
  const byEvents = [...documents].sort((a, b) => eventCount(b.document) - eventCount(a.document) || a.name.localeCompare(b.name));
  const typical = byEvents[byEvents.length >> 1];
  // The most annotated documents, as reports and threat write-ups are; the very long one is the long one's three times over.
  const joined = byEvents.slice(0, LONG_JOINED).map((entry) => entry.document);
  return {
    typical: { label: `${typical.name} (median by events)`, document: typical.document },
    long: { label: `the ${LONG_JOINED} sample documents with the most events, joined`, document: joinDocuments(joined, `joined-${LONG_JOINED}.txt`) },
    veryLong: { label: `the same, three times over`, document: joinDocuments([...joined, ...joined, ...joined], `joined-${LONG_JOINED}x3.txt`) },
  };
}

/** Characters, events, arguments and distinct spans. */
export function describeDocument(document: CasieDocument): string {
  const events = document.hoppers.flatMap((hopper) => hopper.events);
  const spans = new Set(events.flatMap((event) => [event.nugget.index, ...event.arguments.map((argument) => argument.index)]));
  const argumentCount = events.reduce((sum, event) => sum + event.arguments.length, 0);
  return `${document.content.length.toLocaleString("en")} characters, ${events.length} events, ${argumentCount} arguments, ${spans.size} spans`;
}
