/**
 * The English message table: complete, and the type every other language fills. Each
 * section lives in its own file; add a section here.
 */
import type { WidenTable } from '../format.js';
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
import { trend } from './trend.js';
import { quick } from './quick.js';
import { workspace } from './workspace.js';

export const en = {
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

/** The shape of a complete message table (English's keys, text widened to `string`). */
export type Messages = WidenTable<typeof en>;
