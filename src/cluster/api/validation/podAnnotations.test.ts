import { describe, expect, test } from 'vitest'
import { createErrors, podWith, asObj, type PodRow } from './testPod'

const rows: PodRow[] = [
  {
    name: 'mirror pod annotation without nodeName',
    mutate: (p) => (asObj(p.metadata).annotations = { 'kubernetes.io/config.mirror': 'abc' }),
    want: [
      'metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set',
    ],
  },
  {
    name: 'pod deletion cost with a plus sign',
    mutate: (p) =>
      (asObj(p.metadata).annotations = { 'controller.kubernetes.io/pod-deletion-cost': '+10' }),
    want: [
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
    ],
  },
  {
    name: 'pod deletion cost beyond int32',
    mutate: (p) =>
      (asObj(p.metadata).annotations = {
        'controller.kubernetes.io/pod-deletion-cost': '2147483648',
      }),
    want: [
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "2147483648": must be a 32bit integer',
    ],
  },
  {
    name: 'pod deletion cost negative is fine',
    mutate: (p) =>
      (asObj(p.metadata).annotations = { 'controller.kubernetes.io/pod-deletion-cost': '-100' }),
    want: [],
  },
]

describe('validatePodSpecificAnnotations, via validatePod', () => {
  test.each(rows)('VALPOD-1 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})
