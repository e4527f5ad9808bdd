// Turns what the browser hands over (a drop, a file picker, a folder picker) into files with the
// relative path to upload them under. Browser-only.

export interface PickedFile {
  file: File;
  /** Relative path: the name, or folder/sub/name for a folder; the server sanitises it again. */
  path: string;
}

const JUNK_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Operating-system litter inside dropped folders; never CloudTrail, so never uploaded. */
export function isJunkFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return JUNK_FILES.has(name) || name.startsWith('._');
}

export function fromFileList(files: FileList | File[]): PickedFile[] {
  return Array.from(files).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/**
 * Files and whole folders from a drop. The entries must be taken from the DataTransfer before the
 * first await (the browser empties it when the event handler returns); folders are then read
 * recursively. Browsers without the entries API get the flat file list.
 */
export function fromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  const flat = fromFileList(transfer.files);
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Promise.resolve(flat);
  return (async () => {
    const picked: PickedFile[] = [];
    for (const entry of entries) if (entry) await walk(entry, picked);
    return picked;
  })();
}

async function walk(entry: FileSystemEntry, picked: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    picked.push({ file, path: entry.fullPath.replace(/^\/+/, '') });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (about 100 in Chrome) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, picked);
  }
}
