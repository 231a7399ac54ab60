"use client";

import { AuthCard } from "@/components/auth/AuthCard";

/** A page failed on the server (e.g. the database is unreachable): say so and offer a retry instead of a blank screen. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AuthCard title="Something went wrong" intro="Hopper could not show this page. Your saved work is safe.">
      <p role="alert">{error.digest ? `Error reference: ${error.digest}` : error.message}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </AuthCard>
  );
}
