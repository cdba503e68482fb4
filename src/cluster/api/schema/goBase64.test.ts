import { describe, expect, test } from 'vitest'
import { corruptInputError, decodeStdBase64, encodeStdBase64, utf8Bytes } from './goBase64'

const text = (bytes: number[]): string => String.fromCharCode(...bytes)

describe('StdEncoding.Decode', () => {
  test.each([
    { name: 'padded', input: 'YWRtaW4=', out: 'admin' },
    { name: 'empty', input: '', out: '' },
    { name: 'two pads', input: 'YQ==', out: 'a' },
    { name: 'line breaks are skipped', input: 'YWRt\r\naW4=\n', out: 'admin' },
    { name: 'line break between pads', input: 'YQ=\n=', out: 'a' },
  ])('DECODE-10 $name', ({ input, out }) => {
    const res = decodeStdBase64(input)
    expect(res.ok && text(res.bytes)).toBe(out)
  })

  test.each([
    { name: 'plain text with a space', input: 'hello world', offset: 5 },
    { name: 'missing padding', input: 'aGVsbG8', offset: 4 },
    { name: 'a word', input: 'admin', offset: 4 },
    { name: 'one pad short', input: 'YQ=', offset: 3 },
    { name: 'no padding at all', input: 'YQ', offset: 0 },
    { name: 'pad first', input: '=YQ=', offset: 0 },
    { name: 'trailing garbage after padding', input: 'YQ==YQ==', offset: 4 },
    { name: 'inner space', input: 'YW Rt', offset: 2 },
    { name: 'URL alphabet', input: 'YW-t', offset: 2 },
    { name: 'non-ASCII counts bytes', input: 'YWRtü', offset: 4 },
  ])('DECODE-10 $name fails at byte $offset', ({ input, offset }) => {
    expect(decodeStdBase64(input)).toEqual({ ok: false, offset })
  })

  test('DECODE-10 error text', () => {
    expect(corruptInputError(4)).toBe('illegal base64 data at input byte 4')
  })
})

describe('StdEncoding.EncodeToString', () => {
  test.each([
    { input: '', out: '' },
    { input: 'a', out: 'YQ==' },
    { input: 'ab', out: 'YWI=' },
    { input: 'admin', out: 'YWRtaW4=' },
    { input: 'hello', out: 'aGVsbG8=' },
  ])('DECODE-10 "$input" encodes as "$out"', ({ input, out }) => {
    expect(encodeStdBase64(utf8Bytes(input))).toBe(out)
  })

  test('DECODE-10 utf8Bytes encodes multi-byte characters', () => {
    expect(utf8Bytes('é€😀')).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])
  })
})
