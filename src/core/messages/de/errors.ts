/**
 * Validierungs- und Lesefehler auf Deutsch: ein Eintrag je `SegmentErrorCode`, eine
 * Funktion der `params` des Fehlers (siehe `../en/errors.ts`). JSON-Feldnamen, Operatoren
 * und Werte, die man so in ein Dokument schreibt, bleiben wie sie sind.
 */
import type { Formatters, WidenTable } from '../format.js';
import type { errors as en, MissingField, NotObjectField, PairEnd, ShownValue, ValueKind, WrongTypeField } from '../en/errors.js';

/** Was ein falscher Wert ist, als Nominativ-Phrase („eine Liste“). */
const noun = (kind: ValueKind | 'empty'): string => {
  switch (kind) {
    case 'null':
    case 'undefined':
      return kind;
    case 'empty':
      return 'leer';
    case 'list':
      return 'eine Liste';
    case 'object':
      return 'ein Objekt';
    case 'string':
      return 'ein Text';
    case 'number':
      return 'eine Zahl';
    case 'boolean':
      return 'ein Wahrheitswert';
    case 'bigint':
      return 'ein BigInt';
    case 'symbol':
      return 'ein Symbol';
    case 'function':
      return 'eine Funktion';
  }
};
/** Der Gegensatz zu dem, was verlangt ist: „keine Liste“, „kein Objekt“, „nicht null“. */
const notNoun = (kind: ValueKind | 'empty'): string => {
  const a = noun(kind);
  return a.startsWith('ein') ? `k${a}` : `nicht ${a}`;
};
/** Ein Wert, wie die Meldung ihn zeigt: Text in Anführungszeichen, eine Zahl, sonst seine Art in Klammern. */
const valueText = (p: ShownValue, f: Formatters): string =>
  p.got !== undefined
    ? `(${noun(p.got)})`
    : typeof p.value === 'string'
      ? `„${p.value}“`
      : typeof p.value === 'number'
        ? f.number(p.value)
        : String(p.value);
/** Ein falscher Wert, verneint: „nicht „abc““, „nicht 3“, „keine Liste“. */
const shown = (p: ShownValue, f: Formatters): string => (p.got !== undefined ? notNoun(p.got) : `nicht ${valueText(p, f)}`);
const quoted = (options: readonly string[]) => options.map((o) => `„${o}“`);
const either = (options: readonly string[], f: Formatters) => f.list(options, 'disjunction');
const typeNoun = (type: string) =>
  type === 'string'
    ? 'ein Text'
    : type === 'number'
      ? 'eine Zahl'
      : type === 'date'
        ? 'ein Datum'
        : type === 'boolean'
          ? 'ein Wahrheitswert (wahr oder falsch)'
          : type;
const KINDS: readonly string[] = ['null', 'undefined', 'list', 'object', 'string', 'number', 'boolean', 'bigint', 'symbol', 'function'];
/** Ein `typeof`-Name („number“), verneint („keine Zahl“). */
const notTypeof = (type: string) => (KINDS.includes(type) ? notNoun(type as ValueKind) : `nicht ${type}`);
const endName = (end: PairEnd) => (end === 'low' ? 'untere' : 'obere');

const WRONG_TYPE: Record<WrongTypeField, (got: string) => string> = {
  segmentId: (got) => `Die Segment-ID muss ein Text sein, ${got}.`,
  name: (got) => `Der Name muss ein Text sein, ${got}.`,
  displayName: (got) => `Der Anzeigename muss ein Text sein, ${got}.`,
  description: (got) => `Die Beschreibung muss ein Text sein, ${got}.`,
  ruleName: (got) => `Ein Regelname muss ein Text sein, ${got}.`,
  id: (got) => `Eine ID muss ein nicht leerer Text sein, ${got}.`,
  tags: (got) => `Tags müssen eine Liste von Texten sein, ${got}.`,
  tag: (got) => `Ein Tag muss ein Text sein, ${got}.`,
  audience: (got) => `Die Zielgruppe muss der Name einer Entität sein, ${got}.`,
  rules: (got) => `rules muss eine Liste sein, ${got}.`,
  projectedAttributes: (got) => `projectedAttributes muss eine Liste sein, ${got}.`,
  projectedEntity: (got) => `Die Entität muss ein Text sein, ${got}.`,
  projectedAttribute: (got) => `Das Attribut muss ein Text sein, ${got}.`,
  snapshot: (got) => `snapshot muss eine Liste von Mitgliedsschlüsseln sein, ${got}.`,
  memberKey: (got) => `Ein Mitgliedsschlüssel muss ein Text oder eine Zahl sein, ${got}.`,
  segment: (got) => `segment muss die ID eines gespeicherten Segments sein, ${got}.`,
  not: (got) => `not muss true oder false sein, ${got}.`,
  children: (got) => `children muss eine Liste sein, ${got}.`,
  entity: (got) => `entity muss ein Text sein, ${got}.`,
  attribute: (got) => `attribute muss ein Text sein, ${got}.`,
  operator: (got) => `operator muss ein Text sein, ${got}.`,
};

const MISSING_FIELD: Record<MissingField, string> = {
  audience: 'Das Dokument braucht eine Zielgruppe: die Entität, deren Mitglieder es auswählt, z. B. „Customer“.',
  rules: 'Das Dokument braucht eine Liste von Regeln.',
  projectedEntity: 'Ein projiziertes Attribut braucht seine Entität.',
  projectedAttribute: 'Ein projiziertes Attribut braucht sein Attribut.',
  kind: 'Ein Knoten braucht eine Art (kind): „group“, „condition“ oder „related“.',
  combinator: 'Eine Gruppe braucht eine Verknüpfung (combinator): „and“ oder „or“.',
  children: 'Eine Gruppe braucht eine Liste von Elementen (children).',
  conditionEntity: 'Eine Bedingung braucht die Entität ihres Attributs.',
  conditionAttribute: 'Eine Bedingung braucht ein Attribut.',
  conditionOperator: 'Eine Bedingung braucht einen Operator.',
  relatedEntity: 'Ein verknüpfter Block braucht die Entität, deren Datensätze er betrachtet.',
  chooseRelatedEntity: 'Wählen Sie die Entität, die dieser Block betrachtet.',
  match: 'Ein verknüpfter Block braucht eine Bedingung für die Anzahl (match), z. B. {"quantifier": "any"}.',
  quantifier: 'Eine Anzahlbedingung braucht eine Mengenangabe (any, none, atLeast, atMost, exactly) oder ein Aggregat.',
  aggregateOperator: 'Ein Aggregat braucht einen Operator für den Vergleich.',
};

const NOT_OBJECT: Record<NotObjectField, (got: string) => string> = {
  document: (got) => `Ein Segmentdokument muss ein JSON-Objekt sein, ${got}.`,
  projectedAttribute: (got) => `Ein projiziertes Attribut muss ein Objekt mit entity und attribute sein, ${got}.`,
  rule: (got) => `Eine Regel muss ein Objekt sein, ${got}.`,
  node: (got) => `Eine Bedingung oder Gruppe muss ein Objekt sein, ${got}.`,
  match: (got) => `match muss ein Objekt sein, ${got}.`,
};

type T = WidenTable<typeof en>;
type P<K extends keyof T> = Parameters<T[K]>[0];

export const errors: T = {
  // ------------------------------------------------------------ Struktur (parseSegment)
  'error.invalid-json': (p) => `Dies ist kein gültiges JSON: ${p.detail}`,
  'error.not-object': (p) =>
    p.variant === 'unreadable' ? `Das Dokument konnte nicht gelesen werden: ${p.detail}` : NOT_OBJECT[p.variant](notNoun(p.got)),
  'error.unsupported-version': (p, f) =>
    `Dieses Dokument verwendet die Schemaversion ${f.number(p.version)}, die neuer ist, als diese Version von segment-kit versteht (${f.number(p.supported)}). Aktualisieren Sie segment-kit, um es zu öffnen.`,
  'error.invalid-version': (p, f) => `schemaVersion muss ${f.number(p.expected)} sein, ${shown(p, f)}.`,
  'error.missing-field': (p) =>
    p.variant === 'aggregateAttribute' ? `\`${p.aggregate}\` braucht das Attribut, das aggregiert wird.` : MISSING_FIELD[p.variant],
  'error.wrong-type': (p) => WRONG_TYPE[p.variant](notNoun(p.got)),
  'error.invalid-option': (p: P<'error.invalid-option'>, f) => {
    const got = shown(p, f);
    switch (p.variant) {
      case 'type':
        return `Der Typ muss einer von ${quoted(p.options).join(', ')} sein, ${got}.`;
      case 'state':
        return `Der Status muss einer von ${quoted(p.options).join(', ')} sein, ${got}.`;
      case 'setOperator':
        return `Der Mengenoperator muss einer von ${quoted(p.options).join(', ')} sein, ${got}.`;
      case 'combinator':
        return `Die Verknüpfung muss ${either(quoted(p.options), f)} sein, ${got}.`;
      case 'quantifier':
        return `Die Mengenangabe muss ${either(p.options, f)} sein, ${got}.`;
      case 'aggregate':
        return `Das Aggregat muss ${either(p.options, f)} sein, ${got}.`;
      case 'unit':
        return `Die Einheit muss ${either(p.options, f)} sein, ${got}.`;
    }
  },
  'error.unknown-kind': (p, f) => `Unbekannte Knotenart ${valueText(p, f)}: Verwenden Sie „group“, „condition“ oder „related“.`,
  'error.unknown-operator': (p, f) => `Unbekannter Operator ${valueText(p, f)}.`,
  'error.invalid-value': (p: P<'error.invalid-value'>, f) => {
    switch (p.variant) {
      case 'quantifierAndAggregate':
        return 'Eine Anzahlbedingung hat entweder eine Mengenangabe oder ein Aggregat, nicht beides.';
      case 'lowAboveHigh':
        return 'Der untere Wert darf nicht größer als der obere Wert sein.';
      case 'count':
        return `Die Anzahl (count) muss eine ganze Zahl von 0 oder mehr sein, ${shown(p, f)}.`;
      case 'amount':
        return `Die Anzahl der Einheiten (amount) muss eine ganze Zahl von 0 oder mehr sein, ${shown(p, f)}.`;
      case 'notScalar':
        return `\`${p.operator}\` braucht einen einzelnen Wert, ${notNoun(p.got)}.`;
      case 'notPair':
        return `\`${p.operator}\` braucht zwei Werte, einen unteren und einen oberen.`;
      case 'pairItem':
        return `Der ${endName(p.end)} Wert muss ein einzelner Wert sein, ${notNoun(p.got)}.`;
      case 'notList':
        return `\`${p.operator}\` braucht eine Liste von Werten, ${notNoun(p.got)}.`;
      case 'listItem':
        return `Jeder Wert von \`${p.operator}\` muss ein einzelner Wert sein, ${notNoun(p.got)}.`;
      case 'notRelative':
        return `\`${p.operator}\` braucht eine Anzahl und eine Einheit wie {"amount": 90, "unit": "day"}, ${notNoun(p.got)}.`;
    }
  },
  'error.missing-value': (p: P<'error.missing-value'>) => {
    switch (p.variant) {
      case 'scalar':
        return `\`${p.operator}\` braucht einen Wert.`;
      case 'pair':
        return `\`${p.operator}\` braucht zwei Werte, einen unteren und einen oberen.`;
      case 'pairItem':
        return `\`${p.operator}\` braucht einen ${p.end === 'low' ? 'unteren' : 'oberen'} Wert.`;
      case 'list':
        return `\`${p.operator}\` braucht mindestens einen Wert.`;
      case 'relative':
        return `\`${p.operator}\` braucht eine Anzahl und eine Einheit, z. B. 90 Tage.`;
      case 'amount':
        return `\`${p.operator}\` braucht eine Anzahl.`;
      case 'unit':
        return `\`${p.operator}\` braucht eine Einheit: day, week, month oder year (Tag, Woche, Monat oder Jahr).`;
      case 'count':
        return `\`${p.quantifier}\` braucht eine Anzahl.`;
      case 'emptyText':
        return 'Geben Sie einen Wert ein (um leere Werte zu finden, verwenden Sie „ist leer“).';
      case 'segment':
        return 'Wählen Sie ein Segment.';
    }
  },
  'error.invalid-date': (p) => `„${p.value}“ ist kein Datum: Verwenden Sie die Form 2024-05-31 (oder ein Datum mit Uhrzeit nach ISO 8601).`,
  'error.duplicate-id': (p) =>
    `Die ID „${p.id}“ wird bereits ${p.firstPath ? `unter ${p.firstPath}` : 'im Dokument'} verwendet; IDs müssen eindeutig sein.`,
  'error.too-deep': (p, f) =>
    p.variant === 'value'
      ? `Dieser Wert ist mehr als ${f.number(p.depth)} Ebenen tief verschachtelt.`
      : `Die Bedingungen sind mehr als ${f.number(p.depth)} Ebenen tief verschachtelt.`,
  'error.not-json': (p: P<'error.not-json'>) => {
    switch (p.variant) {
      case 'number':
        return `${p.value} ist keine JSON-Zahl.`;
      case 'cycle':
        return 'Dieser Wert enthält sich selbst; das kann JSON nicht speichern.';
      case 'class':
        return p.className === null
          ? 'Dieses Feld enthält ein besonderes Objekt, das JSON nicht unverändert speichern kann.'
          : `Dieses Feld enthält ein Objekt vom Typ ${p.className}, das JSON nicht unverändert speichern kann.`;
      case 'type':
        return `Dieses Feld enthält ${noun(p.got)}; das kann JSON nicht speichern.`;
    }
  },

  // ---------------------------------------------------------- Bedeutung (validateSegment)
  'error.unknown-audience': (p) =>
    p.audience === ''
      ? 'Das Dokument braucht eine Zielgruppe.'
      : `Die Zielgruppe „${p.audience}“ ist nicht die Zielgruppe des Katalogs („${p.expected}“).`,
  'error.unknown-entity': (p) =>
    p.variant === 'unnamed'
      ? 'Diese Bedingung gibt nicht an, zu welcher Entität ihr Attribut gehört.'
      : `Der Katalog enthält keine Entität „${p.entity}“.`,
  'error.unknown-attribute': (p) => `${p.entity} hat kein Attribut „${p.attribute}“.`,
  'error.missing-attribute': (p) => {
    switch (p.aggregate) {
      case undefined:
        return 'Wählen Sie ein Attribut.';
      case 'sum':
        return 'Wählen Sie das Attribut, das summiert werden soll.';
      case 'avg':
        return 'Wählen Sie das Attribut, dessen Durchschnitt gebildet werden soll.';
      case 'min':
        return 'Wählen Sie das Attribut, dessen kleinster Wert gesucht wird.';
      case 'max':
        return 'Wählen Sie das Attribut, dessen größter Wert gesucht wird.';
      default:
        return `Wählen Sie das Attribut für das Aggregat \`${p.aggregate}\`.`;
    }
  },
  'error.missing-operator': (p) =>
    p.variant === 'aggregate' ? 'Wählen Sie, wie das Aggregat verglichen wird.' : 'Wählen Sie einen Operator.',
  'error.operator-not-allowed': (p: P<'error.operator-not-allowed'>, f) => {
    switch (p.variant) {
      case 'condition':
        return `\`${p.operator}\` kann nicht mit ${p.attribute} verwendet werden, da es ${typeNoun(p.type)} ist; verwenden Sie einen von ${p.operators.join(', ')}.`;
      case 'aggregate':
        return `\`${p.aggregate}\` kann nicht mit ${p.attribute} (${typeNoun(p.type)}) verwendet werden.`;
      case 'aggregateOperator':
        return `\`${p.operator}\` kann ein Aggregat ${p.type === 'date' ? 'vom Typ Datum' : 'vom Typ Zahl'} nicht vergleichen: Vergleichen Sie es mit ${either(p.operators, f)}.`;
    }
  },
  'error.value-type': (p: P<'error.value-type'>) => {
    switch (p.variant) {
      case 'text':
        return `Dieser Wert muss ein Text sein, ${notTypeof(p.type)}.`;
      case 'date':
        return `Dieser Wert muss ein Datum wie 2024-05-31 sein, ${notTypeof(p.type)}.`;
      case 'number':
        return `Dieser Wert muss eine Zahl sein, ${p.value !== undefined ? `nicht „${p.value}“` : notTypeof(p.type)}.`;
    }
  },
  'error.value-not-allowed': (p) => `„${p.value}“ ist keiner der Werte von ${p.attribute}.`,
  'error.entity-out-of-scope': (p: P<'error.entity-out-of-scope'>) => {
    switch (p.variant) {
      case 'outside':
        return `Attribute von ${p.entity} können nicht in Bedingungen zu ${p.scope} verwendet werden: Setzen Sie die Bedingung in einen verknüpften Block für ${p.entity}.`;
      case 'inside':
        return `Attribute von ${p.entity} können nicht in diesem Block für ${p.scope} verwendet werden, dessen Bedingungen Attribute von ${p.scope} nennen: Setzen Sie die Bedingung stattdessen in einen verknüpften Block für ${p.entity}.`;
      case 'audienceInside':
        return `Attribute von ${p.entity} stehen außerhalb verknüpfter Blöcke: Verschieben Sie diese Bedingung aus dem Block für ${p.scope} heraus (Bedingungen darin nennen Attribute von ${p.scope}).`;
    }
  },
  'error.no-relationship': (p) =>
    p.variant === 'related'
      ? `${p.entity} ist im Katalog durch keine Beziehung mit ${p.scope} verknüpft.`
      : `${p.entity} ist nicht mit ${p.scope} verknüpft.`,
  'error.empty-group': () => 'Diese Gruppe ist leer: Fügen Sie eine Bedingung hinzu oder entfernen Sie die Gruppe.',
  'error.empty-rule': () => 'Diese Regel ist leer: Fügen Sie eine Bedingung hinzu oder wählen Sie ein Segment.',
  'error.ambiguous-rule': () => 'Eine Regel hat entweder Bedingungen (where) oder einen Segmentverweis, nicht beides.',
  'error.set-operator-on-first-rule': () =>
    'Die erste Regel kann keinen Mengenoperator haben: Es gibt keine vorherige Regel, mit der sie verknüpft werden könnte.',
  'error.no-rules': () => 'Fügen Sie mindestens eine Regel hinzu.',
  'error.unknown-segment': (p) => `Es gibt kein gespeichertes Segment „${p.segment}“.`,
  'error.segment-cycle': (p) =>
    p.variant === 'self'
      ? 'Ein Segment kann sich nicht selbst enthalten.'
      : `Die Segmentverweise bilden einen Kreis: ${p.cycle.join(' → ')}.`,
  'error.missing-name': () => 'Geben Sie dem Segment einen Namen (Buchstaben, Ziffern und _, keine Leerzeichen).',
  'error.invalid-name': (p) =>
    `„${p.name}“ ist kein gültiger Name: Verwenden Sie Buchstaben, Ziffern und _, beginnend mit einem Buchstaben, ohne Leerzeichen.`,
};
