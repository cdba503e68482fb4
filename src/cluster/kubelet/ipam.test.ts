import { describe, expect, test } from 'vitest'
import { createPodIPAllocator } from './ipam'
import { podCIDRFor } from './nodeObject'

describe("pod IPs from the node's pod CIDR (KUBELET-6)", () => {
  test("KUBELET-6 the i-th node's range skips the network and gateway addresses", () => {
    const rows = [
      { i: 0, cidr: '10.64.0.0/24', first: '10.64.0.2', range: '10.64.0.1-10.64.0.254' },
      { i: 3, cidr: '10.64.3.0/24', first: '10.64.3.2', range: '10.64.3.1-10.64.3.254' },
      { i: 300, cidr: '10.65.44.0/24', first: '10.65.44.2', range: '10.65.44.1-10.65.44.254' },
    ]
    for (const r of rows) {
      expect(podCIDRFor(r.i)).toBe(r.cidr)
      const a = createPodIPAllocator(r.cidr)
      expect([a.allocate('x'), a.range, a.gateway]).toEqual([
        r.first,
        r.range,
        r.first.replace(/\.2$/, '.1'),
      ])
    }
  })

  test('KUBELET-6 round robin: a freed address comes back only after the range wraps', () => {
    const a = createPodIPAllocator('10.64.0.0/24')
    expect(['a', 'b', 'c'].map((o) => a.allocate(o))).toEqual([
      '10.64.0.2',
      '10.64.0.3',
      '10.64.0.4',
    ])
    a.release('b')
    expect(a.allocate('d')).toBe('10.64.0.5')
    expect(a.allocate('a')).toBe('10.64.0.2')
    for (let i = 0; i < 250; i++) a.allocate(`fill-${i}`)
    expect(a.used()).toBe(253)
    expect([a.get('fill-248'), a.get('fill-249')]).toEqual(['10.64.0.254', '10.64.0.3'])
    expect(a.allocate('full')).toBeUndefined()
    a.release('c')
    expect(a.allocate('again')).toBe('10.64.0.4')
  })
})
