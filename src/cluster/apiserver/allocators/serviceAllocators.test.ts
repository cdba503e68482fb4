import { describe, expect, test } from 'vitest'
import { createRandom } from '../../random'
import { createServiceAllocators } from './serviceAllocators'

const allocators = (seed = 1, options = {}) => createServiceAllocators(createRandom(seed), options)

function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
}

describe('service allocators', () => {
  test('ALLOC-1 same seed, same IPs and ports; another seed differs', () => {
    const run = (seed: number) => {
      const al = allocators(seed)
      return [
        al.allocateClusterIP(),
        al.allocateClusterIP(),
        al.allocateNodePort(),
        al.allocateNodePort(),
      ]
    }
    expect(run(7)).toEqual(run(7))
    expect(run(7)).not.toEqual(run(8))
  })

  test('ALLOC-2 dynamic cluster IPs come from the upper part of 10.96.0.0/12', () => {
    const al = allocators(3)
    for (let i = 0; i < 200; i++) {
      const ip = al.allocateClusterIP()
      if (typeof ip !== 'string') throw new Error('full')
      // offset 256: 10.96.0.1 .. 10.96.1.0 stay free for static IPs.
      expect(ipNumber(ip)).toBeGreaterThanOrEqual(ipNumber('10.96.1.1'))
      expect(ipNumber(ip)).toBeLessThanOrEqual(ipNumber('10.111.255.254'))
    }
  })

  test('ALLOC-2 dynamic node ports come from the upper part of 30000-32767', () => {
    const al = allocators(4)
    for (let i = 0; i < 200; i++) {
      const port = al.allocateNodePort()
      if (typeof port !== 'number') throw new Error('full')
      // offset 86: 30000..30085 stay free for static ports.
      expect(port).toBeGreaterThanOrEqual(30086)
      expect(port).toBeLessThanOrEqual(32767)
    }
  })

  const reserveRows = [
    { name: 'the kubernetes service IP', ip: '10.96.0.1', want: undefined },
    {
      name: 'the network address',
      ip: '10.96.0.0',
      want: 'the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    },
    {
      name: 'the broadcast address',
      ip: '10.111.255.255',
      want: 'the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    },
    {
      name: 'outside the CIDR',
      ip: '10.0.0.5',
      want: 'the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    },
    { name: 'last usable address', ip: '10.111.255.254', want: undefined },
  ]
  test.each(reserveRows)('ALLOC-3 reserve $name', ({ ip, want }) => {
    expect(allocators().reserveClusterIP(ip)).toBe(want)
  })

  test('ALLOC-3 a reserved IP cannot be reserved twice until released', () => {
    const al = allocators()
    expect(al.reserveClusterIP('10.96.0.10')).toBeUndefined()
    expect(al.reserveClusterIP('10.96.0.10')).toBe('provided IP is already allocated')
    al.releaseClusterIP('10.96.0.10')
    expect(al.reserveClusterIP('10.96.0.10')).toBeUndefined()
  })

  const portRows = [
    { name: 'lowest', port: 30000, want: undefined },
    { name: 'highest', port: 32767, want: undefined },
    {
      name: 'below',
      port: 29999,
      want: 'provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
    {
      name: 'above',
      port: 32768,
      want: 'provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
  ]
  test.each(portRows)('ALLOC-4 reserve node port $name', ({ port, want }) => {
    expect(allocators().reserveNodePort(port)).toBe(want)
  })

  test('ALLOC-4 a reserved node port cannot be reserved twice until released', () => {
    const al = allocators()
    expect(al.reserveNodePort(30080)).toBeUndefined()
    expect(al.reserveNodePort(30080)).toBe('provided port is already allocated')
    al.releaseNodePort(30080)
    expect(al.reserveNodePort(30080)).toBeUndefined()
  })

  test('ALLOC-5 exhaustion: every port once, then the lower band, then range is full', () => {
    const al = allocators(5, { nodePortRange: { base: 30000, size: 100 } })
    const seen = new Set<number>()
    for (let i = 0; i < 100; i++) {
      const port = al.allocateNodePort()
      if (typeof port !== 'number') throw new Error(`full after ${i}`)
      // offset for 100 ports is 16: the first 84 come from 30016..30099.
      if (i < 84) expect(port).toBeGreaterThanOrEqual(30016)
      seen.add(port)
    }
    expect(seen.size).toBe(100)
    expect(al.allocateNodePort()).toMatchObject({
      code: 500,
      reason: 'InternalError',
      message: 'Internal error occurred: failed to allocate a nodePort: range is full',
    })
  })

  test('ALLOC-5 exhaustion of a small service CIDR', () => {
    const al = allocators(6, { serviceCIDR: '10.0.0.0/29' })
    const got: string[] = []
    for (let i = 0; i < 6; i++) {
      const ip = al.allocateClusterIP()
      if (typeof ip !== 'string') throw new Error('full early')
      got.push(ip)
    }
    expect(got.sort()).toEqual([
      '10.0.0.1',
      '10.0.0.2',
      '10.0.0.3',
      '10.0.0.4',
      '10.0.0.5',
      '10.0.0.6',
    ])
    expect(al.allocateClusterIP()).toMatchObject({
      code: 500,
      message: 'Internal error occurred: failed to allocate a serviceIP: range is full',
    })
  })
})
