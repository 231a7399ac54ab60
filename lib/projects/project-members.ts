// A project's members in the browser: listing them, finding accounts to add,
// adding one (or creating the account on the spot, with a password shown
// once), changing a member's project role and removing a member. Removing
// someone keeps their annotation sets. Who may do it: project-access.ts.

import type { ProjectRole } from "@/generated/prisma/enums";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/access";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { generatePassword, UserError } from "@/lib/users";
import { insertUser, prepareNewUser } from "@/lib/users/create-user";
import { emailSchema, nameSchema } from "@/lib/users/user-input";
import { checkManager, refuse, type ProjectResult } from "./project-access";

export const projectRoleSchema = z.enum(["ANNOTATOR", "REVIEWER", "MANAGER"], "Choose a project role: annotator, reviewer or manager.");

export interface ProjectMemberSummary {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
  disabled: boolean;
}

/** The project's members by email. */
export async function listProjectMembers(projectId: string, client: Database = db()): Promise<ProjectMemberSummary[]> {
  if (!isRecordId(projectId)) return [];
  const members = await client.projectMember.findMany({
    where: { projectId },
    select: { role: true, user: { select: { id: true, email: true, name: true, disabled: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return members.map(({ role, user }) => ({ userId: user.id, email: user.email, name: user.name, role, disabled: user.disabled }));
}

export interface AccountMatch {
  userId: string;
  email: string;
  name: string;
}

const MAX_MATCHES = 10;

/** Enabled accounts, not members yet, whose email or name holds `query`: at most ten, for the add-member search. */
export async function searchAccountsToAdd(
  actor: CurrentUser | null,
  projectId: string,
  query: string,
  client: Database = db(),
): Promise<ProjectResult<{ matches: AccountMatch[] }>> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const text = query.trim().slice(0, 200);
  if (!text) return { ok: true, matches: [] };
  const users = await client.user.findMany({
    where: {
      disabled: false,
      memberships: { none: { projectId } },
      OR: [{ email: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }],
    },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
    take: MAX_MATCHES,
  });
  return { ok: true, matches: users.map((user) => ({ userId: user.id, email: user.email, name: user.name })) };
}

const memberChange = z.object({ userId: z.uuid("No such account."), role: projectRoleSchema });

/** Makes an existing, enabled account a member with `role`, or gives a member that role. */
export async function addProjectMember(
  actor: CurrentUser | null,
  projectId: string,
  input: { userId: string; role: string },
  client: Database = db(),
): Promise<ProjectResult<{ email: string }>> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const parsed = memberChange.safeParse(input);
  if (!parsed.success) return refuse("invalid", parsed.error.issues[0].message);
  const { userId, role } = parsed.data;
  const user = await client.user.findUnique({ where: { id: userId }, select: { email: true, disabled: true } });
  if (!user) return refuse("not-found", "That account no longer exists.");
  if (user.disabled) return refuse("invalid", `${user.email} is disabled: enable the account first.`);
  await client.projectMember.upsert({ where: { projectId_userId: { projectId, userId } }, create: { projectId, userId, role }, update: { role } });
  return { ok: true, email: user.email };
}

const newMemberAccount = z.object({ email: emailSchema, name: nameSchema, role: projectRoleSchema });

/**
 * Creates an account (global role annotator: what it may do here is its
 * project role) and makes it a member; its generated password is returned to
 * be shown once.
 */
export async function createMemberAccount(
  actor: CurrentUser | null,
  projectId: string,
  input: { email: string; name: string; role: string },
  client: Database = db(),
): Promise<ProjectResult<{ email: string; password: string }>> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const parsed = newMemberAccount.safeParse(input);
  if (!parsed.success) return refuse("invalid", parsed.error.issues[0].message);
  const password = generatePassword();
  try {
    const prepared = await prepareNewUser({ email: parsed.data.email, name: parsed.data.name, password, role: "ANNOTATOR" });
    // The account and its membership together, or neither.
    const email = await client.$transaction(async (tx) => {
      const user = await insertUser(prepared, tx);
      await tx.projectMember.create({ data: { projectId, userId: user.id, role: parsed.data.role } });
      return user.email;
    });
    return { ok: true, email, password };
  } catch (error) {
    if (error instanceof UserError) return refuse(error.code === "EMAIL_TAKEN" ? "conflict" : "invalid", error.message);
    throw error;
  }
}

/** Changes a member's project role. Managers leave their own role to another manager or an administrator. */
export async function changeProjectMemberRole(
  actor: CurrentUser | null,
  projectId: string,
  input: { userId: string; role: string },
  client: Database = db(),
): Promise<ProjectResult> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const parsed = memberChange.safeParse(input);
  if (!parsed.success) return refuse("invalid", parsed.error.issues[0].message);
  const { userId, role } = parsed.data;
  if (actor!.role !== "ADMIN" && userId === actor!.id) return refuse("forbidden", "You cannot change your own project role; ask another manager.");
  const { count } = await client.projectMember.updateMany({ where: { projectId, userId }, data: { role } });
  return count ? { ok: true } : refuse("not-found", "That account is not a member of the project.");
}

/** Removes a member; their annotation sets stay. Managers cannot remove themselves. */
export async function removeProjectMember(
  actor: CurrentUser | null,
  projectId: string,
  userId: string,
  client: Database = db(),
): Promise<ProjectResult> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  if (!isRecordId(userId)) return refuse("not-found", "That account is not a member of the project.");
  if (actor!.role !== "ADMIN" && userId === actor!.id)
    return refuse("forbidden", "You cannot remove yourself from the project; ask another manager.");
  const { count } = await client.projectMember.deleteMany({ where: { projectId, userId } });
  return count ? { ok: true } : refuse("not-found", "That account is not a member of the project.");
}
