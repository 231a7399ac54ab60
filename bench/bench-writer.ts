// One annotator's window in the benchmarks: its set, session cookie and
// numbering of operations, saving over HTTP as the editor does.

import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { SaveResponse } from "@/lib/annotation/sync-protocol";
import type { App } from "./bench-app";

/** One annotator's window: its set, session and numbering of operations. */
export class Writer {
  private seq = 0;
  private realis = "Actual";
  version: number;
  /** Operations the server acknowledged as saved: each must be in the set's log exactly once. */
  acknowledgedOperations = 0;

  constructor(
    private readonly app: App,
    private readonly cookie: string,
    readonly setId: string,
    version: number,
    readonly clientId: string,
  ) {
    this.version = version;
  }

  /** Posts operations on the writer's version; the answer and how long it took. */
  async post(operations: AnnotationOperation[]): Promise<{ response: SaveResponse; ms: number }> {
    const started = performance.now();
    const answer = await fetch(`${this.app.base}/api/annotation-sets/${this.setId}/operations`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.app.base, cookie: this.cookie },
      body: JSON.stringify({
        baseVersion: this.version,
        clientId: this.clientId,
        operations: operations.map((operation) => ({ seq: ++this.seq, operation })),
      }),
    });
    const response = (await answer.json()) as SaveResponse;
    const ms = performance.now() - started;
    if (response.status !== "saved") throw new Error(`a bench save was answered ${JSON.stringify(response).slice(0, 300)}`);
    this.version = response.version;
    this.acknowledgedOperations += operations.length;
    return { response, ms };
  }

  /** E1's realis, toggled: the smallest edit there is. */
  async toggle(): Promise<number> {
    const to = this.realis === "Actual" ? "Generic" : "Actual";
    const { ms } = await this.post([{ kind: "setEventAttributes", eventIndex: "E1", from: { realis: this.realis }, to: { realis: to } }]);
    this.realis = to;
    return ms;
  }
}
