// For tests of windows that sync: an in-memory twin of the database save
// (lib/annotation-sets/save-operations.ts), following the same rules: accept
// operations only on the current version and only what an edit can produce,
// answer a window behind with what it lacks, recognize a retried save by
// client id and sequence number.

import assert from "node:assert/strict";
import type { CasieDocument } from "@/lib/casie/types";
import { documentNumbering, numberingAfter, type SetNumbering } from "./index-allocation";
import { DEFAULT_CASIE_TAGSET, type Tagset } from "@/lib/casie/tagset";
import { checkSaveOperations, heldBy } from "./save-validation";
import {
  MAX_OPERATIONS_PER_ANSWER,
  saveRequestSchema,
  type LoadResponse,
  type LoggedOperation,
  type SaveRequest,
  type SaveResponse,
  type SinceResponse,
} from "./sync-protocol";

export class MemoryAuthority {
  document: CasieDocument;
  numbering: SetNumbering;
  readonly log: LoggedOperation[] = [];

  constructor(
    document: CasieDocument,
    private readonly pageSize: number = MAX_OPERATIONS_PER_ANSWER,
    private readonly tagset: Tagset = DEFAULT_CASIE_TAGSET,
  ) {
    this.document = document;
    this.numbering = documentNumbering(document);
  }

  get version(): number {
    return this.log.length;
  }

  save(request: SaveRequest): SaveResponse {
    // What reaches the server has passed the wire schema.
    assert.ok(saveRequestSchema.safeParse(JSON.parse(JSON.stringify(request))).success, "the request passes the wire schema");
    const { baseVersion, clientId, operations } = request;
    if (baseVersion > this.version) return { status: "reload", version: this.version, message: "ahead" };
    if (baseVersion < this.version) {
      const stored = operations.map((entry) => this.log.find((logged) => logged.clientId === clientId && logged.seq === entry.seq));
      if (stored.every((logged) => logged)) return { status: "saved", version: Math.max(...stored.map((logged) => logged!.version)) };
      const { operations: since, complete } = this.since(baseVersion);
      return { status: "behind", version: this.version, operations: since, complete };
    }
    const duplicate = operations.find((entry) => this.log.some((logged) => logged.clientId === clientId && logged.seq === entry.seq));
    if (duplicate) return { status: "refused", version: this.version, seq: duplicate.seq, code: "duplicate-operation", message: "saved already" };
    const checked = checkSaveOperations(
      this.document,
      operations.map((entry) => entry.operation),
      this.tagset,
    );
    if (!checked.ok)
      return { status: "refused", version: this.version, seq: operations[checked.position].seq, code: checked.code, message: checked.message };
    const held = heldBy(
      this.document,
      this.log.map((logged) => logged.operation),
    );
    const unproven = checked.claims.find(({ claim }) => !held.holds(claim));
    if (unproven) {
      return {
        status: "refused",
        version: this.version,
        seq: operations[unproven.position].seq,
        code: unproven.claim.code,
        message: unproven.claim.message,
      };
    }
    const { document } = checked;
    for (const entry of operations) {
      // Stored as JSON, as the database stores it: nothing shared with the window's objects.
      const operation = structuredClone(entry.operation);
      this.log.push({ version: this.version + 1, clientId, seq: entry.seq, operation });
    }
    this.document = document;
    this.numbering = numberingAfter(
      this.numbering,
      operations.map((entry) => entry.operation),
    );
    return { status: "saved", version: this.version };
  }

  since(version: number): SinceResponse {
    const operations = this.log.slice(version, version + this.pageSize);
    return { version: this.version, operations: structuredClone(operations), complete: version + operations.length >= this.version };
  }

  load(): LoadResponse {
    return { setId: "memory", kind: "ANNOTATOR", version: this.version, numbering: this.numbering, document: this.document, canEdit: true };
  }
}
