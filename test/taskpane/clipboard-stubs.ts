/** What jsdom lacks for the JSON export's tests: the clipboard, the copy command, a blob's text. */

/** `navigator.clipboard` with this `writeText` (removed by deleting `navigator.clipboard`). */
export function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

/** The browser's copy command: records the selected text of each copy, answers `answer`. */
export function stubCopyCommand(answer: boolean): { copied: string[] } {
  const record = { copied: [] as string[] };
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (command: string) => {
      if (command !== 'copy') return false;
      const areas = [...document.querySelectorAll('textarea')] as HTMLTextAreaElement[];
      const area = areas.find((t) => t.selectionEnd > t.selectionStart) ?? (document.activeElement as HTMLTextAreaElement | null);
      record.copied.push(area && 'value' in area ? area.value.slice(area.selectionStart, area.selectionEnd) : (document.getSelection()?.toString() ?? ''));
      return answer;
    },
  });
  return record;
}

/** A blob's text (jsdom's Blob has no `text()`). */
export const blobText = (blob: Blob) =>
  new Promise<string>((ok, ko) => {
    const reader = new FileReader();
    reader.onload = () => ok(String(reader.result));
    reader.onerror = () => ko(reader.error);
    reader.readAsText(blob);
  });
