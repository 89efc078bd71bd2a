/**
 * A file input with a French button: the browser's own control speaks the
 * browser's language and shows « Choose File » on an English system.
 */
import { useId, useRef, useState } from 'react';
import { Button, Text } from '@fluentui/react-components';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FilePickerProps {
  /** Accessible name of the input (also what tests and screen readers find). */
  readonly label: string;
  readonly buttonText: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  /** The names to show when the caller keeps the list (files removed from it since); else those last chosen. */
  readonly names?: readonly string[];
  readonly onFiles: (files: File[]) => void | Promise<void>;
}

export function FilePicker({ label, buttonText, multiple = false, disabled = false, names: kept, onFiles }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const [chosen, setNames] = useState<readonly string[]>([]);
  const names = kept ?? chosen;
  return (
    <div className="file-picker">
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        aria-label={label}
        aria-describedby={statusId}
        accept={XLSX_TYPES}
        multiple={multiple}
        disabled={disabled}
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          if (files.length === 0) return;
          // Emptied, so that the same file chosen again (edited since, or removed from a list) is a change.
          e.currentTarget.value = '';
          setNames(files.map((f) => f.name));
          void onFiles(files);
        }}
      />
      {/* disabledFocusable: while the workbook is read, keyboard focus stays on the button instead of falling to the page. */}
      <Button disabledFocusable={disabled} onClick={() => input.current?.click()}>
        {buttonText}
      </Button>
      <Text id={statusId} size={200}>
        {names.length === 0 ? 'Aucun fichier choisi' : names.join(', ')}
      </Text>
    </div>
  );
}
