/** Von mehreren Elementen geteilte Wörter: Verknüpfungen, Einheiten, Mengenangaben, Aggregate. */
import { combinators } from './combinators.js';
import { matches } from './matches.js';
import { units } from './units.js';

export { combinators } from './combinators.js';
export { matches } from './matches.js';
export { units } from './units.js';

export const common = { ...combinators, ...units, ...matches };
