import { describe, expect, test } from 'vitest'
import type { EndpointSubset } from 'kubernetes-types/core/v1'
import { repackSubsets } from './repackSubsets'

const ref = (uid: string) => ({ uid })
const named = (name: string) => ({ name })

// Rows ported from pkg/api/v1/endpoints/util_test.go TestPackSubsets.
const rows: { name: string; given: EndpointSubset[]; expect: EndpointSubset[] }[] = [
  { name: 'empty everything', given: [{ addresses: [], ports: [] }], expect: [] },
  { name: 'empty addresses', given: [{ addresses: [], ports: [{ port: 111 }] }], expect: [] },
  { name: 'empty ports keep their addresses (sentinel port)', given: [{ addresses: [{ ip: '1.2.3.4' }], ports: [] }], expect: [{ addresses: [{ ip: '1.2.3.4' }] }] },
  { name: 'one set, one ip, one port', given: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }], expect: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }] },
  {
    name: 'one set, one notReady ip, one UID, one port',
    given: [{ notReadyAddresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 111 }] }],
    expect: [{ notReadyAddresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 111 }] }],
  },
  {
    name: 'one set, two mixed ips, one port',
    given: [{ addresses: [{ ip: '1.2.3.4' }], notReadyAddresses: [{ ip: '5.6.7.8' }], ports: [{ port: 111 }] }],
    expect: [{ addresses: [{ ip: '1.2.3.4' }], notReadyAddresses: [{ ip: '5.6.7.8' }], ports: [{ port: 111 }] }],
  },
  {
    name: 'one set, two duplicate ips, one port, notReady is covered by ready',
    given: [{ addresses: [{ ip: '1.2.3.4' }], notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }],
    expect: [{ notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }],
  },
  { name: 'one set, one ip, two ports', given: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }, { port: 222 }] }], expect: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }, { port: 222 }] }] },
  { name: 'one set, dup ips, one port', given: [{ addresses: [{ ip: '1.2.3.4' }, { ip: '1.2.3.4' }], ports: [{ port: 111 }] }], expect: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }] },
  {
    name: 'one set, dup ips with target-refs, one port',
    given: [{ addresses: [{ ip: '1.2.3.4', targetRef: named('foo') }, { ip: '1.2.3.4', targetRef: named('bar') }], ports: [{ port: 111 }] }],
    expect: [{ addresses: [{ ip: '1.2.3.4', targetRef: named('foo') }], ports: [{ port: 111 }] }],
  },
  {
    name: 'one set, dup mixed ips with target-refs, one port',
    given: [{ addresses: [{ ip: '1.2.3.4', targetRef: named('foo') }], notReadyAddresses: [{ ip: '1.2.3.4', targetRef: named('bar') }], ports: [{ port: 111 }] }],
    expect: [{ notReadyAddresses: [{ ip: '1.2.3.4', targetRef: named('foo') }], ports: [{ port: 111 }] }],
  },
  { name: 'one set, one ip, dup ports', given: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }, { port: 111 }] }], expect: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }] },
  {
    name: 'two sets, dup mixed ip, dup port',
    given: [
      { addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] },
      { notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] },
    ],
    expect: [{ notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] }],
  },
  {
    name: 'two sets, dup ip, two ports',
    given: [
      { addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] },
      { addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 222 }] },
    ],
    expect: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }, { port: 222 }] }],
  },
  {
    name: 'two sets, dup mixed ip, dup uids, two ports',
    given: [
      { addresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 111 }] },
      { notReadyAddresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 222 }] },
    ],
    expect: [
      { addresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 111 }] },
      { notReadyAddresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 222 }] },
    ],
  },
  {
    name: 'two set, dup ip, with and without uid, dup ports',
    given: [
      { addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] },
      { addresses: [{ ip: '1.2.3.4', targetRef: ref('uid-2') }], ports: [{ port: 111 }] },
    ],
    expect: [{ addresses: [{ ip: '1.2.3.4' }, { ip: '1.2.3.4', targetRef: ref('uid-2') }], ports: [{ port: 111 }] }],
  },
  {
    name: 'two sets, two mixed ips, two dup ip with uid, dup port, wrong order, ends up with split addresses',
    given: [
      { addresses: [{ ip: '5.6.7.8' }], ports: [{ port: 111 }] },
      { notReadyAddresses: [{ ip: '5.6.7.8', targetRef: ref('uid-1') }], ports: [{ port: 111 }] },
      { notReadyAddresses: [{ ip: '1.2.3.4', targetRef: ref('uid-1') }], ports: [{ port: 111 }] },
      { notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] },
    ],
    expect: [
      {
        addresses: [{ ip: '5.6.7.8' }],
        notReadyAddresses: [{ ip: '1.2.3.4' }, { ip: '1.2.3.4', targetRef: ref('uid-1') }, { ip: '5.6.7.8', targetRef: ref('uid-1') }],
        ports: [{ port: 111 }],
      },
    ],
  },
  {
    name: 'four sets, three ips, three ports, jumbled',
    given: [
      { addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 111 }] },
      { addresses: [{ ip: '1.2.3.5' }], ports: [{ port: 222 }] },
      { addresses: [{ ip: '1.2.3.6' }], ports: [{ port: 111 }] },
      { addresses: [{ ip: '1.2.3.5' }], ports: [{ port: 333 }] },
    ],
    expect: [
      { addresses: [{ ip: '1.2.3.4' }, { ip: '1.2.3.6' }], ports: [{ port: 111 }] },
      { addresses: [{ ip: '1.2.3.5' }], ports: [{ port: 222 }, { port: 333 }] },
    ],
  },
  {
    name: 'addresses sort by IP bytes, as Go compares them',
    given: [{ addresses: [{ ip: '10.64.0.9' }, { ip: '10.64.0.10' }, { ip: '10.64.1.2' }], ports: [{ port: 80 }] }],
    expect: [{ addresses: [{ ip: '10.64.0.10' }, { ip: '10.64.0.9' }, { ip: '10.64.1.2' }], ports: [{ port: 80 }] }],
  },
]

describe('RepackSubsets (EP-5)', () => {
  test.each(rows)('EP-5 $name', ({ given, expect: want }) => {
    expect(repackSubsets(given)).toEqual(want)
  })

  test('EP-5 the input is not changed', () => {
    const given: EndpointSubset[] = [{ addresses: [{ ip: '1.2.3.4' }], notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 1 }] }]
    const copy = JSON.parse(JSON.stringify(given)) as EndpointSubset[]
    repackSubsets(given)
    expect(given).toEqual(copy)
  })
})
