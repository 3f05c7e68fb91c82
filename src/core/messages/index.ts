/**
 * Translatable strings: one typed table (English complete, `en`), functions for plurals
 * and numbers, and a `Translator` that renders a key for a locale. Used by the core's
 * descriptions and messages and by every element. Importing this module makes the whole
 * English table available to every translator; the kit's own modules import
 * `./translator.js` and add only the sections they show.
 */
import { en } from './en/index.js';
import { addEnglish } from './translator.js';

export { en, type Messages } from './en/index.js';
export { createFormatters, fillPlaceholders, type Formatters, type Message, type MessageFn, type WidenTable } from './format.js';
export { english, Translator, type MessageArgs, type MessageKey, type MessageParams } from './translator.js';

addEnglish(en);
