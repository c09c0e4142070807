// Shared by the always-loaded HarIO.tsx and the lazily loaded HarPanel.tsx, so neither imports the other's module.

/** What the user asked for; `seq` tells a repeat of the same request from the one already handled. */
export type HarRequest = { seq: number } & ({ kind: 'export' } | { kind: 'import'; file: File })
