import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

// Next.js adds this cache-busting parameter to client-side navigations; it is not part of the page's address.
const RSC_PARAMETER = "_rsc";

/**
 * The path and query of the page being rendered, or whose server action runs,
 * so a signed-out visitor can be sent back there after signing in. Server
 * components have no public API for it; this reads the request store Next.js
 * (pinned at 16.4.6) keeps for the render, and gives null wherever there is none.
 */
export function currentRequestPath(): string | null {
  const store = workUnitAsyncStorage.getStore();
  if (store?.type !== "request") return null;
  const query = new URLSearchParams(store.url.search);
  query.delete(RSC_PARAMETER);
  const search = query.toString();
  return search ? `${store.url.pathname}?${search}` : store.url.pathname;
}
