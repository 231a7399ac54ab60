import assert from "node:assert/strict";
import { test } from "node:test";
import { newCasieDocumentFromArticle, parseRawArticle } from "./raw-article";
import { serializeCasieDocument } from "./serialize";

const ARTICLE = [
  "<title>Hackers blackmail clinic patients - Example News  </title>",
  "<source> https://example.com/2017/05/31/clinic/ </source>",
  "<date> 2017_05_31 </date>",
  "<text>",
  "Hackers have been trying to blackmail patients.",
  "The photos were stolen  earlier this year.",
  "",
  "It is unclear who they are.",
  "</text>",
  "",
].join("\n");

test("content is the body's lines joined by single spaces; header values are trimmed", () => {
  const { article, issues } = parseRawArticle(ARTICLE);
  assert.deepEqual(issues, []);
  assert.deepEqual(article, {
    content: "Hackers have been trying to blackmail patients. The photos were stolen  earlier this year.  It is unclear who they are.",
    info: {
      title: "Hackers blackmail clinic patients - Example News",
      date: "2017_05_31",
      type: "text",
      link: "https://example.com/2017/05/31/clinic/",
    },
  });
});

test("keepLineBreaks keeps the body's lines; Windows line breaks count as one", () => {
  const { article } = parseRawArticle(ARTICLE.replaceAll("\n", "\r\n"), { keepLineBreaks: true });
  assert.equal(
    article?.content,
    "Hackers have been trying to blackmail patients.\nThe photos were stolen  earlier this year.\n\nIt is unclear who they are.",
  );
  assert.equal(parseRawArticle(ARTICLE.replaceAll("\n", "\r\n")).article?.content, parseRawArticle(ARTICLE).article?.content);
});

test("only the line break right after <text> and right before </text> is dropped; other white space stays", () => {
  const text = "<title>T</title>\n<source>L</source>\n<date>D</date>\n<text>\n A body \n\n</text>";
  assert.equal(parseRawArticle(text).article?.content, " A body  ");
  const sameLine = "<title>T</title>\n<source>L</source>\n<date>D</date>\n<text>Inline body</text>";
  assert.equal(parseRawArticle(sameLine).article?.content, "Inline body");
});

test("a <title> with attributes is read; one never closed gives no title and a warning", () => {
  const withAttributes = ARTICLE.replace("<title>", '<title data-react-helmet="true">');
  assert.equal(parseRawArticle(withAttributes).article?.info.title, "Hackers blackmail clinic patients - Example News");

  const unclosed = ARTICLE.replace("<title>Hackers blackmail clinic patients - Example News  </title>", "<title>\r");
  const { article, issues } = parseRawArticle(unclosed);
  assert.deepEqual(article?.info, { date: "2017_05_31", type: "text", link: "https://example.com/2017/05/31/clinic/" });
  assert.deepEqual(issues, [
    {
      severity: "warning",
      code: "unclosed-tag",
      path: "<title>",
      message: "expected </title> closing this <title>, found none (the article gets no title)",
      line: 1,
      column: 1,
    },
  ]);
});

test("missing tags are located errors", () => {
  const cases: [text: string, path: string, message: string, line?: number][] = [
    [ARTICLE.replace(/<text>[^]*<\/text>/, ""), "<text>", "expected a <text> tag opening the article body, found none"],
    [ARTICLE.replace("</text>", ""), "</text>", "expected </text> closing the body this <text> opens, found none", 4],
    [ARTICLE.replace(/<date>.*\n/, ""), "<date>", "expected a <date> tag before <text>, found none"],
    [ARTICLE.replace("</source>", ""), "<source>", "expected </source> closing this <source>, found none", 2],
    [ARTICLE.replace(/<title>.*\n/, ""), "<title>", "expected a <title> tag before <text>, found none"],
  ];
  for (const [text, path, message, line] of cases) {
    const { article, issues } = parseRawArticle(text);
    assert.equal(article, undefined);
    assert.deepEqual(
      issues.map((issue) => [issue.severity, issue.code, issue.path, issue.message, issue.line]),
      [["error", "missing-tag", path, message, line]],
    );
  }
});

test("text after </text> is left out, with a warning", () => {
  const { article, issues } = parseRawArticle(ARTICLE + "stray words\n");
  assert.ok(article);
  assert.deepEqual(
    issues.map((issue) => [issue.code, issue.line, issue.column]),
    [["text-after-article", 10, 1]],
  );
});

test("a new document from an article: no hoppers, sourcefile from the file name, written in the corpus's style", () => {
  const { document, issues } = newCasieDocumentFromArticle("2602.txt", ARTICLE);
  assert.deepEqual(issues, []);
  assert.ok(document);
  assert.equal(document.sourcefile, "2602.txt");
  assert.deepEqual(document.hoppers, []);
  assert.equal(
    serializeCasieDocument(document),
    '{"content": "Hackers have been trying to blackmail patients. The photos were stolen  earlier this year.  It is unclear who they are.", "sourcefile": "2602.txt", "cyberevent": {"hopper": []}, ' +
      '"info": {"title": "Hackers blackmail clinic patients - Example News", "date": "2017_05_31", "type": "text", "link": "https://example.com/2017/05/31/clinic/"}}',
  );
  assert.equal(newCasieDocumentFromArticle("x.txt", "no tags").document, undefined);
});
