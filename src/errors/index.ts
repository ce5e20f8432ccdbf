export { AlreadyStartedError } from './already-started-error';
export { CircuitNotInitializedError } from './circuit-not-initialized-error';
export { CircuitRefusedError } from './circuit-refused-error';
export { EnvironmentError } from './environment-error';
export { InvalidOptionError } from './invalid-option-error';
export { RetryPolicyError } from './retry-policy-error';
export { StartFailedError } from './start-failed-error';
export { HubMethodError } from './hub-method-error';
