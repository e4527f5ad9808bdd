// Shared by the note form (maxLength) and lib/findings/triage.ts (the check that counts).
export const NOTE_MAX_LENGTH = 10_000;
