/**
 * Die deutsche Nachrichtentabelle: vollständig, Abschnitt für Abschnitt wie die englische
 * (`../en/index.ts`). Sie lädt keinen englischen Text: Jeder Abschnitt importiert vom
 * englischen nur dessen Typ. Verwendung: `new Translator(de, 'de')`.
 */
import type { Messages } from '../en/index.js';
import { builder } from './builder.js';
import { common } from './common.js';
import { conditionRow } from './condition-row.js';
import { describe } from './describe.js';
import { errors } from './errors.js';
import { keyboard } from './keyboard.js';
import { list } from './list.js';
import { operators } from './operators.js';
import { overlap } from './overlap.js';
import { preview } from './preview.js';
import { quick } from './quick.js';
import { trend } from './trend.js';
import { workspace } from './workspace.js';

export const de: Messages = {
  ...operators,
  ...common,
  ...conditionRow,
  ...builder,
  ...keyboard,
  ...errors,
  ...describe,
  ...list,
  ...preview,
  ...overlap,
  ...trend,
  ...quick,
  ...workspace,
};
