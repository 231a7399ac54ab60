/** Shown while a page's data loads. */
export default function Loading() {
  return (
    <p role="status" style={{ padding: "2rem", color: "var(--muted)" }}>
      Loading…
    </p>
  );
}
