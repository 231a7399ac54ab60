import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountDetails } from "@/components/account/AccountDetails";
import styles from "@/components/account/Account.module.css";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { Notice } from "@/components/ui/Notice";
import { requirePageUser } from "@/lib/auth/access";
import { MIN_PASSWORD_LENGTH } from "@/lib/users";
import { accountOverview } from "@/lib/users/account-overview";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Your account · Hopper" };

export default async function AccountPage() {
  const user = await requirePageUser();
  const account = await accountOverview(user.id);
  if (!account) notFound();
  return (
    <SignedInPage user={user}>
      <div className={styles.page}>
        <h1>Your account</h1>
        {account.mustChangePassword && <Notice tone="info">An administrator reset your password: choose a new one before you go on.</Notice>}
        <AccountDetails account={account} />
        <h2>Change your password</h2>
        <ChangePasswordForm action={changePasswordAction} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </div>
    </SignedInPage>
  );
}
