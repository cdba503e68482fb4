/**
 * The Node object a kubelet registers for a node of the cluster options: well-known labels,
 * capacity and allocatable, Ready conditions, addresses and node info.
 * Mirrors pkg/kubelet/kubelet_node_status.go initialNode and the setters in pkg/kubelet/nodestatus
 */
import type { NodeSpec } from './cluster'

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

/** The Node for the i-th configured node, registered at `time`. */
export function nodeObject(n: NodeSpec, i: number, time: string): Record<string, unknown> {
  const address = nodeAddressFor(i)
  const resources = { cpu: n.cpu, memory: n.memory, pods: String(n.pods ?? 110), 'ephemeral-storage': '100Gi' }
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    reason,
    message,
  })
  const spec: Record<string, unknown> = { podCIDR: podCIDRFor(i), podCIDRs: [podCIDRFor(i)] }
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
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec,
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '6.1.0-kubeplay',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.15',
        kubeletVersion: 'v1.30.0',
        kubeProxyVersion: 'v1.30.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  }
}
