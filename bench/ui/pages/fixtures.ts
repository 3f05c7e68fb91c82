/**
 * The same large segment for both libraries: `n` conditions in groups of ten under an OR
 * root, cycling over the three attribute types of the sample catalog's audience (number
 * CreditBalance, text City, date CreatedOn). The first condition is a number.
 */
import type { RuleGroupType, RuleType, Field } from 'react-querybuilder';
import type { ConditionNode, SegmentDocument } from '../../../src/core/model/types.js';
import { sampleCatalog } from '../../../src/sample/catalog.js';

export function largeSegment(n: number): SegmentDocument {
  const groups = [];
  for (let g = 0; g < n / 10; g++) {
    const children: ConditionNode[] = [];
    for (let i = 0; i < 10 && g * 10 + i < n; i++) {
      const k = g * 10 + i;
      const base = { kind: 'condition' as const, id: `c${k}`, entity: 'Customer' };
      children.push(
        k % 3 === 0
          ? { ...base, attribute: 'CreditBalance', operator: 'greaterThan', value: k }
          : k % 3 === 1
            ? { ...base, attribute: 'City', operator: 'equals', value: `City ${k}` }
            : { ...base, attribute: 'CreatedOn', operator: 'inLast', value: { amount: (k % 90) + 1, unit: 'day' } },
      );
    }
    groups.push({ kind: 'group' as const, id: `g${g}`, combinator: 'and' as const, children });
  }
  return {
    schemaVersion: 1,
    id: `large-${n}`,
    name: `Large${n}`,
    displayName: `${n.toLocaleString('en')} conditions`,
    audience: 'Customer',
    rules: [{ id: 'r1', where: { kind: 'group', id: 'root', combinator: 'or', children: groups } }],
  };
}

/** react-querybuilder fields for the audience's attributes, with the editor each type gets by default. */
export const rqbFields: Field[] = sampleCatalog.entities
  .find((e) => e.name === sampleCatalog.audience)!
  .attributes.map((a): Field => {
    const field: Field = { name: a.name, label: a.label ?? a.name };
    if (a.values) {
      field.valueEditorType = 'select';
      field.values = a.values.map((v) => ({ name: String(v.value), value: String(v.value), label: v.label ?? String(v.value) }));
    } else if (a.type === 'number') field.inputType = 'number';
    else if (a.type === 'date') field.inputType = 'date';
    else if (a.type === 'boolean') field.valueEditorType = 'checkbox';
    return field;
  });

export function rqbQuery(n: number): RuleGroupType {
  const day0 = Date.parse('2026-11-01T00:00:00Z');
  const groups: RuleGroupType[] = [];
  for (let g = 0; g < n / 10; g++) {
    const rules: RuleType[] = [];
    for (let i = 0; i < 10 && g * 10 + i < n; i++) {
      const k = g * 10 + i;
      rules.push(
        k % 3 === 0
          ? { id: `c${k}`, field: 'CreditBalance', operator: '>', value: k }
          : k % 3 === 1
            ? { id: `c${k}`, field: 'City', operator: '=', value: `City ${k}` }
            : {
                id: `c${k}`,
                field: 'CreatedOn',
                operator: '>=',
                value: new Date(day0 - ((k % 90) + 1) * 86_400_000).toISOString().slice(0, 10),
              },
      );
    }
    groups.push({ id: `g${g}`, combinator: 'and', rules });
  }
  return { id: 'root', combinator: 'or', rules: groups };
}
