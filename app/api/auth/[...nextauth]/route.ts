import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { checkMutationRequest, readBodyBytes } from "@/lib/auth/request-guard";

const handler = NextAuth(authOptions);

// Sign-in and sign-out forms are a few hundred bytes; next-auth itself reads bodies without a limit.
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

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
