import { describe, expect, test } from 'vitest'
import { createClock, formatMicroTime, formatTime } from './clock'

describe('virtual clock (API-25)', () => {
  test('runs work in time order, then queue order, and stands at the target', () => {
    const clock = createClock(1000)
    const ran: string[] = []
    clock.after(50, 'b', () => ran.push(`b@${clock.now()}`))
    clock.after(10, 'a', () => ran.push(`a@${clock.now()}`))
    clock.after(50, 'c', () => ran.push(`c@${clock.now()}`))
    clock.after(200, 'late', () => ran.push('late'))
    clock.advance(100)
    expect(ran).toEqual(['a@1010', 'b@1050', 'c@1050'])
    expect(clock.now()).toBe(1100)
    expect(clock.pending()).toBe(1)
  })

  test('work queued by work runs in the same advance when it falls due', () => {
    const clock = createClock(0)
    const ran: number[] = []
    clock.after(10, 'first', () => {
      ran.push(clock.now())
      clock.after(10, 'second', () => ran.push(clock.now()))
      clock.after(0, 'now', () => ran.push(clock.now()))
    })
    clock.advance(25)
    expect(ran).toEqual([10, 10, 20])
  })

  test('cancelled work never runs; cancelling twice or unknown ids is harmless', () => {
    const clock = createClock(0)
    let ran = false
    const id = clock.after(5, 'x', () => (ran = true))
    clock.cancel(id)
    clock.cancel(id)
    clock.cancel(9999)
    clock.advance(10)
    expect(ran).toBe(false)
    expect(clock.pending()).toBe(0)
  })

  test('a task that throws is reported and time goes on', () => {
    const errors: string[] = []
    const clock = createClock(0, (label) => errors.push(label))
    let after = false
    clock.after(1, 'boom', () => {
      throw new Error('x')
    })
    clock.after(2, 'after', () => (after = true))
    clock.advance(5)
    expect(errors).toEqual(['boom'])
    expect(after).toBe(true)
  })

  test.each([
    { name: 'negative', ms: -5 },
    { name: 'NaN', ms: Number.NaN },
    { name: 'infinite', ms: Number.POSITIVE_INFINITY },
  ])('advance($name) does not move time backwards or forever', ({ ms }) => {
    const clock = createClock(100)
    clock.advance(ms)
    expect(clock.now()).toBe(100)
  })

  test.each([
    { ms: Date.UTC(2026, 0, 1, 0, 0, 0, 999), text: '2026-01-01T00:00:00Z', micro: '2026-01-01T00:00:00.999000Z' },
    { ms: Date.UTC(2026, 5, 30, 23, 59, 59), text: '2026-06-30T23:59:59Z', micro: '2026-06-30T23:59:59.000000Z' },
  ])('formats $text as Kubernetes timestamps', ({ ms, text, micro }) => {
    expect(formatTime(ms)).toBe(text)
    expect(formatMicroTime(ms)).toBe(micro)
  })
})
