/**
 * DefaultBinder: POST a Binding to the pod's binding subresource, as the kube-scheduler does.
 * Mirrors pkg/scheduler/framework/plugins/defaultbinder/default_binder.go
 */
import type { Status as ApiStatus } from '../../../api/types'
import type { BindPlugin, Handle } from '../../framework/types'

/** The plugin's name. */
export const name = 'DefaultBinder'

/** New */
export function factory(handle: Pick<Handle, 'client'>): BindPlugin {
  return {
    name,
    bind(_state, pi, nodeName) {
      const body = {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { namespace: pi.namespace, name: pi.name, uid: pi.uid },
        target: { kind: 'Node', name: nodeName },
      }
      const res = handle.client.raw(
        'POST',
        `/api/v1/namespaces/${pi.namespace}/pods/${pi.name}/binding`,
        body,
      )
      if (res.status < 300) return null
      const msg =
        (res.body as Partial<ApiStatus> | undefined)?.message ??
        `binding failed with HTTP ${res.status}`
      return { code: 'Error', reasons: [msg] }
    },
  }
}
