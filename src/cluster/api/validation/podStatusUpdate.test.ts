import { describe, expect, test } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { errorText } from '../field'
import { validatePodStatusUpdate } from './podStatusUpdate'
import { asObj, basePod, clone, namePartMsg, type Obj } from './testPod'

interface StatusRow {
  name: string
  old?: (pod: Obj) => void
  mutate: (pod: Obj) => void
  want: string[]
}

const status = (p: Obj): Obj => {
  p.status ??= {}
  return asObj(p.status)
}

const statusRows: StatusRow[] = [
  { name: 'phase is not checked', mutate: (p) => (status(p).phase = 'Exploded'), want: [] },
  {
    name: 'system condition',
    mutate: (p) => (status(p).conditions = [{ type: 'Ready', status: 'True' }]),
    want: [],
  },
  {
    name: 'custom condition type',
    mutate: (p) => (status(p).conditions = [{ type: 'my condition', status: 'True' }]),
    want: [`metadata.conditions[0].Type: Invalid value: "my condition": ${namePartMsg}`],
  },
  {
    name: 'nodeName changed',
    mutate: (p) => (asObj(p.spec).nodeName = 'node-2'),
    want: ['status.nodeName: Forbidden: may not be changed directly'],
  },
  {
    name: 'qosClass changed',
    old: (p) => (status(p).qosClass = 'Burstable'),
    mutate: (p) => (status(p).qosClass = 'BestEffort'),
    want: ['status.qosClass: Invalid value: "BestEffort": field is immutable'],
  },
  {
    name: 'terminated container restarted under Never',
    old: (p) => {
      asObj(p.spec).restartPolicy = 'Never'
      status(p).containerStatuses = [{ name: 'nginx', state: { terminated: { exitCode: 1 } } }]
    },
    mutate: (p) => (status(p).containerStatuses = [{ name: 'nginx', state: { running: {} } }]),
    want: [
      'status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ],
  },
  {
    name: 'failed container restarted under OnFailure',
    old: (p) => {
      asObj(p.spec).restartPolicy = 'OnFailure'
      status(p).containerStatuses = [{ name: 'nginx', state: { terminated: { exitCode: 1 } } }]
    },
    mutate: (p) => (status(p).containerStatuses = [{ name: 'nginx', state: { running: {} } }]),
    want: [],
  },
  {
    name: 'terminated ephemeral container restarted',
    old: (p) =>
      (status(p).ephemeralContainerStatuses = [
        { name: 'debug', state: { terminated: { exitCode: 0 } } },
      ]),
    mutate: (p) =>
      (status(p).ephemeralContainerStatuses = [{ name: 'debug', state: { running: {} } }]),
    want: [
      'status.ephemeralContainerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ],
  },
  {
    name: 'terminated sidecar may restart under Never',
    old: (p) => {
      const spec = asObj(p.spec)
      spec.restartPolicy = 'Never'
      spec.initContainers = [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }]
      status(p).initContainerStatuses = [{ name: 'proxy', state: { terminated: { exitCode: 1 } } }]
    },
    mutate: (p) => (status(p).initContainerStatuses = [{ name: 'proxy', state: { running: {} } }]),
    want: [],
  },
  {
    name: 'two IPv4 pod IPs',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }]),
    want: [
      'status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:"10.0.0.1"}, core.PodIP{IP:"10.0.0.2"}}: may specify no more than one IP for each IP family',
    ],
  },
  {
    name: 'dual-stack pod IPs',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }]),
    want: [],
  },
  {
    name: 'duplicate pod IPs',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0.1' }, { ip: '10.0.0.1' }]),
    want: [
      'status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:"10.0.0.1"}, core.PodIP{IP:"10.0.0.1"}}: may specify no more than one IP for each IP family',
      'status.podIPs[1]: Duplicate value: core.PodIP{IP:"10.0.0.1"}',
    ],
  },
  {
    name: 'pod IP not an IP',
    mutate: (p) => (status(p).podIPs = [{ ip: '10.0.0' }]),
    want: [
      'status.podIPs[0]: Invalid value: "10.0.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
  },
  {
    name: 'hostIPs do not start with hostIP',
    mutate: (p) => {
      status(p).hostIP = '10.0.0.1'
      status(p).hostIPs = [{ ip: '10.0.0.2' }]
    },
    want: ['status.hostIPs[0].ip: Invalid value: "10.0.0.2": must be equal to `hostIP`'],
  },
]

describe('validatePodStatusUpdate', () => {
  test.each(statusRows)('VALPOD-13 $name', ({ old, mutate, want }) => {
    const oldPod = basePod()
    old?.(oldPod)
    const newPod = clone(oldPod)
    mutate(newPod)
    expect(validatePodStatusUpdate(newPod as Pod, oldPod as Pod).map(errorText)).toEqual(want)
  })
})
