// A comment's text: markdown of bounded size, and the project members it
// mentions as `@handle`, where a handle is a member's email, the part of it
// before the @, or their name written without spaces (case does not matter).

import { z } from "zod";

export const MAX_COMMENT_CHARS = 10_000;

export const commentBodySchema = z
  .string()
  .max(MAX_COMMENT_CHARS, `a comment is at most ${MAX_COMMENT_CHARS} characters`)
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, "a comment cannot be empty");

export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const HANDLE = /(?:^|[^\w@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/** The ids of the members `body` mentions, each once, in the order first mentioned. */
export function mentionsIn(body: string, members: readonly Mentionable[]): string[] {
  const byHandle = new Map<string, string[]>();
  const add = (handle: string, id: string) => {
    if (!handle) return;
    const key = handle.toLowerCase();
    byHandle.set(key, [...(byHandle.get(key) ?? []), id]);
  };
  for (const member of members) {
    add(member.email, member.id);
    add(member.email.split("@")[0], member.id);
    add(member.name.replace(/\s+/g, ""), member.id);
  }
  const found = new Set<string>();
  for (const match of body.matchAll(HANDLE)) {
    // A sentence may end right after a handle: "thanks @ann."
    const handle = match[1].replace(/[.]+$/, "").toLowerCase();
    for (const id of byHandle.get(handle) ?? []) found.add(id);
  }
  return [...found];
}
