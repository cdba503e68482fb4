/**
 * Service cluster IP and node port allocation, as the Service registry does it.
 * Mirrors pkg/registry/core/service/{ipallocator,portallocator,allocator,storage}
 */
export type { IntnSource } from './bitmap'
export type { IPRange } from './ipRange'
export type { PortRange } from './portRange'
export {
  createServiceAllocators,
  defaultNodePortRange,
  defaultServiceCIDR,
  type ServiceAllocatorOptions,
  type ServiceAllocators,
} from './serviceAllocators'
export {
  beginServiceCreate,
  beginServiceUpdate,
  dropServiceTypeDependentFields,
  prepareServiceForCreate,
  prepareServiceForUpdate,
  releaseService,
  type ServiceAllocation,
  type ServiceAllocationErrors,
  type ServiceAllocOptions,
} from './serviceAlloc'
