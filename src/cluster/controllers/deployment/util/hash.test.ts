import { describe, expect, test } from 'vitest'
import { computeHash, fnv32a, safeEncodeString } from './hash'

describe('DEPLOY-3 pod-template-hash', () => {
  test.each([
    { name: 'empty', input: '', want: 0x811c9dc5 },
    { name: 'a', input: 'a', want: 0xe40c292c },
    { name: 'foobar', input: 'foobar', want: 0xbf9cf968 },
  ])('DEPLOY-3 FNV-32a test vector "$name"', ({ input, want }) => {
    expect(fnv32a([...input].map((c) => c.charCodeAt(0)))).toBe(want)
  })

  test.each([
    { name: 'all digits', input: '0123456789', want: '456789bcdf' },
    { name: 'a hash', input: '1985413522', want: '5fd9857966' },
  ])('DEPLOY-3 SafeEncodeString: $name', ({ input, want }) => {
    expect(safeEncodeString(input)).toBe(want)
  })

  const template = {
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
  }
  test('DEPLOY-3 the hash is stable, key-order independent, and uses the safe alphabet', () => {
    const h = computeHash(template, undefined)
    expect(h).toMatch(/^[456789bcdf]{1,10}$/)
    expect(computeHash({ spec: template.spec, metadata: template.metadata }, undefined)).toBe(h)
    expect(
      computeHash(
        { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } },
        undefined,
      ),
    ).not.toBe(h)
  })

  // From pkg/controller/controller_utils_test.go TestComputeHash.
  test.each([
    { name: 'simple', a: 1, b: 2 },
    { name: 'nil vs MaxInt32', a: undefined, b: 2147483647 },
  ])('DEPLOY-3 a different collisionCount gives a different hash: $name', ({ a, b }) => {
    expect(computeHash({}, a)).not.toBe(computeHash({}, b))
  })
})
