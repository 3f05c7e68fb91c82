/** Renders one row of the outline with the module for its kind. */
import type { TemplateResult } from 'lit';
import type { EditorRow } from '../../../core/editor/index.js';
import type { BuilderView } from '../view.js';
import { conditionRow, groupRow } from './condition.js';
import { relatedRow } from './related.js';
import { addRow, emptyRuleRow, ruleRow, segmentRefRow, setRow } from './rule.js';

export function renderRow(view: BuilderView, row: EditorRow): TemplateResult {
  switch (row.kind) {
    case 'set':
      return setRow(view, row);
    case 'rule':
      return ruleRow(view, row);
    case 'segment-ref':
      return segmentRefRow(view, row);
    case 'empty-rule':
      return emptyRuleRow(view, row);
    case 'add':
      return addRow(view, row);
    case 'group':
      return groupRow(view, row);
    case 'related':
      return relatedRow(view, row);
    case 'condition':
      return conditionRow(view, row);
  }
}
