/**
 * react-querybuilder side of `npm run bench:ui`: React 19 and react-querybuilder 8 with
 * their default controls and stylesheet, as a controlled component (the query in state).
 */
import 'react-querybuilder/dist/query-builder.css';
import { createElement, useState, type FunctionComponent } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { QueryBuilder, type Field, type RuleGroupType, type RuleType } from 'react-querybuilder';
import { rqbFields, rqbQuery } from './fixtures.js';
import { install } from './harness.js';

let root: Root | undefined;
let prepared: RuleGroupType | undefined;
/** The query as the app last saw it (after onQueryChange). */
let latest: RuleGroupType | undefined;

/** QueryBuilder's generic props do not fit createElement's overloads; these are the props used here. */
const Builder = QueryBuilder as unknown as FunctionComponent<{
  fields: Field[];
  query: RuleGroupType;
  onQueryChange: (query: RuleGroupType) => void;
}>;

function App({ initial }: { initial: RuleGroupType }) {
  const [query, setQuery] = useState(initial);
  latest = query;
  return createElement(Builder, { fields: rqbFields, query, onQueryChange: setQuery });
}

const group = (g: number) => latest?.rules[g] as RuleGroupType | undefined;
const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
let size = 0;

install({
  prepare(n) {
    // react-querybuilder has no data provider: `customers` does not apply.
    size = n;
    prepared = rqbQuery(n);
  },
  mount() {
    root = createRoot(document.getElementById('root')!);
    // Render synchronously, so the frame the harness waits for is the one after the commit.
    flushSync(() => root!.render(createElement(App, { initial: prepared! })));
  },
  firstFrameReady() {
    return this.valueInput(0) !== null;
  },
  finished() {
    // Every rule is rendered in the commit: the list is finished when its last rule is there.
    return this.valueInput(size - 1) !== null;
  },
  countShown() {
    return undefined;
  },
  countText() {
    return '';
  },
  quiet() {
    return true;
  },
  reveal(target) {
    const el = target.kind === 'condition' ? this.valueInput(target.k) : this.addButton(target.g);
    el?.scrollIntoView({ block: 'center' });
  },
  valueInput(k) {
    return document.querySelector<HTMLInputElement>(`[data-rule-id="c${k}"] input.rule-value`);
  },
  setValue(input, value) {
    // React tracks the value through the prototype's setter; typing goes through it too.
    valueSetter.call(input, value);
  },
  editApplied(k, expected) {
    const c = group(Math.floor(k / 10))?.rules.find((r) => 'field' in r && r.id === `c${k}`) as RuleType | undefined;
    return c !== undefined && String(c.value) === expected;
  },
  addButton(g) {
    return document.querySelector<HTMLElement>(`[data-rule-group-id="g${g}"] > .ruleGroup-header .ruleGroup-addRule`);
  },
  groupSize(g) {
    return group(g)?.rules.length ?? 0;
  },
  conditionAtCenter() {
    return document.elementFromPoint(innerWidth * 0.4, innerHeight / 2)?.closest<HTMLElement>('[data-rule-id]')?.dataset.ruleId;
  },
});
