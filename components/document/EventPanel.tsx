import { eventSpanIndexes } from "@/lib/annotation/event-spans";
import type { CasieEvent, CasieHopper } from "@/lib/casie/types";
import styles from "./EventPanel.module.css";
import { externalReferenceLinks } from "./external-links";
import { typeColorClass } from "./type-colors";
import { countNoun } from "@/lib/count-noun";

/** The events grouped by hopper, or `empty` when there are none. Items carry the data attributes DocumentInteractions reads. */
export function EventPanel({ hoppers, empty }: { hoppers: CasieHopper[]; empty: string }) {
  const eventCount = hoppers.reduce((n, hopper) => n + hopper.events.length, 0);
  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>
        Events{" "}
        <span className={styles.count}>
          {countNoun(eventCount, "event")} in {countNoun(hoppers.length, "hopper")}
        </span>
      </h2>
      {hoppers.length === 0 && <p className={styles.empty}>{empty}</p>}
      {hoppers.map((hopper) => (
        <section key={hopper.index} className={styles.hopper} data-hopper={hopper.index} aria-labelledby={`hopper-${hopper.index}`}>
          <h3 id={`hopper-${hopper.index}`} className={styles.hopperHeading}>
            Hopper {hopper.index}
            {hopper.relation !== undefined && <span className={styles.relation}>relation: {hopper.relation}</span>}
            <span className={styles.count}>{countNoun(hopper.events.length, "event")}</span>
          </h3>
          <ol className={styles.events}>
            {hopper.events.map((event) => (
              <EventItem key={event.index} event={event} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function EventItem({ event }: { event: CasieEvent }) {
  return (
    <li className={`${styles.event} ${typeColorClass(event.type)}`} data-event={event.index} data-spans={eventSpanIndexes(event).join(" ")}>
      <button type="button" className={styles.eventButton} aria-pressed="false" data-select-event={event.index}>
        <span className={styles.eventIndex}>{event.index}</span>
        <span className={styles.eventType}>
          <span className={styles.swatch} aria-hidden="true" />
          {event.type} / {event.subtype}
        </span>
        <span className={styles.realis}>{event.realis}</span>
        <span className={styles.nugget}>“{event.nugget.text}”</span>
      </button>
      {event.arguments.length > 0 && (
        <ul className={styles.arguments} aria-label={`Arguments of ${event.index}`}>
          {event.arguments.map((argument, position) => (
            <li key={position} data-argument={argument.index}>
              <span className={styles.role}>{argument.role.type}</span> <span className={styles.entityType}>{argument.entityType}</span>{" "}
              <span className={styles.argumentText}>“{argument.text}”</span>
              {externalReferenceLinks(argument.externalReference).map((link) =>
                link.href ? (
                  <a key={link.label} className={styles.reference} href={link.href} target="_blank" rel="noopener noreferrer">
                    {link.label}
                  </a>
                ) : (
                  <span key={link.label} className={styles.reference}>
                    {link.label}
                  </span>
                ),
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
