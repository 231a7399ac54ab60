import { handleImportUpload } from "@/lib/import/import-route";

/** Uploads of .zip, .json or .txt files into the project (lib/import/upload-protocol.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleImportUpload(request, (await params).projectId);
}
