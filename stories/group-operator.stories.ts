import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fn } from 'storybook/test';
import '../src/elements/group-operator/define.js';
import type { GroupNotChangeDetail, GroupOperatorChangeDetail, GroupOperatorKind } from '../src/elements/group-operator/group-operator.js';
import '../src/themes/segment-kit.css';

/**
 * `<group-operator>`: the operator between siblings — AND / OR inside a condition group
 * (with an optional NOT), union / intersect / except between rules. A radio group with one
 * tab stop: arrows move and select (mirrored right-to-left), Home/End, Space/Enter.
 * Switch theme and direction from the toolbar.
 */
interface Args {
  kind: GroupOperatorKind;
  value: string;
  not: boolean;
  allowNot: boolean;
  readonly: boolean;
  label: string;
  onGroupOperatorChange: (event: CustomEvent<GroupOperatorChangeDetail>) => void;
  onGroupNotChange: (event: CustomEvent<GroupNotChangeDetail>) => void;
}

function render(args: Args) {
  return html`<group-operator
    .kind=${args.kind}
    .value=${args.value}
    .label=${args.label}
    ?not=${args.not}
    ?allow-not=${args.allowNot}
    ?readonly=${args.readonly}
    @group-operator-change=${args.onGroupOperatorChange}
    @group-not-change=${args.onGroupNotChange}
  ></group-operator>`;
}

/** Layout for the multi-element stories only (the element itself needs none). */
const layout = html`<style>
  .go-grid {
    display: grid;
    grid-template-columns: max-content max-content;
    gap: 0.75rem 1.5rem;
    align-items: center;
  }
  .go-grid > span {
    color: var(--sk-color-text-muted, #5a6070);
  }
  .go-demo {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .go-demo p {
    margin: 0;
    padding: 0.5rem 0.75rem;
    min-width: 16rem;
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-surface, #fff);
  }
</style>`;

const meta: Meta<Args> = {
  title: 'Elements/group-operator',
  component: 'group-operator',
  render,
  decorators: [(story) => html`${layout}${story()}`],
  args: {
    kind: 'combinator',
    value: 'and',
    not: false,
    allowNot: false,
    readonly: false,
    label: '',
    onGroupOperatorChange: fn(),
    onGroupNotChange: fn(),
  },
  argTypes: {
    kind: { control: 'inline-radio', options: ['combinator', 'set'], description: 'AND/OR, or a set operator between rules' },
    value: {
      control: 'select',
      options: ['and', 'or', 'union', 'intersect', 'except', 'xor'],
      description: "The chosen operator ('xor' shows the invalid state)",
    },
    not: { control: 'boolean', description: 'Negate the group (combinator only)' },
    allowNot: { control: 'boolean', name: 'allowNot (allow-not)', description: 'Show the NOT toggle' },
    readonly: { control: 'boolean', description: 'Show the choice as text' },
    label: { control: 'text', description: 'Accessible name (default: "Match" / "Combine with the rules before")' },
    onGroupOperatorChange: { table: { disable: true } },
    onGroupNotChange: { table: { disable: true } },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Combinator: Story = { name: 'Combinator (AND)' };

export const OrWithNot: Story = { name: 'Or with NOT', args: { value: 'or', not: true, allowNot: true } };

export const SetOperator: Story = {
  name: 'Set operator',
  args: { kind: 'set', value: 'intersect' },
};

/** Each set operator, as it sits between rules. */
export const SetOperators: Story = {
  name: 'Set operators (union / intersect / except)',
  render: (args) =>
    html`<div class="go-demo">
      ${(['union', 'intersect', 'except'] as const).map(
        (value, i) =>
          html`<p>Rule ${i + 1}</p>
            ${render({ ...args, kind: 'set', value, label: `Combine rule ${i + 2} with the rules before` })}`,
      )}
      <p>Rule 4</p>
    </div>`,
};

export const ReadOnly: Story = { name: 'Read-only', args: { readonly: true, value: 'or', not: true } };

export const ReadOnlySet: Story = { name: 'Read-only set operator', args: { readonly: true, kind: 'set', value: 'except' } };

export const InvalidValue: Story = { name: 'Invalid value', args: { value: 'xor' } };

/** Every state side by side: the quickest check in dark theme and right-to-left. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) =>
    html`<div class="go-grid">
      <span>AND</span>${render({ ...args })} <span>OR + NOT toggle</span>${render({ ...args, value: 'or', allowNot: true, not: true })}
      <span>NOT toggle off</span>${render({ ...args, allowNot: true })}
      <span>Union</span>${render({ ...args, kind: 'set', value: 'union' })}
      <span>Except</span>${render({ ...args, kind: 'set', value: 'except' })}
      <span>Read-only</span>${render({ ...args, readonly: true, value: 'or', not: true })}
      <span>Read-only set</span>${render({ ...args, readonly: true, kind: 'set', value: 'intersect' })}
      <span>Invalid (xor)</span>${render({ ...args, value: 'xor' })}
    </div>`,
};
