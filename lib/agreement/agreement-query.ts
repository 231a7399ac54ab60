// Which sets an agreement page or CSV download compares, read from the URL's
// search parameters: `status` (repeated, or comma-separated as `hopper
// agreement --status` takes it) and `gold=1` (the CLI's --with-gold). Unlike
// the document list's sorting, a wrong value is refused, not ignored: figures
// over sets the reader did not ask for would pass for the ones they did.

import { z } from "zod";
import { DEFAULT_COMPARED_STATUSES, SET_STATUSES, type ComparedStatus } from "./load-project-agreement";

export interface AgreementQuery {
  statuses: readonly ComparedStatus[];
  withGold: boolean;
}

export const DEFAULT_AGREEMENT_QUERY: AgreementQuery = { statuses: DEFAULT_COMPARED_STATUSES, withGold: false };

const querySchema = z.object({
  status: z
    .array(z.string().max(200))
    .max(SET_STATUSES.length)
    .transform((values) => values.flatMap((value) => value.split(",")).map((status) => status.trim().toUpperCase()))
    .pipe(z.array(z.enum(SET_STATUSES, `must be one of ${SET_STATUSES.join(", ")}`))),
  gold: z.array(z.enum(["0", "1"], "must be 0 or 1")).max(1),
});

export type AgreementQueryResult = { ok: true; query: AgreementQuery } | { ok: false; message: string };

/** The query of `params`; no status given compares the CLI's default statuses (every one but NEW). */
export function parseAgreementQuery(params: URLSearchParams): AgreementQueryResult {
  const parsed = querySchema.safeParse({ status: params.getAll("status"), gold: params.getAll("gold") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${String(issue.path[0] ?? "query")}: ${issue.message}` };
  }
  const statuses = SET_STATUSES.filter((status) => parsed.data.status.includes(status));
  return { ok: true, query: { statuses: statuses.length ? statuses : DEFAULT_COMPARED_STATUSES, withGold: parsed.data.gold[0] === "1" } };
}

/** The search string that asks for `query` (empty for the default), beginning with "?" when not empty. */
export function agreementSearch(query: AgreementQuery): string {
  const params = new URLSearchParams();
  const isDefault =
    query.statuses.length === DEFAULT_COMPARED_STATUSES.length && DEFAULT_COMPARED_STATUSES.every((status) => query.statuses.includes(status));
  if (!isDefault) params.set("status", query.statuses.join(","));
  if (query.withGold) params.set("gold", "1");
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** A page's search parameters (Next's record) as URLSearchParams. */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) for (const one of [value ?? []].flat()) params.append(key, one);
  return params;
}
