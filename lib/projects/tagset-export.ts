// A project's tagset as a downloadable JSON file, named after the project.

import { db, type Database } from "@/lib/db/client";
import { readProjectTagset } from "./project-tagset";
import { findProject } from "./queries";

export async function exportTagsetResponse(projectId: string, client: Database = db()): Promise<Response | null> {
  const [project, stored] = await Promise.all([findProject(projectId, client), readProjectTagset(projectId, client)]);
  if (!project || !stored) return null;
  // Only safe characters in the header; the project's name may hold anything.
  const filename = `${project.name.replace(/[^\w.-]+/g, "_") || "project"}-tagset.json`;
  return new Response(`${JSON.stringify(stored.tagset, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
