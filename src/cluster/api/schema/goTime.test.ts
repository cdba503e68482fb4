import { describe, expect, test } from 'vitest'
import { formatGoTime, goTimeQuote, parseGoTime, type GoTimeLayout } from './goTime'

const rfc = '"2006-01-02T15:04:05Z07:00"'
const micro = '"2006-01-02T15:04:05.000000Z07:00"'

describe('parse errors (time.ParseError text)', () => {
  test.each([
    {
      name: 'not a date',
      layout: 'RFC3339',
      input: 'abc',
      message: `parsing time "abc" as ${rfc}: cannot parse "abc" as "2006"`,
    },
    {
      name: 'date only',
      layout: 'RFC3339',
      input: '2019-10-10',
      message: `parsing time "2019-10-10" as ${rfc}: cannot parse "" as "T"`,
    },
    {
      name: 'space instead of T',
      layout: 'RFC3339',
      input: '2024-01-01 00:00:00Z',
      message: `parsing time "2024-01-01 00:00:00Z" as ${rfc}: cannot parse " 00:00:00Z" as "T"`,
    },
    {
      name: 'two-digit year',
      layout: 'RFC3339',
      input: '24-01-01T00:00:00Z',
      message: `parsing time "24-01-01T00:00:00Z" as ${rfc}: cannot parse "24-01-01T00:00:00Z" as "2006"`,
    },
    {
      name: 'one-digit month',
      layout: 'RFC3339',
      input: '2024-1-01T00:00:00Z',
      message: `parsing time "2024-1-01T00:00:00Z" as ${rfc}: cannot parse "1-01T00:00:00Z" as "01"`,
    },
    {
      name: 'month 13',
      layout: 'RFC3339',
      input: '2024-13-01T00:00:00Z',
      message: 'parsing time "2024-13-01T00:00:00Z": month out of range',
    },
    {
      name: 'February 30',
      layout: 'RFC3339',
      input: '2024-02-30T00:00:00Z',
      message: 'parsing time "2024-02-30T00:00:00Z": day out of range',
    },
    {
      name: 'February 29 of 2023',
      layout: 'RFC3339',
      input: '2023-02-29T00:00:00Z',
      message: 'parsing time "2023-02-29T00:00:00Z": day out of range',
    },
    {
      name: 'hour 25',
      layout: 'RFC3339',
      input: '2024-01-01T25:00:00Z',
      message: 'parsing time "2024-01-01T25:00:00Z": hour out of range',
    },
    {
      name: 'minute 60',
      layout: 'RFC3339',
      input: '2024-01-01T00:60:00Z',
      message: 'parsing time "2024-01-01T00:60:00Z": minute out of range',
    },
    {
      name: 'second 60',
      layout: 'RFC3339',
      input: '2024-01-01T00:00:60Z',
      message: 'parsing time "2024-01-01T00:00:60Z": second out of range',
    },
    {
      name: 'no zone',
      layout: 'RFC3339',
      input: '2024-01-01T00:00:00',
      message: `parsing time "2024-01-01T00:00:00" as ${rfc}: cannot parse "" as "Z07:00"`,
    },
    {
      name: 'zone without colon',
      layout: 'RFC3339',
      input: '2024-01-01T00:00:00+0100',
      message: `parsing time "2024-01-01T00:00:00+0100" as ${rfc}: cannot parse "+0100" as "Z07:00"`,
    },
    {
      name: 'zone hour 25',
      layout: 'RFC3339',
      input: '2024-01-01T00:00:00+25:00',
      message: 'parsing time "2024-01-01T00:00:00+25:00": time zone offset hour out of range',
    },
    {
      name: 'extra text',
      layout: 'RFC3339',
      input: '2024-01-01T00:00:00Zjunk',
      message: 'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"',
    },
    {
      name: 'non-ASCII is printed byte by byte',
      layout: 'RFC3339',
      input: 'é',
      message: `parsing time "\\xc3\\xa9" as ${rfc}: cannot parse "\\xc3\\xa9" as "2006"`,
    },
    {
      name: 'MicroTime without fraction',
      layout: 'RFC3339Micro',
      input: '2024-01-01T00:00:00Z',
      message: `parsing time "2024-01-01T00:00:00Z" as ${micro}: cannot parse "Z" as ".000000"`,
    },
    {
      name: 'MicroTime with three fraction digits',
      layout: 'RFC3339Micro',
      input: '2024-01-01T00:00:00.123Z',
      message: `parsing time "2024-01-01T00:00:00.123Z" as ${micro}: cannot parse ".123Z" as ".000000"`,
    },
    {
      name: 'MicroTime with seven fraction digits',
      layout: 'RFC3339Micro',
      input: '2024-01-01T00:00:00.5000000+01:00',
      message: `parsing time "2024-01-01T00:00:00.5000000+01:00" as ${micro}: cannot parse "0+01:00" as "Z07:00"`,
    },
  ] satisfies { name: string; layout: GoTimeLayout; input: string; message: string }[])(
    'DECODE-9 $name',
    ({ layout, input, message }) => {
      expect(parseGoTime(layout, input)).toEqual({ ok: false, message })
    },
  )
})

describe('accepted times and the text written back', () => {
  test.each([
    { name: 'UTC', layout: 'RFC3339', input: '2024-05-01T10:00:00Z', out: '2024-05-01T10:00:00Z' },
    {
      name: 'offset to UTC across midnight',
      layout: 'RFC3339',
      input: '2024-01-01T00:30:00+01:00',
      out: '2023-12-31T23:30:00Z',
    },
    {
      name: 'negative offset',
      layout: 'RFC3339',
      input: '2024-02-28T23:00:00-02:00',
      out: '2024-02-29T01:00:00Z',
    },
    {
      name: 'one-digit hour (Go is lenient)',
      layout: 'RFC3339',
      input: '2024-01-01T1:02:03Z',
      out: '2024-01-01T01:02:03Z',
    },
    {
      name: 'fraction on Time is read and dropped',
      layout: 'RFC3339',
      input: '2024-01-01T00:00:00.987654321Z',
      out: '2024-01-01T00:00:00Z',
    },
    {
      name: 'early year',
      layout: 'RFC3339',
      input: '0001-01-01T00:00:00Z',
      out: '0001-01-01T00:00:00Z',
    },
    {
      name: 'MicroTime',
      layout: 'RFC3339Micro',
      input: '2024-05-01T10:00:00.000123Z',
      out: '2024-05-01T10:00:00.000123Z',
    },
    {
      name: 'MicroTime with offset',
      layout: 'RFC3339Micro',
      input: '2024-01-01T00:00:00.500000+01:00',
      out: '2023-12-31T23:00:00.500000Z',
    },
  ] satisfies { name: string; layout: GoTimeLayout; input: string; out: string }[])(
    'DECODE-9 $name',
    ({ layout, input, out }) => {
      const parsed = parseGoTime(layout, input)
      expect(parsed.ok).toBe(true)
      if (parsed.ok) expect(formatGoTime(layout, parsed.time)).toBe(out)
    },
  )

  test('DECODE-9 the instant is seconds since the epoch', () => {
    expect(parseGoTime('RFC3339', '1970-01-02T00:00:01Z')).toEqual({
      ok: true,
      time: { unixSeconds: 86401, nanos: 0 },
    })
  })

  test('DECODE-9 quote escapes like time.quote', () => {
    expect(goTimeQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\x0a"')
  })
})
