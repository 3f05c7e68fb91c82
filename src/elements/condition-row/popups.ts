/**
 * What a row needs only once the user reaches for it: the attribute picker's panel and
 * the value suggestions' controllers (listbox, popover, and the provider task that asks
 * for suggestions). Loaded by `lazy.ts` on the first need, not with the row.
 */
export { AttributePicker } from './attribute-panel.js';
export { ListboxController } from '../shared/controllers/listbox.js';
export { PopoverController } from '../shared/controllers/popover.js';
export { ProviderTask } from '../shared/controllers/provider-task.js';
