import { describe, expect, test } from 'vitest'
import { parseGoBool, parseGoDuration, parseGoInt } from './goStrconv'

describe('Go strconv and time parsers', () => {
  test.each([
    { name: 'true', s: 'true', want: { ok: true, value: true } },
    { name: 'T', s: 'T', want: { ok: true, value: true } },
    { name: '1', s: '1', want: { ok: true, value: true } },
    { name: 'False', s: 'False', want: { ok: true, value: false } },
    { name: '0', s: '0', want: { ok: true, value: false } },
    {
      name: 'yes is not a bool',
      s: 'yes',
      want: { ok: false, error: 'strconv.ParseBool: parsing "yes": invalid syntax' },
    },
    {
      name: 'tRUE is not a bool',
      s: 'tRUE',
      want: { ok: false, error: 'strconv.ParseBool: parsing "tRUE": invalid syntax' },
    },
  ])('PARSE-5 ParseBool $name', ({ s, want }) => {
    expect(parseGoBool(s)).toEqual(want)
  })

  test.each([
    { name: 'decimal', s: '3', want: { ok: true, value: 3 } },
    { name: 'negative', s: '-1', want: { ok: true, value: -1 } },
    { name: 'plus sign', s: '+7', want: { ok: true, value: 7 } },
    { name: 'hex', s: '0x1f', want: { ok: true, value: 31 } },
    { name: 'leading zero is octal', s: '010', want: { ok: true, value: 8 } },
    { name: 'binary', s: '0b101', want: { ok: true, value: 5 } },
    { name: 'underscores between digits', s: '1_000', want: { ok: true, value: 1000 } },
    {
      name: 'bad underscore',
      s: '1__0',
      want: { ok: false, error: 'strconv.ParseInt: parsing "1__0": invalid syntax' },
    },
    {
      name: 'letters',
      s: 'x',
      want: { ok: false, error: 'strconv.ParseInt: parsing "x": invalid syntax' },
    },
    {
      name: 'empty',
      s: '',
      want: { ok: false, error: 'strconv.ParseInt: parsing "": invalid syntax' },
    },
    {
      name: 'float',
      s: '1.5',
      want: { ok: false, error: 'strconv.ParseInt: parsing "1.5": invalid syntax' },
    },
    {
      name: 'octal 8 is bad',
      s: '08',
      want: { ok: false, error: 'strconv.ParseInt: parsing "08": invalid syntax' },
    },
    {
      name: 'out of range',
      s: '99999999999999999999',
      want: {
        ok: false,
        error: 'strconv.ParseInt: parsing "99999999999999999999": value out of range',
      },
    },
    { name: 'int64 max fits', s: '9223372036854775807', want: { ok: true, value: 2 ** 63 } },
    {
      name: 'int64 max + 1',
      s: '9223372036854775808',
      want: {
        ok: false,
        error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range',
      },
    },
  ])('PARSE-5 ParseInt $name', ({ s, want }) => {
    expect(parseGoInt(s)).toEqual(want)
  })

  test.each([
    { name: 'seconds', s: '30s', want: { ok: true, value: 30_000 } },
    { name: 'compound', s: '1h2m3s', want: { ok: true, value: 3_723_000 } },
    { name: 'fraction', s: '1.5s', want: { ok: true, value: 1500 } },
    { name: 'milliseconds', s: '250ms', want: { ok: true, value: 250 } },
    { name: 'bare zero', s: '0', want: { ok: true, value: 0 } },
    { name: 'negative', s: '-2m', want: { ok: true, value: -120_000 } },
    {
      name: 'missing unit',
      s: '5',
      want: { ok: false, error: 'time: missing unit in duration "5"' },
    },
    {
      name: 'unknown unit',
      s: '5d',
      want: { ok: false, error: 'time: unknown unit "d" in duration "5d"' },
    },
    { name: 'not a number', s: 'x', want: { ok: false, error: 'time: invalid duration "x"' } },
    { name: 'empty', s: '', want: { ok: false, error: 'time: invalid duration ""' } },
    { name: 'lone dot', s: '.s', want: { ok: false, error: 'time: invalid duration ".s"' } },
  ])('PARSE-5 ParseDuration $name', ({ s, want }) => {
    expect(parseGoDuration(s)).toEqual(want)
  })
})
