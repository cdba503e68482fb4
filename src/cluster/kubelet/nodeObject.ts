/**
 * The Node a kubelet registers for its machine: well-known labels, capacity and allocatable,
 * the pressure and Ready conditions, addresses and node info; and the status it posts with
 * every heartbeat.
 * Mirrors pkg/kubelet/kubelet_node_status.go initialNode and the setters in pkg/kubelet/nodestatus
 */
import type { KubeletNode } from './types'

/** The cluster's pod network: 8,192 node /24s, clear of the Service range 10.96.0.0/12. */
export const clusterCIDR = '10.64.0.0/11'

/** The i-th node's pod CIDR (as the node IPAM controller allocates them, in order). */
export function podCIDRFor(i: number): string {
  return `10.${64 + (i >> 8)}.${i & 255}.0/24`
}

/** The i-th node's InternalIP, from the node network 172.18.0.0/16 (.2 is the API server). */
export function nodeAddressFor(i: number): string {
  const n = i + 10
  return `172.18.${n >> 8}.${n & 255}`
}

/** The kernel release every simulated node runs. */
export const kernelVersion = '6.1.0-kubeplay'
/** The kubelet version the nodes report. */
export const kubeletVersion = 'v1.30.0'

/** A node condition as the kubelet reports it. */
export interface NodeCondition {
  type: string
  status: string
  lastHeartbeatTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

// The conditions a healthy kubelet reports, in upstream's order.
const healthy: [string, string, string, string][] = [
  [
    'MemoryPressure',
    'False',
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
  ],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
]

/**
 * The conditions at `time`: each keeps the transition time it has in `current` when its status
 * is unchanged, and takes `time` when it changes (as the nodestatus setters do).
 */
export function nodeConditions(
  time: string,
  current: readonly { type?: string; status?: string; lastTransitionTime?: string }[] = [],
): NodeCondition[] {
  return healthy.map(([type, status, reason, message]) => {
    const old = current.find((c) => c.type === type)
    const lastTransitionTime =
      old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : time
    return { type, status, lastHeartbeatTime: time, lastTransitionTime, reason, message }
  })
}

/** The node's status: resources, conditions, addresses, endpoints and node info. */
export function nodeStatus(n: KubeletNode, conditions: NodeCondition[]): Record<string, unknown> {
  const resources = {
    cpu: n.cpu,
    memory: n.memory,
    pods: String(n.pods ?? 110),
    'ephemeral-storage': '100Gi',
  }
  return {
    capacity: resources,
    allocatable: resources,
    conditions,
    addresses: [
      { type: 'InternalIP', address: nodeAddressFor(n.index) },
      { type: 'Hostname', address: n.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion,
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.15',
      kubeletVersion,
      kubeProxyVersion: kubeletVersion,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  }
}

/** The Node a kubelet registers at `time`. */
export function nodeObject(n: KubeletNode, time: string): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    podCIDR: podCIDRFor(n.index),
    podCIDRs: [podCIDRFor(n.index)],
  }
  if (n.taints?.length) spec.taints = n.taints
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(n.labels ?? {}),
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: nodeStatus(n, nodeConditions(time)),
  }
}
