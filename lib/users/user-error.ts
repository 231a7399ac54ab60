export type UserErrorCode = "INVALID_INPUT" | "EMAIL_TAKEN" | "NOT_FOUND" | "SELF_CHANGE" | "LAST_ADMIN" | "SETUP_DONE" | "WRONG_PASSWORD";

/** A refused account change; `message` is written for the person who asked for it. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}
