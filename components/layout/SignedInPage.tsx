import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/access";
import { AppHeader } from "./AppHeader";

/** A signed-in page: the header, then the page's own content. */
export function SignedInPage({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return (
    <>
      <AppHeader user={user} />
      <main>{children}</main>
    </>
  );
}
