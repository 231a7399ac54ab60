// What the import page sends for the files chosen: one file as it is, several
// packed into one zip (stored: they are compressed in transit no better than as they are).

import { zipArchive } from "@/lib/import/zip-writer";

export interface UploadBody {
  name: string;
  body: Blob;
}

export async function uploadBody(files: readonly File[]): Promise<UploadBody> {
  if (files.length === 1) return { name: files[0].name, body: files[0] };
  const entries = await Promise.all(files.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })));
  return { name: "upload.zip", body: new Blob([zipArchive(entries)], { type: "application/zip" }) };
}
