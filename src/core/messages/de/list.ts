/** `<segment-list>` auf Deutsch: die Seite „Segmente“ – Tabelle, Werkzeugleiste, Auswahl, Zeilenmenü, Dialoge, Zustände. */
import type { Formatters, WidenTable } from '../format.js';
import type { list as en } from '../en/list.js';

type N = { count: number };
/** „1 Segment“ / „3 Segmente“ (Nominativ und Akkusativ). */
const segments = (n: number, f: Formatters) => `${f.number(n)} ${f.plural(n) === 'one' ? 'Segment' : 'Segmente'}`;
/** „1 Segment“ / „3 Segmenten“ (Dativ: „von 3 Segmenten“). */
const segmentsDative = (n: number, f: Formatters) => `${f.number(n)} ${f.plural(n) === 'one' ? 'Segment' : 'Segmenten'}`;
/** „„A“ ist ein Entwurf und wurde“ / „„A“ und „B“ sind Entwürfe und wurden“. */
const drafts = (names: readonly string[], f: Formatters) =>
  `${f.list(names)} ${names.length === 1 ? 'ist ein Entwurf und wurde' : 'sind Entwürfe und wurden'}`;

export const list: WidenTable<typeof en> = {
  'list.label': 'Segmente',
  'list.search': 'Segmente nach Namen durchsuchen',
  'list.search.placeholder': 'Nach Namen suchen',
  'list.tags': 'Tags',
  'list.tags.count': ({ count }: N) => `Tags (${count})`,
  'list.tags.filter': 'Nach Tags filtern',
  'list.tags.none': 'Noch kein Segment hat Tags.',
  'list.tags.loading': 'Tags werden geladen…',
  'list.tags.remove': 'Filter {tag} entfernen',
  'list.columns': 'Spalten',
  'list.columns.choose': 'Angezeigte Spalten auswählen',
  'list.new': 'Neues Segment',
  'list.new.blank': 'Leeres Segment',
  'list.new.quick': 'Schnellsegment',
  'list.refreshAll': 'Alle aktualisieren',

  'list.column.name': 'Name',
  'list.column.type': 'Typ',
  'list.column.state': 'Zustand',
  'list.column.status': 'Status',
  'list.column.memberCount': 'Mitglieder',
  'list.column.lastRefreshed': 'Zuletzt aktualisiert',
  'list.column.schedule': 'Aktualisierungsplan',
  'list.column.tags': 'Tags',
  'list.column.usedBy': 'Verwendet von',
  'list.column.createdAt': 'Erstellt',
  'list.column.updatedAt': 'Geändert',
  'list.column.actions': 'Aktionen',
  'list.sort.by': 'Nach {column} sortieren',

  'list.type.static': 'Statisch',
  'list.type.dynamic': 'Dynamisch',
  'list.state.active': 'Aktiv',
  'list.state.inactive': 'Inaktiv',
  'list.status.draft': 'Entwurf',
  'list.status.notStarted': 'Nicht gestartet',
  'list.status.running': 'Läuft',
  'list.status.succeeded': 'Erfolgreich',
  'list.status.failed': 'Fehlgeschlagen',
  'list.status.skipped': 'Übersprungen',
  'list.status.draftWhy': 'Ein Entwurf kann nicht aktiviert werden: Öffnen Sie ihn im Builder und beheben Sie die Probleme.',
  'list.status.draftNote': 'Beheben Sie die Probleme im Builder, um ihn zu aktivieren.',
  'list.status.skippedNote': 'Inaktiv: nicht aktualisiert.',
  'list.status.showError': 'Fehler anzeigen',
  'list.status.hideError': 'Fehler ausblenden',
  'list.schedule.system': 'System',
  'list.schedule.daily': 'Täglich',
  'list.schedule.weekly': 'Wöchentlich',
  'list.schedule.monthly': 'Monatlich',
  'list.schedule.manual': 'Manuell',
  'list.scheduled.activate': 'Wird aktiviert am {date}',
  'list.scheduled.deactivate': 'Wird deaktiviert am {date}',
  'list.never': 'Nie',
  'list.none': '—',
  'list.usedBy': ({ count }: N, f: Formatters) => segments(count, f),
  'list.description.show': 'Beschreibung von {name} anzeigen',
  'list.description.hide': 'Beschreibung von {name} ausblenden',
  'list.open': '{name} öffnen',

  'list.select': '{name} auswählen',
  'list.selectAll': 'Alle Segmente auf dieser Seite auswählen',
  'list.selected': ({ count }: N, f: Formatters) => `${f.number(count)} ausgewählt`,
  'list.selection.page': ({ count }: N, f: Formatters) =>
    count === 1 ? 'Das einzige Segment auf dieser Seite ist ausgewählt.' : `Alle ${segments(count, f)} auf dieser Seite sind ausgewählt.`,
  'list.selection.selectMatching': ({ count }: N, f: Formatters) =>
    count === 1 ? 'Das passende Segment auswählen' : `Alle ${segments(count, f)} auswählen, die passen`,
  'list.selection.matching': ({ count }: N, f: Formatters) =>
    count === 1 ? 'Das passende Segment ist ausgewählt.' : `Alle ${segments(count, f)}, die passen, sind ausgewählt.`,
  'list.selection.clear': 'Auswahl aufheben',
  'list.bulk.label': 'Aktionen für die ausgewählten Segmente',

  'list.action.view': 'Anzeigen',
  'list.action.edit': 'Bearbeiten',
  'list.action.duplicate': 'Duplizieren',
  'list.action.rename': 'Umbenennen…',
  'list.action.refresh': 'Aktualisieren',
  'list.action.activate': 'Aktivieren',
  'list.action.activateLater': 'Später aktivieren…',
  'list.action.deactivate': 'Deaktivieren',
  'list.action.deactivateLater': 'Später deaktivieren…',
  'list.action.static': 'Statisch machen',
  'list.action.dynamic': 'Dynamisch machen',
  'list.action.schedule': 'Aktualisierungsplan ändern…',
  'list.action.tags': 'Tags…',
  'list.action.download': 'CSV herunterladen',
  'list.action.delete': 'Löschen…',
  'list.action.menu': 'Aktionen für {name}',

  'list.loading': 'Segmente werden geladen…',
  'list.empty.title': 'Noch keine Segmente',
  'list.empty.body': 'Ein Segment fasst die Kunden zusammen, auf die seine Regeln zutreffen.',
  'list.empty.create': 'Erstes Segment erstellen',
  'list.noMatch': 'Kein Segment entspricht der Suche oder dem Tag-Filter.',
  'list.noMatch.clear': 'Suche und Filter zurücksetzen',
  'list.error': 'Die Segmente konnten nicht geladen werden: {message}',
  'list.retry': 'Erneut versuchen',
  'list.noProvider': 'Kein Datenanbieter: Es gibt keine Segmente zum Anzeigen.',
  'list.results': ({ count }: N, f: Formatters) => segments(count, f),
  'list.pager.label': 'Seiten',
  'list.pager.range': ({ from, to, total }: { from: number; to: number; total: number }, f: Formatters) =>
    `${f.number(from)}–${f.number(to)} von ${f.number(total)}`,
  'list.pager.first': 'Erste Seite',
  'list.pager.previous': 'Vorherige Seite',
  'list.pager.next': 'Nächste Seite',
  'list.pager.last': 'Letzte Seite',

  'list.working.refresh': ({ count }: N, f: Formatters) =>
    `${segments(count, f)} ${count === 1 ? 'wird' : 'werden'} aktualisiert…`,
  'list.working.update': ({ count }: N, f: Formatters) => `${segments(count, f)} ${count === 1 ? 'wird' : 'werden'} geändert…`,
  'list.working.delete': ({ count }: N, f: Formatters) => `${segments(count, f)} ${count === 1 ? 'wird' : 'werden'} gelöscht…`,
  'list.working.duplicate': 'Wird dupliziert…',
  'list.working.download': ({ index, count, done, total }: { index: number; count: number; done: number; total: number }, f: Formatters) =>
    `Download ${f.number(index)} von ${f.number(count)}: ${f.number(done)} von ${f.number(total)} Mitgliedern`,
  'list.done.refresh': ({ count }: N, f: Formatters) => `${segments(count, f)} aktualisiert.`,
  'list.done.update': ({ count }: N, f: Formatters) => `${segments(count, f)} geändert.`,
  'list.done.delete': ({ count }: N, f: Formatters) => `${segments(count, f)} gelöscht.`,
  'list.done.duplicate': 'Dupliziert als {name}.',
  'list.done.download': ({ count }: N, f: Formatters) =>
    `${f.number(count)} ${f.plural(count) === 'one' ? 'Datei' : 'Dateien'} heruntergeladen.`,
  'list.drafts.skipped': ({ names }: { names: string[] }, f: Formatters) =>
    `${drafts(names, f)} nicht aktiviert: Ein Entwurf muss zuerst im Builder korrigiert werden.`,
  'list.download.draftWhy': 'Ein Entwurf hat keine Mitglieder zum Herunterladen, bis er korrigiert ist.',
  'list.download.draftsSkipped': ({ names }: { names: string[] }, f: Formatters) =>
    `${drafts(names, f)} nicht heruntergeladen: Ein Entwurf hat keine Mitglieder, bis er korrigiert ist.`,
  'list.failed': 'Das hat nicht funktioniert: {message}',
  'list.dismiss': 'Schließen',
  'list.cancel': 'Abbrechen',
  'list.copyName': 'Kopie von {name}',

  'list.dialog.delete.title': ({ count }: N, f: Formatters) => (count === 1 ? 'Segment löschen?' : `${segments(count, f)} löschen?`),
  'list.dialog.delete.body':
    'Dies kann nicht rückgängig gemacht werden. Die Segmente und ihr Aktualisierungsverlauf werden entfernt.',
  'list.dialog.delete.usedBy': ({ name, users }: { name: string; users: string[] }, f: Formatters) =>
    `${name} wird von ${f.list(users)} verwendet.`,
  'list.dialog.delete.keep':
    'Die Segmente, die sie verwenden, bleiben als inaktive Entwürfe erhalten, bis ihre Regel geändert wird. Sie können trotzdem fortfahren.',
  'list.dialog.delete.confirm': 'Löschen',
  'list.dialog.delete.anyway': 'Trotzdem löschen',
  'list.dialog.rename.title': '{name} umbenennen',
  'list.dialog.rename.field': 'Anzeigename',
  'list.dialog.rename.empty': 'Geben Sie einen Anzeigenamen ein.',
  'list.dialog.rename.confirm': 'Umbenennen',
  'list.dialog.tags.title': ({ count }: N, f: Formatters) => (count === 1 ? 'Tags des Segments' : `Tags von ${segmentsDative(count, f)}`),
  'list.dialog.tags.add': 'Tags hinzufügen (durch Kommas getrennt)',
  'list.dialog.tags.current': 'Aktuelle Tags: Leeren Sie einen, um ihn zu entfernen',
  'list.dialog.tags.confirm': 'Übernehmen',
  'list.dialog.schedule.title': 'Aktualisierungsplan',
  'list.dialog.schedule.field': 'Aktualisierung',
  'list.dialog.schedule.confirm': 'Speichern',
  'list.dialog.later.activate': 'Später aktivieren',
  'list.dialog.later.deactivate': 'Später deaktivieren',
  'list.dialog.later.field': 'Datum und Uhrzeit',
  'list.dialog.later.past': 'Wählen Sie ein Datum und eine Uhrzeit in der Zukunft.',
  'list.dialog.later.current': 'Derzeit geplant: {date}.',
  'list.dialog.later.cancelScheduled': 'Geplante Änderung abbrechen',
  'list.dialog.later.confirm': 'Planen',
};
