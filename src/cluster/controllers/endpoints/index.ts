/** The endpoints controller (Endpoints from the pods a Service selects). */
export { startEndpointsController, endpointsComponent, lastChangeTriggerTimeAnnotation, type EndpointsController } from './endpointsController'
export { repackSubsets } from './repackSubsets'
