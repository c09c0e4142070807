// What the first paint never shows: the detail pane (its tabs, the header explanations, the body
// pretty-printer) and the Settings dialog. A chunk of its own, loaded right after the first paint with the
// views' messages (ViewParts.tsx <Views>), so the panel's startup bundle holds only the toolbar and the list;
// also what the list does beyond showing rows: its header's keys and resizing, and Group by upload.
export { DetailView } from './DetailView.tsx'
export { Settings } from './Settings.tsx'
export { headKey, startDrag } from './list-controls.ts'
export { GroupRow, groupRows } from './list-group.tsx'
export { Menu, SEPARATOR } from './extras/Menu.tsx'
export { CopyMenuButton, CopyStatus, RowMenu } from './extras/copy-menu.tsx'
