// The elements follow the `lang` of their nearest ancestor (through shadow roots), show the
// table registered for it, and switch live when `lang` changes or a table is registered.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/elements/segment-builder/define.js';
import '../../src/elements/group-operator/define.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import type { GroupOperatorElement } from '../../src/elements/group-operator/group-operator.js';
import type { Messages } from '../../src/core/index.js';
import { de } from '../../src/core/messages/de/index.js';
import { registerLocale, setMessages, translatorFor } from '../../src/elements/shared/messages.js';
import { langOf } from '../../src/elements/shared/controllers/locale.js';
import { example, memoryProvider, until } from './fixtures.js';

/** A few German words of the builder (the complete table is `segment-kit/locales/de`). */
const germanWords: Partial<Messages> = {
  'builder.undo': 'Rückgängig',
  'builder.redo': 'Wiederholen',
  'builder.save': 'Speichern',
  'builder.saved': 'Gespeichert.',
  'builder.size.label': 'Geschätzte Größe:',
  'operator.greaterThan': 'ist größer als',
  'combinator.and': 'UND',
};

/** Right-to-left words for the test: Arabic placeholder strings (not a reviewed translation). */
const arabicWords: Partial<Messages> = {
  'builder.undo': 'تراجع',
  'builder.redo': 'إعادة',
  'builder.save': 'حفظ',
  'builder.cancel': 'إلغاء',
  'builder.size.label': 'الحجم التقديري:',
};

const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, pattern: RegExp) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => pattern.test(b.textContent.replace(/\s+/g, ' ').trim()));
const text = (el: Element) => root(el).textContent.replace(/\s+/g, ' ');
/** The text of the builder and of every element inside it (condition rows, operators). */
function deepText(node: Node): string {
  let out = '';
  for (const child of [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
    else if (child.nodeType === Node.ELEMENT_NODE && !['STYLE', 'SCRIPT'].includes((child as Element).tagName)) out += deepText(child);
  }
  return out;
}

async function builderIn(lang: string, dir = 'ltr') {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang} dir=${dir}>
      <segment-builder .provider=${memoryProvider()} .segment=${example()}></segment-builder>
    </div>`,
  );
  const el = wrap.querySelector<SegmentBuilderElement>('segment-builder')!;
  await until(() => !!button(el, /./), 3000, 'toolbar');
  await el.updateComplete;
  return { wrap, el };
}

describe('languages', () => {
  before(() => {
    registerLocale('de', germanWords);
    registerLocale('ar', arabicWords);
  });
  afterEach(() => fixtureCleanup());
  after(() => {
    registerLocale('de', {});
    registerLocale('ar', {});
  });

  it('finds the nearest lang through shadow roots', async () => {
    const { el } = await builderIn('de-AT');
    const row = root(el).querySelector('condition-row')!;
    expect(langOf(row)).to.equal('de-AT');
    expect(translatorFor('de-AT').locale).to.equal('de-AT');
    expect(translatorFor('DE').t('builder.undo')).to.equal('Rückgängig');
    expect(translatorFor('fr').t('builder.undo'), 'a language without a table: the setMessages words').to.equal('Undo');
  });

  it('shows the table of the nearest lang, in nested elements too, and the rest in English', async () => {
    const { el } = await builderIn('de');
    expect(button(el, /^Rückgängig$/), 'Undo in German').to.exist;
    expect(button(el, /^Speichern$/), 'Save in German').to.exist;
    expect(text(el)).to.contain('Geschätzte Größe:');
    expect(deepText(el), 'the condition rows inside the builder follow its lang').to.contain('ist größer als');
    expect(button(el, /^Abbrechen$|^Cancel$/)?.textContent.trim(), 'a key the table lacks stays English').to.equal('Cancel');
  });

  it('switches live when the lang of an ancestor changes, and back', async () => {
    const { wrap, el } = await builderIn('en');
    expect(button(el, /^Undo$/)).to.exist;
    wrap.lang = 'de';
    await until(() => !!button(el, /^Rückgängig$/), 2000, 'German after lang="de"');
    await until(() => deepText(el).includes('ist größer als'), 2000, 'the nested condition rows in German');
    wrap.removeAttribute('lang');
    await until(() => !!button(el, /^Undo$/), 2000, 'English after lang is removed');
  });

  it('switches live when the table of its language is registered after it rendered', async () => {
    const { el } = await builderIn('nl');
    expect(button(el, /^Undo$/)).to.exist;
    registerLocale('nl', { 'builder.undo': 'Ongedaan maken' });
    try {
      await until(() => !!button(el, /^Ongedaan maken$/), 2000, 'Dutch after registerLocale');
    } finally {
      registerLocale('nl', {});
    }
  });

  it('says what a save did in its own language (text made outside render)', async () => {
    const { el } = await builderIn('de');
    button(el, /^Speichern$/)!.click();
    await until(() => text(el).includes('Gespeichert.'), 3000, 'the save status in German');
  });

  it('two languages on one page: each element shows its own', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <group-operator lang="de" value="and"></group-operator>
        <group-operator lang="en" value="and"></group-operator>
      </div>`,
    );
    const [de, en] = [...wrap.querySelectorAll<GroupOperatorElement>('group-operator')];
    await de!.updateComplete;
    await en!.updateComplete;
    expect(text(de!)).to.contain('UND');
    expect(text(en!)).to.contain('AND');
    expect(text(en!)).to.not.contain('UND');
  });

  it('a right-to-left language: its text, laid out right to left, and accessible', async () => {
    const { el } = await builderIn('ar', 'rtl');
    const undo = button(el, /^تراجع$/);
    const redo = button(el, /^إعادة$/);
    expect(undo, 'Undo in Arabic').to.exist;
    expect(redo, 'Redo in Arabic').to.exist;
    expect(text(el)).to.contain('الحجم التقديري:');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    // Undo comes first in reading order: right of Redo, right to left.
    expect(undo!.getBoundingClientRect().left).to.be.greaterThan(redo!.getBoundingClientRect().left);
    await expect(el).to.be.accessible();
  });

  it('the complete German table: the builder and its rows in German, German numbers, no English left', async () => {
    registerLocale('de', de);
    try {
      const { el } = await builderIn('de-DE');
      await until(() => /\d/.test(root(el).querySelector('[part~="size"], .size')?.textContent ?? text(el)), 3000, 'a count');
      const all = deepText(el).replace(/\s+/g, ' ');
      expect(all).to.contain('Rückgängig');
      expect(all).to.contain('Geschätzte Größe');
      expect(all).to.contain('Datensatz vom Typ');
      expect(all, 'a block of one Order reads "bei dem"').to.match(/Datensatz vom Typ Order\s+bei dem\s/);
      for (const english of ['Undo', 'Redo', 'Estimated size', 'Save and activate', 'with at least', 'Add rule', 'Orders', 'customers'])
        expect(all, `"${english}" left in English`).to.not.contain(english);
      await expect(el).to.be.accessible();
    } finally {
      registerLocale('de', germanWords);
    }
  });

  it('setMessages words show where no table matches the lang, at once', async () => {
    const { el } = await builderIn('');
    setMessages({ 'builder.undo': 'Take back' });
    try {
      await until(() => !!button(el, /^Take back$/), 2000, 'the house wording');
    } finally {
      setMessages({});
    }
    await until(() => !!button(el, /^Undo$/), 2000, 'English again');
  });
});
