/** `<segment-builder>`: toolbar, properties, problems, rows, keyboard help. */
import { plural } from '../../model/catalog.js';
import type { Formatters } from '../format.js';

type N = { count: number };
/** An entity's label from the catalog (singular, in the host's language), and how many are meant. */
type Entity = { entity: string; count?: number | undefined };
/** `entities` is `builder.entities` for the count. */
type Quantified = { quantifier: string; count?: number | undefined; entity: string; entities: string };

export const builder = {
  'builder.loadError.title': 'This segment could not be opened.',
  'builder.loadError.kept': 'You are still editing the previous segment; nothing was lost.',
  'builder.loadError.startNew': 'Start a new segment',
  'builder.empty': 'No segment yet.',
  'builder.new': 'New segment',
  'builder.retry': 'Retry',
  'builder.catalog.error': 'The catalog could not be loaded: {message}',
  'builder.catalog.loading': 'Loading the catalog…',
  'builder.summary': 'Summary: ',
  'builder.rows.label': 'Rules and conditions',
  'builder.rows.loading': ({ count }: N, f: Formatters) => `Loading ${f.number(count)} more rows…`,
  'builder.rows.loadFailed': 'The list of rows could not be loaded; showing the first rows only.',
  'builder.change.failed': 'That change could not be made: {message}',

  'builder.size.label': 'Estimated size:',
  'builder.size.announce': ({ count, noun }: { count: number; noun: string }, f: Formatters) =>
    `Estimated size: ${f.number(count)} ${noun}`,
  'builder.size.noProvider': 'No provider: counts unavailable',
  'builder.size.fix': 'Fix the problems to see the size',
  'builder.size.chooseAttribute': 'Choose an attribute for the new condition to see the size',
  'builder.size.counting': 'Counting…',
  'builder.size.updating': ' (updating)',
  'builder.size.failed': 'Count failed: {message}',

  'builder.undo': 'Undo',
  'builder.redo': 'Redo',
  'builder.cancel': 'Cancel',
  'builder.save': 'Save',
  'builder.saveDraft': 'Save as draft',
  'builder.saveActivate': 'Save and activate',
  'builder.saveActivate.disabled': 'Fix the problems to activate',
  'builder.saving': 'Saving…',
  'builder.savingDraft': 'Saving as a draft…',
  'builder.saved': 'Saved.',
  'builder.savedDraft': 'Saved as a draft: fix the problems to activate it.',
  'builder.savedActive': 'Saved and activated.',
  'builder.saveFailed': 'Could not save: {message}',

  'builder.prop.name': 'Name',
  'builder.prop.name.hint': 'Letters, digits and _, no spaces.',
  'builder.prop.displayName': 'Display name',
  'builder.prop.description': 'Description',
  'builder.prop.type': 'Type',
  'builder.prop.dynamic': 'Dynamic',
  'builder.prop.static': 'Static',

  'builder.problems.title': ({ count }: N, f: Formatters) =>
    `${count === 1 ? '1 problem' : `${f.number(count)} problems`}: the segment can be saved as a draft, but not activated`,
  'builder.problems.more': ({ count }: N, f: Formatters) => `…and ${f.number(count)} more.`,

  'builder.rule.title': 'Rule {n}',
  'builder.rule.name': 'Name of rule {n}',
  'builder.rule.namePlaceholder': 'Rule name (optional)',
  'builder.rule.empty': 'This rule has no conditions yet.',
  'builder.rule.counts': ({ n, count, cumulative, noun }: { n: number; count: number; cumulative: number; noun: string }, f: Formatters) =>
    `Rule ${n}: ${f.number(count)} ${noun} on its own, ${f.number(cumulative)} so far`,
  'builder.rule.noCount': 'Rule {n}: no count yet',
  'builder.rule.soFar': ({ count }: N, f: Formatters) => `· ${f.number(count)} so far`,
  'builder.rule.useSegment': 'Use a saved segment',
  'builder.rule.useConditions': 'Use conditions',
  'builder.rule.up': 'Move rule {n} up',
  'builder.rule.down': 'Move rule {n} down',
  'builder.rule.duplicate': 'Duplicate rule {n}',
  'builder.rule.remove': 'Remove rule {n}',
  'builder.rule.setOperator': 'How rule {n} combines with the rules before it',

  'builder.addRule': '+ Add rule',
  'builder.addRule.group': 'Add a rule',
  'builder.addRule.intersect': '+ Intersect rule',
  'builder.addRule.except': '+ Except rule',
  'builder.addRule.segment': '+ Rule from a saved segment',
  'builder.skipToAdd': 'Skip to adding a rule',

  'builder.add.condition': '+ Condition',
  'builder.add.group': '+ Group',
  'builder.add.condition.rule': 'Add condition to Rule {n}',
  'builder.add.group.rule': 'Add group to Rule {n}',
  'builder.add.condition.group': 'Add condition to this group of Rule {n}',
  'builder.add.group.group': 'Add group to this group of Rule {n}',
  'builder.add.condition.related': 'Add condition to {entities} where…',
  'builder.add.group.related': 'Add group to {entities} where…',
  'builder.add.label.rule': 'Add to Rule {n}',
  'builder.add.label.group': 'Add to this group of Rule {n}',
  'builder.add.label.related': 'Add to {entities} where…',

  'builder.ref.label': 'Members of the saved segment',
  'builder.ref.choose': 'Choose a segment…',
  'builder.ref.loading': 'Loading segments…',
  'builder.ref.failed': 'Segments could not be loaded',
  'builder.ref.retry': 'Retry loading segments',

  'builder.node.drag': 'Drag {what}',
  'builder.node.drag.hint': 'Drag to move (or Alt+arrow keys)',
  'builder.node.up': 'Move {what} up',
  'builder.node.down': 'Move {what} down',
  'builder.node.indent': 'Indent {what}',
  'builder.node.outdent': 'Outdent {what}',
  'builder.node.duplicate': 'Duplicate {what}',
  'builder.node.remove': 'Remove {what}',
  'builder.what.group': 'group',
  'builder.what.condition': 'condition {position}',
  'builder.what.related': '{entity} block',

  'builder.condition.label': 'Condition {position} of rule {rule}',
  'builder.group.label': ({ not, and, count }: { not: boolean; and: boolean; count: number }) =>
    `Group: ${not ? 'not ' : ''}${and ? 'all' : 'any'} of ${count}`,
  'builder.group.match': 'Match',
  'builder.group.all': 'all of',
  'builder.group.any': 'any of',
  'builder.group.operator': 'Match all (AND) or any (OR) of these',

  /** The entity after a count or in a block's text: "Order" for one, "Orders" otherwise. */
  'builder.entities': ({ entity, count }: Entity) => (count === 1 ? entity : plural(entity)),
  /** The audience after a count ("1,234 customers"); `entity` is empty without a catalog. */
  'builder.audience': ({ entity, count }: Entity) =>
    entity ? (count === 1 ? entity : plural(entity)).toLowerCase() : count === 1 ? 'member' : 'members',
  'builder.related.howMany': ({ entity }: Entity) => `How many ${plural(entity)}`,
  'builder.related.how': ({ entity }: Entity) => `How to match ${plural(entity)}`,
  /** A read-only related block with a quantifier: "with at least 2 Orders". */
  'builder.related.quantified': (p: Quantified) =>
    p.count === undefined ? `${p.quantifier} ${p.entity}` : `${p.quantifier} ${p.count} ${p.entities}`,
  /** A read-only related block with an aggregate: "whose total Amount of Orders is greater than 500". */
  'builder.related.aggregated': (p: { aggregate: string; attribute: string; entity: string; operator: string; value: string }) =>
    `${p.aggregate} ${p.attribute} of ${plural(p.entity)} ${p.operator} ${p.value}`,
  'builder.related.aggregateOption': 'whose total, average, count…',
  /** Before a related block's filter; `one`: the block means one linked row (any, none, exactly or at least 1). */
  'builder.related.where': (_p: { one: boolean }) => 'where',
  'builder.aggregate.label': 'Aggregate',
  'builder.aggregate.attribute': 'Attribute to aggregate',
  'builder.aggregate.choose': 'Choose…',
  'builder.aggregate.of': ({ entity }: Entity) => `of ${plural(entity)}`,
  'builder.aggregate.comparison': 'Comparison',

  'builder.keys.button': 'Keyboard shortcuts',
} as const;
