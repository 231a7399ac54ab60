"use client";

import { useEffect, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from "react";
import panels from "@/components/editor/Panels.module.css";
import type { CommentThread } from "@/lib/comments/comment-protocol";
import { describeCommentTarget, formatCommentTarget, parseCommentTarget, type CommentTarget } from "@/lib/comments/comment-target";
import type { CommentThreadsStore } from "./comment-threads-store";
import styles from "./CommentsPanel.module.css";

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export interface CommentsPanelProps {
  store: CommentThreadsStore;
  /** What a new thread is about: what the viewer has selected. */
  target: CommentTarget;
  /** Whether the set still has what a thread is about (threads on deleted annotations are kept, marked). */
  targetExists: (target: CommentTarget) => boolean;
  /** Shows what a thread is about (selects it). */
  show: (target: CommentTarget) => void;
  /** Esc in a comment field: back to the text. */
  leave: () => void;
}

/** A set's comment threads beside its annotations: open one on what is selected, answer, resolve, reopen. */
export function CommentsPanel({ store, target, targetExists, show, leave }: CommentsPanelProps) {
  const { threads, error } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const [showResolved, setShowResolved] = useState(false);
  useEffect(() => store.refresh(), [store]);

  const open = threads.filter((thread) => !thread.resolved);
  const shown = showResolved ? threads : open;

  return (
    <section className={panels.section} aria-labelledby="comments-heading" data-testid="comments-panel">
      <h2 id="comments-heading" className={panels.heading}>
        Comments{" "}
        <span className={panels.count}>
          {open.length} open{threads.length > open.length ? `, ${threads.length - open.length} resolved` : ""}
        </span>
      </h2>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <CommentForm
        label={`New thread on ${describeCommentTarget(target)}`}
        submitLabel="Comment"
        onEscape={leave}
        onSubmit={(body) => store.send({ action: "open", target: formatCommentTarget(target), body })}
      />
      {threads.length > open.length && (
        <label className={styles.toggle}>
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} /> Show resolved threads
        </label>
      )}
      <ol className={styles.threads}>
        {shown.map((thread: CommentThread) => {
          const about = parseCommentTarget(thread.target);
          const gone = about !== null && !targetExists(about);
          return (
            <li
              key={thread.id}
              className={thread.resolved ? styles.resolvedThread : styles.thread}
              data-thread={thread.id}
              data-target={thread.target ?? "document"}
            >
              <div className={styles.threadHead}>
                <button type="button" onClick={() => about && show(about)} disabled={gone || about?.kind === "document"}>
                  On {thread.about}
                </button>
                {gone && <span className={styles.gone}>deleted since</span>}
                {thread.resolved && <span className={styles.badge}>resolved</span>}
              </div>
              <ol className={styles.comments}>
                {thread.comments.map((comment) => (
                  <li key={comment.id}>
                    <span className={styles.author}>{comment.author}</span>{" "}
                    <time dateTime={comment.createdAt}>{WHEN.format(new Date(comment.createdAt))}</time>
                    {/* Rendered on the server from markdown without raw HTML (lib/comments/render-markdown.ts). */}
                    <div className={styles.body} dangerouslySetInnerHTML={{ __html: comment.html }} />
                  </li>
                ))}
              </ol>
              {!thread.resolved && (
                <CommentForm
                  label="Reply"
                  submitLabel="Reply"
                  onEscape={leave}
                  onSubmit={(body) => store.send({ action: "reply", threadId: thread.id, body })}
                />
              )}
              <button
                type="button"
                className={styles.resolve}
                onClick={() => void store.send({ action: "resolve", threadId: thread.id, resolved: !thread.resolved })}
              >
                {thread.resolved ? "Reopen" : "Resolve"}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A comment field: Ctrl+Enter (or the button) sends, Esc returns to the text. */
function CommentForm({
  label,
  submitLabel,
  onSubmit,
  onEscape,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<boolean>;
  onEscape: () => void;
}) {
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() || sending) return;
    setSending(true);
    if (await onSubmit(body)) setBody("");
    setSending(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
    if (event.key === "Escape") onEscape();
  };
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)}>
      <label>
        <span className={styles.label}>{label}</span>
        <textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={10_000}
          placeholder="Markdown; @name mentions a member"
        />
      </label>
      <button type="submit" disabled={!body.trim() || sending}>
        {submitLabel}
      </button>
    </form>
  );
}
