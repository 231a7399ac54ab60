import { serializeCasieDocument } from "@/lib/casie";
import { documentRoute } from "@/lib/documents/document-route";
import { jsonError } from "@/lib/http/json-error";

/** The document's gold set as a CASIE JSON file, written exactly as the serializer writes it. */
export const GET = documentRoute(({ document, permissions }) => {
  if (!permissions.review) return Promise.resolve(jsonError(403, "forbidden", "Gold annotations are for reviewers of the project only."));
  // Names are file stems such as `2602`; anything else is kept out of the header.
  const filename = `${document.name.replace(/[^\w.-]+/g, "_")}.json`;
  return Promise.resolve(
    new Response(serializeCasieDocument(document.casie), {
      headers: {
        "Content-Type": "application/json",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    }),
  );
});
