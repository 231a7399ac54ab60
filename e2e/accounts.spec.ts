// Accounts after the first run: a user sees their role and projects and
// changes their password; an admin resets a password (shown once, to be
// replaced at the next sign-in) and disables and enables an account.

import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, createAccount, signIn } from "./support";

test.describe.configure({ mode: "serial" });

const suffix = Math.random().toString(36).slice(2, 8);
let user = { email: `acct-${suffix}@hopper.test`, password: "" };

test.beforeAll(() => {
  user = createAccount(user.email, "annotator");
});

async function signedIn(browser: Browser, account: { email: string; password: string }, landing = "/"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
  return page;
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("a user sees their role and changes their password, giving the current one", async ({ browser }) => {
  const page = await signedIn(browser, user);
  await page.getByRole("banner").getByRole("link", { name: user.email }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Annotator", { exact: true })).toBeVisible();
  await expect(page.getByText("You are not a member of any project.")).toBeVisible();

  await changePassword(page, "not my password", "my new password 123");
  await expect(page.getByText("The current password is wrong.")).toBeVisible();
  await changePassword(page, user.password, "my new password 123");
  await expect(page.getByText("Your password is changed.")).toBeVisible();
  user.password = "my new password 123";

  await page.getByRole("button", { name: "Sign out" }).click();
  await signedIn(browser, user);
});

test("an admin resets a password: shown once, and the user must choose a new one at sign-in", async ({ browser, page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Reset password of ${user.email}` }).click();
  await expect(page.getByText(`${user.email} has a new password, shown only now`)).toBeVisible();
  const password = (await page.getByLabel(`New password of ${user.email}`).textContent()) ?? "";
  expect(password).toMatch(/^\S{20}$/);
  await page.reload();
  await expect(page.getByLabel(`New password of ${user.email}`)).toHaveCount(0);

  const signInPage = await (await browser.newContext()).newPage();
  await signInPage.goto("/signin");
  await signInPage.getByLabel("Email").fill(user.email);
  await signInPage.getByLabel("Password").fill(user.password);
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await expect(signInPage.getByText("Wrong email or password.")).toBeVisible();

  const reset = await signedIn(browser, { email: user.email, password }, "/account?reset=1");
  await expect(reset.getByText("An administrator reset your password")).toBeVisible();
  await reset.goto("/projects");
  await expect(reset).toHaveURL("/account?reset=1");
  await changePassword(reset, password, "chosen by me again");
  await expect(reset.getByText("Your password is changed.")).toBeVisible();
  await reset.goto("/projects");
  await expect(reset).toHaveURL("/projects");
});

test("an admin disables an account, which can no longer sign in, and enables it again", async ({ browser, page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Disable ${user.email}` }).click();
  await expect(page.getByText(`${user.email} is disabled and signed out.`)).toBeVisible();

  const refused = await (await browser.newContext()).newPage();
  await refused.goto("/signin");
  await refused.getByLabel("Email").fill(user.email);
  await refused.getByLabel("Password").fill("chosen by me again");
  await refused.getByRole("button", { name: "Sign in" }).click();
  await expect(refused.getByText("This account is disabled. Ask an administrator to enable it.")).toBeVisible();

  await page.getByRole("button", { name: `Enable ${user.email}` }).click();
  await expect(page.getByText(`${user.email} is enabled.`)).toBeVisible();
  await signedIn(browser, { email: user.email, password: "chosen by me again" });
});
