/** `<segment-workspace>`: the whole product in one element — views, navigation, unsaved changes. */
import type { Formatters } from '../format.js';

type Name = { name: string };

export const workspace = {
  'workspace.label': 'Segments workspace',
  'workspace.breadcrumb': 'Breadcrumb',
  'workspace.list.title': 'Segments',
  'workspace.new.title': 'New segment',
  'workspace.quick.title': 'Quick segment',
  'workspace.edit.title': 'Edit {name}',
  'workspace.back': 'Back to segments',
  'workspace.backToDetails': 'Back to {name}',
  'workspace.noProvider': 'No data provider is connected.',

  'workspace.view.loading': 'Loading…',
  'workspace.view.error': 'This view could not be loaded: {message}',
  'workspace.segment.loading': 'Loading the segment…',
  'workspace.segment.error': 'The segment could not be opened: {message}',
  'workspace.retry': 'Retry',
  'workspace.dismiss': 'Dismiss',
  /** A segment's name quoted in running text. */
  'workspace.quoted': '“{text}”',

  'workspace.details.edit': 'Edit',
  'workspace.details.refresh': 'Refresh',
  'workspace.details.refreshing': 'Refreshing…',
  'workspace.details.facts': 'About this segment',
  'workspace.details.members': 'Members',
  'workspace.details.trend': 'Members over time',
  'workspace.details.overlap': 'Overlap with other segments',
  'workspace.details.count': ({ count }: { count: number | null }, f: Formatters) =>
    count === null ? 'Not counted yet' : `${f.number(count)} ${count === 1 ? 'member' : 'members'}`,

  'workspace.usedBy': ({ names, more }: { names: string[]; more: number }, f: Formatters) => {
    const count = names.length + more;
    const list = names.map((n) => `“${n}”`).join(', ') + (more ? `, and ${f.number(more)} more` : '');
    return `This segment is used by ${f.number(count)} other ${count === 1 ? 'segment' : 'segments'}: ${list}. Saving changes ${count === 1 ? 'its' : 'their'} members too.`;
  },

  'workspace.leave.title': 'Leave without saving?',
  'workspace.leave.body': 'Your changes to {name} are not saved. If you leave now, they are lost.',
  'workspace.leave.unnamed': 'this segment',
  'workspace.leave.stay': 'Stay',
  'workspace.leave.discard': 'Discard changes',

  'workspace.restored': 'Restored your unsaved changes.',
  'workspace.restored.discard': 'Discard',
  'workspace.draft.unkept': 'Your changes cannot be kept for a reload: {message}',

  'workspace.saved': ({ name }: Name) => `Saved “${name}”.`,
  'workspace.savedDraft': ({ name }: Name) => `Saved “${name}” as a draft: fix its problems to activate it.`,
  'workspace.running': ({ name }: Name) => `Saved “${name}”. Counting its members…`,
  'workspace.ran': ({ name, count }: Name & { count: number | null }, f: Formatters) =>
    `Saved “${name}”: ${count === null ? 'not counted' : `${f.number(count)} ${count === 1 ? 'member' : 'members'}`}.`,
  'workspace.runFailed': ({ name, message }: Name & { message: string }) => `Saved “${name}”, but it could not be counted: ${message}`,
  'workspace.refreshed': ({ name, count }: Name & { count: number | null }, f: Formatters) =>
    `Refreshed “${name}”: ${count === null ? 'not counted' : `${f.number(count)} ${count === 1 ? 'member' : 'members'}`}.`,
  'workspace.skipped': ({ name }: Name) => `“${name}” is inactive, so it was not refreshed: activate it to count its members.`,
  'workspace.refreshFailed': 'The segment could not be refreshed: {message}',
  'workspace.duplicated': ({ name }: Name) => `Saved a copy: “${name}”.`,
  'workspace.duplicated.edit': 'Edit the copy',
};
