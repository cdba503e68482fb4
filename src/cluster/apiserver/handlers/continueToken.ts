/**
 * List continue tokens in kube-apiserver's format: base64url of
 * {"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}.
 * Mirrors staging/src/k8s.io/apiserver/pkg/storage/continue.go
 */
import { decodeBase64, encodeBase64, rawURLEncoding } from '../../api/schema/goBase64'

// Continue tokens are built from store keys (namespace/name, ASCII), so one char is one byte.
function encode(s: string): string {
  return encodeBase64([...s].map((c) => c.charCodeAt(0) & 0xff), rawURLEncoding)
}

function decode(s: string): string | undefined {
  const res = decodeBase64(s, rawURLEncoding)
  return res.ok ? res.bytes.map((b) => String.fromCharCode(b)).join('') : undefined
}

/** Encode a continue token for the next key after `lastKey`, read at revision rv. */
export function encodeContinue(lastKey: string, rv: number): string {
  return encode(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` }))
}

/** Decode a continue token; an error message in upstream's words when it is not valid. */
export function decodeContinue(token: string): { ok: true; rv: number; start: string } | { ok: false; error: string } {
  const text = decode(token)
  if (text === undefined) return { ok: false, error: 'continue key is not valid: illegal base64 data' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, error: 'continue key is not valid: invalid character in JSON' }
  }
  const p = parsed as { v?: unknown; rv?: unknown; start?: unknown }
  if (typeof p !== 'object' || p === null || p.v !== 'meta.k8s.io/v1') {
    return { ok: false, error: 'continue key is not valid: server does not recognize this encoded key' }
  }
  if (typeof p.rv !== 'number' || !Number.isInteger(p.rv) || p.rv <= 0) {
    return { ok: false, error: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)' }
  }
  if (typeof p.start !== 'string' || p.start === '') return { ok: false, error: 'continue key is not valid: encoded start key empty' }
  return { ok: true, rv: p.rv, start: p.start }
}
