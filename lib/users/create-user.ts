import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { db, type Database } from "@/lib/db/client";
import { UserError } from "./user-error";
import { newUserSchema, type NewUser } from "./user-input";
import { USER_SUMMARY_FIELDS, type UserSummary } from "./user-summary";

interface PreparedUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

/** Validates a new account and hashes its password (kept out of any transaction: hashing is slow). */
export async function prepareNewUser(input: NewUser): Promise<PreparedUser> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new UserError("INVALID_INPUT", parsed.error.issues[0].message);
  const { email, name, password, role } = parsed.data;
  return { email, name, role, passwordHash: await hashPassword(password) };
}

/** Inserts a prepared account; the unique email index, not a prior lookup, is what refuses duplicates. */
export async function insertUser(user: PreparedUser, client: Database | Prisma.TransactionClient): Promise<UserSummary> {
  try {
    return await client.user.create({ data: user, select: USER_SUMMARY_FIELDS });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserError("EMAIL_TAKEN", `An account with the email ${user.email} already exists.`);
    }
    throw error;
  }
}

/** Creates an account; the email is stored in lower case. Throws UserError for invalid input or a taken email. */
export async function createUser(input: NewUser, client: Database = db()): Promise<UserSummary> {
  return insertUser(await prepareNewUser(input), client);
}
