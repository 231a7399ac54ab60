import assert from "node:assert/strict";
import { test } from "node:test";
import { agreementSearch, DEFAULT_AGREEMENT_QUERY, parseAgreementQuery, searchParamsOf } from "./agreement-query";

const parse = (search: string) => parseAgreementQuery(new URLSearchParams(search));

test("no status compares the CLI's default statuses, every one but NEW, without the gold set", () => {
  assert.deepEqual(parse(""), { ok: true, query: DEFAULT_AGREEMENT_QUERY });
  assert.deepEqual(DEFAULT_AGREEMENT_QUERY.statuses, ["IN_PROGRESS", "SUBMITTED", "IMPORTED", "ADJUDICATED"]);
});

test("statuses repeated or comma-separated, in any case, in the order the statuses are listed; gold=1 adds the gold set", () => {
  const expected = { ok: true, query: { statuses: ["NEW", "SUBMITTED"], withGold: true } };
  assert.deepEqual(parse("status=submitted&status=NEW&gold=1"), expected);
  assert.deepEqual(parse("status=SUBMITTED,%20new&gold=1"), expected);
  assert.deepEqual(parse("status=SUBMITTED&gold=0"), { ok: true, query: { statuses: ["SUBMITTED"], withGold: false } });
});

test("an unknown status, a wrong gold or too many values are refused, not ignored", () => {
  const refused = (search: string, message: RegExp) => {
    const result = parse(search);
    assert.equal(result.ok, false, search);
    if (!result.ok) assert.match(result.message, message, search);
  };
  refused("status=DONE", /^status: must be one of NEW, IN_PROGRESS, SUBMITTED, IMPORTED, ADJUDICATED$/);
  refused("status=SUBMITTED,", /^status:/);
  refused("gold=yes", /^gold: must be 0 or 1$/);
  refused("gold=1&gold=1", /^gold:/);
  refused(Array.from({ length: 6 }, () => "status=NEW").join("&"), /^status:/);
  refused(`status=${"N".repeat(201)}`, /^status:/);
});

test("the search string asks for a query and leaves the default out", () => {
  assert.equal(agreementSearch(DEFAULT_AGREEMENT_QUERY), "");
  assert.equal(agreementSearch({ statuses: ["ADJUDICATED", "IMPORTED", "SUBMITTED", "IN_PROGRESS"], withGold: false }), "");
  assert.equal(agreementSearch({ statuses: ["NEW", "SUBMITTED"], withGold: true }), "?status=NEW%2CSUBMITTED&gold=1");
  for (const query of [{ statuses: ["SUBMITTED"] as const, withGold: true }, DEFAULT_AGREEMENT_QUERY])
    assert.deepEqual(parse(agreementSearch(query).slice(1)), { ok: true, query: { ...query, statuses: [...query.statuses] } });
});

test("a page's search parameters become URLSearchParams, repeated values kept", () => {
  assert.equal(searchParamsOf({ status: ["NEW", "SUBMITTED"], gold: "1", other: undefined }).toString(), "status=NEW&status=SUBMITTED&gold=1");
});
