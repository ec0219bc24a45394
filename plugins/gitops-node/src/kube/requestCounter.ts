import type { KubeRequest, KubeTransport } from './transport';

/** A transport that counts what passes through it, by method: for benchmarks and request budgets in tests. */
export interface CountingTransport extends KubeTransport {
  /** Requests sent since creation or the last reset. */
  readonly total: number;
  readonly byMethod: Readonly<Record<string, number>>;
  reset(): void;
}

export function countRequests(inner: KubeTransport): CountingTransport {
  let byMethod: Record<string, number> = {};
  let total = 0;
  return {
    get total() {
      return total;
    },
    get byMethod() {
      return byMethod;
    },
    reset() {
      byMethod = {};
      total = 0;
    },
    request(request: KubeRequest) {
      total += 1;
      byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
      return inner.request(request);
    },
  };
}
