// Watches folders and calls back once per burst of changes: an editor's save is often several events.
import path from 'node:path';
import chokidar from 'chokidar';

export interface FolderWatcher {
  close(): Promise<void>;
}

/** Calls `onChange` with the changed paths after `debounceMs` of quiet; one call runs at a time. */
export async function watchFolders(
  folders: string[],
  debounceMs: number,
  onChange: (changed: string[]) => Promise<void>,
): Promise<FolderWatcher> {
  const watcher = chokidar.watch(folders, { ignoreInitial: true, ignored: (p: string) => path.basename(p).startsWith('.') });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  watcher.on('all', (_event: string, file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      running = running.then(() => onChange(changed)).catch(() => undefined);
    }, debounceMs);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
