/** The key next-auth signs and encrypts session tokens with; read when needed, since `next build` runs without it. */
export function sessionSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start Hopper with `npm start`, which creates and keeps one.");
  return secret;
}
