/** The kubelet's public shapes: the node it runs on, its options, and what it offers. */
import type { NodeSpec } from '../cluster'

/** The machine a kubelet runs on, as the cluster's options describe it, and its place in the cluster. */
export interface KubeletNode extends NodeSpec {
  /** The node's place in the cluster: its pod CIDR, address and heartbeat slot derive from it. */
  index: number
}

/** Tuning of a kubelet (defaults are the upstream ones where upstream has one). */
export interface KubeletOptions {
  /** Record the node events a kubelet posts when it starts (Starting, NodeHasSufficientMemory, …); default true. */
  nodeEvents?: boolean
  /** How many log lines `logs()` returns at most per container (default 1,000). */
  logLines?: number
}

/** CPU and memory of one container at an instant. */
export interface ContainerUsage {
  name: string
  cpuMillis: number
  memoryBytes: number
}

/** Usage of one pod. */
export interface PodUsage {
  namespace: string
  name: string
  containers: ContainerUsage[]
}

/** Usage of a node: its running containers, summed and per pod. */
export interface NodeUsage {
  cpuMillis: number
  memoryBytes: number
  pods: PodUsage[]
}

/** The answer to a log request: the lines, or the kubelet's reason why there are none. */
export type LogResult =
  { ok: true; lines: string[]; times: number[] } | { ok: false; message: string }

/** A running kubelet. */
export interface Kubelet {
  readonly nodeName: string
  /** Stop for good (the node is being removed): no more work of any kind. */
  stop(): void
  /** The machine dies: no heartbeats, no status, no probes; its containers are gone. */
  fail(): void
  /** The machine comes back: the kubelet starts again, re-registers and re-syncs its pods. */
  restore(): void
  /** Whether the machine is down. */
  failed(): boolean
  /** Log lines of a container (the previous instance with `previous`); [] when there are none. */
  logs(namespace: string, pod: string, container: string, previous?: boolean): string[]
  /** Log lines with their times, or the kubelet's message when the container has none to show. */
  readLogs(namespace: string, pod: string, container: string, previous?: boolean): LogResult
  /** CPU and memory in use on the node now. */
  usage(): NodeUsage
}
