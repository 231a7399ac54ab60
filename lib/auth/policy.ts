// Who may do what: the one module that says it. Admins and reviewers (global
// roles) see every project; everyone else sees the projects they are members
// of, with what their project role there allows. Pages, route handlers and
// actions ask here, and queries that list what someone may see filter with
// seesEveryProject.

import type { ProjectRole, Role } from "@/generated/prisma/enums";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { setMove, type MoveSubject } from "./workflow";

/** Who is asking: the signed-in account's id and global role. */
export interface Actor {
  id: string;
  role: Role;
}

export interface ProjectPermissions {
  /** See the project, its documents and their text. */
  view: boolean;
  /** Annotate a set of one's own on its documents. */
  annotate: boolean;
  /** See the gold set and the annotators' sets; compare and adjudicate. */
  review: boolean;
  /** Change the project: tagset, members, documents. */
  manage: boolean;
  /** The project is archived: read-only to everyone (annotate and manage are off) until it is unarchived. */
  archived?: boolean;
}

const NOTHING: ProjectPermissions = { view: false, annotate: false, review: false, manage: false };
const EVERYTHING: ProjectPermissions = { view: true, annotate: true, review: true, manage: true };

/** Admins and reviewers see every project, member or not. */
export function seesEveryProject(actor: Actor): boolean {
  return actor.role === "ADMIN" || actor.role === "REVIEWER";
}

/**
 * What `actor` may do in a project where their membership role is `memberRole`
 * (null when not a member). An archived project is read-only to everyone: it
 * can be seen and reviewed, never annotated or changed (only unarchived, see
 * mayArchiveProject).
 */
export function projectPermissions(actor: Actor, memberRole: ProjectRole | null, archived = false): ProjectPermissions {
  const permissions = activePermissions(actor, memberRole);
  return archived && permissions.view ? { ...permissions, annotate: false, manage: false, archived: true } : permissions;
}

function activePermissions(actor: Actor, memberRole: ProjectRole | null): ProjectPermissions {
  if (actor.role === "ADMIN") return EVERYTHING;
  if (!seesEveryProject(actor) && memberRole === null) return NOTHING;
  return {
    view: true,
    // Everyone who may see a project annotates a set of their own; annotation is blind.
    annotate: true,
    review: actor.role === "REVIEWER" || memberRole === "REVIEWER" || memberRole === "MANAGER",
    manage: memberRole === "MANAGER",
  };
}

/** Archiving and unarchiving a project: for who manages it (its managers, admins), archived or not. */
export function mayArchiveProject(actor: Actor, memberRole: ProjectRole | null): boolean {
  return activePermissions(actor, memberRole).manage;
}

/** The membership role of `actor` in the project and whether it is archived, read from the database; nothing for no such project. */
export async function projectStanding(
  actor: Actor,
  projectId: string,
  client: Database = db(),
): Promise<{ memberRole: ProjectRole | null; archived: boolean } | null> {
  if (!isRecordId(projectId) || !isRecordId(actor.id)) return null;
  const { rows } = await client.pool.query<{ memberRole: ProjectRole | null; archived: boolean }>(
    `SELECT m."role" AS "memberRole", p."archivedAt" IS NOT NULL AS "archived"
      FROM "Project" p LEFT JOIN "ProjectMember" m ON m."projectId" = p."id" AND m."userId" = $2 WHERE p."id" = $1`,
    [projectId, actor.id],
  );
  return rows[0] ?? null;
}

/** What `actor` may do in the project, read from the database: nothing in a project that does not exist. */
export async function permissionsInProject(actor: Actor, projectId: string, client: Database = db()): Promise<ProjectPermissions> {
  const standing = await projectStanding(actor, projectId, client);
  return standing ? projectPermissions(actor, standing.memberRole, standing.archived) : NOTHING;
}

export async function canViewProject(actor: Actor, projectId: string, client?: Database): Promise<boolean> {
  return (await permissionsInProject(actor, projectId, client)).view;
}

export async function canAnnotate(actor: Actor, projectId: string, client?: Database): Promise<boolean> {
  return (await permissionsInProject(actor, projectId, client)).annotate;
}

export async function canReview(actor: Actor, projectId: string, client?: Database): Promise<boolean> {
  return (await permissionsInProject(actor, projectId, client)).review;
}

export async function canManageProject(actor: Actor, projectId: string, client?: Database): Promise<boolean> {
  return (await permissionsInProject(actor, projectId, client)).manage;
}

export type OwnSetOpening = { allowed: true } | { allowed: false; why: string };

/**
 * Whether `actor` may open (and on a first visit create) a set of their own on
 * a document of a project where they have `permissions`, the document being
 * assigned to them or not. Annotators work on what they are assigned;
 * reviewers, managers and admins may annotate any document.
 */
export function ownSetOpening(permissions: ProjectPermissions, assigned: boolean): OwnSetOpening {
  if (!permissions.annotate) return { allowed: false, why: "You cannot annotate in this project." };
  if (!assigned && !permissions.review) return { allowed: false, why: "This document is not assigned to you." };
  return { allowed: true };
}

/** "none" is answered as "no such set", so a set's existence is not revealed to who may not see it. */
export type SetAccess = { level: "none" } | { level: "view"; whyNotEdit: string } | { level: "edit" };

/**
 * An annotation set in a project where `actor` has `permissions`. Annotators
 * see only their own set (annotation is blind); reviewers, managers and admins
 * see every set. Who may edit it is the workflow's to say (workflow.ts): its
 * annotator until they submit it, admins; the gold set its reviewers, managers and admins.
 */
export function setAccess(actor: Actor, permissions: ProjectPermissions, set: MoveSubject): SetAccess {
  if (!permissions.view) return { level: "none" };
  const own = set.kind === "ANNOTATOR" && set.annotatorId === actor.id;
  // An archived project takes annotating away, not the sight of one's own set.
  const visible = own
    ? permissions.annotate || Boolean(permissions.archived)
    : permissions.review || (set.kind === "ANNOTATOR" && actor.role === "ADMIN");
  if (!visible) return { level: "none" };
  const edit = setMove("edit", actor, permissions, set);
  return edit.allowed ? { level: "edit" } : { level: "view", whyNotEdit: edit.why };
}
