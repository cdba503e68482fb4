import { describe, expect, test } from 'vitest'
import { createErrors, podWith, labelMsg, namePartMsg, type PodRow } from './testPod'

const rows: PodRow[] = [
  {
    name: 'node affinity without terms',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
      }),
    want: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ],
  },
  {
    name: 'node affinity In without values, bad operator, Gt with two values',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'zone', operator: 'In' },
                  { key: 'zone', operator: 'Equals', values: ['a'] },
                  { key: 'cores', operator: 'Gt', values: ['1', '2'] },
                ],
              },
            ],
          },
        },
      }),
    want: [
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].operator: Invalid value: "Equals": not a valid selector operator',
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
    ],
  },
  {
    name: 'node affinity matchFields key',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['x'] }] },
            ],
          },
        },
      }),
    want: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key',
    ],
  },
  {
    name: 'preferred node affinity weight',
    mutate: (_p, s) =>
      (s.affinity = {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 0,
              preference: {
                matchExpressions: [{ key: 'zone', operator: 'In', values: ['any value!'] }],
              },
            },
          ],
        },
      }),
    want: [
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ],
  },
  {
    name: 'pod anti-affinity without topologyKey',
    mutate: (_p, s) =>
      (s.affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'web' } } },
          ],
        },
      }),
    want: [
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
      `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": ${namePartMsg}`,
    ],
  },
  {
    name: 'pod affinity weight, namespaces and selector',
    mutate: (_p, s) =>
      (s.affinity = {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 101,
              podAffinityTerm: {
                topologyKey: 'kubernetes.io/hostname',
                namespaces: ['Bad_NS'],
                labelSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] },
              },
            },
          ],
        },
      }),
    want: [
      'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100',
      "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      `spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespace: Invalid value: "Bad_NS": ${labelMsg}`,
    ],
  },
]

describe('validateAffinity, via validatePod', () => {
  test.each(rows)('VALPOD-10 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})
