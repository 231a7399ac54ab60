import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { checkMutationRequest, readBodyBytes } from "@/lib/http/request-guard";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth 4's types do not describe its App Router form.
const handler = NextAuth(authOptions) as (request: NextRequest, context: Context) => Promise<Response>;

// Sign-in and sign-out forms are a few hundred bytes; next-auth itself reads bodies without a limit.
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export function GET(request: NextRequest, context: Context) {
  return handler(request, context);
}

export async function POST(request: NextRequest, context: Context) {
  const refused = checkMutationRequest(request, { maxBytes: MAX_AUTH_BODY_BYTES });
  if (refused) return refused;
  const body = await readBodyBytes(request, MAX_AUTH_BODY_BYTES);
  if (body instanceof Response) return body;
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}
