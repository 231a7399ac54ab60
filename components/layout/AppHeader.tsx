import Link from "next/link";
import { SignOutButton } from "@/components/auth/SignOutButton";
import type { CurrentUser } from "@/lib/auth/access";
import styles from "./AppHeader.module.css";

/** The bar atop every signed-in page: the app, where to go, who is signed in. */
export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        Hopper
      </Link>
      <nav aria-label="Main" className={styles.nav}>
        <Link href="/projects">Projects</Link>
        {user.role === "ADMIN" && <Link href="/admin/users">Users</Link>}
      </nav>
      <div className={styles.account}>
        <Link href="/account" className={styles.user} title={`${user.email}: your account`}>
          {user.name || user.email}
          <span className={styles.role}>{user.role.toLowerCase()}</span>
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}
