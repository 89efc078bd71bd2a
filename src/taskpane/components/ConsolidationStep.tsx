/** Step 5 — the project lead imports the Pôles' workbooks and computes over all of them. */
import { FilePicker } from './FilePicker';
import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { SHEET_KINDS } from '../../domain/fields';
import { alreadyImported, type FileRecognition } from '../consolidation';
import { plural } from '../labels';

export interface ConsolidationStepProps {
  readonly busy: boolean;
  /** The sheets of the open workbook (an earlier import of a Pôle is told). */
  readonly existingSheets: readonly string[];
  /** Reads and recognises the chosen files; resolves to null when reading failed (the App shows why). */
  readonly onChooseFiles: (files: readonly File[]) => Promise<readonly FileRecognition[] | null>;
  readonly onImport: (files: readonly FileRecognition[], poles: Readonly<Record<string, string>>) => void;
}

export function ConsolidationStep({ busy, existingSheets, onChooseFiles, onImport }: ConsolidationStepProps) {
  const [files, setFiles] = useState<readonly FileRecognition[]>([]);
  const [poles, setPoles] = useState<Record<string, string>>({});
  const usable = files.filter((f) => f.mappings.length > 0);
  return (
    <div className="step-body">
      <Text as="p" block>
        Choisissez les classeurs des Pôles (.xlsx). Leurs feuilles reconnues seront copiées en valeurs dans ce classeur, une feuille par
        Pôle avec une colonne « Pôle », puis les indicateurs seront calculés sur l'ensemble.
      </Text>
      <FilePicker
        label="Classeurs à consolider"
        buttonText="Choisir les classeurs…"
        multiple
        disabled={busy}
        onFiles={async (chosen) => {
          const read = await onChooseFiles(chosen);
          if (!read) return;
          setFiles(read);
          setPoles(Object.fromEntries(read.map((f) => [f.name, f.pole])));
        }}
      />
      {files.map((f) => (
        <section key={f.name} aria-label={`Fichier ${f.name}`} className="file-card">
          <h3>{f.name}</h3>
          {f.mappings.length === 0 ? (
            <MessageBar intent="warning" aria-labelledby={undefined}>
              <MessageBarBody>Aucune feuille reconnue dans ce fichier : il ne sera pas importé.</MessageBarBody>
            </MessageBar>
          ) : (
            <ul>
              {f.mappings.map((m) => (
                <li key={m.sheet}>
                  {`« ${m.sheet} » : ${SHEET_KINDS[m.kind].label}`}
                  {m.kind === 'registre' ? `, ${plural(f.rowsBySheet[m.sheet] ?? 0, 'ligne', 'lignes')}` : ''}
                </li>
              ))}
            </ul>
          )}
          {f.mappings.length > 0 && (
            <Field
              label={`Pôle de ${f.name}`}
              hint={
                f.poleColumn
                  ? `Le fichier a sa propre colonne « ${f.poleColumn} » : ses valeurs sont gardées, ce nom sert à nommer la feuille.`
                  : 'Ce nom remplit la colonne « Pôle » ajoutée et nomme la feuille.'
              }
              validationState={(poles[f.name] ?? '').trim() === '' ? 'error' : 'none'}
              validationMessage={(poles[f.name] ?? '').trim() === '' ? 'Donnez le nom du Pôle.' : undefined}
            >
              <Input value={poles[f.name] ?? ''} onChange={(_, d) => setPoles({ ...poles, [f.name]: d.value })} />
            </Field>
          )}
          {f.mappings.length > 0 && <SavedChoices file={f} />}
          {f.mappings.length > 0 && <EarlierImport sheets={alreadyImported(f, poles[f.name] ?? '', existingSheets)} />}
        </section>
      ))}
      {usable.length > 0 && (
        <Button
          appearance="primary"
          disabled={busy || usable.some((f) => (poles[f.name] ?? '').trim() === '')}
          onClick={() => onImport(usable, poles)}
        >
          {`Importer ${plural(usable.length, 'classeur', 'classeurs')} et calculer`}
        </Button>
      )}
    </div>
  );
}

/** Importing a Pôle again adds sheets beside the earlier ones: its rows become duplicates and its companion sheets count twice. */
function EarlierImport({ sheets }: { sheets: readonly string[] }) {
  if (sheets.length === 0) return null;
  const names = sheets.map((n) => `« ${n} »`).join(', ');
  return (
    <MessageBar intent="warning" aria-labelledby={undefined}>
      <MessageBarBody>
        {`Ce Pôle semble déjà importé dans ce classeur (${sheets.length === 1 ? 'feuille' : 'feuilles'} ${names}). L'importer à nouveau ajoute des feuilles « … (2) » : ses marchés y seraient des doublons (l'import précédent l'emporte) et ses feuilles compagnes seraient comptées deux fois. Supprimez d'abord les feuilles de l'import précédent.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the Pôle saved in its file and the import carries over, so that the lead knows it is kept. */
function SavedChoices({ file }: { file: FileRecognition }) {
  const n = file.decisions.length;
  const decisions = n === 0 ? null : n === 1 ? "une décision d'étiquette" : `${n} décisions d'étiquettes`;
  const columns = file.overrides.length > 0 ? 'ses choix de colonnes' : null;
  if (!columns && !decisions) return null;
  // « ils » as soon as a masculine noun is there (les choix), « elle(s) » for decisions alone.
  const kept = columns ? 'ils sont repris' : n === 1 ? 'elle est reprise' : 'elles sont reprises';
  const what = [columns, decisions].filter(Boolean).join(' et ');
  return <Text as="p" block size={200}>{`Le Pôle a enregistré dans ce fichier ${what} : ${kept} dans ce classeur.`}</Text>;
}
