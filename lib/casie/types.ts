// The CASIE document model: what a CASIE JSON file says, plus what is needed to
// write it back byte for byte (key orders, members Hopper does not interpret,
// the JSON style). Plain data: it is stored in the database and sent to the browser.

/** Exact JSON text of a value Hopper does not interpret; written back verbatim. */
export type RawJson = string;

/**
 * How one JSON object was written: all its keys in file order, and the exact
 * text of members Hopper does not interpret. Absent on objects built in the
 * editor, which are written in the corpus's majority order.
 */
export interface ObjectLayout {
  keys: string[];
  extra: Record<string, RawJson>;
}

/** Whitespace and escaping of a file, as Python's `json.dumps` options would produce it. */
export interface JsonStyle {
  /** null: one line; a number of spaces or an indent string: pretty-printed. */
  indent: number | string | null;
  itemSeparator: string;
  keySeparator: string;
  /** Every non-ASCII character written as `\uXXXX`. */
  ensureAscii: boolean;
  trailingNewline: boolean;
}

export interface CasieSpan {
  /** `T<n>`, unique per span within a document. */
  index: string;
  startOffset: number;
  /** Exclusive. */
  endOffset: number;
  text: string;
}

export interface CasieNugget extends CasieSpan {
  layout?: ObjectLayout;
}

export interface CasieRole {
  type: string;
  layout?: ObjectLayout;
}

export interface CasieExternalReference {
  wikidataid?: string;
  dbpediaURI?: string;
  layout?: ObjectLayout;
}

export interface CasieArgument extends CasieSpan {
  /** The span's entity type (the JSON key `type`). */
  entityType: string;
  role: CasieRole;
  externalReference?: CasieExternalReference;
  layout?: ObjectLayout;
}

export interface CasieEvent {
  /** `E<n>`, unique within a document. */
  index: string;
  type: string;
  subtype: string;
  realis: string;
  nugget: CasieNugget;
  /** Empty when the file had no `argument` key (or an empty list: the layout says which). */
  arguments: CasieArgument[];
  layout?: ObjectLayout;
}

export interface CasieHopper {
  index: number;
  relation?: string;
  events: CasieEvent[];
  layout?: ObjectLayout;
}

export interface CasieInfo {
  title?: string;
  date?: string;
  type?: string;
  link?: string;
  layout?: ObjectLayout;
}

export interface CasieDocument {
  content: string;
  sourcefile: string;
  hoppers: CasieHopper[];
  /** Absent when the file had no `info` key. */
  info?: CasieInfo;
  layout?: ObjectLayout;
  cybereventLayout?: ObjectLayout;
  /** Absent on documents built in the editor: they get the corpus's style. */
  style?: JsonStyle;
}

export type IssueSeverity = "error" | "warning";

/** A problem found in a file, located precisely enough to fix it by hand. */
export interface CasieIssue {
  severity: IssueSeverity;
  /** Stable machine-readable kind, e.g. `span-shifted`, `duplicate-index`. */
  code: string;
  /** JSON path, e.g. `$.cyberevent.hopper[2].events[0].nugget.endOffset`. */
  path: string;
  /** Human sentence saying what was expected and what was found. */
  message: string;
  /** 1-based line and column in the file, when the issue has a place in its text. */
  line?: number;
  column?: number;
}
