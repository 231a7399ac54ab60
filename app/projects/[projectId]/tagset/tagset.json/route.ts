import { requireApiUser } from "@/lib/auth/access";
import { permissionsInProject } from "@/lib/auth/policy";
import { jsonError } from "@/lib/http/json-error";
import { exportTagsetResponse } from "@/lib/projects/tagset-export";

/** The project's tagset as a JSON file, for anyone who may see the project (the editor shows it to them anyway). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  const { projectId } = await params;
  if (!(await permissionsInProject(user, projectId)).view) return jsonError(404, "not-found", "No such project.");
  return (await exportTagsetResponse(projectId)) ?? jsonError(404, "not-found", "No such project.");
}
