import { describe, expect, test } from 'vitest'
import { aggregateText, errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateNode, validateNodeStatusUpdate, validateNodeUpdate } from './node'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** A Node as a kubelet registers it. */
const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-1',
    uid: 'u1',
    resourceVersion: '11',
    labels: { 'kubernetes.io/hostname': 'node-1' },
  },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kubeplay://node-1' },
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    allocatable: { cpu: '3800m', memory: '7Gi', pods: '110' },
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'node-1' },
    ],
  },
}
const withSpec = (spec: Record<string, unknown>): KubeObject => ({
  ...clone(base),
  spec: { ...clone(base.spec as object), ...spec },
})

describe('validateNode', () => {
  test.each([
    { name: 'a valid Node', obj: base, want: [] as string[] },
    {
      name: 'a namespaced Node',
      obj: { ...clone(base), metadata: { name: 'node-1', namespace: 'default' } },
      want: ['metadata.namespace: Forbidden: not allowed on this type'],
    },
    {
      name: 'a taint with an unknown effect (reported under metadata, as upstream)',
      obj: withSpec({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoRun' }] }),
      want: [
        'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'a taint without an effect',
      obj: withSpec({ taints: [{ key: 'dedicated' }] }),
      want: ['metadata.taints[0].effect: Required value'],
    },
    {
      name: 'a taint key that is not a qualified name',
      obj: withSpec({ taints: [{ key: 'bad key', effect: 'NoSchedule' }] }),
      want: [
        "metadata.taints[0].key: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: 'a taint value that is not a label value',
      obj: withSpec({ taints: [{ key: 'k', value: 'a b', effect: 'NoSchedule' }] }),
      want: [
        "metadata.taints[0].value: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    },
    {
      name: 'the same key and effect twice',
      obj: withSpec({
        taints: [
          { key: 'k', value: 'a', effect: 'NoSchedule' },
          { key: 'k', value: 'b', effect: 'NoExecute' },
          { key: 'k', value: 'c', effect: 'NoSchedule' },
        ],
      }),
      want: [
        'metadata.taints[2]: Duplicate value: core.Taint{Key:"k", Value:"c", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      ],
    },
    {
      name: 'a negative capacity and a fractional pod count',
      obj: { ...clone(base), status: { capacity: { cpu: '-1', pods: '1500m' } } },
      want: [
        'status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0',
        // Go prints the Quantity (a fmt.Stringer) bare, as ValidateResourceQuantityValue does.
        'status.capacity.pods: Invalid value: 1500m: must be an integer',
      ],
    },
    {
      name: 'two IPv4 podCIDRs',
      obj: withSpec({ podCIDRs: ['10.244.1.0/24', '10.244.2.0/24'] }),
      want: [
        'spec.podCIDRs: Invalid value: []string{"10.244.1.0/24", "10.244.2.0/24"}: may specify no more than one CIDR for each IP family',
      ],
    },
    {
      name: 'a dual-stack pair',
      obj: withSpec({ podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'] }),
      want: [],
    },
    {
      name: 'a podCIDR that is not a CIDR',
      obj: withSpec({ podCIDRs: ['10.244.1.0'] }),
      want: [
        'spec.podCIDRs[0]: Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      ],
    },
  ])('VALKINDS-16 $name', ({ obj, want }) => {
    expect(texts(validateNode(obj))).toEqual(want)
  })
})

describe('validateNodeUpdate', () => {
  test.each([
    { name: 'no change', obj: base, want: [] as string[] },
    { name: 'cordoning', obj: withSpec({ unschedulable: true }), want: [] },
    {
      name: 'a changed podCIDR',
      obj: withSpec({ podCIDRs: ['10.244.9.0/24'] }),
      want: [
        'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      ],
    },
    {
      name: 'a changed providerID',
      obj: withSpec({ providerID: 'other://node-1' }),
      want: [
        'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
      ],
    },
    {
      name: 'a repeated address',
      obj: {
        ...clone(base),
        status: {
          addresses: [
            { type: 'InternalIP', address: '172.18.0.2' },
            { type: 'InternalIP', address: '172.18.0.2' },
          ],
        },
      },
      want: [
        'status.addresses[1]: Duplicate value: core.NodeAddress{Type:"InternalIP", Address:"172.18.0.2"}',
      ],
    },
  ])('VALKINDS-16 $name', ({ obj, want }) => {
    expect(texts(validateNodeUpdate(obj, base))).toEqual(want)
  })

  test('VALKINDS-1 VALKINDS-16 taint errors come from both passes, the message shows them once', () => {
    const obj = withSpec({ taints: [{ key: 'k' }] })
    expect(texts(validateNodeUpdate(obj, base))).toEqual([
      'metadata.taints[0].effect: Required value',
      'metadata.taints[0].effect: Required value',
    ])
    expect(aggregateText(validateNodeUpdate(obj, base))).toBe(
      'metadata.taints[0].effect: Required value',
    )
    expect(texts(validateNodeStatusUpdate(obj, base))).toEqual([
      'metadata.taints[0].effect: Required value',
    ])
  })
})
