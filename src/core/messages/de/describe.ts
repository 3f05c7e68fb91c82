/**
 * `describeSegment` auf Deutsch. Ganze Satzteile statt Wort-für-Wort-Übersetzung:
 *
 * - Eine Regel liest sich als Relativsatz mit Verb am Ende: „Datensätze vom Typ Kunde,
 *   bei denen Stadt „Berlin“ ist und mindestens zwei Datensätze vom Typ Bestellung
 *   vorhanden sind, bei denen Gesamtbetrag größer als 500 ist“. Jeder Vergleich
 *   (`describe.op.*`) endet darum auf sein Verb („… ist“, „… liegt“, „… enthält“), und ein
 *   verknüpfter Block ist ein ganzer Nebensatz („… vorhanden sind“), sodass Bedingungen und
 *   Blöcke in jeder Reihenfolge mit „und“/„oder“ verbunden werden können.
 * - Die Bezeichnungen der Entitäten kommen aus dem Katalog des Hosts, nur im Singular und
 *   ohne Genus („Bestellung“, „Servicefall“, „Onlinekonto“). Der Text bildet darum weder
 *   Plural noch Artikel dieser Wörter, sondern nennt sie als Typ: „Datensätze vom Typ
 *   Kunde“, „mindestens ein Datensatz vom Typ Bestellung“. Genus, Numerus und Kasus gehören
 *   so immer zu „Datensatz“, das der Text selbst kennt.
 * - Der Filter eines Blocks („, bei denen …“) wird vor dem Block geschrieben und kennt
 *   dessen Numerus nicht; er steht im Plural, und ein Block im Singular („mindestens ein
 *   Datensatz …“) setzt das Relativpronomen in den Singular („, bei dem …“).
 * - Das Publikum steht nur im Nominativ: Die Mengenoperatoren regieren keinen Kasus
 *   („zusätzlich …“, „davon nur …“, „ausgenommen …“). Nach der ersten Regel heißt es
 *   „diejenigen“.
 */
import type { Formatters, WidenTable } from '../format.js';
import type { describe as en, Relative } from '../en/describe.js';

type One = { value: string };
type Pair = { low: string; high: string };
type List = { values: readonly string[] };
type Related = { entity: string; where: string };
type Counted = Related & { count: number | undefined };

/** Der Anfang jedes Filters (`describe.related.where`, `describe.related.whereRelated`), im Plural. */
const WHERE = ', bei denen ';
/** Derselbe Anfang nach einem Block im Singular („ein Datensatz …, bei dem …“). */
const WHERE_ONE = ', bei dem ';
/** Der Rumpf einer Regel, die ein Segment nennt, und der einer leeren Regel: beide folgen dem Publikum ohne „bei denen“. */
const IN_SEGMENT = ' im Segment ';
const EMPTY_RULE = ' (noch ohne Bedingungen, daher ohne Treffer)';

const singularWhere = (where: string) => (where.startsWith(WHERE) ? WHERE_ONE + where.slice(WHERE.length) : where);
/** Ein Filter mitten im Satz wird mit einem Komma geschlossen, bevor der Vergleich folgt. */
const closed = (where: string) => (where ? `${where},` : '');

const NUMBER_WORDS = ['null', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
/** Kleine Anzahlen ab zwei als Wort („mindestens zwei“), andere als Ziffern; eine fehlende als „…“. */
const countText = (n: number | undefined, f: Formatters) =>
  n === undefined ? '…' : Number.isInteger(n) && n >= 2 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n]! : f.number(n);

/** „mindestens zwei Datensätze vom Typ Bestellung vorhanden sind, bei denen …“; bei genau einem im Singular. */
const counted = (prefix: string, { count, entity, where }: Counted, f: Formatters) =>
  count === 1
    ? `${prefix} ein Datensatz vom Typ ${entity} vorhanden ist${singularWhere(where)}`
    : `${prefix} ${countText(count, f)} Datensätze vom Typ ${entity} vorhanden sind${where}`;

/** Zeiträume im Genitiv, für „innerhalb …“: „des letzten Monats“, „der nächsten 30 Tage“. */
const SPANS: Record<string, { one: [article: string, ending: string, noun: string]; many: string }> = {
  day: { one: ['des', 'en', 'Tages'], many: 'Tage' },
  week: { one: ['der', 'en', 'Woche'], many: 'Wochen' },
  month: { one: ['des', 'en', 'Monats'], many: 'Monate' },
  year: { one: ['des', 'en', 'Jahres'], many: 'Jahre' },
};
const span = (p: Relative, stem: 'letzt' | 'nächst', f: Formatters) => {
  if ('missing' in p) return '…';
  const unit = SPANS[String(p.unit)];
  if (p.amount === 1 && unit) return `${unit.one[0]} ${stem}${unit.one[1]} ${unit.one[2]}`;
  return `der ${stem}en ${f.number(p.amount)} ${unit?.many ?? String(p.unit)}`;
};

export const describe: WidenTable<typeof en> = {
  // ------------------------------------------------------------------ das Segment
  'describe.audience': (p) => (p.first ? `Datensätze vom Typ ${p.entity}` : 'diejenigen'),
  'describe.noRules': (p) => `Alle Datensätze vom Typ ${p.entity}: noch keine Regeln`,
  /** Ein Rumpf aus Bedingungen oder Blöcken wird zum Relativsatz; ein Segmentverweis und eine leere Regel folgen direkt. */
  'describe.clause': (p) =>
    p.body.startsWith(IN_SEGMENT) || p.body === EMPTY_RULE ? `${p.audience}${p.body}` : `${p.audience}${WHERE}${p.body}`,
  'describe.set.union': (p) => `zusätzlich ${p.clause}`,
  'describe.set.intersect': (p) => `davon nur ${p.clause}`,
  'describe.set.except': (p) => `ausgenommen ${p.clause}`,
  'describe.clauses': (p) => p.clauses.join('; '),
  'describe.truncated': (p) => `${p.text}…`,

  // ------------------------------------------------------------ der Rumpf einer Regel
  'describe.rule.segment': (p) => `${IN_SEGMENT}„${p.name}“`,
  'describe.rule.empty': EMPTY_RULE,
  'describe.rule.where': (p) => p.condition,

  // ---------------------------------------------------------------------- Gruppen
  'describe.group.and': (p) => p.parts.join(' und '),
  'describe.group.or': (p) => p.parts.join(' oder '),
  'describe.group.other': (p) => p.parts.join(` ${p.combinator} `),
  'describe.group.not': (p) => `nicht (${p.text})`,
  'describe.group.nested': (p) => `(${p.text})`,
  'describe.group.nothing': 'keine Bedingung',
  'describe.group.more': '…',

  // ------------------------------------------------------------------ Bedingungen
  'describe.condition': (p) => `${p.attribute} ${p.comparison}`,
  'describe.condition.unchosen': '(eine noch festzulegende Bedingung)',
  'describe.value.text': (p) => `„${p.text}“`,
  'describe.value.number': (p, f) => f.number(p.value, { maximumFractionDigits: 20 }),
  'describe.value.date': (p, f) => f.date(p.value, { dateStyle: 'long', timeZone: 'UTC' }),
  'describe.value.boolean': (p) => (p.value ? 'wahr' : 'falsch'),
  'describe.value.missing': '…',

  // ----------------------------------------------------- Vergleiche (Verb am Ende)
  'describe.op.equals': (p: One) => `${p.value} ist`,
  'describe.op.notEquals': (p: One) => `nicht ${p.value} ist`,
  'describe.op.contains': (p: One) => `${p.value} enthält`,
  'describe.op.notContains': (p: One) => `${p.value} nicht enthält`,
  'describe.op.startsWith': (p: One) => `mit ${p.value} beginnt`,
  'describe.op.endsWith': (p: One) => `auf ${p.value} endet`,
  'describe.op.in': (p: List, f) => `${p.values.length ? f.list(p.values, 'disjunction') : '…'} ist`,
  'describe.op.notIn': (p: List) =>
    p.values.length > 1
      ? `weder ${p.values.slice(0, -1).join(', ')} noch ${p.values[p.values.length - 1]!} ist`
      : `nicht ${p.values[0] ?? '…'} ist`,
  'describe.op.isEmpty': 'leer ist',
  'describe.op.isNotEmpty': 'nicht leer ist',
  'describe.op.greaterThan': (p: One) => `größer als ${p.value} ist`,
  'describe.op.greaterThanOrEqual': (p: One) => `mindestens ${p.value} ist`,
  'describe.op.lessThan': (p: One) => `kleiner als ${p.value} ist`,
  'describe.op.lessThanOrEqual': (p: One) => `höchstens ${p.value} ist`,
  'describe.op.between': (p: Pair) => `zwischen ${p.low} und ${p.high} liegt`,
  'describe.op.notBetween': (p: Pair) => `nicht zwischen ${p.low} und ${p.high} liegt`,
  'describe.op.on': (p: One) => `auf den ${p.value} fällt`,
  'describe.op.before': (p: One) => `vor dem ${p.value} liegt`,
  'describe.op.after': (p: One) => `nach dem ${p.value} liegt`,
  'describe.op.inLast': (p, f) => `innerhalb ${span(p, 'letzt', f)} liegt`,
  'describe.op.notInLast': (p, f) => `nicht innerhalb ${span(p, 'letzt', f)} liegt`,
  'describe.op.inNext': (p, f) => `innerhalb ${span(p, 'nächst', f)} liegt`,
  'describe.op.isAnniversaryInNext': (p, f) => `sich innerhalb ${span(p, 'nächst', f)} jährt`,
  'describe.op.isTrue': 'wahr ist',
  'describe.op.isFalse': 'falsch ist',
  'describe.op.unchosen': '…',
  'describe.op.other': (p) => `den Operator ${p.operator} mit ${p.value} erfüllt`,

  // ------------------------------------------------------------ verknüpfte Blöcke
  'describe.related.where': (p) => `${WHERE}${p.condition}`,
  'describe.related.whereRelated': (p) => `${WHERE}${p.related}`,
  'describe.related.any': (p: Related) => `mindestens ein Datensatz vom Typ ${p.entity} vorhanden ist${singularWhere(p.where)}`,
  'describe.related.none': (p: Related) => `kein Datensatz vom Typ ${p.entity} vorhanden ist${singularWhere(p.where)}`,
  'describe.related.atLeast': (p, f) => counted('mindestens', p, f),
  'describe.related.atMost': (p, f) => counted('höchstens', p, f),
  'describe.related.exactly': (p, f) => counted('genau', p, f),
  'describe.aggregate.count': (p) => `die Anzahl der Datensätze vom Typ ${p.entity}${closed(p.where)} ${p.comparison}`,
  'describe.aggregate.sum': (p) =>
    `die Summe von ${p.attribute || '…'} über alle Datensätze vom Typ ${p.entity}${closed(p.where)} ${p.comparison}`,
  'describe.aggregate.avg': (p) =>
    `der Durchschnitt von ${p.attribute || '…'} über alle Datensätze vom Typ ${p.entity}${closed(p.where)} ${p.comparison}`,
  'describe.aggregate.min': (p) =>
    `der kleinste Wert von ${p.attribute || '…'} unter allen Datensätzen vom Typ ${p.entity}${closed(p.where)} ${p.comparison}`,
  'describe.aggregate.max': (p) =>
    `der größte Wert von ${p.attribute || '…'} unter allen Datensätzen vom Typ ${p.entity}${closed(p.where)} ${p.comparison}`,
  'describe.aggregate.other': (p) =>
    `das Aggregat ${p.aggregate} von ${p.attribute || '…'} über alle Datensätze vom Typ ${p.entity}${closed(p.where)} ${p.comparison}`,
};
