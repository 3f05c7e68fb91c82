/** `<segment-workspace>` auf Deutsch: das ganze Produkt in einem Element – Ansichten, Navigation, ungespeicherte Änderungen. */
import type { Formatters, WidenTable } from '../format.js';
import type { workspace as en } from '../en/workspace.js';

type Name = { name: string };

const members = (count: number, f: Formatters) => `${f.number(count)} ${count === 1 ? 'Mitglied' : 'Mitglieder'}`;

export const workspace: WidenTable<typeof en> = {
  'workspace.label': 'Segment-Arbeitsbereich',
  'workspace.breadcrumb': 'Navigationspfad',
  'workspace.list.title': 'Segmente',
  'workspace.new.title': 'Neues Segment',
  'workspace.quick.title': 'Schnellsegment',
  'workspace.edit.title': '{name} bearbeiten',
  'workspace.back': 'Zurück zu den Segmenten',
  'workspace.backToDetails': 'Zurück zu {name}',
  'workspace.noProvider': 'Es ist kein Datenanbieter verbunden.',

  'workspace.view.loading': 'Wird geladen…',
  'workspace.view.error': 'Diese Ansicht konnte nicht geladen werden: {message}',
  'workspace.segment.loading': 'Segment wird geladen…',
  'workspace.segment.error': 'Das Segment konnte nicht geöffnet werden: {message}',
  'workspace.retry': 'Erneut versuchen',
  'workspace.dismiss': 'Schließen',
  'workspace.quoted': '„{text}“',

  'workspace.details.edit': 'Bearbeiten',
  'workspace.details.refresh': 'Aktualisieren',
  'workspace.details.refreshing': 'Wird aktualisiert…',
  'workspace.details.facts': 'Über dieses Segment',
  'workspace.details.members': 'Mitglieder',
  'workspace.details.trend': 'Mitglieder im Zeitverlauf',
  'workspace.details.overlap': 'Überschneidung mit anderen Segmenten',
  'workspace.details.count': ({ count }: { count: number | null }, f: Formatters) =>
    count === null ? 'Noch nicht gezählt' : members(count, f),

  'workspace.usedBy': ({ names, more }: { names: string[]; more: number }, f: Formatters) => {
    const count = names.length + more;
    const list = names.map((n) => `„${n}“`).join(', ') + (more ? ` und ${f.number(more)} ${more === 1 ? 'weiteres' : 'weitere'}` : '');
    return count === 1
      ? `Dieses Segment wird von einem anderen Segment verwendet: ${list}. Wenn Sie speichern, ändern sich auch dessen Mitglieder.`
      : `Dieses Segment wird von ${f.number(count)} anderen Segmenten verwendet: ${list}. Wenn Sie speichern, ändern sich auch deren Mitglieder.`;
  },

  'workspace.leave.title': 'Ohne Speichern verlassen?',
  'workspace.leave.body': 'Ihre Änderungen an {name} sind nicht gespeichert. Wenn Sie die Seite jetzt verlassen, gehen sie verloren.',
  'workspace.leave.unnamed': 'diesem Segment',
  'workspace.leave.stay': 'Bleiben',
  'workspace.leave.discard': 'Änderungen verwerfen',

  'workspace.restored': 'Ihre ungespeicherten Änderungen wurden wiederhergestellt.',
  'workspace.restored.discard': 'Verwerfen',
  'workspace.draft.unkept': 'Ihre Änderungen können nicht über ein Neuladen hinweg aufbewahrt werden: {message}',

  'workspace.saved': ({ name }: Name) => `„${name}“ gespeichert.`,
  'workspace.savedDraft': ({ name }: Name) => `„${name}“ als Entwurf gespeichert: Beheben Sie die Probleme, um das Segment zu aktivieren.`,
  'workspace.running': ({ name }: Name) => `„${name}“ gespeichert. Die Mitglieder werden gezählt…`,
  'workspace.ran': ({ name, count }: Name & { count: number | null }, f: Formatters) =>
    `„${name}“ gespeichert: ${count === null ? 'nicht gezählt' : members(count, f)}.`,
  'workspace.runFailed': ({ name, message }: Name & { message: string }) =>
    `„${name}“ gespeichert, konnte aber nicht gezählt werden: ${message}`,
  'workspace.refreshed': ({ name, count }: Name & { count: number | null }, f: Formatters) =>
    `„${name}“ aktualisiert: ${count === null ? 'nicht gezählt' : members(count, f)}.`,
  'workspace.skipped': ({ name }: Name) =>
    `„${name}“ ist inaktiv und wurde daher nicht aktualisiert: Aktivieren Sie das Segment, um seine Mitglieder zu zählen.`,
  'workspace.refreshFailed': 'Das Segment konnte nicht aktualisiert werden: {message}',
  'workspace.duplicated': ({ name }: Name) => `Kopie gespeichert: „${name}“.`,
  'workspace.duplicated.edit': 'Kopie bearbeiten',
};
