import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateEvent, validateEventUpdate } from './event'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)

/** A core/v1 Event as the kubelet records it. */
const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web-1.17a2b3c4d5e6f7a8', namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', apiVersion: 'v1' },
  reason: 'Started',
  message: 'Started container nginx',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2024-01-01T00:00:00Z',
  lastTimestamp: '2024-01-01T00:00:00Z',
  count: 1,
  type: 'Normal',
}
const ev = (patch: Record<string, unknown>): KubeObject => ({ ...base, ...patch })
const newStyle = ev({
  eventTime: '2024-01-01T00:00:00.000000Z',
  reportingComponent: 'kubelet',
  reportingInstance: 'node-1',
  action: 'Started',
})

describe('validateEvent', () => {
  test.each([
    { name: 'a valid old-style Event', obj: base, want: [] as string[] },
    { name: 'a valid new-style Event', obj: newStyle, want: [] },
    {
      name: 'an involved object in another namespace',
      obj: ev({ involvedObject: { kind: 'Pod', name: 'p', namespace: 'kube-system' } }),
      want: [
        'involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace',
      ],
    },
    {
      name: 'a cluster-scoped object with the Event in default',
      obj: ev({ involvedObject: { kind: 'Node', name: 'node-1' } }),
      want: [],
    },
    {
      name: 'a cluster-scoped object with the Event in another namespace',
      obj: ev({
        metadata: { name: 'e', namespace: 'dev' },
        involvedObject: { kind: 'Node', name: 'node-1' },
      }),
      want: ['involvedObject.namespace: Invalid value: "": does not match event.namespace'],
    },
    {
      name: 'a new-style Event missing its reporting fields',
      obj: ev({ eventTime: '2024-01-01T00:00:00.000000Z' }),
      want: [
        'reportingController: Required value',
        'reportingController: Invalid value: "": name part must be non-empty',
        "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'reportingInstance: Required value',
        'action: Required value',
      ],
    },
    {
      name: 'a new-style Event with a long reason and message',
      obj: { ...newStyle, reason: 'r'.repeat(129), message: 'm'.repeat(1025) },
      want: [
        'reason: Invalid value: "": can have at most 128 characters',
        'message: Invalid value: "": can have at most 1024 characters',
      ],
    },
  ])('VALKINDS-19 $name', ({ obj, want }) => {
    expect(texts(validateEvent(obj))).toEqual(want)
  })

  test('VALKINDS-19 an update is judged on the new Event alone', () => {
    expect(validateEventUpdate(ev({ count: 2, reason: 'Pulled' }))).toEqual([])
  })
})
