"use client";

import { useId, useState, type FormEvent } from "react";
import { parseExternalReference } from "@/lib/annotation/editor-commands";
import type { CasieEvent } from "@/lib/casie/types";
import styles from "./Panels.module.css";
import { useEditor } from "./use-editor";

/**
 * The entity an argument names: a Wikidata id and/or a DBpedia URI, saved on
 * Enter or with the button; both empty removes the link. Folded away while
 * there is none, to keep long argument lists short.
 */
export function ExternalReferenceForm({ event, position }: { event: CasieEvent; position: number }) {
  const editor = useEditor();
  const id = useId();
  const argument = event.arguments[position];
  const reference = argument.externalReference;
  const [wikidata, setWikidata] = useState(reference?.wikidataid ?? "");
  const [dbpedia, setDbpedia] = useState(reference?.dbpediaURI ?? "");
  const [error, setError] = useState<string | null>(null);
  const changed = wikidata !== (reference?.wikidataid ?? "") || dbpedia !== (reference?.dbpediaURI ?? "");
  const summary = reference
    ? [reference.wikidataid && `Wikidata ${reference.wikidataid}`, reference.dbpediaURI && "DBpedia"].filter(Boolean).join(", ")
    : "none";

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    const wikidataid = wikidata.trim() ? parseExternalReference(wikidata) : null;
    const dbpediaURI = dbpedia.trim() ? parseExternalReference(dbpedia) : null;
    if (wikidata.trim() && !(wikidataid && "wikidataid" in wikidataid))
      return setError("A Wikidata id looks like Q42 (or its wikidata.org address).");
    if (dbpedia.trim() && !(dbpediaURI && "dbpediaURI" in dbpediaURI)) return setError("A DBpedia URI looks like http://dbpedia.org/resource/Name.");
    setError(null);
    const link = { ...(wikidataid ?? {}), ...(dbpediaURI ?? {}) };
    editor.setArgumentAttributes(event.index, position, { externalReference: Object.keys(link).length ? link : null });
  };

  return (
    <details className={styles.referenceBox} open={reference !== undefined}>
      <summary>Entity link: {summary}</summary>
      <form className={styles.reference} onSubmit={submit} aria-label={`Entity link of ${argument.index}`}>
        <label>
          Wikidata id
          <input
            value={wikidata}
            onChange={(change) => setWikidata(change.target.value)}
            placeholder="Q42"
            aria-describedby={error ? `${id}-error` : undefined}
            data-testid="argument-wikidata"
          />
        </label>
        <label>
          DBpedia URI
          <input
            value={dbpedia}
            onChange={(change) => setDbpedia(change.target.value)}
            placeholder="http://dbpedia.org/resource/…"
            data-testid="argument-dbpedia"
          />
        </label>
        <button type="submit" disabled={!changed} data-testid="save-reference">
          Save link
        </button>
        {error && (
          <p id={`${id}-error`} className={styles.fieldError} role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
