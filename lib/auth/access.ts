// Who is asking, for pages, server actions and route handlers. The session
// names an account; the account's row decides everything else, on every
// request, so disabling someone or changing their role acts at once. What
// they may do is policy.ts's to say.

import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { cache } from "react";
import type { Role } from "@/generated/prisma/client";
import { findActiveUser, hasAnyUser } from "@/lib/users";
import { currentRequestPath } from "./current-path";
import { jsonError } from "@/lib/http/json-error";
import { readSession, type Session } from "./session-token";
import { signInUrl } from "./sign-in-url";

/** `mustChangePassword`: an administrator reset the password; pages send the user to choose a new one first. */
export type CurrentUser = { id: string; email: string; name: string; role: Role; mustChangePassword?: true };

async function userFromSession(session: Session | null): Promise<CurrentUser | null> {
  return session ? findActiveUser(session.userId, undefined, session.epoch) : null;
}

/** The signed-in account, or null when signed out, disabled, deleted or its session ended by a password reset. Read once per render. */
export const getCurrentUser: () => Promise<CurrentUser | null> = cache(async () => userFromSession(await readSession(await cookies())));

/**
 * For server components and server actions: the signed-in account, when it
 * has one of `roles` (any role when none are given). Otherwise this does not
 * return: a signed-out visitor is redirected to sign in and come back (or to
 * /setup on a fresh installation), and a signed-in one gets the 403 page.
 */
export async function requirePageUser(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (!(await hasAnyUser())) redirect("/setup");
    redirect(signInUrl(currentRequestPath()));
  }
  if (user.mustChangePassword && !currentRequestPath()?.startsWith("/account")) redirect("/account?reset=1");
  if (roles.length > 0 && !roles.includes(user.role)) forbidden();
  return user;
}

/** The session of a request's cookie, not yet checked against the database (see readSession). */
export async function requestSession(request: Request): Promise<Session | null> {
  // Only the headers: the handler may still need to read the body.
  const { cookies } = new NextRequest(request.url, { headers: request.headers });
  return readSession(cookies);
}

/** The 401 a route handler answers without a usable session. */
export const signedOut = () => jsonError(401, "signed-out", "Sign in to continue.");

/**
 * For route handlers: the signed-in account of `request` when it has one of
 * `roles` (any role when none are given), else the JSON response to return:
 * 401 when signed out, 403 for a role without access.
 */
export async function requireApiUser(request: Request, ...roles: Role[]): Promise<CurrentUser | Response> {
  const user = await userFromSession(await requestSession(request));
  if (!user) return signedOut();
  if (roles.length > 0 && !roles.includes(user.role)) return jsonError(403, "forbidden", "Your role does not allow this.");
  return user;
}
