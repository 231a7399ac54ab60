"use client";

import { useId, useState, type FormEvent } from "react";
import { parseExternalReference } from "@/lib/annotation/editor-commands";
import type { CasieEvent } from "@/lib/casie/types";
import styles from "./Panels.module.css";
import { useEditor } from "./use-editor";

interface Props {
  event: CasieEvent;
  position: number;
  /** After a valid link was saved (or nothing changed): where focus goes next. */
  onDone: () => void;
}

/**
 * The entity an argument names: a Wikidata id and/or a DBpedia URI, each
 * checked for its shape, saved on Enter or with the button; both empty
 * removes the link. In the side panel (ArgumentEditor) and in its popup (E).
 */
export function ExternalReferenceForm({ event, position, onDone }: Props) {
  const editor = useEditor();
  const id = useId();
  const argument = event.arguments[position];
  const reference = argument.externalReference;
  const [wikidata, setWikidata] = useState(reference?.wikidataid ?? "");
  const [dbpedia, setDbpedia] = useState(reference?.dbpediaURI ?? "");
  const [error, setError] = useState<string | null>(null);

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
    onDone();
  };

  return (
    <form className={styles.reference} onSubmit={submit} aria-label={`Entity link of ${argument.index}`} data-testid="reference-form">
      <label>
        Wikidata id
        <input
          value={wikidata}
          onChange={(change) => setWikidata(change.target.value)}
          placeholder="Q42"
          aria-invalid={error?.startsWith("A Wikidata") || undefined}
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
          aria-invalid={error?.startsWith("A DBpedia") || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="argument-dbpedia"
        />
      </label>
      <button type="submit" data-testid="save-reference">
        Save link
      </button>
      {error && (
        <p id={`${id}-error`} className={styles.fieldError} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
