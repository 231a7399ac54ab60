import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, UNKNOWN_CLIENT_ADDRESS } from "./client-address";

const TRUSTED = { HOPPER_TRUST_PROXY: "1" };

test("uses X-Forwarded-For's first entry behind a trusted proxy", () => {
  const headers = new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" });
  assert.equal(clientAddress(headers, TRUSTED), "203.0.113.7");
  assert.equal(clientAddress({ "x-forwarded-for": "2001:db8::1, 10.0.0.1" }, TRUSTED), "2001:db8::1");
});

test("without a trusted proxy, takes the entry nearest the server, so clients are not lumped together", () => {
  assert.equal(clientAddress({ "x-forwarded-for": "203.0.113.7" }, {}), "203.0.113.7");
  assert.equal(clientAddress({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, { HOPPER_TRUST_PROXY: "true" }), "203.0.113.7");
});

test("falls back to the shared constant when no address is given", () => {
  assert.equal(clientAddress(new Headers(), TRUSTED), UNKNOWN_CLIENT_ADDRESS);
  assert.equal(clientAddress({ "x-forwarded-for": " , 10.0.0.1" }, TRUSTED), UNKNOWN_CLIENT_ADDRESS);
});
