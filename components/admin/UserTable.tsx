import type { ActionResult } from "@/components/ui/action-result";
import type { UserSummary } from "@/lib/users/user-summary";
import styles from "./AdminUsers.module.css";
import { UserRow } from "./UserRow";

type UpdateUser = (previous: ActionResult, form: FormData) => Promise<ActionResult>;
type ResetPassword = (previous: ActionResult<{ password?: string }>, form: FormData) => Promise<ActionResult<{ password?: string }>>;

/** Every account with its role and status; `currentUserId`'s row has no controls. */
export function UserTable(props: { users: UserSummary[]; currentUserId: string; action: UpdateUser; resetAction: ResetPassword }) {
  const { users, currentUserId, action, resetAction } = props;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>
          {users.length} {users.length === 1 ? "account" : "accounts"}. Disabling an account signs it out at once.
        </caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className={styles.muted}>Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} action={action} resetAction={resetAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
