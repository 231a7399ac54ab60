/** Whether `target` is a path on this site, and so safe to send someone to after they sign in. */
export function isLocalPath(target: string): boolean {
  // Browsers read "//host" and "/\host" as other sites, and drop tabs and newlines before deciding.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  return target.startsWith("/") && !target.startsWith("//") && !/[\\\x00-\x1f\x7f]/.test(target);
}

/** The sign-in page, returning to `returnTo` afterwards when it is a local path other than the home page. */
export function signInUrl(returnTo: string | null): string {
  if (!returnTo || returnTo === "/" || !isLocalPath(returnTo)) return "/signin";
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}
