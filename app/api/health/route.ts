import { db } from "@/lib/db/client";

// Readiness probe for process managers and the test server: the app answers and its database too.
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}

export const dynamic = "force-dynamic";
