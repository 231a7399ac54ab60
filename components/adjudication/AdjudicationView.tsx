"use client";

import { PageLink } from "@/components/ui/PageLink";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { ADJUDICATION_SHORTCUTS, adjudicationCommand, nextUndecided } from "@/lib/adjudication/adjudication-keys";
import type { AdjudicationRequest, DocumentAdjudication } from "@/lib/adjudication-store/adjudication-store";
import { AdjudicationText } from "./AdjudicationText";
import { DisagreementCard } from "./DisagreementCard";
import { HopperRegroupForm } from "./HopperRegroupForm";
import styles from "./Adjudication.module.css";

/** Adjudicating a document: the disagreements of its annotators, decided one by one with the keyboard or the mouse. */
export function AdjudicationView({ initial }: { initial: DocumentAdjudication }) {
  const [adjudication, setAdjudication] = useState(initial);
  const { state } = adjudication;
  const [current, setCurrent] = useState(() =>
    Math.max(
      0,
      state.items.findIndex((item) => !item.decision),
    ),
  );
  const [rejecting, setRejecting] = useState(false);
  /** The id of the hopper cluster whose regrouping form is open. */
  const [regrouping, setRegrouping] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cards = useRef<HTMLOListElement>(null);
  const item = state.items[current] ?? null;

  const send = useCallback(
    async (request: AdjudicationRequest): Promise<DocumentAdjudication | null> => {
      setBusy(true);
      setError(null);
      const response = await fetch(`/api/documents/${encodeURIComponent(adjudication.documentId)}/adjudication`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
      }).catch(() => null);
      setBusy(false);
      const body = (await response?.json().catch(() => null)) as (DocumentAdjudication & { error?: string }) | null;
      if (!response?.ok || !body) {
        setError(body?.error ?? "The server could not be reached: try again.");
        return null;
      }
      setAdjudication(body);
      return body;
    },
    [adjudication.documentId],
  );

  const decide = useCallback(
    async (request: Extract<AdjudicationRequest, { itemId: string }>) => {
      const next = await send(request);
      if (!next) return;
      const position = next.state.items.findIndex((candidate) => candidate.id === request.itemId);
      const following = nextUndecided(
        next.state.items.map((candidate) => !candidate.decision),
        position,
        1,
      );
      if (following !== null) setCurrent(following);
    },
    [send],
  );

  const accept = useCallback(
    (annotatorId: string) => {
      if (item) void decide({ action: "accept", itemId: item.id, annotatorId });
    },
    [decide, item],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]") || rejecting || regrouping || busy) return;
      const command = adjudicationCommand(event);
      if (!command || !item) return;
      event.preventDefault();
      switch (command.kind) {
        case "accept": {
          const annotator = state.annotators[command.annotator];
          if (!annotator) setError(`There is no annotator ${command.annotator + 1}.`);
          else if (!item.versions.some((version) => version.annotatorIds.includes(annotator.id)))
            setError(`${annotator.name} proposes nothing here.`);
          else accept(annotator.id);
          return;
        }
        case "reject":
          setRejecting(true);
          return;
        case "regroup":
          if (item.kind === "hoppers") setRegrouping(item.id);
          else setError("Only a hopper grouping is regrouped: this item is not one.");
          return;
        case "undo":
          if (item.decision) void send({ action: "undo", itemId: item.id });
          else setError("This item has no decision to undo.");
          return;
        case "next":
        case "previous": {
          const position = nextUndecided(
            state.items.map((candidate) => !candidate.decision),
            current,
            command.kind === "next" ? 1 : -1,
          );
          if (position !== null) setCurrent(position);
          return;
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [accept, busy, current, item, regrouping, rejecting, send, state]);

  useEffect(() => {
    cards.current?.querySelector("[aria-current]")?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const reject = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!item) return;
    setRejecting(false);
    await decide({ action: "reject", itemId: item.id, ...(reason.trim() && { reason: reason.trim() }) });
    setReason("");
  };

  const choose = (itemId: string) => setCurrent(state.items.findIndex((candidate) => candidate.id === itemId));

  return (
    <div className={styles.view}>
      <p className={styles.breadcrumb}>
        <PageLink href={`/documents/${adjudication.documentId}`}>{adjudication.documentName}</PageLink>
      </p>
      <h1 className={styles.title}>Adjudicate {adjudication.documentName}</h1>
      <div className={styles.toolbar}>
        <span data-testid="undecided-count" className={styles.counter}>
          {state.undecided} of {state.items.length} undecided
        </span>
        <Button
          variant="primary"
          disabled={busy || state.undecided > 0 || adjudication.adjudicated}
          onClick={() => void send({ action: "mark-adjudicated" })}
        >
          Mark adjudicated
        </Button>
        {/* What no annotator proposed is written in the gold itself, with the editor's keys (reviewers edit the gold). */}
        <PageLink href={`/documents/${adjudication.documentId}/gold`}>Edit the gold in the editor</PageLink>
        {adjudication.adjudicated && <Notice tone="success">The document is adjudicated.</Notice>}
      </div>
      <p className={styles.shortcuts}>
        {ADJUDICATION_SHORTCUTS.map((shortcut) => (
          <span key={shortcut.keys}>
            <kbd>{shortcut.keys}</kbd> {shortcut.label}
          </span>
        ))}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {rejecting && item && (
        <form className={styles.reject} onSubmit={(event) => void reject(event)} aria-label="Reject every version">
          <label htmlFor="rejection-reason">Reject every version of this item. Why (optional)?</label>
          <input
            id="rejection-reason"
            autoFocus
            value={reason}
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setRejecting(false);
            }}
          />
          <Button type="submit" variant="danger" size="compact">
            Reject
          </Button>
          <Button size="compact" onClick={() => setRejecting(false)}>
            Cancel
          </Button>
        </form>
      )}
      <div className={styles.columns}>
        <AdjudicationText content={adjudication.gold.content} items={state.items} rows={state.rows} currentId={item?.id ?? null} onChoose={choose} />
        <ol className={styles.cards} ref={cards} aria-label="Disagreements">
          {state.items.length === 0 && <li>The annotators agree on everything: the gold holds it.</li>}
          {state.items.map((candidate, position) => (
            <DisagreementCard
              key={candidate.id}
              item={candidate}
              annotators={state.annotators}
              rows={state.rows}
              content={adjudication.gold.content}
              current={position === current}
              busy={busy}
              onChoose={() => setCurrent(position)}
              onAccept={(annotatorId) => void decide({ action: "accept", itemId: candidate.id, annotatorId })}
              onUndo={() => void send({ action: "undo", itemId: candidate.id })}
              regroupForm={
                candidate.kind === "hoppers" && regrouping === candidate.id ? (
                  <HopperRegroupForm
                    item={candidate}
                    rows={state.rows}
                    busy={busy}
                    onApply={(groups) => {
                      setRegrouping(null);
                      void decide({ action: "regroup", itemId: candidate.id, groups });
                    }}
                    onCancel={() => setRegrouping(null)}
                  />
                ) : null
              }
              onRegroup={candidate.kind === "hoppers" ? () => setRegrouping(candidate.id) : null}
            />
          ))}
        </ol>
      </div>
    </div>
  );
}
