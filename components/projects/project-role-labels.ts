import type { ProjectRole } from "@/generated/prisma/enums";

export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = { ANNOTATOR: "Annotator", REVIEWER: "Reviewer", MANAGER: "Manager" };

export const PROJECT_ROLE_OPTIONS = (Object.keys(PROJECT_ROLE_LABELS) as ProjectRole[]).map((role) => ({
  value: role,
  label: PROJECT_ROLE_LABELS[role],
}));
