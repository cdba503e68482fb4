import { describe, expect, test } from 'vitest'
import { qosClass } from './qos'

const podWith = (...resources: Record<string, Record<string, string>>[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: r })) },
})

describe('QoS class (API-7, mirrors GetPodQOS)', () => {
  test.each([
    { name: 'no requests or limits', pod: podWith({}), want: 'BestEffort' },
    { name: 'zero requests only', pod: podWith({ requests: { cpu: '0', memory: '0' } }), want: 'BestEffort' },
    { name: 'requests only', pod: podWith({ requests: { cpu: '100m' } }), want: 'Burstable' },
    { name: 'limits equal requests', pod: podWith({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } }), want: 'Guaranteed' },
    { name: 'equal in other units', pod: podWith({ requests: { cpu: '0.5', memory: '1024Mi' }, limits: { cpu: '500m', memory: '1Gi' } }), want: 'Guaranteed' },
    // Defaulting copies limits into requests first; the function alone sees no requests.
    { name: 'limits only, before defaulting', pod: podWith({ limits: { cpu: '1', memory: '1Gi' } }), want: 'Burstable' },
    { name: 'sums across containers match', pod: podWith({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } }, { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }), want: 'Guaranteed' },
    { name: 'limits above requests', pod: podWith({ requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } }), want: 'Burstable' },
    { name: 'memory limit missing', pod: podWith({ limits: { cpu: '1' } }), want: 'Burstable' },
    { name: 'one container unlimited', pod: podWith({ limits: { cpu: '1', memory: '1Gi' } }, {}), want: 'Burstable' },
  ])('$name → $want', ({ pod, want }) => {
    expect(qosClass(pod)).toBe(want)
  })
})
