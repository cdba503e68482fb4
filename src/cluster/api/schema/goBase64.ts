/**
 * Go's base64.StdEncoding, as encoding/json uses it for []byte fields (Secret.data,
 * ConfigMap.binaryData): decoding skips \r and \n, requires padding, and fails with
 * CorruptInputError's byte offset, which is what a learner sees when a Secret holds plain
 * text ("illegal base64 data at input byte 4"). RawURLEncoding (list continue tokens) is the
 * same code with the URL alphabet and no padding.
 * Mirrors src/encoding/base64/base64.go (Decode, decodeQuantum, Encode).
 */

/** A base64.Encoding: its 64-character alphabet, and whether it pads with '='. */
export interface GoBase64Encoding {
  alphabet: string
  padded: boolean
  decodeMap: ReadonlyMap<number, number>
}

function newEncoding(alphabet: string, padded: boolean): GoBase64Encoding {
  const decodeMap = new Map<number, number>([...alphabet].map((c, i) => [c.charCodeAt(0), i]))
  return { alphabet, padded, decodeMap }
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** base64.StdEncoding: '+' and '/', padded. */
export const stdEncoding = newEncoding(letters + '+/', true)
/** base64.RawURLEncoding: '-' and '_', no padding. */
export const rawURLEncoding = newEncoding(letters + '-_', false)

const pad = 0x3d // '='
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d

/** UTF-8 bytes of a string: Go counts offsets in bytes, not UTF-16 units. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
    else
      out.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 0x3f),
        0x80 | ((c >> 6) & 0x3f),
        0x80 | (c & 0x3f),
      )
  }
  return out
}

/** base64.CorruptInputError's text. */
export function corruptInputError(offset: number): string {
  return `illegal base64 data at input byte ${offset}`
}

/** StdEncoding.Decode: the bytes, or the offset Go's CorruptInputError reports. */
export function decodeStdBase64(
  s: string,
): { ok: true; bytes: number[] } | { ok: false; offset: number } {
  return decodeBase64(s, stdEncoding)
}

/** Encoding.Decode: the bytes, or the offset Go's CorruptInputError reports. */
export function decodeBase64(
  s: string,
  enc: GoBase64Encoding,
): { ok: true; bytes: number[] } | { ok: false; offset: number } {
  const src = utf8Bytes(s)
  const dst: number[] = []
  let si = 0
  while (si < src.length) {
    // decodeQuantum: up to four alphabet bytes, newlines skipped, padding only at the end.
    const dbuf = [0, 0, 0, 0]
    let dlen = 4
    let trailing = -1
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: dst }
        // A padded encoding's final quantum is never short; an unpadded one's may lack 1-2 bytes.
        if (j === 1 || enc.padded) return { ok: false, offset: si - j }
        dlen = j
        break
      }
      const inb = src[si] ?? 0
      si++
      const out = enc.decodeMap.get(inb)
      if (out !== undefined) {
        dbuf[j] = out
        continue
      }
      if (isNewline(inb)) {
        j--
        continue
      }
      if (!enc.padded || inb !== pad) return { ok: false, offset: si - 1 }
      if (j === 0 || j === 1) return { ok: false, offset: si - 1 }
      if (j === 2) {
        // "==" is expected; the first "=" is already consumed.
        while (si < src.length && isNewline(src[si])) si++
        if (si === src.length) return { ok: false, offset: src.length }
        if (src[si] !== pad) return { ok: false, offset: si - 1 }
        si++
      }
      while (si < src.length && isNewline(src[si])) si++
      if (si < src.length) trailing = si
      dlen = j
      break
    }
    const val =
      ((dbuf[0] ?? 0) << 18) | ((dbuf[1] ?? 0) << 12) | ((dbuf[2] ?? 0) << 6) | (dbuf[3] ?? 0)
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff]
    dst.push(...bytes.slice(0, dlen - 1))
    if (trailing >= 0) return { ok: false, offset: trailing }
  }
  return { ok: true, bytes: dst }
}

/** StdEncoding.EncodeToString: what the API server prints back for a []byte. */
export function encodeStdBase64(bytes: readonly number[]): string {
  return encodeBase64(bytes, stdEncoding)
}

/** Encoding.EncodeToString: a short final group is padded with '=' or, unpadded, cut short. */
export function encodeBase64(bytes: readonly number[], enc: GoBase64Encoding): string {
  const { alphabet } = enc
  const tail = enc.padded ? '=' : ''
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1]
    const b2 = bytes[i + 2]
    const val = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0)
    out += alphabet[(val >> 18) & 0x3f]
    out += alphabet[(val >> 12) & 0x3f]
    out += b1 === undefined ? tail : alphabet[(val >> 6) & 0x3f]
    out += b2 === undefined ? tail : alphabet[val & 0x3f]
  }
  return out
}
