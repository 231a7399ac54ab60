const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs: anything else in a URL names nothing, and must not reach a `uuid` column (PostgreSQL would refuse it). */
export function isRecordId(value: string): boolean {
  return UUID.test(value);
}
