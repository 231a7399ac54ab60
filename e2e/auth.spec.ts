// Accounts from a fresh installation on: first-run setup, signing in and out,
// role checks, and an administrator disabling an account that is signed in.
// Runs first, on an empty database; the administrator it creates (ADMIN below)
// is the account the other end-to-end tests sign in as.

import { expect, test, type Browser, type Page } from "@playwright/test";

const ADMIN = { email: "admin@hopper.test", name: "Ada Admin", password: "correct horse battery staple" };
const ANNOTATOR = { email: "annie@hopper.test", name: "Annie" };
/** Generated when the admin creates Annie's account, read off the page. */
let annotatorPassword = "";

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await signIn(page, email, password);
  await expect(page).toHaveURL("/");
  return page;
}

test("a fresh installation sends visitors to /setup, which creates the first admin", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL("/setup");
  await expect(page.getByRole("heading", { name: "Set up Hopper" })).toBeVisible();

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Confirm password").fill("something else entirely");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);

  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Confirm password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL("/signin?setup=done");
  await expect(page.getByText("Your administrator account is ready.")).toBeVisible();

  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Hopper is set up" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create administrator" })).toHaveCount(0);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, ADMIN.email, "not the password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL("/signin");
});

test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL("/signin?callbackUrl=%2Fadmin%2Fusers");
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/signin");
  await page.goto("/admin/users");
  await expect(page).toHaveURL("/signin?callbackUrl=%2Fadmin%2Fusers");
});

test("the admin creates an annotator with a generated password, shown once", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN.email, ADMIN.password);
  await page.goto("/admin/users");
  await page.getByLabel("Email").fill(ANNOTATOR.email);
  await page.getByLabel("Name").fill(ANNOTATOR.name);
  await page.getByLabel("Role", { exact: true }).selectOption("ANNOTATOR");
  await page.getByRole("button", { name: "Add user" }).click();

  await expect(page.getByText(`Created ${ANNOTATOR.email} (annotator).`)).toBeVisible();
  annotatorPassword = (await page.getByLabel("Generated password").textContent()) ?? "";
  expect(annotatorPassword).toMatch(/^\S{20}$/);
  const row = page.getByRole("row").filter({ hasText: ANNOTATOR.email });
  await expect(row).toContainText("Active");

  await page.reload();
  await expect(page.getByLabel("Generated password")).toHaveCount(0);
});

test("an annotator gets a 403 page on /admin/users", async ({ browser }) => {
  const page = await signedInPage(browser, ANNOTATOR.email, annotatorPassword);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("disabling an account ends its existing session at once", async ({ browser }) => {
  const annotator = await signedInPage(browser, ANNOTATOR.email, annotatorPassword);
  await expect(annotator.getByRole("button", { name: "Sign out" })).toBeVisible();

  const admin = await signedInPage(browser, ADMIN.email, ADMIN.password);
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: `Disable ${ANNOTATOR.name}` }).click();
  await expect(admin.getByText(`${ANNOTATOR.email} is disabled and signed out.`)).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: ANNOTATOR.email })).toContainText("Disabled");

  await annotator.reload();
  await expect(annotator).toHaveURL("/signin");
  await signIn(annotator, ANNOTATOR.email, annotatorPassword);
  await expect(annotator.getByText("This account is disabled. Ask an administrator to enable it.")).toBeVisible();
});
