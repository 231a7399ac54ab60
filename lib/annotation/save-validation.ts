// A save's operations checked in order, as the server applies them: each is
// validated on the state the previous ones left, then applied. The first that
// is refused or does not fit stops the save; values only a restore can bring
// are returned as claims for the server to check against what the set held.

import type { Tagset } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { applyOperation, heldValuesOf, OperationConflictError, validateOperation } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import { HeldValues, OperationRefusal, type HeldClaim, type RefusalCode } from "./operation-validation";

export type SaveCheck =
  | { ok: true; document: CasieDocument; claims: { position: number; claim: HeldClaim }[] }
  /** Operation `position` was refused (a value no edit can produce) or does not fit the state (a conflict). */
  | { ok: false; position: number; code: RefusalCode | "operation-conflict"; message: string };

export function checkSaveOperations(document: CasieDocument, operations: readonly AnnotationOperation[], tagset: Tagset): SaveCheck {
  const claims: { position: number; claim: HeldClaim }[] = [];
  let current = document;
  for (const [position, operation] of operations.entries()) {
    const context = {
      tagset,
      refuse: (code: RefusalCode, message: string): never => {
        throw new OperationRefusal(code, message);
      },
      claim: (claim: HeldClaim) => claims.push({ position, claim }),
    };
    try {
      validateOperation(current, operation, context);
      current = applyOperation(current, operation);
    } catch (error) {
      if (error instanceof OperationRefusal) return { ok: false, position, code: error.code, message: error.message };
      if (error instanceof OperationConflictError) return { ok: false, position, code: "operation-conflict", message: error.message };
      throw error;
    }
  }
  return { ok: true, document: current, claims };
}

/** What a set holds or held: its document before the save, and every operation it logged. */
export function heldBy(document: CasieDocument, logged: Iterable<AnnotationOperation>): HeldValues {
  const values = new HeldValues();
  values.addDocument(document);
  for (const operation of logged) heldValuesOf(operation, values);
  return values;
}
