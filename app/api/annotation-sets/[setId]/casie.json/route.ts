import { readSetAtVersion } from "@/lib/annotation-sets/set-history";
import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { versionParameter } from "@/lib/annotation-sets/version-parameter";
import { serializeCasieDocument } from "@/lib/casie";
import { jsonError } from "@/lib/http/json-error";

/** The set as a CASIE JSON file: as it is now, or as it was at `?version=<n>`. */
export const GET = annotationSetRoute(async ({ request, set }) => {
  const requested = versionParameter(new URL(request.url), "version");
  if (requested !== null && typeof requested === "object") return jsonError(400, "invalid-request", requested.error);
  const version = requested ?? set.version;
  const found = await readSetAtVersion(set.setId, version);
  if (!found) return jsonError(404, "not-found", `The set has no version ${version}.`);
  // The stem of the document's source file, as a dataset export names it; nothing else reaches the header.
  const stem = found.document.sourcefile.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "document";
  return new Response(serializeCasieDocument(found.document), {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="${stem}-v${version}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
