import { PageLink } from "@/components/ui/PageLink";
import { SignOutButton } from "@/components/auth/SignOutButton";
import type { CurrentUser } from "@/lib/auth/access";
import styles from "./AppHeader.module.css";

/** The bar atop every signed-in page: the app, where to go, who is signed in. */
export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className={styles.header}>
      <PageLink href="/" className={styles.brand}>
        Hopper
      </PageLink>
      <nav aria-label="Main" className={styles.nav}>
        <PageLink href="/projects">Projects</PageLink>
        {user.role === "ADMIN" && <PageLink href="/admin/users">Users</PageLink>}
      </nav>
      <div className={styles.account}>
        <PageLink href="/account" className={styles.user} title={`${user.email}: your account`}>
          {user.name || user.email}
          <span className={styles.role}>{user.role.toLowerCase()}</span>
        </PageLink>
        <SignOutButton />
      </div>
    </header>
  );
}
