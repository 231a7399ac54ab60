import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { getCurrentUser } from "@/lib/auth/access";
import { describeSignInError } from "@/lib/auth/sign-in-error";
import { isLocalPath } from "@/lib/auth/sign-in-url";
import { hasAnyUser } from "@/lib/users";

export const metadata: Metadata = { title: "Sign in · Hopper" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requested = single(params.callbackUrl);
  const callbackUrl = requested && isLocalPath(requested) ? requested : "/";
  if (!(await hasAnyUser())) redirect("/setup");
  if (await getCurrentUser()) redirect(callbackUrl);

  // next-auth sends people here with ?error= when they sign in without this page's script.
  const error = single(params.error);
  const notice = error
    ? { tone: "error" as const, text: describeSignInError(error) }
    : single(params.setup) === "done"
      ? { tone: "success" as const, text: "Your administrator account is ready. Sign in to continue." }
      : undefined;
  return (
    <AuthCard title="Sign in">
      <SignInForm callbackUrl={callbackUrl} notice={notice} />
    </AuthCard>
  );
}
