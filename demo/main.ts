/**
 * The demo pages load the library straight from its source, the way `npm start` serves
 * it (compiled on the fly by Vite); a site loads `dist/civic-widgets.js` instead.
 */
import '../src/define.js';
