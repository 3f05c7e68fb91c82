/**
 * The German message table: `describeSegment`'s sentences on real segments (read and
 * written by hand), plural forms, German numbers and dates, validation messages, a CSV
 * header, and a check that no German entry is English text left untranslated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Translator,
  addNode,
  addRule,
  createFormatters,
  createSegment,
  describeComparison,
  describeFilter,
  describeSegment,
  en,
  errorMessage,
  membersCsv,
  parseSegment,
  setRelatedMatch,
  setSetOperator,
  toggleNot,
  validateSegment,
  wrapNodes,
  type Message,
  type SegmentDocument,
  type SegmentNode,
} from '../../src/core/index.js';
import { de } from '../../src/core/messages/de/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleDataset, sampleCatalog, sampleSegments } from '../../src/sample/index.js';
import { bundle } from './helpers/bundle.js';
import { germanCatalog } from './helpers/catalog-de.js';

const tr = new Translator(de, 'de');
/** The sample segments as a German host names them. */
const GERMAN_NAMES: Record<string, string> = { 'do-not-contact': 'Nicht kontaktieren' };
const germanSegments = sampleSegments.map((s) => (GERMAN_NAMES[s.id!] ? { ...s, displayName: GERMAN_NAMES[s.id!] } : s));
const german = (doc: SegmentDocument, options: { maxLength?: number } = {}) =>
  describeSegment(doc, germanCatalog, { segments: germanSegments, translator: tr, ...options });

const one = (where: SegmentNode): SegmentDocument => ({ schemaVersion: 1, audience: 'Customer', rules: [{ where }] });
const cond = (attribute: string, operator: string, value?: unknown, entity = 'Customer') =>
  ({ kind: 'condition', entity, attribute, operator, ...(value !== undefined ? { value } : {}) }) as SegmentNode;
const rel = (entity: string, match: object, where?: SegmentNode) =>
  ({ kind: 'related', entity, match, ...(where ? { where } : {}) }) as SegmentNode;
const and = (...children: SegmentNode[]): SegmentNode => ({ kind: 'group', combinator: 'and', children });
const or = (...children: SegmentNode[]): SegmentNode => ({ kind: 'group', combinator: 'or', children });

describe('German: describeSegment', () => {
  it('reads every sample segment as German sentences', () => {
    const expected: Record<string, string> = {
      'high-value-escalated':
        'Datensätze vom Typ Kunde, bei denen mindestens ein Datensatz vom Typ Bestellung vorhanden ist, bei dem Gesamtbetrag größer als 500 ist und Bestelldatum innerhalb der letzten 90 Tage liegt; ' +
        'davon nur diejenigen, bei denen mindestens ein Datensatz vom Typ Servicefall vorhanden ist, bei dem Eskaliert wahr ist; ' +
        'ausgenommen diejenigen im Segment „Nicht kontaktieren“',
      'security-low-satisfaction':
        'Datensätze vom Typ Kunde, bei denen mindestens ein Datensatz vom Typ Abonnement vorhanden ist, bei dem Status „Aktiv“ ist und mindestens ein Datensatz vom Typ Produkt vorhanden ist, ' +
        'bei dem Kategorie „Sicherheit“ ist und Produktnummer nicht „P5567“ ist und Zufriedenheit höchstens „2 – Unzufrieden“ ist',
      'do-not-contact': 'Datensätze vom Typ Kunde, bei denen Nicht kontaktieren wahr ist',
      'high-credit-except-dnc':
        'Datensätze vom Typ Kunde, bei denen Guthaben größer als 1.000 ist; ausgenommen diejenigen im Segment „Nicht kontaktieren“',
      'birthdays-next-30-days':
        'Datensätze vom Typ Kunde, bei denen Geburtsdatum sich innerhalb der nächsten 30 Tage jährt und E-Mail nicht leer ist und Nicht kontaktieren falsch ist',
      'lapsed-customers':
        'Datensätze vom Typ Kunde, bei denen mindestens zwei Datensätze vom Typ Bestellung vorhanden sind und kein Datensatz vom Typ Bestellung vorhanden ist, ' +
        'bei dem Bestelldatum innerhalb der letzten 180 Tage liegt',
      'big-spenders':
        'Datensätze vom Typ Kunde, bei denen die Summe von Gesamtbetrag über alle Datensätze vom Typ Bestellung, bei denen Bestelldatum innerhalb der letzten 12 Monate liegt, größer als 2.000 ist',
      'web-active-30-days':
        'Datensätze vom Typ Kunde, bei denen mindestens ein Datensatz vom Typ Onlinekonto vorhanden ist, bei dem mindestens zwei Datensätze vom Typ Websitzung vorhanden sind, ' +
        'bei denen Beginn innerhalb der letzten 30 Tage liegt',
      'at-risk-customers':
        'Datensätze vom Typ Kunde, bei denen Zufriedenheit höchstens „2 – Unzufrieden“ ist oder mindestens zwei Datensätze vom Typ Servicefall vorhanden sind, bei denen Eröffnet am innerhalb der letzten 90 Tage liegt; ' +
        'davon nur diejenigen, bei denen mindestens ein Datensatz vom Typ Bestellung vorhanden ist, bei dem Bestelldatum innerhalb des letzten Jahres liegt; ' +
        'ausgenommen diejenigen im Segment „Nicht kontaktieren“',
      'new-customers-welcome':
        'Datensätze vom Typ Kunde, bei denen Kunde seit innerhalb der letzten 3 Monate liegt und kein Datensatz vom Typ Bestellung vorhanden ist ' +
        'und nicht (E-Mail leer ist oder Nicht kontaktieren wahr ist oder E-Mail-Einwilligung falsch ist)',
      'vip-snapshot': 'Datensätze vom Typ Kunde, bei denen Treuestufe „Platin“ ist',
    };
    assert.deepEqual(Object.fromEntries(germanSegments.map((s) => [s.id, german(s)])), expected);
  });

  it('never inflects the host’s entity labels: English labels stand as they are', () => {
    const doc = sampleSegments.find((s) => s.id === 'lapsed-customers')!;
    assert.equal(
      describeSegment(doc, sampleCatalog, { translator: tr }),
      'Datensätze vom Typ Customer, bei denen mindestens zwei Datensätze vom Typ Order vorhanden sind und kein Datensatz vom Typ Order vorhanden ist, bei dem Order date innerhalb der letzten 180 Tage liegt',
    );
  });

  it('joins rules by their set operators, with segment references and an empty rule, built with the edit operations', () => {
    let doc = createSegment('Customer');
    assert.equal(german(doc), 'Alle Datensätze vom Typ Kunde: noch keine Regeln');
    doc = addRule(doc, { id: 'r1' });
    assert.equal(german(doc), 'Datensätze vom Typ Kunde (noch ohne Bedingungen, daher ohne Treffer)');
    doc = addNode(doc, 'r1', cond('City', 'equals', 'Berlin'));
    doc = addRule(doc, { id: 'r2', segment: 'do-not-contact' });
    doc = addRule(doc, { id: 'r3', where: cond('LoyaltyPoints', 'greaterThanOrEqual', 12345) });
    doc = setSetOperator(doc, 'r3', 'intersect');
    doc = addRule(doc, { id: 'r4' });
    doc = setSetOperator(doc, 'r4', 'except');
    doc = addRule(doc, { id: 'r5', segment: 'gibt-es-nicht' });
    assert.equal(
      german(doc),
      'Datensätze vom Typ Kunde, bei denen Stadt „Berlin“ ist; zusätzlich diejenigen im Segment „Nicht kontaktieren“; ' +
        'davon nur diejenigen, bei denen Treuepunkte mindestens 12.345 ist; ausgenommen diejenigen (noch ohne Bedingungen, daher ohne Treffer); ' +
        'zusätzlich diejenigen im Segment „gibt-es-nicht“',
    );
  });

  it('writes text operators, in-lists, between and a nested NOT group', () => {
    let doc = createSegment('Customer');
    doc = addRule(doc, { id: 'r1' });
    doc = addNode(doc, 'r1', cond('FullName', 'contains', 'Müller'));
    doc = addNode(doc, 'r1', cond('Email', 'endsWith', '.de'));
    doc = addNode(doc, 'r1', cond('City', 'startsWith', 'Ber'));
    doc = addNode(doc, 'r1', cond('Email', 'notContains', 'test'));
    doc = addNode(doc, 'r1', { ...cond('Country', 'notIn', ['DE']), id: 'n1' });
    doc = addNode(doc, 'r1', { ...cond('Country', 'notIn', ['DE', 'FR', 'US']), id: 'n2' });
    doc = addNode(doc, 'r1', { ...cond('LoyaltyTier', 'notEquals', 'Gold'), id: 'n3' });
    doc = wrapNodes(doc, ['n1', 'n2', 'n3'], 'or');
    const groupId = doc.rules[0]!.where!.kind === 'group' ? doc.rules[0]!.where!.children[4]!.id! : '';
    doc = toggleNot(doc, groupId);
    doc = addNode(doc, 'r1', cond('Country', 'in', ['DE', 'FR', 'US']));
    doc = addNode(doc, 'r1', cond('City', 'isNotEmpty'));
    doc = addNode(doc, 'r1', cond('Satisfaction', 'equals', 4));
    doc = addNode(doc, 'r1', cond('CreditBalance', 'lessThan', 0.5));
    doc = addNode(doc, 'r1', cond('CreditBalance', 'between', [1234.5, 12345]));
    doc = addNode(doc, 'r1', cond('CreditBalance', 'notBetween', [10, 20]));
    assert.equal(
      german(doc),
      'Datensätze vom Typ Kunde, bei denen Vollständiger Name „Müller“ enthält und E-Mail auf „.de“ endet und Stadt mit „Ber“ beginnt und E-Mail „test“ nicht enthält ' +
        'und nicht (Land nicht „Deutschland“ ist oder Land weder „Deutschland“, „Frankreich“ noch „Vereinigte Staaten“ ist oder Treuestufe nicht „Gold“ ist) ' +
        'und Land „Deutschland“, „Frankreich“ oder „Vereinigte Staaten“ ist und Stadt nicht leer ist und Zufriedenheit „4 – Zufrieden“ ist ' +
        'und Guthaben kleiner als 0,5 ist und Guthaben zwischen 1.234,5 und 12.345 liegt und Guthaben nicht zwischen 10 und 20 liegt',
    );
  });

  it('writes dates with German month names and relative dates in the singular and plural', () => {
    const doc = one(
      or(
        cond('BirthDate', 'on', '2024-03-05'),
        cond('CreatedOn', 'after', '2023-12-31'),
        cond('CreatedOn', 'inLast', { amount: 1, unit: 'day' }),
        cond('CreatedOn', 'inLast', { amount: 1, unit: 'week' }),
        cond('CreatedOn', 'inLast', { amount: 1, unit: 'month' }),
        cond('CreatedOn', 'notInLast', { amount: 2, unit: 'week' }),
        cond('CreatedOn', 'inNext', { amount: 1, unit: 'year' }),
        cond('BirthDate', 'isAnniversaryInNext', { amount: 1, unit: 'week' }),
      ),
    );
    assert.equal(
      german(doc),
      'Datensätze vom Typ Kunde, bei denen Geburtsdatum auf den 5. März 2024 fällt oder Kunde seit nach dem 31. Dezember 2023 liegt ' +
        'oder Kunde seit innerhalb des letzten Tages liegt oder Kunde seit innerhalb der letzten Woche liegt oder Kunde seit innerhalb des letzten Monats liegt ' +
        'oder Kunde seit nicht innerhalb der letzten 2 Wochen liegt oder Kunde seit innerhalb des nächsten Jahres liegt oder Geburtsdatum sich innerhalb der nächsten Woche jährt',
    );
  });

  it('writes related blocks with counts in the singular and plural, the filter’s pronoun agreeing', () => {
    let doc = one(
      and(
        rel('Order', { quantifier: 'exactly', count: 1 }, cond('Channel', 'in', ['Web', 'Phone'], 'Order')),
        rel('Case', { quantifier: 'atMost', count: 0 }),
        {
          ...rel(
            'Order',
            { quantifier: 'any' },
            and(cond('TotalAmount', 'greaterThan', 99.9, 'Order'), cond('Status', 'equals', 'Completed', 'Order')),
          ),
          id: 'o3',
        },
        rel('Case', { quantifier: 'none' }),
        cond('City', 'equals', 'Köln'),
      ),
    );
    doc = setRelatedMatch(doc, 'o3', { quantifier: 'atLeast', count: 15 });
    assert.equal(
      german(doc),
      'Datensätze vom Typ Kunde, bei denen genau ein Datensatz vom Typ Bestellung vorhanden ist, bei dem Kanal „Web“ oder „Telefon“ ist ' +
        'und höchstens 0 Datensätze vom Typ Servicefall vorhanden sind ' +
        'und mindestens 15 Datensätze vom Typ Bestellung vorhanden sind, bei denen Gesamtbetrag größer als 99,9 ist und Status „Abgeschlossen“ ist ' +
        'und kein Datensatz vom Typ Servicefall vorhanden ist und Stadt „Köln“ ist',
    );
    // A block inside a block's filter, and a block that leads its rule's group.
    assert.equal(
      german(
        one(
          rel(
            'OnlineAccount',
            { quantifier: 'any' },
            and(rel('WebSession', { quantifier: 'exactly', count: 2 }), cond('Username', 'isEmpty', undefined, 'OnlineAccount')),
          ),
        ),
      ),
      'Datensätze vom Typ Kunde, bei denen mindestens ein Datensatz vom Typ Onlinekonto vorhanden ist, bei dem genau zwei Datensätze vom Typ Websitzung vorhanden sind und Benutzername leer ist',
    );
    assert.equal(
      german(one(and(rel('Order', { quantifier: 'any' }), cond('City', 'equals', 'Berlin')))),
      'Datensätze vom Typ Kunde, bei denen mindestens ein Datensatz vom Typ Bestellung vorhanden ist und Stadt „Berlin“ ist',
    );
    assert.equal(
      german(one(rel('Order', { quantifier: 'atLeast' }))),
      'Datensätze vom Typ Kunde, bei denen mindestens … Datensätze vom Typ Bestellung vorhanden sind',
    );
  });

  it('writes aggregates with their filter closed before the comparison', () => {
    assert.equal(
      german(
        one(
          or(
            rel(
              'Order',
              { aggregate: 'count', operator: 'greaterThan', value: 3 },
              cond('OrderDate', 'inLast', { amount: 6, unit: 'month' }, 'Order'),
            ),
            rel('Order', { aggregate: 'avg', attribute: 'TotalAmount', operator: 'between', value: [50, 150] }),
            rel(
              'Order',
              { aggregate: 'max', attribute: 'ItemCount', operator: 'lessThanOrEqual', value: 2 },
              cond('Status', 'notEquals', 'Cancelled', 'Order'),
            ),
          ),
        ),
      ),
      'Datensätze vom Typ Kunde, bei denen die Anzahl der Datensätze vom Typ Bestellung, bei denen Bestelldatum innerhalb der letzten 6 Monate liegt, größer als 3 ist ' +
        'oder der Durchschnitt von Gesamtbetrag über alle Datensätze vom Typ Bestellung zwischen 50 und 150 liegt ' +
        'oder der größte Wert von Artikel unter allen Datensätzen vom Typ Bestellung, bei denen Status nicht „Storniert“ ist, höchstens 2 ist',
    );
    assert.equal(
      german(
        one(
          rel(
            'OnlineAccount',
            { aggregate: 'count', operator: 'lessThan', value: 2 },
            rel('WebSession', { quantifier: 'exactly', count: 1 }),
          ),
        ),
      ),
      'Datensätze vom Typ Kunde, bei denen die Anzahl der Datensätze vom Typ Onlinekonto, bei denen genau ein Datensatz vom Typ Websitzung vorhanden ist, kleiner als 2 ist',
    );
  });

  it('writes unfinished rows, empty groups and an unknown operator, and shortens a long summary', () => {
    assert.equal(german(one(cond('', ''))), 'Datensätze vom Typ Kunde, bei denen (eine noch festzulegende Bedingung)');
    assert.equal(german(one(cond('City', ''))), 'Datensätze vom Typ Kunde, bei denen Stadt …');
    assert.equal(
      german(one({ kind: 'group', combinator: 'and', not: true, children: [] })),
      'Datensätze vom Typ Kunde, bei denen nicht (keine Bedingung)',
    );
    assert.equal(german(one(cond('City', 'fuzzy', 'x'))), 'Datensätze vom Typ Kunde, bei denen Stadt den Operator fuzzy mit „x“ erfüllt');
    const long = one(
      and(cond('City', 'equals', 'Berlin'), cond('City', 'equals', 'Bonn'), cond('City', 'equals', 'Ulm'), cond('City', 'equals', 'Köln')),
    );
    assert.equal(german(long, { maxLength: 60 }), 'Datensätze vom Typ Kunde, bei denen Stadt „Berlin“ ist und…');
  });

  it('gives the member explanation its German lines', () => {
    const options = { translator: tr };
    const comparison = describeComparison('greaterThan', 500, germanCatalog, options);
    assert.equal(comparison, 'größer als 500 ist');
    const where = describeFilter(cond('OrderDate', 'inLast', { amount: 90, unit: 'day' }, 'Order'), germanCatalog, options);
    assert.equal(
      tr.t('preview.explain.related', {
        entity: 'Bestellung',
        where,
        matched: 3,
        linked: 1200,
        match: tr.t('preview.explain.match.atLeast', { count: 1 }),
      }),
      'Datensätze vom Typ Bestellung, bei denen Bestelldatum innerhalb der letzten 90 Tage liegt: 3 von 1.200 (mindestens 1)',
    );
    assert.equal(
      tr.t('preview.explain.condition', {
        attribute: 'Gesamtbetrag',
        values: ['612', '480'],
        more: 2,
        comparison,
        rows: tr.t('preview.explain.rows', { count: 1, of: 1, entity: 'Bestellung' }),
      }),
      'Gesamtbetrag: 612, 480 und 2 weitere (erfüllt, wenn der Wert größer als 500 ist) – 1 von 1 Datensatz vom Typ Bestellung',
    );
    assert.equal(
      tr.t('preview.explain.condition.plain', { attribute: 'Gesamtbetrag', comparison, rows: '' }),
      'Erfüllt, wenn Gesamtbetrag größer als 500 ist',
    );
    assert.equal(
      tr.t('preview.explain.aggregate', {
        aggregate: 'sum',
        attribute: 'Gesamtbetrag',
        entity: 'Bestellung',
        where: '',
        value: '2.340',
        comparison,
      }),
      'Summe von Gesamtbetrag über alle Datensätze vom Typ Bestellung: 2.340 (erfüllt, wenn der Wert größer als 500 ist)',
    );
  });
});

describe('German: plurals, numbers and dates', () => {
  it('chooses the singular for one and the plural otherwise', () => {
    assert.equal(tr.t('trend.point.count', { count: 1 }), '1 Mitglied');
    assert.equal(tr.t('trend.point.count', { count: 2 }), '2 Mitglieder');
    assert.equal(tr.t('list.results', { count: 1 }), '1 Segment');
    assert.equal(tr.t('list.results', { count: 3 }), '3 Segmente');
    assert.equal(tr.t('list.dialog.tags.title', { count: 3 }), 'Tags von 3 Segmenten');
    assert.equal(tr.t('list.working.delete', { count: 1 }), '1 Segment wird gelöscht…');
    assert.equal(tr.t('list.working.delete', { count: 4 }), '4 Segmente werden gelöscht…');
    assert.equal(
      tr.t('builder.problems.title', { count: 1 }),
      '1 Problem: Das Segment kann als Entwurf gespeichert, aber nicht aktiviert werden',
    );
    assert.equal(
      tr.t('builder.problems.title', { count: 2 }),
      '2 Probleme: Das Segment kann als Entwurf gespeichert, aber nicht aktiviert werden',
    );
    assert.equal(tr.t('builder.group.label', { not: true, and: false, count: 3 }), 'Gruppe: keine von 3');
    assert.equal(tr.t('builder.group.label', { not: true, and: true, count: 3 }), 'Gruppe: nicht alle von 3');
    assert.equal(tr.t('quick.top.more', { count: 1 }), 'und 1 weiterer Wert');
    assert.equal(tr.t('quick.top.more', { count: 5 }), 'und 5 weitere Werte');
    assert.equal(
      tr.t('list.drafts.skipped', { names: ['„Alt“', '„Neu“'] }),
      '„Alt“ und „Neu“ sind Entwürfe und wurden nicht aktiviert: Ein Entwurf muss zuerst im Builder korrigiert werden.',
    );
  });

  it('groups numbers and writes percentages the German way', () => {
    assert.equal(tr.t('trend.point.count', { count: 12345 }), '12.345 Mitglieder');
    assert.equal(tr.t('overlap.total', { count: 1234567 }), '1.234.567 Kunden');
    assert.equal(tr.t('quick.size.value', { count: 1234, total: 5000 }), '1.234 Kunden (24,7\u00a0%)');
    assert.equal(tr.t('list.pager.range', { from: 1, to: 25, total: 12345 }), '1–25 von 12.345');
  });

  it('writes dates in German', () => {
    assert.equal(tr.t('trend.point.date', { date: '2024-03-05' }), '05.03.2024');
    assert.equal(tr.t('describe.value.date', { value: '2024-03-05' }), '5. März 2024');
    assert.equal(
      tr.t('trend.summary', {
        label: 'Mitglieder von VIP',
        first: { date: '2024-01-01', count: 3 },
        last: { date: '2024-03-31', count: 1 },
        points: 91,
      }),
      'Mitglieder von VIP: von 3 Mitgliedern am 01.01.2024 auf 1 Mitglied am 31.03.2024, 91 Datenpunkte. Mit den Pfeiltasten lesen Sie die Datenpunkte.',
    );
  });
});

describe('German: validation messages and CSV headers', () => {
  it('renders validation and parse errors in German', () => {
    const doc = { ...one(cond('Shoesize', 'equals', 42)), name: 'Schuhgroesse' };
    const result = validateSegment(doc, germanCatalog);
    const messages = result.errors.map((e) => errorMessage(e, tr));
    assert.ok(
      messages.includes('Kunde hat kein Attribut „Shoesize“.'),
      `German message for the unknown attribute: ${messages.join(' | ')}`,
    );
    const parsed = parseSegment(
      '{"schemaVersion": 1, "audience": "Customer", "rules": [{"where": {"kind": "condition", "entity": "Customer", "attribute": "City", "operator": "between", "value": 3}}]}',
    );
    assert.deepEqual(
      parsed.errors.map((e) => errorMessage(e, tr)),
      ['`between` braucht zwei Werte, einen unteren und einen oberen.'],
    );
    const invalid = parseSegment('{"schemaVersion": 1, "rules": []');
    assert.match(errorMessage(invalid.errors[0]!, tr), /^Dies ist kein gültiges JSON: /);
  });

  it('writes a CSV header from a German catalog', async () => {
    const dataset = createSampleDataset({ customers: 5, seed: 3 });
    const provider = createMemoryProvider({ catalog: germanCatalog, data: dataset.data, now: dataset.now });
    const segment: SegmentDocument = {
      ...one(cond('Email', 'isNotEmpty')),
      name: 'MitEmail',
      projectedAttributes: [{ entity: 'Order', attribute: 'TotalAmount' }],
    };
    const chunks: string[] = [];
    for await (const chunk of membersCsv(provider, segment, { columns: ['CustomerId', 'FullName', 'City', 'Order.TotalAmount'] }))
      chunks.push(chunk);
    assert.equal(chunks[0], '\uFEFFKundennummer,Vollständiger Name,Stadt,Bestellung · Gesamtbetrag\r\n');
  });
});

// ------------------------------------------------------------------ nothing left in English

/** Entries that are the same in German and English, and why. */
const SAME_IN_GERMAN: Record<string, string> = {
  'attribute.path': 'only placeholders and the › separator',
  'builder.related.quantified': 'only the parts given (the quantifier, the count, the entity words), in the same order',
  'operator.label': '„Operator“ is the German word',
  'value.missing': 'an ellipsis',
  'describe.group.more': 'an ellipsis',
  'describe.value.missing': 'an ellipsis',
  'describe.op.unchosen': 'an ellipsis',
  'builder.prop.name': '„Name“ is the German word',
  'list.column.name': '„Name“ is the German word',
  'quick.name': '„Name“ is the German word',
  'list.tags': '„Tags“ is what German software calls tags',
  'list.column.tags': '„Tags“ is what German software calls tags',
  'list.action.tags': '„Tags…“ is what German software calls tags',
  'list.tags.count': '„Tags (3)“: tags, and a number',
  'list.column.status': '„Status“ is the German word',
  'list.schedule.system': '„System“ is the German word',
  'list.none': 'a dash',
  'preview.emptyValue': 'a dash',
  'quick.percentile.p50': '„Median“ is the German word',
  'overlap.picker': '„Segment A“ is German too',
  'trend.growth.change': 'a signed number',
  'describe.clauses': 'clauses joined by semicolons',
  'describe.truncated': 'the text and an ellipsis',
  'describe.group.other': 'parts joined by a combinator this version does not know, as it is written',
  'describe.group.nested': 'parentheses',
  'describe.condition': 'the attribute and the comparison',
};

/** Parameters that make every message function render (their names are shared across sections). */
const PARAMS: Record<string, unknown> = {
  count: 3,
  entities: 'E',
  noun: 'customers',
  n: 2,
  cumulative: 5,
  not: true,
  and: false,
  detail: 'Unexpected token',
  version: 2,
  supported: 1,
  expected: 1,
  value: 'X',
  values: ['A', 'B'],
  parts: ['A', 'B'],
  clauses: ['A', 'B'],
  clause: 'C',
  text: 'T',
  condition: 'C',
  related: 'R',
  entity: 'Order',
  where: ' W',
  attribute: 'Total',
  comparison: 'C',
  operator: 'op',
  operators: ['a', 'b'],
  options: ['a', 'b'],
  low: 'L',
  high: 'H',
  amount: 3,
  unit: 'day',
  body: 'B',
  audience: 'Customer',
  first: true,
  name: 'N',
  names: ['A', 'B'],
  users: ['A', 'B'],
  combinator: 'xor',
  segment: 's',
  cycle: ['a', 'b'],
  aggregate: 'sum',
  type: 'number',
  got: 'list',
  id: 'x',
  firstPath: '/rules/0',
  depth: 3,
  className: 'Map',
  quantifier: 'atLeast',
  end: 'low',
  from: 1,
  to: 3,
  total: 10,
  index: 1,
  done: 4,
  shown: 2,
  rule: 'R',
  member: true,
  more: 1,
  rows: 'r',
  of: 4,
  matched: 1,
  linked: 2,
  match: 'm',
  included: ['A', 'B'],
  excluded: ['C'],
  region: 'R',
  message: 'M',
  letter: 'A',
  union: 7,
  share: 0.3,
  days: 30,
  change: 3,
  percent: 0.1,
  date: '2024-05-31',
  label: 'L',
  points: 4,
  scope: 'Customer',
  expectedAudience: 'Customer',
};
/** Keys whose parameters differ from the shared ones, and every variant of a key that has several. */
const VARIANTS: Record<string, object[]> = {
  'error.not-object': ['document', 'projectedAttribute', 'rule', 'node', 'match', 'unreadable'].map((variant) => ({ variant })),
  'error.missing-field': [
    'audience',
    'rules',
    'projectedEntity',
    'projectedAttribute',
    'kind',
    'combinator',
    'children',
    'conditionEntity',
    'conditionAttribute',
    'conditionOperator',
    'relatedEntity',
    'chooseRelatedEntity',
    'match',
    'quantifier',
    'aggregateOperator',
    'aggregateAttribute',
  ].map((variant) => ({ variant })),
  'error.wrong-type': [
    'segmentId',
    'name',
    'displayName',
    'description',
    'ruleName',
    'id',
    'tags',
    'tag',
    'audience',
    'rules',
    'projectedAttributes',
    'projectedEntity',
    'projectedAttribute',
    'snapshot',
    'memberKey',
    'segment',
    'not',
    'children',
    'entity',
    'attribute',
    'operator',
  ].map((variant) => ({ variant })),
  'error.invalid-option': ['type', 'state', 'setOperator', 'combinator', 'quantifier', 'aggregate', 'unit'].map((variant) => ({ variant })),
  'error.invalid-value': [
    'quantifierAndAggregate',
    'lowAboveHigh',
    'count',
    'amount',
    'notScalar',
    'notPair',
    'pairItem',
    'notList',
    'listItem',
    'notRelative',
  ].map((variant) => ({ variant })),
  'error.missing-value': ['scalar', 'pair', 'pairItem', 'list', 'relative', 'amount', 'unit', 'count', 'emptyText', 'segment'].map(
    (variant) => ({ variant }),
  ),
  'error.too-deep': [{ variant: 'value' }, { variant: 'conditions' }],
  'error.not-json': ['number', 'cycle', 'class', 'type'].map((variant) => ({ variant })),
  'error.unknown-audience': [{ audience: '' }, { audience: 'Person' }],
  'error.unknown-entity': [{ variant: undefined }, { variant: 'unnamed' }],
  'error.missing-attribute': [
    { aggregate: undefined },
    { aggregate: 'sum' },
    { aggregate: 'avg' },
    { aggregate: 'min' },
    { aggregate: 'max' },
  ],
  'error.missing-operator': [{ variant: 'condition' }, { variant: 'aggregate' }],
  'error.operator-not-allowed': [{ variant: 'condition' }, { variant: 'aggregate' }, { variant: 'aggregateOperator', type: 'date' }],
  'error.value-type': [{ variant: 'text' }, { variant: 'date' }, { variant: 'number' }, { variant: 'number', value: '12a' }],
  'error.entity-out-of-scope': ['outside', 'inside', 'audienceInside'].map((variant) => ({ variant })),
  'error.no-relationship': [{ variant: 'related' }, { variant: 'projected' }],
  'error.segment-cycle': [{ variant: 'self' }, { variant: 'cycle' }],
  'describe.audience': [{ first: true }, { first: false }],
  'describe.value.boolean': [{ value: true }, { value: false }],
  'describe.value.number': [{ value: 1234.5 }],
  'describe.value.date': [{ value: '2024-05-31' }],
  'describe.op.inLast': [{ amount: 1, unit: 'week' }, { amount: 3, unit: 'month' }, { missing: true }],
  'describe.related.exactly': [{ count: 1 }, { count: 2 }],
  'describe.op.notIn': [{ values: ['A'] }, { values: ['A', 'B', 'C'] }],
  'preview.explain.sofar': [{ member: true }, { member: false }],
  'quick.bar': [
    { from: 'a', to: 'b', rows: true },
    { from: 'a', to: 'b', rows: false },
  ],
  'workspace.details.count': [{ count: null }, { count: 1 }, { count: 3 }],
  'workspace.ran': [{ count: null }, { count: 1 }],
  'workspace.refreshed': [{ count: null }, { count: 1 }],
  'workspace.usedBy': [
    { names: ['A'], more: 0 },
    { names: ['A', 'B'], more: 2 },
  ],
  'trend.summary': [{ first: { date: '2024-01-01', count: 1 }, last: { date: '2024-02-01', count: 2 } }],
  'trend.point': [{ date: '2024-01-01', count: 1 }],
  'overlap.region.name': [
    { included: ['A', 'B'], excluded: [] },
    { included: ['A'], excluded: ['B', 'C'] },
  ],
  'overlap.region.description': [
    { included: ['A', 'B'], excluded: [] },
    { included: ['A'], excluded: ['B', 'C'] },
  ],
};

describe('German: nothing left in English', () => {
  const fe = createFormatters('en');
  const fd = createFormatters('de');
  const render = (entry: Message | undefined, params: object, f: typeof fe) =>
    typeof entry === 'function' ? (entry as (p: object, f: typeof fe) => string)(params, f) : String(entry);

  it('gives every entry a German text of its own, except the few that German writes alike (each with its reason)', () => {
    const same: string[] = [];
    let rendered = 0;
    for (const [key, english] of Object.entries(en) as [string, Message][]) {
      const german = (de as Record<string, Message>)[key];
      for (const variant of VARIANTS[key] ?? [{}]) {
        const params = { ...PARAMS, ...variant };
        const a = render(english, params, fe);
        const b = render(german, params, fd);
        rendered++;
        assert.ok(!/undefined|\[object Object\]/.test(b), `${key} ${JSON.stringify(variant)} renders completely in German: ${b}`);
        if (a === b && !(key in SAME_IN_GERMAN)) same.push(`${key} ${JSON.stringify(variant)}: ${a}`);
      }
    }
    assert.deepEqual(same, [], 'German entries identical to English and not on the allow-list');
    assert.ok(rendered > Object.keys(en).length, `every key rendered, variants too (${rendered})`);
  });

  it('keeps the allow-list honest: each entry on it is really the same in both languages', () => {
    const different = Object.keys(SAME_IN_GERMAN).filter((key) => {
      const params = { ...PARAMS, ...(VARIANTS[key]?.[0] ?? {}) };
      return render((en as Record<string, Message>)[key], params, fe) !== render((de as Record<string, Message>)[key], params, fd);
    });
    assert.deepEqual(different, [], 'allow-listed keys that differ after all');
  });

  it('uses German quotation marks, never English ones (JSON written in a message keeps its own)', () => {
    const english: string[] = [];
    for (const [key, entry] of Object.entries(de) as [string, Message][]) {
      for (const variant of VARIANTS[key] ?? [{}]) {
        const text = render(entry, { ...PARAMS, ...variant }, fd);
        if (/["“”]/.test(text.replace(/\{[^}]*\}/g, '').replace(/„[^“]*“/g, ''))) english.push(`${key}: ${text}`);
      }
    }
    assert.deepEqual(english, []);
    assert.equal(tr.t('describe.value.text', { text: 'Berlin' }), '„Berlin“');
  });
});

describe('German: the bundle', () => {
  it('carries no English text: the German table imports only the English types', async () => {
    const code = await bundle(`import { de } from './src/core/messages/de/index.ts'; console.log(de);`);
    assert.ok(code.includes('Bedingung auswählen') || code.includes('Attribut auswählen'), 'the German text is in the bundle');
    const english = ['Choose an attribute', 'Keyboard shortcuts', 'is greater than', 'Segments could not be loaded', 'Loading members'];
    assert.deepEqual(
      english.filter((t) => code.includes(t)),
      [],
      'English text in the German bundle',
    );
  });
});
