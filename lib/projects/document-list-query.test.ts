import assert from "node:assert/strict";
import { test } from "node:test";
import { documentListSearch, parseDocumentListQuery } from "./document-list-query";

test("search parameters give the sort, order and page, with defaults for anything else", () => {
  assert.deepEqual(parseDocumentListQuery({}), { sort: "name", order: "asc", page: 1 });
  assert.deepEqual(parseDocumentListQuery({ sort: "date", order: "desc", page: "3" }), { sort: "date", order: "desc", page: 3 });
  assert.deepEqual(parseDocumentListQuery({ sort: "id; DROP TABLE", order: "up", page: "-2" }), { sort: "name", order: "asc", page: 1 });
  assert.deepEqual(parseDocumentListQuery({ sort: ["events", "name"], page: "2x" }), { sort: "events", order: "asc", page: 2 });
  assert.deepEqual(parseDocumentListQuery({ problems: "tagset" }), { sort: "name", order: "asc", page: 1, tagsetProblems: true });
  assert.deepEqual(parseDocumentListQuery({ problems: "other" }), { sort: "name", order: "asc", page: 1 });
});

test("a query's search string leaves defaults out and reads back the same", () => {
  assert.equal(documentListSearch({ sort: "name", order: "asc", page: 1 }), "");
  const query = { sort: "warnings", order: "desc", page: 4, tagsetProblems: true } as const;
  const search = documentListSearch(query);
  assert.equal(search, "?sort=warnings&order=desc&page=4&problems=tagset");
  assert.deepEqual(parseDocumentListQuery(Object.fromEntries(new URLSearchParams(search))), query);
});
