// Raw articles (`source/*.txt`): `<title>`, `<source>` and `<date>` lines, then
// the body between `<text>` and `</text>`. New documents are made from them.

import type { CasieIssueCode } from "./issue-codes";
import { createLineLocator } from "./text-position";
import type { CasieDocument, CasieInfo, CasieIssue } from "./types";

export interface RawArticle {
  content: string;
  info: CasieInfo;
}

export interface RawArticleOptions {
  /** Keep the body's line breaks (as `\n`) instead of joining its lines with spaces. */
  keepLineBreaks?: boolean;
}

export interface ParseRawArticleResult {
  /** Absent when there are errors. */
  article?: RawArticle;
  issues: CasieIssue[];
}

const LINE_BREAK = /\r\n|\r|\n/;
const TEXT_OPEN = /<text(?:\s[^>]*)?>/;
const TEXT_CLOSE = "</text>";

/**
 * Content is the body with the line break right after `<text>` and the one
 * right before `</text>` removed and its lines joined by single spaces: the
 * corpus's rule (see docs/casie-format.md). Header values are trimmed. A
 * `<title>` line without `</title>` gives no title, as in the corpus.
 */
export function parseRawArticle(text: string, options: RawArticleOptions = {}): ParseRawArticleResult {
  const issues: CasieIssue[] = [];
  const locate = createLineLocator(text);
  const report = (severity: CasieIssue["severity"], code: CasieIssueCode, tag: string, message: string, offset?: number) => {
    issues.push({ severity, code, path: tag, message, ...(offset === undefined ? {} : locate(offset)) });
  };

  const open = TEXT_OPEN.exec(text);
  if (!open) {
    report("error", "missing-tag", "<text>", "expected a <text> tag opening the article body, found none");
    return { issues };
  }
  const bodyStart = open.index + open[0].length;
  const bodyEnd = text.lastIndexOf(TEXT_CLOSE);
  if (bodyEnd < bodyStart) {
    report("error", "missing-tag", "</text>", "expected </text> closing the body this <text> opens, found none", open.index);
    return { issues };
  }
  const trailing = text.slice(bodyEnd + TEXT_CLOSE.length);
  if (trailing.trim() !== "") {
    report(
      "warning",
      "text-after-article",
      "</text>",
      "expected nothing after </text>, found more text (left out)",
      bodyEnd + TEXT_CLOSE.length + trailing.search(/\S/),
    );
  }

  const header = text.slice(0, open.index);
  /** The trimmed text between `<name>` and `</name>` in the header; undefined (and reported) when missing. */
  const field = (name: string, requireClosing: boolean): string | undefined => {
    const tag = `<${name}>`;
    const opening = new RegExp(`<${name}(?:\\s[^>]*)?>`).exec(header);
    if (!opening) {
      report("error", "missing-tag", tag, `expected a ${tag} tag before <text>, found none`);
      return undefined;
    }
    const valueStart = opening.index + opening[0].length;
    const valueEnd = header.indexOf(`</${name}>`, valueStart);
    if (valueEnd === -1) {
      const message = `expected </${name}> closing this ${tag}, found none`;
      if (requireClosing) report("error", "missing-tag", tag, message, opening.index);
      else report("warning", "unclosed-tag", tag, `${message} (the article gets no ${name})`, opening.index);
      return undefined;
    }
    return header.slice(valueStart, valueEnd).trim();
  };
  const title = field("title", false);
  const link = field("source", true);
  const date = field("date", true);
  if (issues.some((issue) => issue.severity === "error") || link === undefined || date === undefined) return { issues };

  let body = text.slice(bodyStart, bodyEnd);
  body = body.replace(/^(?:\r\n|\r|\n)/, "").replace(/(?:\r\n|\r|\n)$/, "");
  const content = body.split(LINE_BREAK).join(options.keepLineBreaks ? "\n" : " ");
  const info: CasieInfo = title === undefined ? { date, type: "text", link } : { title, date, type: "text", link };
  return { article: { content, info }, issues };
}

export interface NewDocumentResult {
  /** Absent when the article has errors. */
  document?: CasieDocument;
  issues: CasieIssue[];
}

/** A document with no annotations yet; `fileName` (e.g. `2602.txt`) becomes its `sourcefile`. */
export function newCasieDocumentFromArticle(fileName: string, text: string, options: RawArticleOptions = {}): NewDocumentResult {
  const { article, issues } = parseRawArticle(text, options);
  if (!article) return { issues };
  return { document: { content: article.content, sourcefile: fileName, hoppers: [], info: article.info }, issues };
}
