// The browser's side of /api/annotation-sets: saving operations, catching up
// with what others saved, and reading the whole set (for the download).

import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { CasieDocument } from "@/lib/casie/types";

export type SaveResponse =
  | { status: "saved"; version: number; remoteOperations: AnnotationOperation[] }
  | { status: "conflict"; message: string; version: number; document: CasieDocument; remoteOperations: AnnotationOperation[] };

/** A request that got no usable answer: the network failed, or the server refused it for a reason rebasing cannot fix. */
export class SaveRequestError extends Error {
  /** Retrying will not help (400, 403, 404): the edits need the annotator's attention. */
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = "SaveRequestError";
    this.permanent = permanent;
  }
}

export async function postOperations(setId: string, baseVersion: number, operations: AnnotationOperation[]): Promise<SaveResponse> {
  const response = await request(`/api/annotation-sets/${encodeURIComponent(setId)}/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ baseVersion, operations }),
  });
  if (response.status === 200 || response.status === 409) return (await response.json()) as SaveResponse;
  throw await failure(response);
}

export async function fetchOperationsSince(setId: string, version: number): Promise<{ version: number; operations: AnnotationOperation[] }> {
  const response = await request(`/api/annotation-sets/${encodeURIComponent(setId)}?since=${version}`, { cache: "no-store" });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as { version: number; operations: AnnotationOperation[] };
}

export async function fetchSet(setId: string): Promise<{ version: number; document: CasieDocument }> {
  const response = await request(`/api/annotation-sets/${encodeURIComponent(setId)}`, { cache: "no-store" });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as { version: number; document: CasieDocument };
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    throw new SaveRequestError("The server could not be reached.", false);
  }
}

async function failure(response: Response): Promise<SaveRequestError> {
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  const reason = body?.error ?? body?.message ?? `the server answered ${response.status}`;
  if (response.status === 401) return new SaveRequestError(`You are signed out: sign in again in another tab, then retry. (${reason})`, false);
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  return new SaveRequestError(reason, permanent);
}
