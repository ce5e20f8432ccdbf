// The state classes by name, for assertions: Blazor's contract, spelled out once for the tests.
import { stateClass } from './helpers';

export const SHOW_CLASS = stateClass('show');
export const HIDE_CLASS = stateClass('hide');
export const RETRYING_CLASS = stateClass('retrying');
export const FAILED_CLASS = stateClass('failed');
export const REJECTED_CLASS = stateClass('rejected');
export const OFFLINE_CLASS = stateClass('offline');
export const PAUSED_CLASS = stateClass('paused');
export const RESUME_FAILED_CLASS = stateClass('resume-failed');
export const UNAUTHORIZED_CLASS = stateClass('unauthorized');
export const UPDATING_CLASS = stateClass('updating');
