// Annotation sets on the server: opening, reading and saving them, and who may.
// Server-only (plain pg): the wire contract both sides share is lib/annotation/sync-protocol.ts.

export { openAnnotatorSet, openOwnAnnotatorSet, type OpenAnnotatorSetResult, type OpenedAnnotatorSet } from "./open-annotator-set";
export { openGoldSet, type OpenGoldSetResult } from "./open-gold-set";
export { operationsSince } from "./operation-log";
export { AnnotationSetNotFoundError, saveOperations, type SaveOperationsInput } from "./save-operations";
export { findVisibleSet, type VisibleSet } from "./set-access";
export { findAnnotationSetSummary, loadAnnotationSet, type AnnotationSetState, type AnnotationSetSummary } from "./set-state";
export { loadSetForReading } from "./cached-set-load";
