import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type ImportFileKind = "casie" | "article";

export interface ImportFile {
  path: string;
  kind: ImportFileKind;
}

const KIND_BY_EXTENSION: Record<string, ImportFileKind> = { ".json": "casie", ".txt": "article" };

/** What a file of this name is to an import, by its extension; undefined when it is neither a .json nor a .txt file. */
export function importFileKind(fileName: string): ImportFileKind | undefined {
  return KIND_BY_EXTENSION[path.extname(fileName)];
}

export const UNSUPPORTED_FILE_REASON = "not a .json (CASIE) or .txt (raw article) file";

/**
 * The importable files named by `inputs`: files as given, folders searched
 * recursively for `.json` and `.txt`, in a stable (sorted) order.
 */
export interface UnusableInput {
  input: string;
  reason: string;
}

export async function collectImportFiles(inputs: string[]): Promise<{ files: ImportFile[]; errors: UnusableInput[] }> {
  const files: ImportFile[] = [];
  const errors: UnusableInput[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      errors.push({ input, reason: "no such file or folder" });
      continue;
    }
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((entry) => entry.isFile() && KIND_BY_EXTENSION[path.extname(entry.name)])
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort(compareFileNames);
      for (const file of found) files.push({ path: file, kind: KIND_BY_EXTENSION[path.extname(file)] });
    } else {
      const kind = KIND_BY_EXTENSION[path.extname(input)];
      if (kind) files.push({ path: input, kind });
      else errors.push({ input, reason: UNSUPPORTED_FILE_REASON });
    }
  }
  return { files, errors };
}

/** Natural order, so `2.json` comes before `10.json`. */
export const compareFileNames = new Intl.Collator("en", { numeric: true }).compare;
