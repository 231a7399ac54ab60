import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { AuthCard } from "@/components/auth/AuthCard";

export const metadata: Metadata = { title: "Not found · Hopper" };

/** Also what a signed-in account sees for a project or document it may not view: it learns nothing about it. */
export default function NotFound() {
  return (
    <AuthCard title="Not found" intro="There is nothing here, or nothing your account may see.">
      <p>
        <PageLink href="/">Go to your projects</PageLink>
      </p>
    </AuthCard>
  );
}
