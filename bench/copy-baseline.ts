// The baseline of the CLI's wall times: PostgreSQL's COPY of the same files, in
// this process over one connection. In: the files read and copied into a table
// of (name, body) rows; out: the rows copied out and written back as files.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

/** COPY's text format escapes these (and writes \b, \f, \v for their control characters). */
const ESCAPE: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const UNESCAPE: Record<string, string> = { "\\": "\\", n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v" };
const escape = (text: string) => text.replace(/[\\\n\r\t]/g, (c) => ESCAPE[c]);
const unescape = (text: string) => text.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Milliseconds to read the files and COPY them into a fresh table of the database. */
export function copyFilesIn(url: string, dir: string, names: string[]): Promise<number> {
  return withClient(url, async (client) => {
    await client.query("DROP TABLE IF EXISTS copy_baseline; CREATE TABLE copy_baseline (name text NOT NULL, body text NOT NULL)");
    const start = performance.now();
    const rows = await Promise.all(names.map(async (name) => `${escape(name)}\t${escape(await readFile(path.join(dir, name), "utf8"))}\n`));
    await pipeline(Readable.from(rows), client.query(copyFrom("COPY copy_baseline (name, body) FROM STDIN")));
    return performance.now() - start;
  });
}

/** Milliseconds to COPY the table out and write one file per row into `dir` (which must exist). */
export function copyFilesOut(url: string, dir: string): Promise<number> {
  return withClient(url, async (client) => {
    const start = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo("COPY copy_baseline (name, body) TO STDOUT"))) chunks.push(chunk as Buffer);
    // Rows end in a newline; newlines inside values are escaped.
    const rows = Buffer.concat(chunks).toString("utf8").split("\n");
    rows.pop();
    await Promise.all(
      rows.map((row) => {
        const [name, body] = row.split("\t");
        return writeFile(path.join(dir, unescape(name)), unescape(body));
      }),
    );
    return performance.now() - start;
  });
}
