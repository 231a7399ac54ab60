import { agreementAccess } from "@/lib/agreement/agreement-access";
import { parseAgreementQuery } from "@/lib/agreement/agreement-query";
import { agreementCsvResponse, loadAgreementReport } from "@/lib/agreement/project-agreement-report";
import { requireApiUser } from "@/lib/auth/access";
import { jsonError } from "@/lib/http/json-error";

/** The project's agreement as `hopper agreement --csv` writes it (`?status=…&gold=1` as on the agreement page), for who reviews it. */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  const access = await agreementAccess(user, (await params).projectId);
  if (!access.allowed)
    return access.reason === "not-found"
      ? jsonError(404, "not-found", "No such project.")
      : jsonError(403, "forbidden", "Agreement is for the project's reviewers and managers.");
  const parsed = parseAgreementQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, "invalid-request", parsed.message);
  return agreementCsvResponse(await loadAgreementReport(access.project, parsed.query));
}
