/** The request and response shapes of the simulated API server's one door, handle(). */

/** An HTTP-like request: real Kubernetes paths, query parameters and headers. */
export interface ApiRequest {
  method: string
  path: string
  query?: Record<string, string | undefined>
  headers?: Record<string, string | undefined>
  /** A JSON value, or JSON text as it would arrive on the wire. */
  body?: unknown
}

/** The response: an HTTP status and a JSON body (an object or a Status). */
export interface ApiResponse {
  status: number
  body: unknown
  /** Response headers, e.g. Warning for fields dropped by fieldValidation=Warn. */
  headers?: Record<string, string>
}

/** A query parameter as a string, tolerating garbage from untyped callers. */
export function queryParam(req: ApiRequest, name: string): string | undefined {
  const q: unknown = req.query
  if (typeof q !== 'object' || q === null) return undefined
  const v: unknown = (q as Record<string, unknown>)[name]
  if (v === undefined || v === null) return undefined
  if (Array.isArray(v)) return v.length ? String(v[0]) : undefined
  return String(v)
}

/** A header value, case-insensitive, tolerating garbage from untyped callers. */
export function header(req: ApiRequest, name: string): string | undefined {
  const h: unknown = req.headers
  if (typeof h !== 'object' || h === null) return undefined
  const want = name.toLowerCase()
  for (const [k, v] of Object.entries(h as Record<string, unknown>)) {
    if (k.toLowerCase() === want && v !== undefined && v !== null) return String(v)
  }
  return undefined
}
