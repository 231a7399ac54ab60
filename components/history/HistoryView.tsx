import { PageLink } from "@/components/ui/PageLink";
import type { HistoryPage } from "@/lib/annotation-sets/set-history";
import type { CasieDocument } from "@/lib/casie/types";
import type { DocumentSet } from "@/lib/documents/document-sets";
import type { GoldDocument } from "@/lib/documents/load";
import { AnnotatedText } from "@/components/document/AnnotatedText";
import { EventPanel } from "@/components/document/EventPanel";
import { setLabel } from "@/components/document/SetSwitcher";
import layout from "@/components/document/text-layout.module.css";
import { encodeViewHoppers } from "@/components/document/view-hoppers";
import { SetHistory } from "./SetHistory";
import styles from "./HistoryView.module.css";

interface Props {
  document: GoldDocument;
  sets: DocumentSet[];
  set: DocumentSet;
  viewerId: string;
  page: HistoryPage;
  /** The set as it was at `version` (read-only). */
  version: number;
  state: CasieDocument;
}

/** How one set of a document came to be: its changes, and the set at any version, read-only and downloadable. */
export function HistoryView({ document, sets, set, viewerId, page, version, state }: Props) {
  const base = `/documents/${document.id}/history?set=${set.setId}`;
  const href = ({ version: v, before }: { version?: number; before?: number }) =>
    `${base}${v !== undefined ? `&version=${v}` : ""}${before !== undefined ? `&before=${before}` : ""}`;
  // What the text and the event panel are drawn from: one string, which the page's payload holds once.
  const hoppers = encodeViewHoppers(state.hoppers);
  const eventCount = state.hoppers.reduce((n, hopper) => n + hopper.events.length, 0);
  return (
    <div className={`${layout.page} ${styles.view}`}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <PageLink href={`/projects/${document.projectId}`}>{document.projectName}</PageLink> /{" "}
        <PageLink href={`/documents/${document.id}`}>{document.name}</PageLink> / history
      </nav>
      <h1 className={styles.title}>
        History of {setLabel(set, viewerId).replace(/^Your annotations$/, "your annotations")}
        <span className={styles.subtitle}>{document.title || document.name}</span>
      </h1>
      {sets.length > 1 && (
        <nav aria-label="Annotation sets" className={styles.sets}>
          {sets.map((other) => (
            <PageLink
              key={other.setId}
              href={`/documents/${document.id}/history?set=${other.setId}`}
              aria-current={other.setId === set.setId ? "page" : undefined}
            >
              {setLabel(other, viewerId)}
            </PageLink>
          ))}
        </nav>
      )}
      <p className={styles.status} data-testid="history-shown">
        Showing version {version} of {set.version}
        {version < set.version ? " (read-only)" : " (the current version)"}.{" "}
        <a href={`/api/annotation-sets/${set.setId}/casie.json?version=${version}`} download>
          Download version {version} as CASIE JSON
        </a>
      </p>
      <div className={layout.columns}>
        <article aria-label={`Document text at version ${version}`}>
          <AnnotatedText content={state.content} hoppers={hoppers} />
          <EventPanel
            hoppers={hoppers}
            eventCount={eventCount}
            hopperCount={state.hoppers.length}
            empty="The set had no annotations at this version."
          />
        </article>
        <aside className={styles.panel} aria-label="Changes">
          <SetHistory page={page} href={href} shownVersion={version} />
        </aside>
      </div>
    </div>
  );
}
