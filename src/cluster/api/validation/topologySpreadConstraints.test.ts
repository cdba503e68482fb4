import { describe, expect, test } from 'vitest'
import { createErrors, podWith, type PodRow } from './testPod'

const rows: PodRow[] = [
  {
    name: 'topology spread basics',
    mutate: (_p, s) =>
      (s.topologySpreadConstraints = [
        {
          maxSkew: 0,
          topologyKey: '',
          whenUnsatisfiable: 'Never',
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ]),
    want: [
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"',
    ],
  },
  {
    name: 'topology spread duplicate pair and minDomains',
    mutate: (_p, s) =>
      (s.topologySpreadConstraints = [
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
        { maxSkew: 1, topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 },
      ]),
    want: [
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
      'spec.topologySpreadConstraints[2].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
    ],
  },
  {
    name: 'topology spread matchLabelKeys without selector',
    mutate: (_p, s) =>
      (s.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'DoNotSchedule',
          matchLabelKeys: ['app'],
        },
      ]),
    want: [
      'spec.topologySpreadConstraints[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set',
    ],
  },
]

describe('validateTopologySpreadConstraints, via validatePod', () => {
  test.each(rows)('VALPOD-11 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})
