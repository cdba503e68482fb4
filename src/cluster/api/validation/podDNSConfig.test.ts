import { describe, expect, test } from 'vitest'
import { createErrors, podWith, subdomainMsg, type PodRow } from './testPod'

const rows: PodRow[] = [
  {
    name: 'bad dns policy',
    mutate: (_p, s) => (s.dnsPolicy = 'Cluster'),
    want: [
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ],
  },
  {
    name: 'dnsPolicy None without dnsConfig',
    mutate: (_p, s) => (s.dnsPolicy = 'None'),
    want: ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
  },
  {
    name: 'dnsPolicy None without nameservers',
    mutate: (_p, s) => {
      s.dnsPolicy = 'None'
      s.dnsConfig = { searches: ['svc.cluster.local'] }
    },
    want: [
      'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    ],
  },
  {
    name: 'dnsConfig bad nameserver and search',
    mutate: (_p, s) =>
      (s.dnsConfig = {
        nameservers: ['1.2.3'],
        searches: ['Bad_Domain.'],
        options: [{ value: '2' }],
      }),
    want: [
      'spec.dnsConfig.nameservers[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      `spec.dnsConfig.searches[0]: Invalid value: "Bad_Domain": ${subdomainMsg}`,
      'spec.dnsConfig.options[0]: Required value: must not be empty',
    ],
  },
]

describe('validateDNSPolicy and validatePodDNSConfig, via validatePod', () => {
  test.each(rows)('VALPOD-8 $name', ({ mutate, want }) => {
    expect(createErrors(podWith(mutate))).toEqual(want)
  })
})
