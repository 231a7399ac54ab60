// CASIE JSON text → CasieDocument. Every problem is located (JSON path, line,
// column) and says what was expected and what was found. Errors mean no
// document (so mapping goes on after one, to report them all); warnings leave it
// usable. Members Hopper does not interpret are kept verbatim in each object's
// layout, and unknown values are kept as they are.

import { SPAN_SHIFT_CODES, type CasieIssueCode } from "./issue-codes";
import { JsonSyntaxError, pathSegment, readJson, type JsonNode, type JsonObject } from "./json-reader";
import { detectJsonStyle } from "./json-style";
import { MAJORITY_KEY_ORDER } from "./key-order";
import { findSpanShift } from "./span-shift";
import { createLineLocator, type TextPosition } from "./text-position";
import { findEventType, type Tagset, type TagsetSubtype } from "./tagset";
import type {
  CasieArgument,
  CasieDocument,
  CasieEvent,
  CasieExternalReference,
  CasieHopper,
  CasieInfo,
  CasieIssue,
  CasieNugget,
  CasieRole,
  CasieSpan,
  ObjectLayout,
} from "./types";

export interface ParseCasieOptions {
  /** The project's schema: values outside it are reported as warnings. */
  tagset?: Tagset;
  /** The file's name, to check it against `sourcefile`. */
  fileName?: string;
}

export interface ParseCasieResult {
  /** Absent when there are errors. */
  document?: CasieDocument;
  issues: CasieIssue[];
}

export function parseCasieDocument(text: string, options: ParseCasieOptions = {}): ParseCasieResult {
  let root: JsonNode;
  try {
    root = readJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const message = `malformed JSON: expected ${error.expected}, found ${error.found}`;
    return { issues: [{ severity: "error", code: "malformed-json", path: error.path, message, line: error.line, column: error.column }] };
  }
  const mapper = new DocumentMapper(text, options);
  const document = mapper.document(root);
  const issues = mapper.issues;
  if (!document || issues.some((issue) => issue.severity === "error")) return { issues };
  document.style = detectJsonStyle(text, root);
  return { document, issues };
}

const EVENT_KEYS = MAJORITY_KEY_ORDER.eventWithArguments;
const ARGUMENT_KEYS = MAJORITY_KEY_ORDER.argumentWithLink;

/** A JSON object being mapped, with its layout (key order and the members Hopper does not interpret). */
interface ObjectFields {
  node: JsonObject;
  path: string;
  layout: ObjectLayout;
}

/** An event's subtype as the project's tagset defines it. */
interface SubtypeSchema {
  type: string;
  subtype: TagsetSubtype;
}

interface SeenSpan {
  span: CasieSpan;
  path: string;
}

class DocumentMapper {
  readonly issues: CasieIssue[] = [];
  private readonly text: string;
  private readonly options: ParseCasieOptions;
  private readonly locate: (offset: number) => TextPosition;
  private content: string | undefined;
  private readonly hopperIndexes = new Map<number, string>();
  private readonly eventIndexes = new Map<string, string>();
  private readonly spans = new Map<string, SeenSpan>();

  constructor(text: string, options: ParseCasieOptions) {
    this.text = text;
    this.options = options;
    this.locate = createLineLocator(text);
  }

  document(root: JsonNode): CasieDocument | undefined {
    const fields = this.fields(root, "$", "a CASIE document object", MAJORITY_KEY_ORDER.document);
    if (!fields) return undefined;
    // Read first whatever the key order: spans are checked against it.
    this.content = this.string(fields, "content");
    const sourcefile = this.string(fields, "sourcefile");
    if (sourcefile !== undefined) this.checkSourcefile(sourcefile, fields);

    let hoppers: CasieHopper[] | undefined;
    let cybereventLayout: ObjectLayout | undefined;
    const cyberevent = this.value(fields, "cyberevent", true);
    const cybereventFields = cyberevent && this.fields(cyberevent, "$.cyberevent", "an object", MAJORITY_KEY_ORDER.cyberevent);
    if (cybereventFields) {
      cybereventLayout = cybereventFields.layout;
      hoppers = this.list(cybereventFields, "hopper", true, (item, path) => this.hopper(item, path));
    }
    const infoNode = this.value(fields, "info", false);
    const info = infoNode && this.info(infoNode, "$.info");

    if (this.content === undefined || sourcefile === undefined || !hoppers) return undefined;
    const document: CasieDocument = { content: this.content, sourcefile, hoppers, layout: fields.layout, cybereventLayout };
    if (info) document.info = info;
    return document;
  }

  private hopper(node: JsonNode, path: string): CasieHopper | undefined {
    const fields = this.fields(node, path, "a hopper object", MAJORITY_KEY_ORDER.hopper);
    if (!fields) return undefined;
    const index = this.integer(fields, "index");
    if (index !== undefined) {
      const first = this.hopperIndexes.get(index);
      if (first === undefined) this.hopperIndexes.set(index, path);
      else
        this.error(
          "duplicate-hopper-index",
          `${path}.index`,
          `expected a hopper index not used before, found ${index}, already the index of ${first}`,
          this.member(fields, "index")!,
        );
    }
    const relation = this.string(fields, "relation", false);
    if (relation !== undefined) this.checkRelation(fields, relation);
    const events = this.list(fields, "events", true, (item, itemPath) => this.event(item, itemPath));
    if (index === undefined || !events) return undefined;
    const hopper: CasieHopper = { index, events, layout: fields.layout };
    if (relation !== undefined) hopper.relation = relation;
    return hopper;
  }

  private event(node: JsonNode, path: string): CasieEvent | undefined {
    const fields = this.fields(node, path, "an event object", EVENT_KEYS);
    if (!fields) return undefined;
    const index = this.string(fields, "index");
    if (index !== undefined) {
      const first = this.eventIndexes.get(index);
      if (first === undefined) this.eventIndexes.set(index, path);
      else
        this.error(
          "duplicate-event-index",
          `${path}.index`,
          `expected an event index not used before, found "${index}", already the index of ${first}`,
          this.member(fields, "index")!,
        );
    }
    const type = this.string(fields, "type");
    const subtype = this.string(fields, "subtype");
    const realis = this.string(fields, "realis");
    const nuggetNode = this.value(fields, "nugget", true);
    const nugget = nuggetNode && this.nugget(nuggetNode, `${path}.nugget`);
    const schema = type !== undefined && subtype !== undefined ? this.checkEventType(fields, type, subtype) : undefined;
    if (realis !== undefined) this.checkRealis(fields, realis);
    const argumentList = this.list(fields, "argument", false, (item, itemPath) => this.argument(item, itemPath, schema)) ?? [];

    if (index === undefined || type === undefined || subtype === undefined || realis === undefined || !nugget) return undefined;
    return { index, type, subtype, realis, nugget, arguments: argumentList, layout: fields.layout };
  }

  private nugget(node: JsonNode, path: string): CasieNugget | undefined {
    const fields = this.fields(node, path, "a nugget object", MAJORITY_KEY_ORDER.nugget);
    const span = fields && this.span(fields, "nugget");
    if (!span) return undefined;
    return { index: span.index, startOffset: span.startOffset, endOffset: span.endOffset, text: span.text, layout: fields.layout };
  }

  /** `schema`: the event's subtype in the project's tagset, when known, to check roles against. */
  private argument(node: JsonNode, path: string, schema: SubtypeSchema | undefined): CasieArgument | undefined {
    const fields = this.fields(node, path, "an argument object", ARGUMENT_KEYS);
    if (!fields) return undefined;
    const span = this.span(fields, "argument");
    const entityType = this.string(fields, "type");
    const roleNode = this.value(fields, "role", true);
    const role = roleNode && this.role(roleNode, `${path}.role`);
    const linkNode = this.value(fields, "external_reference", false);
    const externalReference = linkNode && this.externalReference(linkNode, `${path}.external_reference`);

    const tagset = this.options.tagset;
    if (tagset && entityType !== undefined && !tagset.entityTypes.includes(entityType)) {
      const message = `expected an entity type of the project's tagset, found "${entityType}"`;
      this.warning("unknown-entity-type", `${path}.type`, message, this.member(fields, "type")!);
    }
    if (schema && role && !schema.subtype.roles.includes(role.type)) {
      const message = `expected a role allowed for ${schema.type}/${schema.subtype.name} events (${schema.subtype.roles.join(", ")}), found "${role.type}"`;
      this.warning("role-not-allowed", `${path}.role.type`, message, roleNode);
    }

    if (!span || entityType === undefined || !role) return undefined;
    // Spelled out: spreading `span` here made this the slowest line of an import.
    const { index, startOffset, endOffset, text } = span;
    const argument: CasieArgument = { index, startOffset, endOffset, text, entityType, role, layout: fields.layout };
    if (externalReference) argument.externalReference = externalReference;
    return argument;
  }

  private role(node: JsonNode, path: string): CasieRole | undefined {
    const fields = this.fields(node, path, "a role object", MAJORITY_KEY_ORDER.role);
    const type = fields && this.string(fields, "type");
    return type === undefined ? undefined : { type, layout: fields!.layout };
  }

  private externalReference(node: JsonNode, path: string): CasieExternalReference | undefined {
    const fields = this.fields(node, path, "an external reference object", MAJORITY_KEY_ORDER.externalReference);
    if (!fields) return undefined;
    const link: CasieExternalReference = { layout: fields.layout };
    const dbpediaURI = this.string(fields, "dbpediaURI", false);
    const wikidataid = this.string(fields, "wikidataid", false);
    if (dbpediaURI !== undefined) link.dbpediaURI = dbpediaURI;
    if (wikidataid !== undefined) link.wikidataid = wikidataid;
    return link;
  }

  private info(node: JsonNode, path: string): CasieInfo | undefined {
    const fields = this.fields(node, path, "an info object", MAJORITY_KEY_ORDER.info);
    if (!fields) return undefined;
    const info: CasieInfo = { layout: fields.layout };
    for (const key of MAJORITY_KEY_ORDER.info) {
      const value = this.string(fields, key, false);
      if (value !== undefined) info[key] = value;
    }
    return info;
  }

  /** The span members shared by nuggets and arguments, checked against each other, `content` and other uses of the same `T`. */
  private span(fields: ObjectFields, kind: "nugget" | "argument"): CasieSpan | undefined {
    const index = this.string(fields, "index");
    const startOffset = this.offset(fields, "startOffset");
    const endOffset = this.offset(fields, "endOffset");
    const text = this.string(fields, "text");
    if (index === undefined || startOffset === undefined || endOffset === undefined || text === undefined) return undefined;
    const span = { index, startOffset, endOffset, text };
    if (startOffset > endOffset) {
      const message = `expected an endOffset at or after startOffset ${startOffset}, found ${endOffset}`;
      this.error("offset-order", `${fields.path}.endOffset`, message, this.member(fields, "endOffset")!);
      return span;
    }
    const seen = this.spans.get(index);
    if (seen) {
      // The same T in several events is one span with several roles: only a different span under the same T is wrong.
      const first = seen.span;
      if (first.startOffset !== startOffset || first.endOffset !== endOffset || first.text !== text) {
        const message = `expected ${index} to be the span ${describeSpan(first)} as at ${seen.path}, found ${describeSpan(span)}`;
        this.error("conflicting-span-index", `${fields.path}.index`, message, this.member(fields, "index")!);
      }
      return span;
    }
    this.spans.set(index, { span, path: fields.path });
    if (this.content !== undefined) this.checkSpanText(span, fields, kind, this.content);
    return span;
  }

  private checkSpanText(span: CasieSpan, fields: ObjectFields, kind: string, content: string): void {
    const { startOffset: start, endOffset: end, text } = span;
    const shift = findSpanShift(content, start, end, text);
    if (shift === 0) return;
    const what = `${kind} ${span.index} ${JSON.stringify(text)}`;
    if (end > content.length && shift !== 1) {
      const message = `expected an endOffset within content (${content.length} characters), found ${end}`;
      this.error("offset-out-of-range", `${fields.path}.endOffset`, message, this.member(fields, "endOffset")!);
    } else if (shift === 1 || shift === -1) {
      const message =
        `${what} at ${start}-${end} is one character ${shift === 1 ? "later" : "earlier"} than its text, found at ` +
        `${start - shift}-${end - shift} (offsets shifted by ${shift === 1 ? "+1" : "-1"})`;
      this.warning(SPAN_SHIFT_CODES[shift], fields.path, message, fields.node);
    } else {
      const message = `expected content at ${start}-${end} to be the ${kind}'s text ${JSON.stringify(text)}, found ${JSON.stringify(content.slice(start, end))}`;
      this.warning("span-text-mismatch", fields.path, `${message} (${what}; no one-character shift explains it)`, fields.node);
    }
  }

  /** The event's subtype in the project's tagset, or undefined (with a warning) when the tagset lacks it. */
  private checkEventType(fields: ObjectFields, type: string, subtype: string): SubtypeSchema | undefined {
    const tagset = this.options.tagset;
    if (!tagset) return undefined;
    const eventType = findEventType(tagset, type);
    if (!eventType) {
      const message = `expected an event type of the project's tagset (${tagset.eventTypes.map((t) => t.name).join(", ")}), found "${type}"`;
      this.warning("unknown-event-type", `${fields.path}.type`, message, this.member(fields, "type")!);
      return undefined;
    }
    const found = eventType.subtypes.find((candidate) => candidate.name === subtype);
    if (!found) {
      const message = `expected a subtype of ${type} (${eventType.subtypes.map((s) => s.name).join(", ")}), found "${subtype}"`;
      this.warning("unknown-subtype", `${fields.path}.subtype`, message, this.member(fields, "subtype")!);
      return undefined;
    }
    return { type, subtype: found };
  }

  private checkRealis(fields: ObjectFields, realis: string): void {
    const tagset = this.options.tagset;
    if (!tagset || tagset.realis.includes(realis)) return;
    const message = `expected a realis value of the project's tagset (${tagset.realis.join(", ")}), found "${realis}"`;
    this.warning("unknown-realis", `${fields.path}.realis`, message, this.member(fields, "realis")!);
  }

  private checkRelation(fields: ObjectFields, relation: string): void {
    const tagset = this.options.tagset;
    if (!tagset || tagset.hopperRelations.includes(relation)) return;
    const message = `expected a hopper relation of the project's tagset (${tagset.hopperRelations.join(", ") || "none"}), found "${relation}"`;
    this.warning("unknown-relation", `${fields.path}.relation`, message, this.member(fields, "relation")!);
  }

  private checkSourcefile(sourcefile: string, fields: ObjectFields): void {
    const fileName = this.options.fileName;
    if (fileName === undefined || fileStem(fileName) === fileStem(sourcefile)) return;
    const message = `expected a sourcefile named like the file ${JSON.stringify(fileName)}, found ${JSON.stringify(sourcefile)}`;
    this.warning("sourcefile-mismatch", "$.sourcefile", message, this.member(fields, "sourcefile")!);
  }

  // --- reading members -----------------------------------------------------

  /** `node` as an object whose `knownKeys` Hopper interprets; the other members become layout extras. */
  private fields(node: JsonNode, path: string, expected: string, knownKeys: readonly string[]): ObjectFields | undefined {
    if (node.kind !== "object") {
      this.wrongType(node, path, expected);
      return undefined;
    }
    const layout: ObjectLayout = { keys: [], extra: {} };
    for (const member of node.members) {
      layout.keys.push(member.key);
      if (!knownKeys.includes(member.key)) setOwn(layout.extra, member.key, this.text.slice(member.value.start, member.value.end));
    }
    for (const duplicate of node.duplicates ?? []) {
      const message = `expected each key once in an object, found ${JSON.stringify(duplicate.key)} again`;
      this.error("duplicate-key", path + pathSegment(duplicate.key), message, duplicate.keyStart);
    }
    return { node, path, layout };
  }

  /** The value of a known key; objects are small, so a scan is cheaper than building a map. */
  private member(fields: ObjectFields, key: string): JsonNode | undefined {
    const members = fields.node.members;
    for (let i = 0; i < members.length; i++) if (members[i].key === key) return members[i].value;
    return undefined;
  }

  private value(fields: ObjectFields, key: string, required: boolean): JsonNode | undefined {
    const node = this.member(fields, key);
    if (!node && required) this.error("missing-key", fields.path + pathSegment(key), `expected the key "${key}", found no such key`, fields.node);
    return node;
  }

  private string(fields: ObjectFields, key: string, required = true): string | undefined {
    const node = this.value(fields, key, required);
    if (!node) return undefined;
    if (node.kind === "string") return node.value;
    this.wrongType(node, fields.path + pathSegment(key), "a string");
    return undefined;
  }

  private integer(fields: ObjectFields, key: string): number | undefined {
    const node = this.value(fields, key, true);
    if (!node) return undefined;
    // 5.0 is a float to Python and would be written back as 5.0: only integer lexemes are integers.
    if (node.kind === "number" && node.integer && Number.isSafeInteger(node.value)) return node.value;
    this.wrongType(node, fields.path + pathSegment(key), "an integer");
    return undefined;
  }

  private offset(fields: ObjectFields, key: string): number | undefined {
    const node = this.value(fields, key, true);
    if (!node) return undefined;
    if (node.kind === "number" && node.integer && Number.isSafeInteger(node.value) && node.value >= 0 && !Object.is(node.value, -0))
      return node.value;
    this.error("invalid-offset", fields.path + pathSegment(key), `expected a non-negative integer offset, found ${this.describe(node)}`, node);
    return undefined;
  }

  /** The items of an array member, each mapped by `item` (which reports why it gives undefined). */
  private list<T>(fields: ObjectFields, key: string, required: boolean, item: (node: JsonNode, path: string) => T | undefined): T[] | undefined {
    const node = this.value(fields, key, required);
    if (!node) return undefined;
    const path = fields.path + pathSegment(key);
    if (node.kind !== "array") {
      this.wrongType(node, path, "an array");
      return undefined;
    }
    const items: T[] = [];
    node.items.forEach((itemNode, i) => {
      const value = item(itemNode, `${path}[${i}]`);
      if (value !== undefined) items.push(value);
    });
    return items;
  }

  // --- reporting -----------------------------------------------------------

  private wrongType(node: JsonNode, path: string, expected: string): void {
    this.error("wrong-type", path, `expected ${expected}, found ${this.describe(node)}`, node);
  }

  private describe(node: JsonNode): string {
    switch (node.kind) {
      case "object":
        return "an object";
      case "array":
        return "an array";
      case "string":
        return `the string ${JSON.stringify(node.value.length > 40 ? node.value.slice(0, 40) + "…" : node.value)}`;
      case "number":
        return `the number ${this.text.slice(node.start, node.end)}`;
      case "literal":
        return String(node.value);
    }
  }

  private error(code: CasieIssueCode, path: string, message: string, at: JsonNode | number): void {
    this.report("error", code, path, message, at);
  }

  private warning(code: CasieIssueCode, path: string, message: string, at: JsonNode | number): void {
    this.report("warning", code, path, message, at);
  }

  private report(severity: CasieIssue["severity"], code: CasieIssueCode, path: string, message: string, at: JsonNode | number): void {
    const { line, column } = this.locate(typeof at === "number" ? at : at.start);
    this.issues.push({ severity, code, path, message, line, column });
  }
}

function describeSpan(span: CasieSpan): string {
  return `${span.startOffset}-${span.endOffset} ${JSON.stringify(span.text)}`;
}

/** `__proto__` is a legal JSON key: define it as an own member instead of setting the prototype. */
function setOwn(record: Record<string, string>, key: string, value: string): void {
  if (key === "__proto__") Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** The name without folders and extension: `a/2602.txt` → `2602`. */
function fileStem(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
