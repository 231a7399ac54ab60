// Test documents of the editor's usability tests, made here rather than taken
// from the sample corpus: raw articles imported with the CLI, and annotations
// put into the signed-in user's own set through the save API, as the editor
// saves them (so a test can start from an annotated set).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { operationsBuildingAnnotations } from "../lib/annotation/build-operations";
import type { CasieArgument, CasieDocument, CasieSpan } from "../lib/casie/types";
import { expectSaved } from "./editor-driver";
import { runCli } from "./support";

/** A raw article (`<title>`, `<text>`) whose text is `text`, on one line: its content is exactly `text`. */
export function rawArticle(title: string, text: string): string {
  return `<title>${title}</title>\n<source> https://example.com/news/${encodeURIComponent(title)} </source>\n<date> 2018_03_01 </date>\n<text>\n${text}\n</text>\n`;
}

/** Imports files (name → text) into `project` with one run of the CLI. */
export function importFiles(project: string, files: Record<string, string>): void {
  const folder = mkdtempSync(path.join(tmpdir(), "hopper-e2e-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  runCli(["import", folder, "--project", project]);
}

export interface SeedArgument {
  text: string;
  role: string;
  entityType: string;
  /** Which occurrence of `text` (0: the first). */
  nth?: number;
}

export interface SeedEvent {
  type: string;
  subtype: string;
  realis?: string;
  nugget: string;
  arguments?: SeedArgument[];
}

/**
 * Gives the set open in the editor these annotations (one list of events per
 * hopper; events are E1, E2… in order, and a text used twice as an argument is
 * one span), then reloads the editor.
 */
export async function seedOwnSet(page: Page, hoppers: SeedEvent[][]): Promise<void> {
  const setId = (await page.getByTestId("editor").getAttribute("data-set"))!;
  const content = (await page.getByTestId("editor-text").textContent())!;
  const spans = new Map<string, CasieSpan>();
  const span = (text: string, nth = 0): CasieSpan => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = content.indexOf(text, at + 1);
    if (at === -1) throw new Error(`“${text}” is not in the text`);
    const key = `${at} ${text}`;
    if (!spans.has(key)) spans.set(key, { index: `T${spans.size + 1}`, startOffset: at, endOffset: at + text.length, text });
    return spans.get(key)!;
  };
  let events = 0;
  const document: CasieDocument = {
    content,
    sourcefile: "seed.txt",
    hoppers: hoppers.map((seeds, index) => ({
      index,
      events: seeds.map((seed) => ({
        index: `E${++events}`,
        type: seed.type,
        subtype: seed.subtype,
        realis: seed.realis ?? "Actual",
        nugget: span(seed.nugget),
        arguments: (seed.arguments ?? []).map((argument): CasieArgument => ({
          ...span(argument.text, argument.nth),
          entityType: argument.entityType,
          role: { type: argument.role },
        })),
      })),
    })),
  };
  const status = await page.evaluate(
    async ({ setId, operations }) => {
      const url = `/api/annotation-sets/${encodeURIComponent(setId)}`;
      const { version } = (await (await fetch(url)).json()) as { version: number };
      const response = await fetch(`${url}/operations`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          baseVersion: version,
          clientId: "e2e-seed-window",
          operations: operations.map((operation, i) => ({ seq: i + 1, operation })),
        }),
      });
      return response.status;
    },
    { setId, operations: operationsBuildingAnnotations(document) },
  );
  expect(status).toBe(200);
  await page.reload();
  await expectSaved(page);
}
