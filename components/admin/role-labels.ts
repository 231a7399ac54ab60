import type { Role } from "@/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Administrator", REVIEWER: "Reviewer", ANNOTATOR: "Annotator" };

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
