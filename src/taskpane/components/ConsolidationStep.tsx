/** Step 5 — the project lead imports the Pôles' workbooks and computes over all of them. */
import { FilePicker } from './FilePicker';
import { useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { SheetGrid } from '../../domain/cell';
import { SHEET_KINDS } from '../../domain/fields';
import { oversizedSheetNotices } from '../../domain/oversized-sheets';
import { unsplitCsvSentences } from '../../domain/unsplit-csv';
import { isoToFrench } from '../../domain/read-cell';
import type { ImportRecord } from '../../domain/state';
import {
  earlierImport,
  type EarlierImport as EarlierCheck,
  type FileRecognition,
  importsOfFileAsOtherPole,
  type KeptSheet,
  importWithSameContracts,
  otherImportsOfPole,
  poleOfEarlierImport,
  type SameContracts,
} from '../consolidation';
import { formatValue, plural } from '../labels';

interface ConsolidationStepProps {
  readonly busy: boolean;
  /** The names of the open workbook's sheets (an earlier import of a Pôle is told). */
  readonly existingSheets: readonly string[];
  /** The open workbook's sheets as read, to tell an unchanged earlier import (default: names only, none replaceable). */
  readonly workbook?: readonly SheetGrid[];
  /** The imports recorded in the workbook and in this session. */
  readonly records?: readonly ImportRecord[];
  /** Reads and recognises the chosen files; resolves to null when reading failed (the App shows why). */
  readonly onChooseFiles: (files: readonly File[]) => Promise<readonly FileRecognition[] | null>;
  /** `replace`: per file, whether its import replaces its unchanged earlier import. */
  readonly onImport: (files: readonly FileRecognition[], poles: Readonly<Record<string, string>>, replace: Readonly<Record<string, boolean>>) => void;
}

const NO_RECORDS: readonly ImportRecord[] = [];
const NOT_CHECKED: EarlierCheck = { sheets: [], replaceable: false, date: null, kept: [] };

export function ConsolidationStep({ busy, existingSheets, workbook, records = NO_RECORDS, onChooseFiles, onImport }: ConsolidationStepProps) {
  const [files, setFiles] = useState<readonly FileRecognition[]>([]);
  const [poles, setPoles] = useState<Record<string, string>>({});
  // Files whose replacement the lead unticked (ticked by default).
  const [declined, setDeclined] = useState<Record<string, boolean>>({});
  const picker = useRef<HTMLDivElement>(null);
  // Files proposed the Pôle of an earlier import that holds their contracts, and why.
  const [sameContracts, setSameContracts] = useState<Record<string, SameContracts>>({});
  const usable = useMemo(() => files.filter((f) => f.mappings.length > 0), [files]);
  const grids = useMemo(
    () => workbook ?? existingSheets.map((name): SheetGrid => ({ name, firstRow: 1, firstCol: 1, rows: [], tables: [] })),
    [workbook, existingSheets],
  );
  // Once per change, not per keystroke elsewhere: each check names the whole batch's sheets and fingerprints the workbook's.
  const checks = useMemo(
    () => new Map(usable.map((f) => [f.name, earlierImport(f, poles[f.name] ?? '', grids, records, { files: usable, poles })])),
    [usable, poles, grids, records],
  );
  // Only usable files are checked, and only they show an earlier import.
  const checkOf = (f: FileRecognition) => checks.get(f.name) ?? NOT_CHECKED;
  const replaceOf = () => Object.fromEntries(usable.map((f) => [f.name, !declined[f.name] && checkOf(f).replaceable]));
  // Sheets some file of this batch would take are dealt with there (replaced, or kept and said why).
  const takenByBatch = [...checks.values()].flatMap((c) => c.sheets);
  return (
    <div className="step-body">
      <Text as="p" block>
        Choisissez les classeurs des Pôles (.xlsx). Leurs feuilles reconnues seront copiées en valeurs dans ce classeur, une feuille par
        Pôle avec une colonne « Pôle », puis les indicateurs seront calculés sur l'ensemble.
      </Text>
      <div ref={picker}>
        <FilePicker
          label="Classeurs à consolider"
          buttonText="Choisir les classeurs…"
          multiple
          disabled={busy}
          onFiles={async (chosen) => {
            const read = await onChooseFiles(chosen);
            if (!read) return;
            setFiles(read);
            // A file imported before keeps its Pôle, and so does one renamed whose contracts an import holds:
            // the import then replaces last month's.
            const same = Object.fromEntries(
              read.flatMap((f) => {
                const match = importWithSameContracts(f, grids, records);
                return match ? [[f.name, match] as const] : [];
              }),
            );
            setSameContracts(same);
            setPoles(Object.fromEntries(read.map((f) => [f.name, poleOfEarlierImport(f.name, grids, records) ?? same[f.name]?.pole ?? f.pole])));
            setDeclined({});
          }}
          names={files.map((f) => f.name)}
        />
      </div>
      {files.map((f) => (
        <section key={f.name} aria-label={`Fichier ${f.name}`} className="file-card">
          <h3>{f.name}</h3>
          {[...oversizedSheetNotices([{ file: f.name, sheets: f.sheets, state: null }]), ...unsplitCsvSentences([{ file: f.name, sheets: f.sheets, state: null }])].map((notice) => (
            <MessageBar key={notice} intent="warning" aria-labelledby={undefined}>
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
          {f.mappings.length === 0 ? (
            <MessageBar intent="warning" aria-labelledby={undefined}>
              <MessageBarBody>Aucune feuille reconnue dans ce fichier : il ne sera pas importé.</MessageBarBody>
            </MessageBar>
          ) : (
            <ul>
              {f.mappings.map((m) => (
                <li key={m.sheet}>
                  {`« ${m.sheet} » : ${SHEET_KINDS[m.kind].label}`}
                  {m.kind === 'registre' ? `, ${plural(f.rowsBySheet[m.sheet] ?? 0, 'ligne', 'lignes')}` : ''}
                </li>
              ))}
            </ul>
          )}
          {f.mappings.length > 0 && (
            <Field
              label={`Pôle du fichier « ${f.name} »`}
              hint={
                f.poleColumn
                  ? `Le fichier a sa propre colonne « ${f.poleColumn} » : ses valeurs sont gardées, ce nom sert à nommer la feuille.`
                  : 'Ce nom remplit la colonne « Pôle » ajoutée et nomme la feuille.'
              }
              validationState={(poles[f.name] ?? '').trim() === '' ? 'error' : 'none'}
              validationMessage={(poles[f.name] ?? '').trim() === '' ? 'Donnez le nom du Pôle.' : undefined}
            >
              <Input value={poles[f.name] ?? ''} onChange={(_, d) => setPoles({ ...poles, [f.name]: d.value })} />
            </Field>
          )}
          {f.mappings.length > 0 && <SavedChoices file={f} />}
          {f.mappings.length > 0 && sameContracts[f.name] && (poles[f.name] ?? '').trim() === sameContracts[f.name].pole.trim() && (
            <MessageBar intent="info" aria-labelledby={undefined}>
              <MessageBarBody>{sameContractsSentence(sameContracts[f.name])}</MessageBarBody>
            </MessageBar>
          )}
          {f.mappings.length > 0 && (poles[f.name] ?? '').trim() !== '' && (
            <>
              <FileAsOtherPole pole={poles[f.name] ?? ''} earlier={importsOfFileAsOtherPole(f.name, poles[f.name] ?? '', grids, records, takenByBatch)} />
              <OtherImports file={f.name} pole={poles[f.name] ?? ''} others={otherImportsOfPole(poles[f.name] ?? '', grids, records, takenByBatch)} />
            </>
          )}
          {f.mappings.length > 0 && (
            <EarlierImport
              check={checkOf(f)}
              companions={f.mappings.some((m) => m.kind !== 'registre')}
              replace={!declined[f.name]}
              onReplace={(replace) => setDeclined({ ...declined, [f.name]: !replace })}
            />
          )}
          {/* One file left out (an earlier import to settle first) without choosing the others again. */}
          <Button
            size="small"
            disabled={busy}
            aria-label={`Retirer ce fichier de l'import : ${f.name}`}
            onClick={() => {
              setFiles(files.filter((x) => x.name !== f.name));
              // The card and its button go: the keyboard goes back to choosing files.
              picker.current?.querySelector('button')?.focus();
            }}
          >
            Retirer ce fichier de l'import
          </Button>
        </section>
      ))}
      {usable.length > 0 && (
        <Button
          appearance="primary"
          disabled={busy || usable.some((f) => (poles[f.name] ?? '').trim() === '')}
          onClick={() => onImport(usable, poles, replaceOf())}
        >
          {`Importer ${plural(usable.length, 'classeur', 'classeurs')} et calculer`}
        </Button>
      )}
    </div>
  );
}

const quoted = (names: readonly string[]) => names.map((n) => `« ${n} »`).join(', ');

/** Why a renamed file is proposed the Pôle of an earlier import. */
function sameContractsSentence(m: SameContracts): string {
  const found =
    m.total === 1
      ? 'Le marché de ce fichier est'
      : `${formatValue(m.shared, 'nombre')} des ${formatValue(m.total, 'nombre')} marchés de ce fichier ${m.shared > 1 ? 'sont' : 'est'}`;
  return (
    `Pôle proposé d'après ses marchés : ${found} dans l'import du Pôle « ${m.pole.trim()} » (fichier « ${m.file} », importé le ${isoToFrench(m.date)}). ` +
    "Si ce fichier n'en est pas la nouvelle version, donnez-lui le nom de son Pôle."
  );
}

/** The earlier import's sheets kept although unchanged: a Pôle's import is replaced whole or not at all. */
function unchangedSentence(check: EarlierCheck): string[] {
  const keptNames = new Set(check.kept.map((k) => k.sheet));
  const unchanged = check.sheets.filter((n) => !keptNames.has(n));
  if (unchanged.length === 0) return [];
  const one = unchanged.length === 1;
  return [`${quoted(unchanged)} ${one ? "n'a pas été modifiée" : "n'ont pas été modifiées"}, mais l'import d'un Pôle se remplace en entier ou pas du tout`];
}

/** What importing again beside the earlier import does; its companion sheets only when the file has some. */
const duplicates = (companions: boolean) =>
  `L'importer à nouveau sans remplacer ajoute des feuilles « … (2) » : ses marchés y seraient des doublons (l'import précédent l'emporte)${
    companions ? ' et ses feuilles compagnes seraient comptées deux fois' : ''
  }.`;

/** Why a sheet is kept, in French. */
export function keptSentence(k: KeptSheet): string {
  if (k.reason === 'modifiée') return `« ${k.sheet} » a été modifiée depuis son import${k.date ? ` du ${isoToFrench(k.date)}` : ''}`;
  if (k.reason === 'autre Pôle') return `« ${k.sheet} » a été importée pour un autre Pôle (« ${k.pole ?? ''} »)`;
  // Sheets imported before imports were recorded have no record either: the sentence must not deny they were.
  return `« ${k.sheet} » n'a pas été créée par un import du complément enregistré dans ce classeur (feuille ajoutée à la main, ou importée avant que le complément n'enregistre ses imports)`;
}

/**
 * The workbook holds sheets under the names the import would take. An unchanged earlier import of the Pôle
 * is offered for replacement (ticked); anything else is kept, with why and what to do: it is never deleted.
 */
function EarlierImport({
  check,
  companions,
  replace,
  onReplace,
}: {
  check: EarlierCheck;
  companions: boolean;
  replace: boolean;
  onReplace: (replace: boolean) => void;
}) {
  if (check.sheets.length === 0) return null;
  const one = check.sheets.length === 1;
  if (check.replaceable) {
    // The fingerprint covers values only: the label says so, and what a replacement does not keep.
    const label = `Remplacer l'import précédent (${quoted(check.sheets)}, importé le ${isoToFrench(check.date ?? '')}) : ${
      one
        ? "les valeurs de cette feuille n'ont pas été modifiées depuis ; sa mise en forme, ses notes et commentaires ne sont pas gardés."
        : "les valeurs de ces feuilles n'ont pas été modifiées depuis ; leur mise en forme, leurs notes et commentaires ne sont pas gardés."
    }`;
    return (
      <>
        <Checkbox label={label} checked={replace} onChange={(_, d) => onReplace(d.checked === true)} />
        {!replace && (
          <MessageBar intent="warning" aria-labelledby={undefined}>
            <MessageBarBody>{duplicates(companions)}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  return (
    <MessageBar intent="warning" aria-labelledby={undefined}>
      <MessageBarBody>
        {`Ce Pôle semble déjà importé dans ce classeur (${one ? 'feuille' : 'feuilles'} ${quoted(check.sheets)}). L'import ne remplace pas ${one ? 'cette feuille' : 'ces feuilles'} : ${[
          ...check.kept.map(keptSentence),
          ...unchangedSentence(check),
        ].join(' ; ')}. ${duplicates(companions)} Si ce sont bien les feuilles de l'import précédent, reportez vos modifications dans le classeur du Pôle puis supprimez-${
          one ? 'la' : 'les'
        } (dans Excel) avant d'importer ; sinon, renommez-${one ? 'la' : 'les'}. Pour importer les autres fichiers sans celui-ci, retirez-le de l'import.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Earlier imports of the Pôle that this import does not take (a companion sheet gone from the Pôle's
 * file, a second file of the Pôle): they still count in the consolidation, and only the lead knows
 * whether they should.
 */
function OtherImports({ file, pole, others }: { file: string; pole: string; others: readonly ImportRecord[] }) {
  if (others.length === 0) return null;
  const one = others.length === 1;
  // Made by this same file (a companion sheet it no longer has, copies from an import beside another): no other file to import.
  const otherFile = others.some((r) => r.file.localeCompare(file, 'fr', { sensitivity: 'accent' }) !== 0);
  const sheets = others.map((r) => `« ${r.sheet} » (du fichier « ${r.file} », importée le ${isoToFrench(r.date)})`).join(', ');
  return (
    <MessageBar intent="warning" aria-labelledby={undefined}>
      <MessageBarBody>
        {`Un import précédent du Pôle « ${pole.trim()} » a aussi créé ${one ? 'la feuille' : 'les feuilles'} ${sheets}. Cet import ne ${
          one ? 'la' : 'les'
        } remplace pas : ${one ? 'elle compte' : 'elles comptent'} toujours dans le calcul. Si ${
          one ? 'elle ne correspond' : 'elles ne correspondent'
        } plus à rien dans les fichiers du Pôle (feuille retirée de son classeur, fichier abandonné), supprimez-${one ? 'la' : 'les'} (dans Excel)${
          otherFile ? ` ; sinon, importez aussi le classeur qui ${one ? 'la' : 'les'} met à jour` : ''
        }.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** This file imported earlier under another Pôle name: the new name would not replace that import. */
function FileAsOtherPole({ pole, earlier }: { pole: string; earlier: readonly ImportRecord[] }) {
  if (earlier.length === 0) return null;
  const one = earlier.length === 1;
  const names = [...new Set(earlier.map((r) => r.pole.trim()))];
  const dates = [...new Set(earlier.map((r) => isoToFrench(r.date)))];
  const them = one ? 'la' : 'les';
  return (
    <MessageBar intent="warning" aria-labelledby={undefined}>
      <MessageBarBody>
        {`Ce fichier a déjà été importé pour ${names.length === 1 ? 'le Pôle' : 'les Pôles'} ${quoted(names)} (${one ? 'feuille' : 'feuilles'} ${quoted(
          earlier.map((r) => r.sheet),
        )}, le ${dates.join(', le ')}). Sous le nom « ${pole.trim()} », cet import ne ${them} remplace pas : ses marchés y seraient des doublons (l'import précédent l'emporte) et ses feuilles compagnes compteraient deux fois. Pour ${them} remplacer, donnez à ce Pôle ${
          names.length === 1 ? `le nom « ${names[0]} »` : "le nom de l'import précédent"
        }.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the Pôle saved in its file and the import carries over, so that the lead knows it is kept. */
function SavedChoices({ file }: { file: FileRecognition }) {
  const n = file.decisions.length;
  const decisions = n === 0 ? null : n === 1 ? "une décision d'étiquette" : `${n} décisions d'étiquettes`;
  const columns = file.overrides.length > 0 ? 'ses choix de colonnes' : null;
  if (!columns && !decisions) return null;
  // « ils » as soon as a masculine noun is there (les choix), « elle(s) » for decisions alone.
  const kept = columns ? 'ils sont repris' : n === 1 ? 'elle est reprise' : 'elles sont reprises';
  const what = [columns, decisions].filter(Boolean).join(' et ');
  return <Text as="p" block size={200}>{`Le Pôle a enregistré dans ce fichier ${what} : ${kept} dans ce classeur.`}</Text>;
}
