import { expect, test } from 'vitest'
import { slowStartBatch } from './slowStart'

// Rows from pkg/controller/replicaset/replica_set_test.go TestSlowStartBatch.
test.each([
  {
    name: 'callLimit = 0 (all fail)',
    count: 10,
    callLimit: 0,
    successes: 0,
    error: true,
    calls: 1,
  },
  {
    name: 'callLimit = count (all succeed)',
    count: 10,
    callLimit: 10,
    successes: 10,
    error: false,
    calls: 10,
  },
  {
    name: 'callLimit < count (some succeed)',
    count: 10,
    callLimit: 5,
    successes: 5,
    error: true,
    calls: 7,
  },
  { name: 'zero count', count: 0, callLimit: 0, successes: 0, error: false, calls: 0 },
])('RS-3 slowStartBatch: $name', ({ count, callLimit, successes, error, calls }) => {
  let n = 0
  const r = slowStartBatch(count, 1, () => (++n > callLimit ? 'fake error' : undefined))
  expect(r.successes).toBe(successes)
  expect(r.error !== undefined).toBe(error)
  expect(n).toBe(calls)
})
