import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import styles from "@/components/admin/AdminUsers.module.css";
import { UserTable } from "@/components/admin/UserTable";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { requirePageUser } from "@/lib/auth/access";
import { listUsers, MIN_PASSWORD_LENGTH } from "@/lib/users";
import { createUserAction, resetPasswordAction, updateUserAction } from "./actions";

export const metadata: Metadata = { title: "Users · Hopper" };

export default async function UsersPage() {
  const admin = await requirePageUser("ADMIN");
  const users = await listUsers();
  return (
    <SignedInPage user={admin}>
      <div className={styles.page}>
        <h1>Users</h1>
        <section className={styles.section} aria-labelledby="add-user">
          <h2 id="add-user">Add a user</h2>
          <CreateUserForm action={createUserAction} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </section>
        <section className={styles.section} aria-labelledby="all-users">
          <h2 id="all-users">All users</h2>
          <UserTable users={users} currentUserId={admin.id} action={updateUserAction} resetAction={resetPasswordAction} />
        </section>
      </div>
    </SignedInPage>
  );
}
