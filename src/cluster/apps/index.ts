/** Simulated container images: the catalogue the kubelet pulls from and the behaviour models. */
export { resolveImage, pullFailure, pullFailureMs, canonicalRepository } from './registry/catalogue'
export { parseReference, type ParsedReference, type ReferenceResult } from './registry/reference'
export { noLoad } from './types'
export type {
  AppInstance,
  AppLoad,
  AppModel,
  ExecResult,
  ExitPlan,
  HttpRequest,
  HttpResult,
  LogLine,
  PortSpec,
  ResourceUsage,
  RunContext,
  SignalName,
} from './types'
