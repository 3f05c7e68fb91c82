import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/group-operator/define.js';
import type {
  GroupNotChangeDetail,
  GroupOperatorChangeDetail,
  GroupOperatorElement,
} from '../../src/elements/group-operator/group-operator.js';

function radios(el: GroupOperatorElement): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
}

function radio(el: GroupOperatorElement, value: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(`[role="radio"][data-value="${value}"]`);
  if (!found) throw new Error(`no option ${value}`);
  return found;
}

function checkedValues(el: GroupOperatorElement): string[] {
  return radios(el)
    .filter((r) => r.getAttribute('aria-checked') === 'true')
    .map((r) => r.dataset.value!);
}

function tabStops(el: GroupOperatorElement): string[] {
  return radios(el)
    .filter((r) => r.tabIndex === 0)
    .map((r) => r.dataset.value!);
}

function focusedValue(el: GroupOperatorElement): string | undefined {
  return (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.value;
}

function notButton(el: GroupOperatorElement): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="not"]');
}

/** Every `group-operator-change` / `group-not-change` fired at or through `target`. */
function record(target: EventTarget) {
  const changes: GroupOperatorChangeDetail[] = [];
  const nots: GroupNotChangeDetail[] = [];
  target.addEventListener('group-operator-change', (e) => changes.push((e as CustomEvent<GroupOperatorChangeDetail>).detail));
  target.addEventListener('group-not-change', (e) => nots.push((e as CustomEvent<GroupNotChangeDetail>).detail));
  return { changes, nots };
}

async function press(el: GroupOperatorElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Focus the element's tab stop by pressing Tab from a button placed before it. */
async function tabInto(before: HTMLElement, el: GroupOperatorElement): Promise<void> {
  before.focus();
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

describe('<group-operator>', () => {
  describe('rendering', () => {
    it('renders a combinator as a labelled radio group with AND checked by default', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator></group-operator>`);
      const group = el.shadowRoot!.querySelector('[part~="group"]')!;
      expect(group.getAttribute('role')).to.equal('radiogroup');
      expect(group.getAttribute('aria-label')).to.equal('Match');
      expect(radios(el).map((r) => r.textContent.trim())).to.deep.equal(['AND', 'OR']);
      expect(el.value).to.equal('and');
      expect(el.getAttribute('value')).to.equal('and');
      expect(checkedValues(el)).to.deep.equal(['and']);
      expect(tabStops(el)).to.deep.equal(['and']);
      expect(radio(el, 'and').getAttribute('part')).to.equal('option option-checked');
      expect(radio(el, 'or').getAttribute('part')).to.equal('option');
      expect(notButton(el)).to.equal(null);
      expect(group.hasAttribute('aria-invalid')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('renders OR checked from the value attribute', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator value="or"></group-operator>`);
      expect(checkedValues(el)).to.deep.equal(['or']);
      expect(tabStops(el)).to.deep.equal(['or']);
      await expect(el).to.be.accessible();
    });

    it('renders set operators with their hints as title and hidden text', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator kind="set" value="intersect"></group-operator>`);
      const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
      expect(group.getAttribute('aria-label')).to.equal('Combine with the rules before');
      expect(radios(el).map((r) => r.dataset.value)).to.deep.equal(['union', 'intersect', 'except']);
      expect(checkedValues(el)).to.deep.equal(['intersect']);
      expect(tabStops(el)).to.deep.equal(['intersect']);
      expect(radio(el, 'union').title).to.equal('members of either');
      expect(radio(el, 'except').title).to.equal('remove these members');
      expect(radio(el, 'intersect').querySelector('.visually-hidden')!.textContent).to.contain('members of both');
      await expect(el).to.be.accessible();
    });

    it('defaults a set operator to union', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator kind="set"></group-operator>`);
      expect(el.value).to.equal('union');
      expect(checkedValues(el)).to.deep.equal(['union']);
    });

    it('uses the label property as the accessible name', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator label="Join rule 2"></group-operator>`);
      expect(el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Join rule 2');
    });

    it('shows a NOT toggle with aria-pressed when allow-not is set', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator allow-not value="or" not></group-operator>`);
      const button = notButton(el)!;
      expect(button.textContent.trim()).to.equal('NOT');
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(button.getAttribute('part')).to.equal('not');
      await expect(el).to.be.accessible();
      el.not = false;
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('shows NOT as text when it is set but cannot be toggled, and never for set operators', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator not></group-operator>`);
      expect(notButton(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('span[part="not"]')!.textContent).to.equal('NOT');
      el.kind = 'set';
      el.value = 'union';
      el.allowNot = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="not"]')).to.equal(null);
    });

    it('renders read-only as labelled text, not operable', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator readonly allow-not not value="or"></group-operator>`);
      expect(radios(el)).to.have.length(0);
      expect(notButton(el)).to.equal(null);
      const group = el.shadowRoot!.querySelector('[part~="group"]')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-label')).to.equal('Match');
      expect(group.textContent.replace(/\s+/g, ' ').trim()).to.equal('NOT OR');
      expect(el.shadowRoot!.querySelectorAll('[tabindex]')).to.have.length(0);
      await expect(el).to.be.accessible();

      el.kind = 'set';
      el.value = 'except';
      await el.updateComplete;
      const option = el.shadowRoot!.querySelector<HTMLElement>('[part~="option-checked"]')!;
      expect(option.textContent).to.contain('Except');
      expect(option.title).to.equal('remove these members');
      await expect(el).to.be.accessible();
    });

    it('renders an invalid value with nothing checked and the first option focusable, warning once', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...a: unknown[]) => warnings.push(a);
      try {
        const el = await fixture<GroupOperatorElement>(html`<group-operator value="xor"></group-operator>`);
        expect(el.value).to.equal('xor');
        expect(checkedValues(el)).to.deep.equal([]);
        expect(tabStops(el)).to.deep.equal(['and']);
        expect(el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-invalid')).to.equal('true');
        await expect(el).to.be.accessible();
        el.allowNot = true; // another render with the same bad value
        await el.updateComplete;
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.contain('xor');

        el.readonly = true;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[part~="option"]')!.textContent).to.equal('xor');
        await expect(el).to.be.accessible();

        const set = await fixture<GroupOperatorElement>(html`<group-operator kind="set" value="and"></group-operator>`);
        expect(checkedValues(set)).to.deep.equal([]);
        expect(tabStops(set)).to.deep.equal(['union']);
        await expect(set).to.be.accessible();
      } finally {
        console.warn = original;
      }
    });

    it('survives nonsense from a host without throwing', async () => {
      const original = console.warn;
      console.warn = () => {};
      try {
        const el = await fixture<GroupOperatorElement>(html`<group-operator></group-operator>`);
        (el as unknown as { kind: string }).kind = 'bogus';
        (el as unknown as { value: unknown }).value = 42;
        await el.updateComplete;
        expect(radios(el).map((r) => r.dataset.value)).to.deep.equal(['and', 'or']);
        expect(tabStops(el)).to.deep.equal(['and']);
        (el as unknown as { value: unknown }).value = undefined;
        await el.updateComplete;
        expect(el.value).to.equal('and');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = original;
      }
    });
  });

  describe('keyboard', () => {
    it('lands on the checked option with Tab', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button>before</button><group-operator kind="set" value="except"></group-operator></div>`,
      );
      const el = wrapper.querySelector('group-operator')!;
      await tabInto(wrapper.querySelector('button')!, el);
      expect(document.activeElement).to.equal(el);
      expect(focusedValue(el)).to.equal('except');
      wrapper.querySelector('button')!.focus();
      el.focus(); // focus() goes to the tab stop too
      expect(focusedValue(el)).to.equal('except');
      // One tab stop: the next Tab leaves the group.
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.not.equal(el);
    });

    it('lands on the NOT toggle first, then the checked option', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button>before</button><group-operator allow-not value="or"></group-operator></div>`,
      );
      const el = wrapper.querySelector('group-operator')!;
      await tabInto(wrapper.querySelector('button')!, el);
      expect(el.shadowRoot!.activeElement).to.equal(notButton(el));
      await press(el, 'Tab');
      expect(focusedValue(el)).to.equal('or');
    });

    it('moves and selects with the arrows, wrapping around, and emits each choice', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><group-operator></group-operator></div>`);
      const el = wrapper.querySelector('group-operator')!;
      const { changes } = record(wrapper);
      await tabInto(wrapper.querySelector('button')!, el);

      await press(el, 'ArrowRight');
      expect(el.value).to.equal('or');
      expect(el.getAttribute('value')).to.equal('or');
      expect(checkedValues(el)).to.deep.equal(['or']);
      expect(tabStops(el)).to.deep.equal(['or']);
      expect(focusedValue(el)).to.equal('or');
      expect(changes).to.deep.equal([{ kind: 'combinator', value: 'or' }]);

      await press(el, 'ArrowRight'); // wraps
      expect(el.value).to.equal('and');
      expect(focusedValue(el)).to.equal('and');
      await press(el, 'ArrowLeft'); // wraps backwards
      expect(el.value).to.equal('or');
      await press(el, 'ArrowUp');
      expect(el.value).to.equal('and');
      await press(el, 'ArrowDown');
      expect(el.value).to.equal('or');
      expect(changes.map((c) => c.value)).to.deep.equal(['or', 'and', 'or', 'and', 'or']);
      await expect(el).to.be.accessible();
    });

    it('goes to the first and last option with Home and End, through set operators', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator kind="set"></group-operator>`);
      const { changes } = record(el);
      radio(el, 'union').focus();

      await press(el, 'End');
      expect(el.value).to.equal('except');
      expect(focusedValue(el)).to.equal('except');
      await press(el, 'End'); // already there: nothing to report
      await press(el, 'Home');
      expect(el.value).to.equal('union');
      await press(el, 'ArrowDown');
      expect(el.value).to.equal('intersect');
      await press(el, 'ArrowUp');
      await press(el, 'ArrowUp'); // wraps to the last
      expect(el.value).to.equal('except');
      expect(changes).to.deep.equal([
        { kind: 'set', value: 'except' },
        { kind: 'set', value: 'union' },
        { kind: 'set', value: 'intersect' },
        { kind: 'set', value: 'union' },
        { kind: 'set', value: 'except' },
      ]);
    });

    it('reverses left and right in a right-to-left context', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><group-operator kind="set"></group-operator></div>`);
      const el = wrapper.querySelector('group-operator')!;
      const { changes } = record(el);
      radio(el, 'union').focus();

      await press(el, 'ArrowLeft'); // next, in RTL
      expect(el.value).to.equal('intersect');
      expect(focusedValue(el)).to.equal('intersect');
      await press(el, 'ArrowRight'); // previous, in RTL
      expect(el.value).to.equal('union');
      await press(el, 'ArrowRight'); // previous from the first wraps to the last
      expect(el.value).to.equal('except');
      await press(el, 'ArrowLeft'); // next from the last wraps to the first
      expect(el.value).to.equal('union');
      await press(el, 'ArrowDown'); // up/down do not depend on direction
      expect(el.value).to.equal('intersect');
      expect(changes.map((c) => c.value)).to.deep.equal(['intersect', 'union', 'except', 'union', 'intersect']);

      // Direction is read at key time: switching the page back to LTR restores the usual order.
      wrapper.dir = 'ltr';
      await press(el, 'ArrowRight');
      expect(el.value).to.equal('except');
    });

    it('selects the focused option with Space and Enter', async () => {
      const original = console.warn;
      console.warn = () => {};
      try {
        const el = await fixture<GroupOperatorElement>(html`<group-operator kind="set" value="nope"></group-operator>`);
        const { changes } = record(el);
        radio(el, 'union').focus();
        await press(el, 'Space');
        expect(el.value).to.equal('union');
        expect(checkedValues(el)).to.deep.equal(['union']);
        await press(el, 'Space'); // already checked: no event
        await press(el, 'Enter');
        expect(changes).to.deep.equal([{ kind: 'set', value: 'union' }]);

        el.value = 'nope';
        await el.updateComplete;
        radio(el, 'union').focus();
        await press(el, 'Enter');
        expect(el.value).to.equal('union');
        expect(changes).to.have.length(2);
      } finally {
        console.warn = original;
      }
    });

    it('moves from the first option when the value is invalid', async () => {
      const original = console.warn;
      console.warn = () => {};
      try {
        const el = await fixture<GroupOperatorElement>(html`<group-operator value="xor"></group-operator>`);
        const { changes } = record(el);
        radio(el, 'and').focus();
        await press(el, 'ArrowRight');
        expect(el.value).to.equal('or');
        expect(changes).to.deep.equal([{ kind: 'combinator', value: 'or' }]);
      } finally {
        console.warn = original;
      }
    });

    it('ignores keys with modifiers and unrelated keys', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator></group-operator>`);
      const { changes } = record(el);
      radio(el, 'and').focus();
      await press(el, 'Control+ArrowRight');
      await press(el, 'a');
      await press(el, 'Escape');
      expect(el.value).to.equal('and');
      expect(changes).to.have.length(0);
    });
  });

  describe('pointer and events', () => {
    it('selects on click, emitting bubbling, composed, cancelable events', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><group-operator kind="set"></group-operator></div>`);
      const el = wrapper.querySelector('group-operator')!;
      const events: CustomEvent<GroupOperatorChangeDetail>[] = [];
      wrapper.addEventListener('group-operator-change', (e) => events.push(e));
      radio(el, 'except').click();
      await el.updateComplete;
      expect(el.value).to.equal('except');
      expect(checkedValues(el)).to.deep.equal(['except']);
      expect(events).to.have.length(1);
      const [event] = events;
      expect(event!.detail).to.deep.equal({ kind: 'set', value: 'except' });
      expect(event!.bubbles).to.equal(true);
      expect(event!.composed).to.equal(true);
      expect(event!.cancelable).to.equal(true);

      radio(el, 'except').click(); // the checked one: no change, no event
      // A click on the hidden hint text inside an option counts as a click on the option.
      radio(el, 'intersect').querySelector<HTMLElement>('.visually-hidden')!.click();
      await el.updateComplete;
      expect(el.value).to.equal('intersect');
      expect(events.map((e) => e.detail.value)).to.deep.equal(['except', 'intersect']);
    });

    it('does not emit when properties are set programmatically', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator allow-not></group-operator>`);
      const { changes, nots } = record(el);
      el.value = 'or';
      el.not = true;
      await el.updateComplete;
      el.kind = 'set';
      el.value = 'except';
      await el.updateComplete;
      el.setAttribute('value', 'intersect');
      el.removeAttribute('not');
      await el.updateComplete;
      expect(checkedValues(el)).to.deep.equal(['intersect']);
      expect(changes).to.have.length(0);
      expect(nots).to.have.length(0);
    });

    it('reverts when a listener calls preventDefault (keyboard, click and NOT)', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator allow-not></group-operator>`);
      const seen: string[] = [];
      el.addEventListener('group-operator-change', (e) => {
        seen.push(`${e.detail.value}:${el.value}`);
        e.preventDefault();
      });
      el.addEventListener('group-not-change', (e) => {
        seen.push(`not=${e.detail.not}`);
        e.preventDefault();
      });
      radio(el, 'and').focus();
      await press(el, 'ArrowRight');
      expect(el.value).to.equal('and');
      expect(el.getAttribute('value')).to.equal('and');
      expect(checkedValues(el)).to.deep.equal(['and']);
      expect(tabStops(el)).to.deep.equal(['and']);
      expect(focusedValue(el)).to.equal('and');

      radio(el, 'or').click();
      await el.updateComplete;
      expect(el.value).to.equal('and');
      expect(checkedValues(el)).to.deep.equal(['and']);

      notButton(el)!.click();
      await el.updateComplete;
      expect(el.not).to.equal(false);
      expect(notButton(el)!.getAttribute('aria-pressed')).to.equal('false');
      // The element holds the new value while listeners run, like a native change event.
      expect(seen).to.deep.equal(['or:or', 'or:or', 'not=true']);
    });

    it('lets a controlling listener substitute its own value', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator kind="set"></group-operator>`);
      el.addEventListener('group-operator-change', (e) => {
        e.preventDefault();
        el.value = 'except';
      });
      radio(el, 'intersect').click();
      await el.updateComplete;
      expect(el.value).to.equal('except');
      expect(checkedValues(el)).to.deep.equal(['except']);
    });

    it('toggles NOT from the button and the keyboard, emitting group-not-change', async () => {
      const el = await fixture<GroupOperatorElement>(html`<group-operator allow-not></group-operator>`);
      const { changes, nots } = record(el);
      const button = notButton(el)!;
      button.click();
      await el.updateComplete;
      expect(el.not).to.equal(true);
      expect(el.hasAttribute('not')).to.equal(true);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();

      button.focus();
      await press(el, 'Space');
      expect(el.not).to.equal(false);
      await press(el, 'Enter');
      expect(el.not).to.equal(true);
      expect(nots).to.deep.equal([{ not: true }, { not: false }, { not: true }]);
      expect(changes).to.have.length(0);
    });

    it('ignores clicks and keys when read-only', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button>before</button><group-operator readonly allow-not value="or"></group-operator><button>after</button></div>`,
      );
      const el = wrapper.querySelector('group-operator')!;
      const { changes, nots } = record(el);
      for (const part of el.shadowRoot!.querySelectorAll<HTMLElement>('[part]')) part.click();
      el.click();
      await tabInto(wrapper.querySelector('button')!, el);
      expect(document.activeElement).to.equal(wrapper.querySelectorAll('button')[1]);
      el.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.value).to.equal('or');
      expect(el.not).to.equal(false);
      expect(changes).to.have.length(0);
      expect(nots).to.have.length(0);

      el.readonly = false;
      await el.updateComplete;
      expect(checkedValues(el)).to.deep.equal(['or']);
    });
  });

  describe('lifecycle', () => {
    it('works after being removed and appended again, leaving no document-level listeners', async () => {
      const counts = new Map<EventTarget, number>([
        [document, 0],
        [window, 0],
        [document.body, 0],
      ]);
      const originals = [...counts.keys()].map((target) => {
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
          counts.set(target, counts.get(target)! + 1);
          add(...args);
        };
        target.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
          counts.set(target, counts.get(target)! - 1);
          remove(...args);
        };
        return () => {
          delete (target as Partial<EventTarget>).addEventListener;
          delete (target as Partial<EventTarget>).removeEventListener;
        };
      });
      try {
        const parent = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement('group-operator');
        el.allowNot = true;
        for (let i = 0; i < 50; i++) {
          parent.append(el);
          await el.updateComplete;
          el.remove();
        }
        parent.append(el);
        await el.updateComplete;
        expect([...counts.values()]).to.deep.equal([0, 0, 0]);

        const { changes, nots } = record(el);
        radio(el, 'and').focus();
        await press(el, 'ArrowRight');
        notButton(el)!.click();
        await el.updateComplete;
        expect(changes).to.deep.equal([{ kind: 'combinator', value: 'or' }]);
        expect(nots).to.deep.equal([{ not: true }]);
        expect(el.shadowRoot!.querySelectorAll('[role="radiogroup"]')).to.have.length(1);
        await expect(el).to.be.accessible();
      } finally {
        originals.forEach((restore) => restore());
      }
    });
  });
});
