/**
 * List continue tokens in kube-apiserver's format: base64url of
 * {"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}.
 * Mirrors staging/src/k8s.io/apiserver/pkg/storage/continue.go
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function encode(s: string): string {
  let out = ''
  const bytes = [...s].map((c) => c.charCodeAt(0) & 0xff)
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2
    for (let j = 0; j < chars; j++) out += alphabet[(n >> (18 - 6 * j)) & 63]
  }
  return out
}

function decode(s: string): string | undefined {
  let out = ''
  let acc = 0
  let bits = 0
  for (const ch of s) {
    const v = alphabet.indexOf(ch)
    if (v < 0) return undefined
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out += String.fromCharCode((acc >> bits) & 0xff)
    }
  }
  return out
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
