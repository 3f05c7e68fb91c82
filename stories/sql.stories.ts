import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/segment-builder/define.js';
import '../src/themes/segment-kit.css';
import { SegmentProviderError, toSQL, type SegmentDocument, type SqlSelect, type SqlDialectName } from '../src/core/index.js';
import { sampleProvider, sampleSegment } from './fixtures/sample.js';

interface Args {
  dialect: SqlDialectName;
  select: SqlSelect;
}

const provider = sampleProvider();

/** The SQL of a segment and its parameters, or why there is none. */
function sqlOf(segment: SegmentDocument, { dialect, select }: Args): string {
  try {
    const q = toSQL(segment, provider.dataset.catalog, {
      dialect,
      select,
      now: provider.dataset.now,
      segments: provider.dataset.segments,
    });
    const params = q.params.map((p, i) => `-- $${i + 1} = ${JSON.stringify(p)?.slice(0, 120)}`).join('\n');
    return `${q.text};\n\n${params}`;
  } catch (e) {
    return e instanceof SegmentProviderError ? `-- No SQL yet: ${e.message}` : `-- ${String(e)}`;
  }
}

/**
 * "Show SQL": the segment being edited, compiled by `toSQL` (from `segment-kit/core`) to
 * the parameterized query a PostgreSQL or DuckDB database would run, with a comment per
 * rule. Edit the segment and the SQL follows; values are only ever parameters (listed
 * after the query).
 */
const meta: Meta<Args> = {
  title: 'Core/SQL',
  args: { dialect: 'postgres', select: 'count' },
  argTypes: {
    dialect: { control: 'inline-radio', options: ['postgres', 'duckdb'] },
    select: { control: 'inline-radio', options: ['keys', 'members', 'count'] },
  },
  parameters: { layout: 'padded' },
  render: (args) => {
    const segment = sampleSegment('high-value-escalated');
    const update = (e: CustomEvent<{ segment: SegmentDocument }>) => {
      const pre = (e.currentTarget as HTMLElement).closest('.sql-demo')?.querySelector('pre');
      if (pre) pre.textContent = sqlOf(e.detail.segment, args);
    };
    return html`<style>
        .sql-demo {
          display: grid;
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          gap: 1rem;
          align-items: start;
        }
        .sql-demo pre {
          margin: 0;
          padding: 0.75rem;
          max-block-size: 80vh;
          overflow: auto;
          font-size: 0.8rem;
          background: var(--sk-color-surface-raised, #f6f7f9);
          color: var(--sk-color-text, #1b1d21);
          border: 1px solid var(--sk-color-border, #c9ced6);
          border-radius: 6px;
        }
        .sql-demo h2 {
          font-size: 1rem;
          margin: 0 0 0.5rem;
        }
      </style>
      <div class="sql-demo">
        <segment-builder .provider=${provider} .segment=${segment} @segment-change=${update}></segment-builder>
        <section aria-labelledby="sql-title">
          <h2 id="sql-title">Show SQL (${args.dialect}, ${args.select})</h2>
          <pre tabindex="0" aria-label="The segment's SQL">${sqlOf(segment, args)}</pre>
        </section>
      </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const ShowSql: Story = { name: 'Show SQL next to the builder' };

export const DuckDbMembers: Story = { name: 'Show SQL: DuckDB, members', args: { dialect: 'duckdb', select: 'members' } };
