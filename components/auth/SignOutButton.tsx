"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/** Ends the session and goes to the sign-in page. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    try {
      await signOut({ redirect: false });
      window.location.assign("/signin");
    } catch {
      setPending(false);
    }
  }

  return (
    <Button onClick={() => void handleClick()} disabled={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
