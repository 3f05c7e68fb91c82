/** `<segment-builder>` auf Deutsch: Werkzeugleiste, Eigenschaften, Probleme, Zeilen. */
import type { Formatters, WidenTable } from '../format.js';
import type { builder as en } from '../en/builder.js';

type N = { count: number };
type Entity = { entity: string; count?: number | undefined };
/** Labels of the host's catalog are never inflected: the table names them as a type ("Datensätze vom Typ Bestellung"). */
const records = (count: number | undefined, dative = false) => (count === 1 ? 'Datensatz' : dative ? 'Datensätzen' : 'Datensätze');

export const builder: WidenTable<typeof en> = {
  'builder.loadError.title': 'Dieses Segment konnte nicht geöffnet werden.',
  'builder.loadError.kept': 'Sie bearbeiten weiterhin das vorherige Segment; es ist nichts verloren gegangen.',
  'builder.loadError.startNew': 'Neues Segment beginnen',
  'builder.empty': 'Noch kein Segment.',
  'builder.new': 'Neues Segment',
  'builder.retry': 'Erneut versuchen',
  'builder.catalog.error': 'Der Katalog konnte nicht geladen werden: {message}',
  'builder.catalog.loading': 'Katalog wird geladen…',
  'builder.summary': 'Zusammenfassung: ',
  'builder.rows.label': 'Regeln und Bedingungen',
  'builder.rows.loading': ({ count }: N, f: Formatters) =>
    count === 1 ? 'Eine weitere Zeile wird geladen…' : `${f.number(count)} weitere Zeilen werden geladen…`,
  'builder.rows.loadFailed': 'Die Zeilenliste konnte nicht geladen werden; es werden nur die ersten Zeilen angezeigt.',
  'builder.change.failed': 'Diese Änderung konnte nicht vorgenommen werden: {message}',

  'builder.size.label': 'Geschätzte Größe:',
  'builder.size.announce': ({ count, noun }: { count: number; noun: string }, f: Formatters) =>
    `Geschätzte Größe: ${f.number(count)} ${noun}`,
  'builder.size.noProvider': 'Kein Datenanbieter: keine Zählung verfügbar',
  'builder.size.fix': 'Beheben Sie die Probleme, um die Größe zu sehen',
  'builder.size.chooseAttribute': 'Wählen Sie ein Attribut für die neue Bedingung, um die Größe zu sehen',
  'builder.size.counting': 'Wird gezählt…',
  'builder.size.updating': ' (wird aktualisiert)',
  'builder.size.failed': 'Zählung fehlgeschlagen: {message}',

  'builder.undo': 'Rückgängig',
  'builder.redo': 'Wiederholen',
  'builder.cancel': 'Abbrechen',
  'builder.save': 'Speichern',
  'builder.saveDraft': 'Als Entwurf speichern',
  'builder.saveActivate': 'Speichern und aktivieren',
  'builder.saveActivate.disabled': 'Beheben Sie die Probleme, um das Segment zu aktivieren',
  'builder.saving': 'Wird gespeichert…',
  'builder.savingDraft': 'Wird als Entwurf gespeichert…',
  'builder.saved': 'Gespeichert.',
  'builder.savedDraft': 'Als Entwurf gespeichert: Beheben Sie die Probleme, um das Segment zu aktivieren.',
  'builder.savedActive': 'Gespeichert und aktiviert.',
  'builder.saveFailed': 'Speichern nicht möglich: {message}',

  'builder.prop.name': 'Name',
  'builder.prop.name.hint': 'Buchstaben, Ziffern und _, keine Leerzeichen.',
  'builder.prop.displayName': 'Anzeigename',
  'builder.prop.description': 'Beschreibung',
  'builder.prop.type': 'Typ',
  'builder.prop.dynamic': 'Dynamisch',
  'builder.prop.static': 'Statisch',

  'builder.problems.title': ({ count }: N, f: Formatters) =>
    `${count === 1 ? '1 Problem' : `${f.number(count)} Probleme`}: Das Segment kann als Entwurf gespeichert, aber nicht aktiviert werden`,
  'builder.problems.more': ({ count }: N, f: Formatters) => `…und ${f.number(count)} ${count === 1 ? 'weiteres' : 'weitere'}.`,

  'builder.rule.title': 'Regel {n}',
  'builder.rule.name': 'Name von Regel {n}',
  'builder.rule.namePlaceholder': 'Name der Regel (optional)',
  'builder.rule.empty': 'Diese Regel hat noch keine Bedingungen.',
  'builder.rule.counts': ({ n, count, cumulative, noun }: { n: number; count: number; cumulative: number; noun: string }, f: Formatters) =>
    `Regel ${n}: ${f.number(count)} ${noun} für sich, ${f.number(cumulative)} insgesamt bis hier`,
  'builder.rule.noCount': 'Regel {n}: noch keine Zählung',
  'builder.rule.soFar': ({ count }: N, f: Formatters) => `· ${f.number(count)} bis hier`,
  'builder.rule.useSegment': 'Gespeichertes Segment verwenden',
  'builder.rule.useConditions': 'Bedingungen verwenden',
  'builder.rule.up': 'Regel {n} nach oben verschieben',
  'builder.rule.down': 'Regel {n} nach unten verschieben',
  'builder.rule.duplicate': 'Regel {n} duplizieren',
  'builder.rule.remove': 'Regel {n} entfernen',
  'builder.rule.setOperator': 'Wie Regel {n} mit den vorherigen Regeln verknüpft wird',

  'builder.addRule': '+ Regel hinzufügen',
  'builder.addRule.group': 'Regel hinzufügen',
  'builder.addRule.intersect': '+ Schnittmengen-Regel',
  'builder.addRule.except': '+ Ausnahme-Regel',
  'builder.addRule.segment': '+ Regel aus gespeichertem Segment',
  'builder.skipToAdd': 'Zum Hinzufügen einer Regel springen',

  'builder.add.condition': '+ Bedingung',
  'builder.add.group': '+ Gruppe',
  'builder.add.condition.rule': 'Bedingung zu Regel {n} hinzufügen',
  'builder.add.group.rule': 'Gruppe zu Regel {n} hinzufügen',
  'builder.add.condition.group': 'Bedingung zu dieser Gruppe von Regel {n} hinzufügen',
  'builder.add.group.group': 'Gruppe zu dieser Gruppe von Regel {n} hinzufügen',
  'builder.add.condition.related': 'Bedingung zu „{entities}, bei denen …“ hinzufügen',
  'builder.add.group.related': 'Gruppe zu „{entities}, bei denen …“ hinzufügen',
  'builder.add.label.rule': 'Zu Regel {n} hinzufügen',
  'builder.add.label.group': 'Zu dieser Gruppe von Regel {n} hinzufügen',
  'builder.add.label.related': 'Zu „{entities}, bei denen …“ hinzufügen',

  'builder.ref.label': 'Mitglieder des gespeicherten Segments',
  'builder.ref.choose': 'Segment auswählen…',
  'builder.ref.loading': 'Segmente werden geladen…',
  'builder.ref.failed': 'Segmente konnten nicht geladen werden',
  'builder.ref.retry': 'Laden der Segmente erneut versuchen',

  'builder.node.drag': '{what} ziehen',
  'builder.node.drag.hint': 'Zum Verschieben ziehen (oder Alt+Pfeiltasten)',
  'builder.node.up': '{what} nach oben verschieben',
  'builder.node.down': '{what} nach unten verschieben',
  'builder.node.indent': '{what} einrücken',
  'builder.node.outdent': '{what} ausrücken',
  'builder.node.duplicate': '{what} duplizieren',
  'builder.node.remove': '{what} entfernen',
  'builder.what.group': 'Gruppe',
  'builder.what.condition': 'Bedingung {position}',
  'builder.what.related': 'Block {entity}',

  'builder.condition.label': 'Bedingung {position} von Regel {rule}',
  'builder.group.label': ({ not, and, count }: { not: boolean; and: boolean; count: number }) =>
    `Gruppe: ${not ? (and ? 'nicht alle' : 'keine') : and ? 'alle' : 'mindestens eine'} von ${count}`,
  'builder.group.match': 'Zutreffen müssen',
  'builder.group.all': 'alle von',
  'builder.group.any': 'mindestens eine von',
  'builder.group.operator': 'Alle (UND) oder mindestens eine (ODER) dieser Bedingungen müssen zutreffen',

  // After "mit mindestens [2]" and "mit Anzahl an": dative.
  'builder.entities': ({ entity, count }: Entity) => `${records(count, true)} vom Typ ${entity}`,
  'builder.audience': ({ entity, count }: Entity) =>
    entity ? `${records(count)} vom Typ ${entity}` : count === 1 ? 'Mitglied' : 'Mitglieder',
  'builder.related.howMany': ({ entity }: Entity) => `Wie viele Datensätze vom Typ ${entity}`,
  'builder.related.how': ({ entity }: Entity) => `Wie Datensätze vom Typ ${entity} zutreffen müssen`,
  // "mit mindestens einem Datensatz vom Typ" (the quantifier names the record) + the label; "mit genau 2 Datensätzen vom Typ …".
  'builder.related.quantified': (p: { quantifier: string; count?: number | undefined; entity: string; entities: string }) =>
    p.count === undefined ? `${p.quantifier} ${p.entity}` : `${p.quantifier} ${p.count} ${p.entities}`,
  'builder.related.aggregated': (p: { aggregate: string; attribute: string; entity: string; operator: string; value: string }) =>
    `${p.aggregate} ${p.attribute} von Datensätzen vom Typ ${p.entity} ${p.operator} ${p.value}`,
  'builder.related.aggregateOption': 'mit Summe, Durchschnitt, Anzahl…',
  // "mit mindestens einem Datensatz …, bei dem"; "mit mindestens 2 Datensätzen …, bei denen".
  'builder.related.where': ({ one }: { one: boolean }) => (one ? 'bei dem' : 'bei denen'),
  'builder.aggregate.label': 'Aggregat',
  'builder.aggregate.attribute': 'Zu aggregierendes Attribut',
  'builder.aggregate.choose': 'Auswählen…',
  'builder.aggregate.of': ({ entity }: Entity) => `von Datensätzen vom Typ ${entity}`,
  'builder.aggregate.comparison': 'Vergleich',

  'builder.keys.button': 'Tastenkombinationen',
};
