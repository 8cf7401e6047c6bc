/**
 * The live client for the npm API (`import { loadCount } from 'civic-widgets'`): the
 * client module opened with the counter's runtime, as `<civic-view-counter>` opens it
 * when it first needs it. Both share the module's requests and memory of counted views.
 */
import { init } from './client.js';
import { counterRuntime } from './runtime.js';

export const { loadCount } = init(counterRuntime);
export { privacySignal } from './client.js';
