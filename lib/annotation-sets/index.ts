// Annotation sets on the server: opening, reading and saving them, and who may.
// Server-only (plain pg): client code imports only types from here, and the
// schema from lib/annotation/operation-schema directly.

export { annotationOperationSchema, saveOperationsRequestSchema, type SaveOperationsRequest } from "@/lib/annotation/operation-schema";
export { openAnnotatorSet, type OpenedAnnotatorSet } from "./open-annotator-set";
export { operationsSince, type OperationsSince } from "./operation-log";
export { AnnotationSetNotFoundError, saveOperations, type SaveOperationsInput, type SaveOperationsResult } from "./save-operations";
export { annotationSetAccess, findVisibleSet, type SetAccess, type SetOwnership, type VisibleSet } from "./set-access";
export { findAnnotationSetSummary, loadAnnotationSet, type AnnotationSetState, type AnnotationSetSummary } from "./set-state";
