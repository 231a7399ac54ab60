// A token bucket per key (an account, say): bursts up to `capacity`, then
// `perSecond` on average. Kept in the process: it guards this server's work,
// and each app process behind a load balancer guards its own.

export interface RateLimit {
  /** Seconds until a request of `key` would be allowed, or 0 when it is allowed now (and counted). */
  take(key: string): number;
}

export function tokenBucket(
  { capacity, perSecond }: { capacity: number; perSecond: number },
  now: () => number = () => performance.now(),
): RateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      // Full buckets are forgotten, so the map holds only accounts that are busy now.
      if (buckets.size > 10_000) for (const [other, state] of buckets) if (state.tokens >= capacity) buckets.delete(other);
      return (1 - bucket.tokens) / perSecond;
    },
  };
}
