import { handleDatasetExport } from "@/lib/export/export-route";

/** The project's dataset as a .zip or JSON Lines download (lib/export/export-query.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleDatasetExport(request, (await params).projectId);
}
