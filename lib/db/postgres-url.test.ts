import assert from "node:assert/strict";
import { test } from "node:test";
import { connectionFields, withDatabase } from "./postgres-url";

test("reads the connection fields of a URL, leaving what it omits to pg's defaults", () => {
  assert.deepEqual(connectionFields("postgresql://ann%40lab:p%2Fss@db.example:5433/hop%20per"), {
    host: "db.example",
    port: 5433,
    user: "ann@lab",
    password: "p/ss",
    database: "hop per",
  });
  assert.deepEqual(connectionFields("postgres://127.0.0.1"), {
    host: "127.0.0.1",
    port: undefined,
    user: undefined,
    password: undefined,
    database: undefined,
  });
  assert.equal(connectionFields("postgresql://u@[::1]:5432/d").host, "::1");
  assert.equal(connectionFields("postgresql:///d?host=/run/postgresql").host, "/run/postgresql");
});

test("names another database on the same server", () => {
  const other = withDatabase("postgresql://u:p@h:5432/hopper?sslmode=require", "hopper_test_1");
  assert.equal(other, "postgresql://u:p@h:5432/hopper_test_1?sslmode=require");
  assert.equal(connectionFields(other).database, "hopper_test_1");
});

test("refuses what is not a PostgreSQL URL", () => {
  assert.throws(() => connectionFields("mysql://h/d"), /must start with postgresql:\/\//);
  assert.throws(() => connectionFields("not a url"), /not a valid URL/);
});
