export { createUser } from "./create-user";
export { createFirstAdmin } from "./first-admin";
export { generatePassword } from "./generate-password";
export { setUserDisabled, setUserRole } from "./user-administration";
export { UserError, type UserErrorCode } from "./user-error";
export { MIN_PASSWORD_LENGTH, normalizeEmail, type NewUser } from "./user-input";
export { findActiveUser, hasAnyUser, listUsers } from "./user-queries";
export type { UserSummary } from "./user-summary";
