/**
 * The kubelet's node lease: the Lease named after the node in kube-node-lease, created at start
 * and renewed with a PUT of the last written copy (a fresh renewTime, nothing else), which is
 * the node's heartbeat. The lease is owned by the Node, so the garbage collector removes it with
 * the Node.
 * Mirrors staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go (sync,
 * backoffEnsureLease, retryUpdateLease, newLease) and pkg/kubelet/util/nodelease.go
 * (SetNodeOwnerFunc)
 */
import type { Lease } from 'kubernetes-types/coordination/v1'
import type { OwnerReference } from 'kubernetes-types/meta/v1'
import type { KubeObject, StoredObject } from '../api/types'
import { formatMicroTime } from '../clock'
import type { ComponentContext } from '../controllers/runtime/context'

/** The namespace of node leases (v1.NamespaceNodeLease). */
export const nodeLeaseNamespace = 'kube-node-lease'
/** The kubelet's nodeLeaseDurationSeconds (default 40). */
export const nodeLeaseDurationSeconds = 40
/** renewInterval: nodeLeaseRenewIntervalFraction 0.25 × the lease duration, 10 s. */
export const nodeLeaseRenewIntervalMs = nodeLeaseDurationSeconds * 1000 * 0.25
// maxUpdateRetries: immediate retries of a renewal before waiting for the next interval.
const maxUpdateRetries = 5

/** A Lease as the API server returns it. */
export type LeaseObject = Lease & StoredObject

/** The lease controller of one kubelet. */
export interface NodeLeaseController {
  /** Create the lease if missing, else renew it (one pass of upstream's sync). */
  sync(): void
  /** Forget the last written lease (a restarted kubelet starts with none). */
  reset(): void
}

/** Create the lease controller of node `name`; failures are reported, and retried at the next sync. */
export function createNodeLeaseController(
  ctx: ComponentContext,
  name: string,
  report: (error: string) => void,
): NodeLeaseController {
  let latest: LeaseObject | undefined

  // SetNodeOwnerFunc: the Node's uid, from the kubelet's view of its Node (the shared informer).
  // Upstream sets the reference only when there is none; a reference to an older Node of the
  // same name is replaced too, or the collector would delete the lease after every renewal.
  function ownerReferences(lease: LeaseObject | undefined): OwnerReference[] | undefined {
    const uid = ctx.informers.informer('Node').get(name)?.metadata.uid
    const refs = lease?.metadata.ownerReferences
    if (refs?.length && (uid === undefined || refs.some((r) => r.kind === 'Node' && r.uid === uid)))
      return refs
    if (uid === undefined) return undefined
    return [{ apiVersion: 'v1', kind: 'Node', name, uid }]
  }

  // newLease: a new lease, or a copy of base, with renewTime now and the Node as owner.
  function newLease(base: LeaseObject | undefined): { lease: Lease & KubeObject; owned: boolean } {
    const renewTime = formatMicroTime(ctx.clock.now())
    const owners = ownerReferences(base)
    if (!base) {
      return {
        lease: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name,
            namespace: nodeLeaseNamespace,
            ...(owners ? { ownerReferences: owners } : {}),
          },
          spec: { holderIdentity: name, leaseDurationSeconds: nodeLeaseDurationSeconds, renewTime },
        },
        owned: owners !== undefined,
      }
    }
    const metadata =
      owners && owners !== base.metadata.ownerReferences
        ? { ...base.metadata, ownerReferences: owners }
        : base.metadata
    return {
      lease: { ...base, metadata, spec: { ...base.spec, renewTime } },
      owned: owners !== undefined,
    }
  }

  // ensureLease: the existing lease, or a new one when there is none.
  function ensureLease(): { lease: LeaseObject; created: boolean } | undefined {
    const got = ctx.client.get<LeaseObject>('Lease', nodeLeaseNamespace, name)
    if (got.ok) return { lease: got.object, created: false }
    if (got.status.code !== 404) {
      report(`failed to ensure lease exists, error: ${got.status.message ?? ''}`)
      return undefined
    }
    const { lease, owned } = newLease(undefined)
    // Without the owner reference the lease is not created this time (newLeasePostProcessFunc failed).
    if (!owned) {
      report(`failed to get node "${name}" when trying to set owner ref to the node lease`)
      return undefined
    }
    const created = ctx.client.create<LeaseObject>('Lease', nodeLeaseNamespace, lease)
    if (!created.ok) {
      report(`failed to ensure lease exists, error: ${created.status.message ?? ''}`)
      return undefined
    }
    return { lease: created.object, created: true }
  }

  function retryUpdateLease(from: LeaseObject): boolean {
    let base = from
    for (let i = 0; i < maxUpdateRetries; i++) {
      const res = ctx.client.update<LeaseObject>('Lease', newLease(base).lease)
      if (res.ok) {
        latest = res.object
        return true
      }
      if (res.status.code !== 409) continue
      // An optimistic-lock conflict: start again from the lease as it now stands.
      const ensured = ensureLease()
      if (!ensured) return false
      base = ensured.lease
    }
    report(`failed ${maxUpdateRetries} attempts to update lease`)
    return false
  }

  return {
    sync() {
      // The last written copy is (almost always) current: renew it without a GET.
      if (latest && retryUpdateLease(latest)) return
      const ensured = ensureLease()
      latest = ensured?.lease
      if (ensured && !ensured.created) retryUpdateLease(ensured.lease)
    },
    reset() {
      latest = undefined
    },
  }
}
