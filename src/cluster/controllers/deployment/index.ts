/** The Deployment controller. */
export {
  startDeploymentController,
  deploymentControllerName,
  type DeploymentController,
} from './deploymentController'
