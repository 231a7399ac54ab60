// Codes travel from the Credentials provider's authorize() to the sign-in page
// in next-auth's `error` parameter; this module is imported on both sides.

/** next-auth's own code when authorize() returns null: wrong email or password. */
const WRONG_CREDENTIALS = "CredentialsSignin";
const ACCOUNT_DISABLED = "AccountDisabled";
const RATE_LIMITED = "RateLimited:";

export type SignInFailure = { reason: "invalid" } | { reason: "disabled" } | { reason: "rate-limited"; retryAfterMinutes: number };

export function signInErrorCode(failure: SignInFailure): string {
  switch (failure.reason) {
    case "invalid":
      return WRONG_CREDENTIALS;
    case "disabled":
      return ACCOUNT_DISABLED;
    case "rate-limited":
      return `${RATE_LIMITED}${failure.retryAfterMinutes}`;
  }
}

/** The sentence the sign-in page shows for an error code. */
export function describeSignInError(code: string): string {
  if (code === WRONG_CREDENTIALS) return "Wrong email or password.";
  if (code === ACCOUNT_DISABLED) return "This account is disabled. Ask an administrator to enable it.";
  if (code.startsWith(RATE_LIMITED)) {
    const minutes = Number(code.slice(RATE_LIMITED.length));
    if (Number.isInteger(minutes) && minutes > 0) {
      return `Too many failed sign-ins; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
    }
  }
  return "Sign-in failed; please try again.";
}
