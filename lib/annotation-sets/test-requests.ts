// For tests of the annotation-set route handlers: Requests as Next hands them
// to the handlers, signed in as a test user, and their answers.

import type { CurrentUser } from "@/lib/auth/access";
import { sessionCookie } from "./test-fixtures";

export const ORIGIN = "http://hopper.test";

export type RouteArgs = [Request, { params: Promise<{ setId: string }> }];

/** A window's save requests: its operations numbered on from its previous save. */
export function testWindow(clientId: string) {
  let seq = 0;
  return (baseVersion: unknown, operations: unknown[], extra: object = {}) => ({
    baseVersion,
    clientId,
    operations: operations.map((operation) => ({ seq: ++seq, operation })),
    ...extra,
  });
}

export async function getRequest(user: CurrentUser | null, setId: string, query = ""): Promise<RouteArgs> {
  const headers = new Headers(user ? { cookie: await sessionCookie(user) } : {});
  return [new Request(`${ORIGIN}/api/annotation-sets/${setId}${query}`, { headers }), { params: Promise.resolve({ setId }) }];
}

export async function postRequest(user: CurrentUser | null, setId: string, body: unknown, headers: Record<string, string> = {}): Promise<RouteArgs> {
  const request = new Request(`${ORIGIN}/api/annotation-sets/${setId}/operations`, {
    method: "POST",
    headers: {
      host: "hopper.test",
      origin: ORIGIN,
      "content-type": "application/json",
      ...(user && { cookie: await sessionCookie(user) }),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return [request, { params: Promise.resolve({ setId }) }];
}

export async function answer(response: Response): Promise<[number, Record<string, unknown>]> {
  return [response.status, (await response.json()) as Record<string, unknown>];
}
