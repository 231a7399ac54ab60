"use client";

import { memo, startTransition, useEffect, useMemo, useState } from "react";
import { whenIdle } from "@/components/ui/when-idle";
import { eventSpanIndexes } from "@/lib/annotation/event-spans";
import type { CasieEvent, CasieHopper } from "@/lib/casie/types";
import { countNoun } from "@/lib/count-noun";
import { escapeHtml } from "./annotated-text-html";
import styles from "./EventPanel.module.css";
import { externalReferenceLinks } from "./external-links";
import { typeColorClass } from "./type-colors";
import { useKeepsServerHtml } from "./use-server-html";
import { decodeViewHoppers, pageHtmlParts, type ViewHoppers } from "./view-hoppers";

/**
 * The events grouped by hopper, or `empty` when there are none. Items carry the data attributes DocumentInteractions
 * reads (and mark-titles.ts, the children of event buttons and argument items). The list is written as HTML strings, as
 * the text is (AnnotatedText.tsx), from `hoppers` (encodeViewHoppers), which the page's React payload carries once:
 * hydrating it touches no item and builds nothing. `eventCount` and `hopperCount` are the heading's counts.
 */
export function EventPanel({
  hoppers,
  eventCount,
  hopperCount,
  empty,
}: {
  hoppers: ViewHoppers;
  eventCount: number;
  hopperCount: number;
  empty: string;
}) {
  const keep = useKeepsServerHtml(hoppers);
  // Parts written after the first (which the server's HTML holds), one more per idle moment (view-hoppers.ts).
  const [later, setLater] = useState(0);
  const decodeNeeded = !keep || later > 0;
  const parts = useMemo(() => (decodeNeeded ? pageHtmlParts(decodeViewHoppers(hoppers)) : null), [decodeNeeded, hoppers]);
  const firstHtml = useMemo(() => (keep || !parts?.length ? "" : hoppersHtml(parts[0])), [keep, parts]);
  const partCount = parts?.length ?? Infinity;
  useEffect(() => {
    if (1 + later >= partCount) return;
    return whenIdle(() => startTransition(() => setLater((written) => written + 1)));
  }, [later, partCount]);
  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>
        Events{" "}
        <span className={styles.count}>
          {countNoun(eventCount, "event")} in {countNoun(hopperCount, "hopper")}
        </span>
      </h2>
      {hopperCount === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <>
          <div dangerouslySetInnerHTML={{ __html: firstHtml }} suppressHydrationWarning />
          {parts?.slice(1, 1 + later).map((part, i) => (
            <HoppersPart key={i} hoppers={part} />
          ))}
        </>
      )}
    </div>
  );
}

/** A part written in the browser: written once, as its hoppers are the same objects until the set changes. */
const HoppersPart = memo(function HoppersPart({ hoppers }: { hoppers: CasieHopper[] }) {
  return <div dangerouslySetInnerHTML={{ __html: hoppersHtml(hoppers) }} />;
});

function hoppersHtml(hoppers: CasieHopper[]): string {
  return hoppers
    .map((hopper) => {
      const relation = hopper.relation === undefined ? "" : `<span class='${styles.relation}'>relation: ${escapeHtml(hopper.relation)}</span>`;
      return (
        `<section class='${styles.hopper}' data-hopper='${hopper.index}' aria-labelledby='hopper-${hopper.index}'>` +
        `<h3 id='hopper-${hopper.index}' class='${styles.hopperHeading}'>Hopper ${hopper.index}${relation}` +
        `<span class='${styles.count}'>${countNoun(hopper.events.length, "event")}</span></h3>` +
        `<ol class='${styles.events}'>${hopper.events.map(eventHtml).join("")}</ol></section>`
      );
    })
    .join("");
}

function eventHtml(event: CasieEvent): string {
  const index = escapeHtml(event.index);
  const argumentItems = event.arguments.map((argument) => {
    const links = externalReferenceLinks(argument.externalReference).map((link) =>
      link.href
        ? `<a class='${styles.reference}' href='${escapeHtml(link.href)}' target='_blank' rel='noopener noreferrer'>${escapeHtml(link.label)}</a>`
        : `<span class='${styles.reference}'>${escapeHtml(link.label)}</span>`,
    );
    return (
      `<li data-argument='${escapeHtml(argument.index)}'><span class='${styles.role}'>${escapeHtml(argument.role.type)}</span> ` +
      `<span class='${styles.entityType}'>${escapeHtml(argument.entityType)}</span> <span class='${styles.argumentText}'>“${escapeHtml(argument.text)}”</span>` +
      `${links.join("")}</li>`
    );
  });
  const argumentList = argumentItems.length
    ? `<ul class='${styles.arguments}' aria-label='Arguments of ${index}'>${argumentItems.join("")}</ul>`
    : "";
  return (
    `<li class='${styles.event} ${typeColorClass(event.type)}' data-event='${index}' data-spans='${escapeHtml(eventSpanIndexes(event).join(" "))}'>` +
    `<button type='button' class='${styles.eventButton}' aria-pressed='false' data-select-event='${index}'>` +
    `<span class='${styles.eventIndex}'>${index}</span>` +
    `<span class='${styles.eventType}'><span class='${styles.swatch}' aria-hidden='true'></span>${escapeHtml(event.type)} / ${escapeHtml(event.subtype)}</span>` +
    `<span class='${styles.realis}'>${escapeHtml(event.realis)}</span><span class='${styles.nugget}'>“${escapeHtml(event.nugget.text)}”</span></button>` +
    `${argumentList}</li>`
  );
}
