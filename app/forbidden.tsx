import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { AuthCard } from "@/components/auth/AuthCard";

export const metadata: Metadata = { title: "No access · Hopper" };

/** Shown, with status 403, when a signed-in account's role does not allow a page (requirePageUser's forbidden()). */
export default function Forbidden() {
  return (
    <AuthCard title="You don't have access to this page" intro="Your account's role does not allow it. If you need it, ask an administrator.">
      <p>
        <PageLink href="/">Go to your projects</PageLink>
      </p>
    </AuthCard>
  );
}
