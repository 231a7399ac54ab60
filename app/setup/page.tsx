import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SetupForm } from "@/components/auth/SetupForm";
import { hasAnyUser, MIN_PASSWORD_LENGTH } from "@/lib/users";
import { setUpHopper } from "./actions";

export const metadata: Metadata = { title: "Set up Hopper" };

export default async function SetupPage() {
  // Whether setup is open depends on the database now, not at build time.
  await connection();
  if (await hasAnyUser()) {
    return (
      <AuthCard title="Hopper is set up" intro="This installation already has accounts, so setup is closed.">
        <p>
          <PageLink href="/signin">Sign in</PageLink>, or ask an administrator for an account.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set up Hopper" intro="Create the administrator account. You can add the other accounts once you are signed in.">
      <SetupForm action={setUpHopper} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
