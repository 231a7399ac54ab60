import type { Role } from "@/generated/prisma/enums";

/** What the rest of Hopper sees of an account: never its password hash. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

export const USER_SUMMARY_FIELDS = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;
