import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddress } from "./client-address";
import { signInWithPassword } from "./password-sign-in";
import { signInErrorCode } from "./sign-in-error";

// NEXTAUTH_URL may be unset: next-auth then builds its URLs from the request's host.
process.env.AUTH_TRUST_HOST ??= "true";

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt" },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword({ ...parsed.data, address: clientAddress(request.headers ?? {}) });
        if (result.ok) return { id: result.userId, sessionEpoch: result.sessionEpoch };
        // next-auth hands a thrown message to the sign-in page as its `error` code.
        throw new Error(signInErrorCode(result));
      },
    }),
  ],
  callbacks: {
    // The token carries only the account id and the session epoch it signed in at (kept as the session is renewed):
    // role and status are read from the database on every request, and a raised epoch ends the session.
    jwt: ({ token, user }) => ({ sub: token.sub, epoch: user ? (user as { sessionEpoch?: number }).sessionEpoch : token.epoch }),
  },
};
