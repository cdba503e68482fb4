import { describe, expect, test } from 'vitest'
import { createBackoff } from './backoff'
import { goDuration } from './goDuration'

describe('flowcontrol backoff (KUBELET-12)', () => {
  // Ported from client-go util/flowcontrol/backoff_test.go TestSlowBackoff and TestBackoffReset.
  test('KUBELET-12 doubles from the initial to the maximum', () => {
    const b = createBackoff(10_000, 300_000)
    const seen: number[] = []
    let now = 0
    for (let i = 0; i < 8; i++) {
      b.next('web', now, now)
      seen.push(b.get('web'))
      now += 1000
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000])
  })

  test('KUBELET-12 is in back-off since an event for the current duration', () => {
    const b = createBackoff(10_000, 300_000)
    b.next('web', 0, 0)
    expect(b.isInBackOffSince('web', 0, 9_999)).toBe(true)
    expect(b.isInBackOffSince('web', 0, 10_000)).toBe(false)
    expect(b.isInBackOffSinceUpdate('web', 5_000)).toBe(true)
    expect(b.isInBackOffSinceUpdate('web', 10_000)).toBe(false)
    expect(b.isInBackOffSince('other', 0, 1)).toBe(false)
  })

  test('KUBELET-12 an event more than twice the maximum after the last update starts over', () => {
    const b = createBackoff(10_000, 300_000)
    b.next('web', 0, 0)
    b.next('web', 1000, 1000)
    expect(b.get('web')).toBe(20_000)
    expect(b.isInBackOffSince('web', 601_001, 601_002)).toBe(false)
    b.next('web', 601_001, 601_001)
    expect(b.get('web')).toBe(10_000)
  })

  test('KUBELET-12 gc forgets quiet keys', () => {
    const b = createBackoff(10_000, 300_000)
    b.next('a', 0, 0)
    b.next('b', 500_000, 500_000)
    b.gc(600_001)
    expect([b.get('a'), b.get('b')]).toEqual([0, 10_000])
  })
})

describe('Go durations (KUBELET-12)', () => {
  const rows = [
    { ms: 0, text: '0s' },
    { ms: 512, text: '512ms' },
    { ms: 2764, text: '2.764s' },
    { ms: 2100, text: '2.1s' },
    { ms: 10_000, text: '10s' },
    { ms: 80_000, text: '1m20s' },
    { ms: 160_000, text: '2m40s' },
    { ms: 300_000, text: '5m0s' },
    { ms: 3_723_500, text: '1h2m3.5s' },
  ]
  test.each(rows)('KUBELET-12 $ms ms prints as $text', ({ ms, text }) => {
    expect(goDuration(ms)).toBe(text)
  })
})
