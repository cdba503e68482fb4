import type { Pod, PodStatus } from 'kubernetes-types/core/v1'
import { describe, expect, test } from 'vitest'
import { podRow } from './podRow'

const now = Date.parse('2024-05-01T12:00:00Z')
const ago = (ms: number): string => new Date(now - ms).toISOString()
const S = 1000
const D = 24 * 3600 * S
const deleteTime = ago(10 * S)

function pod(
  name: string,
  containers: number,
  status: PodStatus,
  extra: Partial<Pod['spec']> = {},
  deletion?: string,
): Pod {
  return {
    metadata: { name, ...(deletion ? { deletionTimestamp: deletion } : {}) },
    spec: {
      containers: Array.from({ length: containers }, (_, i) => ({ name: `c${i}` })),
      ...extra,
    },
    status,
  }
}
const running = { running: {} }

// Rows ported from pkg/printers/internalversion/printers_test.go TestPrintPod and
// TestPrintPodWithRestartableInitContainer; AGE is <unknown> there as no creationTimestamp is set.
describe('podRow', () => {
  test.each([
    {
      name: 'test11 failed init container restarting',
      pod: pod(
        'test11',
        1,
        {
          phase: 'Running',
          initContainerStatuses: [
            {
              name: 'i',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: { terminated: { exitCode: 0, finishedAt: ago(120 * S) } },
            },
          ],
          containerStatuses: [
            {
              name: 'c0',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 4,
              state: running,
              lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } },
            },
          ],
        },
        { initContainers: [{ name: 'i' }] },
      ),
      want: ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    },
    {
      name: 'test12 one container restarted 5d ago',
      pod: pod('test12', 1, {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: running,
            lastState: { terminated: { exitCode: 0, finishedAt: ago(5 * D) } },
          },
        ],
      }),
      want: ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>'],
    },
    {
      name: 'test14 two containers, the latest restart counts',
      pod: pod('test14', 2, {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 6,
            state: running,
            lastState: { terminated: { exitCode: 0, finishedAt: ago(5 * D) } },
          },
          {
            name: 'c1',
            image: '',
            imageID: '',
            ready: true,
            restartCount: 3,
            state: running,
            lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * D) } },
          },
        ],
      }),
      want: ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>'],
    },
    {
      name: 'test15 SchedulingGated',
      pod: pod('test15', 2, {
        phase: 'podPhase',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      want: ['test15', '0/2', 'SchedulingGated', '0', '<unknown>'],
    },
    {
      name: 'test16 Succeeded shows Completed',
      pod: pod('test16', 1, {
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Completed', exitCode: 0 } },
          },
        ],
      }),
      want: ['test16', '0/1', 'Completed', '0', '<unknown>'],
    },
    {
      name: 'test17 Failed shows Error',
      pod: pod('test17', 1, {
        phase: 'Failed',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { reason: 'Error', exitCode: 1 } },
          },
        ],
      }),
      want: ['test17', '0/1', 'Error', '0', '<unknown>'],
    },
    {
      name: 'test18 Succeeded with deletion stays Completed',
      pod: pod(
        'test18',
        1,
        {
          phase: 'Succeeded',
          containerStatuses: [
            {
              name: 'c0',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { terminated: { reason: 'Completed', exitCode: 0 } },
            },
          ],
        },
        {},
        deleteTime,
      ),
      want: ['test18', '0/1', 'Completed', '0', '<unknown>'],
    },
    {
      name: 'test19 Running with deletion is Terminating',
      pod: pod(
        'test19',
        1,
        {
          phase: 'Running',
          containerStatuses: [
            { name: 'c0', image: '', imageID: '', ready: false, restartCount: 0, state: running },
          ],
        },
        {},
        deleteTime,
      ),
      want: ['test19', '0/1', 'Terminating', '0', '<unknown>'],
    },
    {
      name: 'test20 Pending with deletion is Terminating',
      pod: pod('test20', 1, { phase: 'Pending' }, {}, deleteTime),
      want: ['test20', '0/1', 'Terminating', '0', '<unknown>'],
    },
    {
      name: 'restartable init containers: first running, not started',
      pod: pod(
        'test1',
        1,
        {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 3,
              state: running,
              started: false,
              lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
            },
            {
              name: 'restartable-init-2',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: {} },
              started: false,
            },
          ],
          containerStatuses: [
            {
              name: 'c0',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: {} },
            },
          ],
          conditions: [{ type: 'Initialized', status: 'False' }],
        },
        {
          initContainers: [
            { name: 'restartable-init-1', restartPolicy: 'Always' },
            { name: 'restartable-init-2', restartPolicy: 'Always' },
          ],
        },
      ),
      want: ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    },
    {
      name: 'restartable init containers started and 1 container running',
      pod: pod(
        'test2',
        1,
        {
          phase: 'Running',
          initContainerStatuses: [
            {
              name: 'restartable-init-1',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 3,
              state: running,
              started: true,
              lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } },
            },
            {
              name: 'restartable-init-2',
              image: '',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: running,
              started: true,
            },
          ],
          containerStatuses: [
            {
              name: 'c0',
              image: '',
              imageID: '',
              ready: true,
              restartCount: 4,
              state: running,
              lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } },
            },
          ],
          conditions: [{ type: 'Initialized', status: 'True' }],
        },
        {
          initContainers: [
            { name: 'restartable-init-1', restartPolicy: 'Always' },
            { name: 'restartable-init-2', restartPolicy: 'Always' },
          ],
        },
      ),
      want: ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>'],
    },
  ])('POD-1 upstream $name', ({ pod: p, want }) => {
    expect(podRow(p, now, false)).toEqual(want)
  })

  const waiting = (reason: string) => ({ waiting: { reason } })
  test.each([
    {
      name: 'ContainerCreating',
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: waiting('ContainerCreating'),
          },
        ],
      },
      want: 'ContainerCreating',
    },
    {
      name: 'CrashLoopBackOff',
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 5,
            state: waiting('CrashLoopBackOff'),
          },
        ],
      },
      want: 'CrashLoopBackOff',
    },
    {
      name: 'ImagePullBackOff',
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: waiting('ImagePullBackOff'),
          },
        ],
      },
      want: 'ImagePullBackOff',
    },
    {
      name: 'OOMKilled',
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 1,
            state: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
          },
        ],
      },
      want: 'OOMKilled',
    },
    {
      name: 'ExitCode without reason',
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 2 } },
          },
        ],
      },
      want: 'ExitCode:2',
    },
    {
      name: 'Signal without reason',
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, signal: 9 } },
          },
        ],
      },
      want: 'Signal:9',
    },
    {
      name: 'Evicted from status.reason',
      status: { phase: 'Failed', reason: 'Evicted' },
      want: 'Evicted',
    },
  ])('POD-2 STATUS $name', ({ status, want }) => {
    expect(podRow(pod('p', 1, status as PodStatus), now, false)[2]).toBe(want)
  })

  test.each([
    {
      name: 'Init:CrashLoopBackOff',
      init: { restartCount: 3, state: waiting('CrashLoopBackOff') },
      want: 'Init:CrashLoopBackOff',
    },
    { name: 'Init:0/1 while running', init: { restartCount: 0, state: running }, want: 'Init:0/1' },
    {
      name: 'Init:0/1 while PodInitializing',
      init: { restartCount: 0, state: waiting('PodInitializing') },
      want: 'Init:0/1',
    },
    {
      name: 'Init:Error',
      init: { restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } },
      want: 'Init:Error',
    },
    {
      name: 'Init:ExitCode:1',
      init: { restartCount: 0, state: { terminated: { exitCode: 1 } } },
      want: 'Init:ExitCode:1',
    },
  ])('POD-3 init STATUS $name', ({ init, want }) => {
    const p = pod(
      'p',
      1,
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'i', image: '', imageID: '', ready: false, ...init }],
        containerStatuses: [
          {
            name: 'c0',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: waiting('PodInitializing'),
          },
        ],
      },
      { initContainers: [{ name: 'i' }] },
    )
    expect(podRow(p, now, false)[2]).toBe(want)
  })

  test('POD-4 NodeLost with deletion shows Unknown', () => {
    const p = pod('p', 1, { phase: 'Running', reason: 'NodeLost' }, {}, deleteTime)
    expect(podRow(p, now, false)[2]).toBe('Unknown')
  })

  test.each([
    { name: 'Ready condition → Running', ready: 'True', want: 'Running' },
    { name: 'no Ready condition → NotReady', ready: 'False', want: 'NotReady' },
  ])('POD-5 Completed sidecar with a running container: $name', ({ ready, want }) => {
    const p = pod('p', 2, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready }],
      containerStatuses: [
        { name: 'c0', image: '', imageID: '', ready: true, restartCount: 0, state: running },
        {
          name: 'c1',
          image: '',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { terminated: { reason: 'Completed', exitCode: 0 } },
        },
      ],
    })
    expect(podRow(p, now, false)[2]).toBe(want)
  })

  // TestPrintPodwide rows.
  test.each([
    {
      name: 'readiness gates 1/2 with IP and node',
      pod: {
        metadata: { name: 'test1' },
        spec: {
          containers: [{ name: 'a' }, { name: 'b' }],
          nodeName: 'test1',
          readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }],
        },
        status: {
          conditions: [
            { type: 'condition1', status: 'True' },
            { type: 'condition2', status: 'True' },
            { type: 'condition3', status: 'True' },
          ].slice(0, 1),
          phase: 'podPhase',
          containerStatuses: [
            { name: 'a', image: '', imageID: '', ready: true, restartCount: 3, state: running },
            { name: 'b', image: '', imageID: '', ready: false, restartCount: 3, state: running },
          ],
          podIP: '1.1.1.1',
          podIPs: [{ ip: '1.1.1.1' }],
        },
      } satisfies Pod,
      want: ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', '<none>', '1/2'],
    },
    {
      name: 'nominated node and no IP',
      pod: {
        metadata: { name: 'test3' },
        spec: { containers: [{ name: 'a' }] },
        status: { phase: 'Pending', nominatedNodeName: 'node1' },
      } satisfies Pod,
      want: ['test3', '0/1', 'Pending', '0', '<unknown>', '<none>', '<none>', 'node1', '<none>'],
    },
  ])('POD-6 wide $name', ({ pod: p, want }) => {
    expect(podRow(p, now, true)).toEqual(want)
  })
})
