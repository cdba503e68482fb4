import { describe, expect, test } from 'vitest'
import { createClock } from '../../clock'
import { createWorkQueue } from './workqueue'
import { startController } from './controller'

describe('work queue (CTRL-1)', () => {
  test('fair and stingy: a key queued twice is processed once, in first-in order', () => {
    const q = createWorkQueue(createClock(0), 'q', () => {})
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k)
    const got: string[] = []
    for (let k = q.get(); k !== undefined; k = q.get()) {
      got.push(k)
      q.done(k)
    }
    expect(got).toEqual(['a', 'b', 'c'])
  })

  test('a key re-added while processing is processed again after done()', () => {
    const q = createWorkQueue(createClock(0), 'q', () => {})
    q.add('a')
    const k = q.get()
    q.add('a')
    expect(q.get()).toBeUndefined()
    q.done(k ?? '')
    expect(q.get()).toBe('a')
  })

  test.each([
    { failures: 1, delay: 5 },
    { failures: 2, delay: 10 },
    { failures: 5, delay: 80 },
    { failures: 30, delay: 1_000_000 },
  ])('backoff after $failures failures is $delay ms', ({ failures, delay }) => {
    const clock = createClock(0)
    const q = createWorkQueue(clock, 'q', () => {})
    for (let i = 0; i < failures - 1; i++) q.addRateLimited('a')
    clock.advance(2_000_000)
    while (q.get() !== undefined) q.done('a')
    const start = clock.now()
    q.addRateLimited('a')
    clock.advance(delay - 1)
    expect(q.len()).toBe(0)
    clock.advance(1)
    expect(q.len()).toBe(1)
    expect(clock.now() - start).toBe(delay)
  })
})

describe('controller loop (CTRL-2)', () => {
  test('reconciles in clock tasks, retries failures with backoff and forgets on success', () => {
    const clock = createClock(0)
    const calls: [string, number][] = []
    let fails = 2
    const c = startController(clock, 'test', (key) => {
      calls.push([key, clock.now()])
      if (key === 'flaky' && fails-- > 0) return { retry: 'not yet' }
      return undefined
    })
    c.queue.add('flaky')
    c.queue.add('steady')
    expect(calls).toEqual([])
    clock.advance(0)
    clock.advance(100)
    expect(calls).toEqual([
      ['flaky', 0],
      ['steady', 0],
      ['flaky', 5],
      ['flaky', 15],
    ])
    expect(c.queue.numRequeues('flaky')).toBe(0)
  })

  test('a reconcile that throws is retried, and the error reported', () => {
    const clock = createClock(0)
    const errors: string[] = []
    let n = 0
    const c = startController(
      clock,
      'boom',
      () => {
        if (n++ === 0) throw new Error('bug')
      },
      (_c, key, err) => errors.push(`${key}: ${err}`),
    )
    c.queue.add('x')
    clock.advance(10)
    expect(n).toBe(2)
    expect(errors).toEqual(['x: panic: bug'])
  })

  test('requeueAfterMs queues the key again later', () => {
    const clock = createClock(0)
    const at: number[] = []
    const c = startController(clock, 'poll', () => {
      at.push(clock.now())
      return at.length < 3 ? { requeueAfterMs: 1000 } : undefined
    })
    c.queue.add('x')
    clock.advance(5000)
    expect(at).toEqual([0, 1000, 2000])
  })
})
