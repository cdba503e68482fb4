import { describe, expect, test } from 'vitest'
import { createErrors, podWith, labelValueMsg, type PodRow } from './testPod'

const rows: PodRow[] = [
  {
    name: 'toleration with empty key and Equal',
    mutate: (_p, s) => (s.tolerations = [{ operator: 'Equal', value: 'x', effect: 'NoSchedule' }]),
    want: [
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
  },
  {
    name: 'toleration Exists with a value',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Exists', value: 'x' }]),
    want: [
      'spec.tolerations[0].operator: Invalid value: "x": value must be empty when `operator` is \'Exists\'',
    ],
  },
  {
    name: 'toleration operator unknown',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Lt', value: '1' }]),
    want: [
      'spec.tolerations[0].operator: Unsupported value: "Lt": supported values: "Equal", "Exists"',
    ],
  },
  {
    name: 'toleration effect unknown',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoRun' }]),
    want: [
      'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
  },
  {
    name: 'tolerationSeconds without NoExecute',
    mutate: (_p, s) =>
      (s.tolerations = [
        { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 },
      ]),
    want: [
      'spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ],
  },
  {
    name: 'toleration Equal with a bad value',
    mutate: (_p, s) => (s.tolerations = [{ key: 'k', operator: 'Equal', value: 'bad value' }]),
    want: [`spec.tolerations[0].operator: Invalid value: "bad value": ${labelValueMsg}`],
  },
]

describe('validateTolerations, via validatePod', () => {
  test.each(rows)('VALPOD-9 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})
