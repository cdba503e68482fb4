import { describe, expect, test } from 'vitest'
import { createClock } from '../../clock'
import { createExpectations, expectationsTimeoutMs } from './expectations'

describe('RS-4 controller expectations (TestControllerExpectations)', () => {
  test.each([
    { name: 'nothing recorded', setup: () => {}, satisfied: true },
    {
      name: 'creations pending',
      setup: (e: ReturnType<typeof createExpectations>) => e.expectCreations('ns/rs', 2),
      satisfied: false,
    },
    {
      name: 'all creations observed',
      setup: (e: ReturnType<typeof createExpectations>) => {
        e.expectCreations('ns/rs', 2)
        e.creationObserved('ns/rs')
        e.creationObserved('ns/rs')
      },
      satisfied: true,
    },
    {
      name: 'a deletion seen twice (graceful update, then delete) counts once',
      setup: (e: ReturnType<typeof createExpectations>) => {
        e.expectDeletions('ns/rs', ['ns/a', 'ns/b'])
        e.deletionObserved('ns/rs', 'ns/a')
        e.deletionObserved('ns/rs', 'ns/a')
      },
      satisfied: false,
    },
    {
      name: 'an unexpected pod deletion does not count',
      setup: (e: ReturnType<typeof createExpectations>) => {
        e.expectDeletions('ns/rs', ['ns/a'])
        e.deletionObserved('ns/rs', 'ns/other')
      },
      satisfied: false,
    },
    {
      name: 'deleted expectations are met',
      setup: (e: ReturnType<typeof createExpectations>) => {
        e.expectCreations('ns/rs', 3)
        e.delete('ns/rs')
      },
      satisfied: true,
    },
  ])('RS-4 $name', ({ setup, satisfied }) => {
    const e = createExpectations(createClock(0))
    setup(e)
    expect(e.satisfied('ns/rs')).toBe(satisfied)
  })

  test('RS-4 expectations expire after ExpectationsTimeout (5 minutes)', () => {
    const clock = createClock(0)
    const e = createExpectations(clock)
    e.expectCreations('ns/rs', 1)
    clock.advance(expectationsTimeoutMs)
    expect(e.satisfied('ns/rs')).toBe(false)
    clock.advance(1)
    expect(e.satisfied('ns/rs')).toBe(true)
  })
})
