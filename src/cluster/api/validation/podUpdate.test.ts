import { describe, expect, it, test } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { aggregateText, errorText } from '../field'
import { updatablePodSpecFields, validatePodUpdate } from './podUpdate'
import { asObj, basePod, clone, podWith, type Mutate } from './testPod'

const forbiddenUpdate =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

interface UpdateRow {
  name: string
  old?: Mutate
  mutate: Mutate
  want: string[]
}

const updateRows: UpdateRow[] = [
  { name: 'no change', mutate: () => {}, want: [] },
  { name: 'image change', mutate: (_p, _s, c) => (c.image = 'nginx:1.28'), want: [] },
  {
    name: 'label change',
    mutate: (p) => (asObj(p.metadata).labels = { app: 'web', tier: 'fe' }),
    want: [],
  },
  {
    name: 'port change',
    mutate: (_p, _s, c) => (asObj((c.ports as unknown[])[0]).containerPort = 8080),
    want: [forbiddenUpdate],
  },
  {
    name: 'grace period change',
    mutate: (_p, s) => (s.terminationGracePeriodSeconds = 60),
    want: [forbiddenUpdate],
  },
  {
    name: 'grace period from negative to 1',
    old: (_p, s) => (s.terminationGracePeriodSeconds = -1),
    mutate: (_p, s) => (s.terminationGracePeriodSeconds = 1),
    want: [],
  },
  {
    name: 'container added',
    mutate: (_p, s, c) => (s.containers = [c, { ...clone(c), name: 'sidecar', ports: [] }]),
    want: ['spec.containers: Forbidden: pod updates may not add or remove containers'],
  },
  {
    name: 'activeDeadlineSeconds set',
    mutate: (_p, s) => (s.activeDeadlineSeconds = 30),
    want: [],
  },
  {
    name: 'activeDeadlineSeconds lowered',
    old: (_p, s) => (s.activeDeadlineSeconds = 60),
    mutate: (_p, s) => (s.activeDeadlineSeconds = 30),
    want: [],
  },
  {
    name: 'activeDeadlineSeconds raised',
    old: (_p, s) => (s.activeDeadlineSeconds = 30),
    mutate: (_p, s) => (s.activeDeadlineSeconds = 60),
    want: [
      'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    ],
  },
  {
    name: 'activeDeadlineSeconds removed',
    old: (_p, s) => (s.activeDeadlineSeconds = 30),
    mutate: (_p, s) => delete s.activeDeadlineSeconds,
    want: [
      'spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value',
    ],
  },
  {
    name: 'toleration added',
    mutate: (_p, s) =>
      (s.tolerations = [
        ...(s.tolerations as unknown[]),
        { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' },
      ]),
    want: [],
  },
  {
    name: 'tolerationSeconds changed',
    mutate: (_p, s) => (asObj((s.tolerations as unknown[])[0]).tolerationSeconds = 600),
    want: [],
  },
  {
    name: 'toleration key changed',
    mutate: (_p, s) => (asObj((s.tolerations as unknown[])[0]).key = 'node.kubernetes.io/other'),
    want: [
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ],
  },
  {
    name: 'quantity rewritten with the same value',
    mutate: (_p, _s, c) =>
      (c.resources = {
        requests: { cpu: '0.1', memory: '64Mi' },
        limits: { cpu: '500m', memory: '128Mi' },
      }),
    want: [],
  },
  {
    name: 'scheduling gate added',
    mutate: (_p, s) => (s.schedulingGates = [{ name: 'example.com/gate' }]),
    want: [
      "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/gate'",
    ],
  },
  {
    name: 'gated pod gains a nodeSelector entry',
    old: (_p, s) => {
      s.schedulingGates = [{ name: 'example.com/gate' }]
      s.nodeSelector = { disk: 'ssd' }
    },
    mutate: (_p, s) => (s.nodeSelector = { disk: 'ssd', zone: 'a' }),
    want: [],
  },
  {
    name: 'gated pod changes a nodeSelector entry',
    old: (_p, s) => {
      s.schedulingGates = [{ name: 'example.com/gate' }]
      s.nodeSelector = { disk: 'ssd' }
    },
    mutate: (_p, s) => (s.nodeSelector = { disk: 'hdd' }),
    want: [
      'spec.nodeSelector: Invalid value: map[string]string{"disk":"hdd"}: only additions to spec.nodeSelector are allowed (no mutations or deletions)',
    ],
  },
  {
    name: 'name changed',
    mutate: (p) => (asObj(p.metadata).name = 'web2'),
    want: ['metadata.name: Invalid value: "web2": field is immutable'],
  },
  {
    name: 'mirror annotation added',
    mutate: (p, s) => {
      asObj(p.metadata).annotations = { 'kubernetes.io/config.mirror': 'x' }
      s.nodeName = 'node-1'
    },
    want: [
      'metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation',
      forbiddenUpdate,
    ],
  },
]

describe('validatePodUpdate', () => {
  test.each(updateRows)('VALPOD-12 $name', ({ old, mutate, want }) => {
    const oldPod = podWith(old ?? (() => {}))
    const newPod = clone(oldPod)
    const spec = asObj(newPod.spec)
    mutate(newPod, spec, asObj((spec.containers as unknown[])[0]))
    expect(validatePodUpdate(newPod as Pod, oldPod as Pod).map(errorText)).toEqual(want)
  })
  it('VALPOD-12 an emptied image is reported twice upstream and once in the aggregate', () => {
    const oldPod = basePod()
    const newPod = podWith((_p, _s, c) => (c.image = ''))
    const errs = validatePodUpdate(newPod as Pod, oldPod as Pod)
    expect(errs.map(errorText)).toEqual([
      'spec.containers[0].image: Required value',
      'spec.containers[0].image: Required value',
    ])
    expect(aggregateText(errs)).toBe('spec.containers[0].image: Required value')
  })
  it('VALPOD-12 lists the updatable fields in upstream order', () => {
    expect(updatablePodSpecFields).toHaveLength(5)
    expect(forbiddenUpdate.endsWith(updatablePodSpecFields.join(','))).toBe(true)
  })
})
