import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import { fieldPath } from '../field'
import type { KubeObject } from '../types'
import { validateEndpoints, validateEndpointsUpdate, validateNonSpecialIP } from './endpoints'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Endpoints as the endpoints controller writes them, after defaulting. */
const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '4' },
  subsets: [
    {
      addresses: [
        {
          ip: '10.244.1.5',
          nodeName: 'node-1',
          targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default' },
        },
      ],
      notReadyAddresses: [{ ip: '10.244.2.7' }],
      ports: [{ port: 80, protocol: 'TCP' }],
    },
  ],
}
const withSubsets = (subsets: unknown[]): KubeObject => ({ ...clone(base), subsets })

describe('validateEndpoints', () => {
  test.each([
    { name: 'valid defaulted Endpoints', obj: base, want: [] as string[] },
    { name: 'no subsets', obj: withSubsets([]), want: [] },
    {
      name: 'a subset without addresses',
      obj: withSubsets([{ ports: [{ port: 80, protocol: 'TCP' }] }]),
      want: ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
    },
    {
      name: 'an address that is not an IP',
      obj: withSubsets([{ addresses: [{ ip: 'pod-a' }] }]),
      want: [
        'subsets[0].addresses[0].ip: Invalid value: "pod-a": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'subsets[0].addresses[0].ip: Invalid value: "pod-a": must be a valid IP address',
      ],
    },
    {
      name: 'a link-local address',
      obj: withSubsets([{ notReadyAddresses: [{ ip: '169.254.169.254' }] }]),
      want: [
        'subsets[0].notReadyAddresses[0].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      ],
    },
    {
      name: 'a hostname that is not a DNS label',
      obj: withSubsets([{ addresses: [{ ip: '10.0.0.1', hostname: 'a.b' }] }]),
      want: ['subsets[0].addresses[0].hostname: Invalid value: "a.b": must not contain dots'],
    },
    {
      name: 'two unnamed ports without a protocol',
      obj: withSubsets([
        { addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }, { port: 0 }] },
      ]),
      want: [
        'subsets[0].ports[0].name: Required value',
        'subsets[0].ports[1].name: Required value',
        'subsets[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'subsets[0].ports[1].protocol: Required value',
      ],
    },
  ])('VALKINDS-14 $name', ({ obj, want }) => {
    expect(texts(validateEndpoints(obj))).toEqual(want)
  })

  test('VALKINDS-14 update validates the new object again', () => {
    const bad = withSubsets([{}])
    expect(texts(validateEndpointsUpdate(bad, base))).toEqual([
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
    ])
    expect(validateEndpointsUpdate(clone(base), base)).toEqual([])
  })
})

describe('validateNonSpecialIP', () => {
  test.each([
    { ip: '10.1.2.3', want: [] as string[] },
    { ip: '2001:db8::1', want: [] },
    { ip: '0.0.0.0', want: ['ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)'] },
    { ip: '::', want: ['ip: Invalid value: "::": may not be unspecified (::)'] },
    {
      ip: '::1',
      want: ['ip: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    },
    {
      ip: '127.8.9.10',
      want: [
        'ip: Invalid value: "127.8.9.10": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      ],
    },
    {
      ip: 'fe80::1',
      want: [
        'ip: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      ],
    },
    {
      ip: '224.0.0.251',
      want: [
        'ip: Invalid value: "224.0.0.251": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ],
    },
    {
      ip: 'ff02::fb',
      want: [
        'ip: Invalid value: "ff02::fb": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ],
    },
  ])('VALKINDS-14 $ip', ({ ip, want }) => {
    expect(texts(validateNonSpecialIP(ip, fieldPath('ip')))).toEqual(want)
  })
})
