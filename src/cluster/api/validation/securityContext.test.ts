import { describe, expect, test } from 'vitest'
import { containerWith, createErrors, podWith, type ContainerRow, type PodRow } from './testPod'

const podRows: PodRow[] = [
  {
    name: 'pod security context ids out of range',
    mutate: (_p, s) =>
      (s.securityContext = { runAsUser: -1, fsGroup: 4294967296, supplementalGroups: [-2] }),
    want: [
      'spec.securityContext.fsGroup: Invalid value: 4294967296: must be between 0 and 4294967295, inclusive',
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 4294967295, inclusive',
      'spec.securityContext.supplementalGroups[0]: Invalid value: -2: must be between 0 and 4294967295, inclusive',
    ],
  },
  {
    name: 'fsGroupChangePolicy and seccomp type',
    mutate: (_p, s) =>
      (s.securityContext = { fsGroupChangePolicy: 'Never', seccompProfile: { type: 'Strict' } }),
    want: [
      'spec.securityContext.fsGroupChangePolicy: Unsupported value: "Never": supported values: "Always", "OnRootMismatch"',
      'spec.securityContext.seccompProfile.type: Unsupported value: "Strict": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    ],
  },
  {
    name: 'shareProcessNamespace with hostPID',
    mutate: (_p, s) => {
      s.shareProcessNamespace = true
      s.hostPID = true
    },
    want: [
      'spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
    ],
  },
]

// The container rows cite VALPOD-2..4,7 as they always have: no VALPOD rule names a
// container's securityContext yet.
const containerRows: ContainerRow[] = [
  {
    name: 'runAsUser negative',
    mutate: (c) => (c.securityContext = { runAsUser: -1 }),
    want: [
      'spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 4294967295, inclusive',
    ],
  },
  {
    name: 'procMount Unmasked with host users',
    mutate: (c) => (c.securityContext = { procMount: 'Unmasked' }),
    want: [
      'spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
    ],
  },
  {
    name: 'seccomp Localhost without a profile',
    mutate: (c) => (c.securityContext = { seccompProfile: { type: 'Localhost' } }),
    want: [
      'spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost',
    ],
  },
]

describe('validatePodSpecSecurityContext, via validatePod', () => {
  test.each(podRows)('VALPOD-8 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})

describe('validateSecurityContext, via validateContainers', () => {
  test.each(containerRows)('VALPOD-2..4,7 $name', ({ mutate, want }) => {
    expect(containerWith(mutate)).toEqual(want)
  })
})
