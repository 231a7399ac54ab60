// CASIE documents written exactly as Python's json.dumps writes them with the
// document's style, so a document nobody edited re-exports byte for byte.

import { quoteJsonString } from "./json-string";
import { DEFAULT_JSON_STYLE } from "./json-style";
import { MAJORITY_KEY_ORDER, orderKeys } from "./key-order";
import type {
  CasieArgument,
  CasieDocument,
  CasieEvent,
  CasieExternalReference,
  CasieHopper,
  CasieInfo,
  CasieNugget,
  CasieRole,
  JsonStyle,
  ObjectLayout,
} from "./types";

/**
 * Objects keep their layout's key order and extras; objects without a layout
 * (built in the editor) get the corpus's majority order. An event's `argument`
 * key is written when it has arguments, or as `[]` when its layout lists the
 * key (the file had an empty list): an edit that removes the last argument of
 * an event should drop "argument" from its layout keys.
 */
export function serializeCasieDocument(doc: CasieDocument): string {
  const style = doc.style ?? DEFAULT_JSON_STYLE;
  const text = new CasieWriter(style).document(doc);
  return style.trailingNewline ? text + "\n" : text;
}

/** Each method writes one kind of value; `depth` is its nesting level (the document is 0). */
class CasieWriter {
  private readonly style: JsonStyle;
  private readonly indent: string | null;
  /** "\n" plus the indentation of each depth, built on demand. */
  private readonly newlines: string[] = [];
  private readonly keys = new Map<string, string>();

  constructor(style: JsonStyle) {
    this.style = style;
    this.indent = style.indent === null ? null : typeof style.indent === "number" ? " ".repeat(style.indent) : style.indent;
  }

  document(doc: CasieDocument): string {
    const hoppers = this.array(
      2,
      doc.hoppers.map((hopper) => this.hopper(3, hopper)),
    );
    return this.object(0, doc.layout, MAJORITY_KEY_ORDER.document, {
      content: this.string(doc.content),
      sourcefile: this.string(doc.sourcefile),
      cyberevent: this.object(1, doc.cybereventLayout, MAJORITY_KEY_ORDER.cyberevent, { hopper: hoppers }),
      info: doc.info && this.info(1, doc.info),
    });
  }

  private hopper(depth: number, hopper: CasieHopper): string {
    return this.object(depth, hopper.layout, MAJORITY_KEY_ORDER.hopper, {
      index: String(hopper.index),
      relation: hopper.relation === undefined ? undefined : this.string(hopper.relation),
      events: this.array(
        depth + 1,
        hopper.events.map((event) => this.event(depth + 2, event)),
      ),
    });
  }

  private event(depth: number, event: CasieEvent): string {
    const withArgumentKey = event.arguments.length > 0 || (event.layout?.keys.includes("argument") ?? false);
    return this.object(depth, event.layout, withArgumentKey ? MAJORITY_KEY_ORDER.eventWithArguments : MAJORITY_KEY_ORDER.eventWithoutArguments, {
      index: this.string(event.index),
      type: this.string(event.type),
      realis: this.string(event.realis),
      nugget: this.nugget(depth + 1, event.nugget),
      argument: withArgumentKey
        ? this.array(
            depth + 1,
            event.arguments.map((argument) => this.argument(depth + 2, argument)),
          )
        : undefined,
      subtype: this.string(event.subtype),
    });
  }

  private nugget(depth: number, nugget: CasieNugget): string {
    return this.object(depth, nugget.layout, MAJORITY_KEY_ORDER.nugget, {
      startOffset: String(nugget.startOffset),
      index: this.string(nugget.index),
      endOffset: String(nugget.endOffset),
      text: this.string(nugget.text),
    });
  }

  private argument(depth: number, argument: CasieArgument): string {
    const link = argument.externalReference;
    return this.object(depth, argument.layout, link ? MAJORITY_KEY_ORDER.argumentWithLink : MAJORITY_KEY_ORDER.argument, {
      index: this.string(argument.index),
      external_reference: link && this.externalReference(depth + 1, link),
      text: this.string(argument.text),
      endOffset: String(argument.endOffset),
      role: this.role(depth + 1, argument.role),
      startOffset: String(argument.startOffset),
      type: this.string(argument.entityType),
    });
  }

  private role(depth: number, role: CasieRole): string {
    return this.object(depth, role.layout, MAJORITY_KEY_ORDER.role, { type: this.string(role.type) });
  }

  private externalReference(depth: number, link: CasieExternalReference): string {
    return this.object(depth, link.layout, MAJORITY_KEY_ORDER.externalReference, {
      dbpediaURI: this.optionalString(link.dbpediaURI),
      wikidataid: this.optionalString(link.wikidataid),
    });
  }

  private info(depth: number, info: CasieInfo): string {
    return this.object(depth, info.layout, MAJORITY_KEY_ORDER.info, {
      title: this.optionalString(info.title),
      date: this.optionalString(info.date),
      type: this.optionalString(info.type),
      link: this.optionalString(info.link),
    });
  }

  /** `values`: every known key of this kind of object, serialized, or undefined when absent (see orderKeys). */
  private object(depth: number, layout: ObjectLayout | undefined, majority: readonly string[], values: Record<string, string | undefined>): string {
    const keys = orderKeys(layout, majority, values);
    if (keys.length === 0) return "{}";
    const members = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = Object.hasOwn(values, key) ? values[key] : layout!.extra[key];
      members[i] = this.key(key) + value;
    }
    return this.container("{", members, "}", depth);
  }

  private array(depth: number, items: string[]): string {
    return items.length === 0 ? "[]" : this.container("[", items, "]", depth);
  }

  private container(open: string, items: string[], close: string, depth: number): string {
    if (this.indent === null) return open + items.join(this.style.itemSeparator) + close;
    const inner = this.newline(depth + 1);
    return open + inner + items.join(this.style.itemSeparator + inner) + this.newline(depth) + close;
  }

  private newline(depth: number): string {
    return (this.newlines[depth] ??= "\n" + this.indent!.repeat(depth));
  }

  /** A key, quoted, with the key separator: the same few keys recur, so each is built once. */
  private key(key: string): string {
    let written = this.keys.get(key);
    if (written === undefined) {
      written = this.string(key) + this.style.keySeparator;
      this.keys.set(key, written);
    }
    return written;
  }

  private string(value: string): string {
    return quoteJsonString(value, this.style.ensureAscii);
  }

  private optionalString(value: string | undefined): string | undefined {
    return value === undefined ? undefined : this.string(value);
  }
}
