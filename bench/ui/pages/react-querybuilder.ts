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

const firstGroup = () => latest?.rules[0] as RuleGroupType | undefined;
const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

install({
  prepare(n) {
    prepared = rqbQuery(n);
  },
  mount() {
    root = createRoot(document.getElementById('root')!);
    // Render synchronously, so the frame the harness waits for is the one after the commit.
    flushSync(() => root!.render(createElement(App, { initial: prepared! })));
  },
  ready() {
    return this.valueInput() !== null;
  },
  valueInput() {
    return document.querySelector<HTMLInputElement>('[data-rule-id="c0"] input.rule-value');
  },
  setValue(input, value) {
    // React tracks the value through the prototype's setter; typing goes through it too.
    valueSetter.call(input, value);
  },
  editApplied(expected) {
    const c = firstGroup()?.rules[0] as RuleType | undefined;
    return c !== undefined && String(c.value) === expected;
  },
  addButton() {
    return document.querySelector<HTMLElement>('[data-rule-group-id="g0"] > .ruleGroup-header .ruleGroup-addRule');
  },
  addApplied() {
    return firstGroup()?.rules.length === 11;
  },
});
