/** Step 1 — how each sheet was recognised, and the user's column choices. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { type ChainInput, type ChainOutput, isEmptyInput } from '../../domain/chain';
import { cellToText } from '../../domain/read-cell';
import { REGISTER_FIELDS, REQUIRED_FIELDS, SHEET_KINDS } from '../../domain/fields';
import {
  ambiguousColumnText,
  findIncompleteRegisters,
  type HeaderPlace,
  headerPlaceOf,
  headerPlaces,
  mapHeaderRow,
  missingRequiredFields,
  overrideFor,
  registerAt,
  twoRowHeaderTexts,
  twoRowRegisterPlaces,
  unusedColumnText,
} from '../../domain/mapping';
import type { SheetGrid } from '../../domain/cell';
import type { MappingOverride, SheetMapping } from '../../domain/model';
import { mergeOverrides } from '../../domain/register';
import { SPASER_PREFIX } from '../../domain/plan-types';
import type { ColumnChoice, HeaderChoice } from '../state';

interface ColonnesStepProps {
  readonly inputs: readonly ChainInput[] | null;
  readonly output: ChainOutput | null;
  readonly onChoose: (choice: ColumnChoice) => void;
  readonly onChooseHeader?: (choice: HeaderChoice) => void;
}

interface Header {
  readonly col: number;
  readonly text: string;
}

/** A sheet of the workbooks read, with its file. */
interface Sheet {
  readonly file: string;
  readonly grid: SheetGrid;
}

/** Non-empty header cells of `row` in a sheet, distinct texts only (first one wins). */
function headersOf(inputs: readonly ChainInput[], file: string, sheet: string, row: number): Header[] {
  const grid = gridOf(inputs, file, sheet);
  if (!grid) return [];
  const cells = grid.rows[row - grid.firstRow] ?? [];
  return distinct(cells.map((cell, j) => ({ col: grid.firstCol + j, text: cellToText(cell).trim() })));
}

/** The headers of a recognised sheet as the program read them: on two rows, `Montant HT` from « Montant » over « HT ». */
function mappingHeaders(inputs: readonly ChainInput[], mapping: SheetMapping): Header[] {
  const grid = gridOf(inputs, mapping.file, mapping.sheet);
  const two = grid ? twoRowHeaderTexts(grid, mapping) : null;
  return two === null ? headersOf(inputs, mapping.file, mapping.sheet, mapping.headerRow) : distinct(two);
}

function gridOf(inputs: readonly ChainInput[], file: string, sheet: string) {
  const input = inputs.find((i) => i.file === file) ?? inputs[0];
  return input?.sheets.find((s) => s.name === sheet);
}

function distinct(headers: readonly Header[]): Header[] {
  const seen = new Set<string>();
  return headers.filter((h) => {
    if (h.text === '' || seen.has(h.text)) return false;
    seen.add(h.text);
    return true;
  });
}

const NONE = '';
/** The select's value while a saved choice names a header the sheet no longer has. */
const LOST = 'lost';

/** The choices of a field's column: none, or one of the sheet's headers. */
function columnOptions(headers: readonly Header[]) {
  return [
    <option key={NONE} value={NONE}>
      — aucune colonne —
    </option>,
    ...headers.map((h) => (
      <option key={h.col} value={String(h.col)}>
        {h.text}
      </option>
    )),
  ];
}

/** The id of the title of a sheet's section (its region's name). */
const sheetTitleId = (sheet: string): string => `feuille-${sheet.replace(/[^A-Za-z0-9]/g, '-')}`;

export function ColonnesStep({ inputs, output, onChoose, onChooseHeader }: ColonnesStepProps) {
  // A choice in the manual form that completes the register replaces the form by the sheet's
  // section: focus follows to the same field there, instead of falling back to the page (WCAG 2.4.3).
  // A header place that completes it (two rows) sends focus to that section's header place, else its first list.
  const manualChoice = useRef<{ sheet: string; field: string | null } | null>(null);
  useEffect(() => {
    const pending = manualChoice.current;
    if (!output || !pending) return;
    manualChoice.current = null;
    const section = `section[aria-labelledby="${sheetTitleId(pending.sheet)}"]`;
    const target =
      pending.field === null
        ? (document.querySelector<HTMLSelectElement>(`${section} select[data-header-place]`) ?? document.querySelector<HTMLSelectElement>(`${section} select`))
        : document.querySelector<HTMLSelectElement>(`${section} select[data-field="${pending.field}"]`);
    target?.focus();
  }, [output]);
  if (!inputs) return <Text>Aucun classeur lu pour l'instant.</Text>;
  // An empty workbook has no sheet or header to point at: the message above says what to do.
  if (!output) {
    if (inputs.every(isEmptyInput)) return <Text>Ce classeur est vide.</Text>;
    const choose = (c: ColumnChoice): void => {
      manualChoice.current = { sheet: c.sheet, field: c.field };
      onChoose(c);
    };
    const chooseHeader =
      onChooseHeader &&
      ((c: HeaderChoice): void => {
        manualChoice.current = { sheet: c.sheet, field: null };
        onChooseHeader(c);
      });
    // Another workbook (or its sheets changed) starts the form afresh: its sheet and columns were the last one's.
    const workbookKey = inputs.map((i) => `${i.file}|${i.sheets.map((s) => s.name).join('|')}`).join('||');
    return <ManualMapping key={workbookKey} inputs={inputs} onChoose={choose} onChooseHeader={chooseHeader} />;
  }
  const mappings = output.register.mappings;
  // Sheets that look like a register but miss a required column: the run's notice sends the user here.
  const incomplete = output.incomplete;
  const view = (m: SheetMapping) => (
    <SheetMappingView
      key={`${m.file}|${m.sheet}`}
      mapping={m}
      inputs={inputs}
      headers={mappingHeaders(inputs, m)}
      // The last saved for the sheet, as the run applies it: an import's choice (with the file name)
      // is followed by the pane's (without), which a new choice builds on.
      base={overrideFor(m.file, m.sheet, output.state.mappings) ?? undefined}
      onChoose={onChoose}
      onChooseHeader={onChooseHeader}
    />
  );
  return (
    <div className="step-body">
      <Text as="p" block>
        {mappings.length === 1 ? '1 feuille reconnue.' : `${mappings.length} feuilles reconnues.`} Changez une colonne si elle a mal été
        reconnue : votre choix sera enregistré dans le classeur avec les feuilles SPASER.
      </Text>
      {mappings.map(view)}
      {incomplete.length > 0 && (
        <Text as="p" block>
          {incomplete.length === 1
            ? missingRequiredFields(incomplete[0]).length === 1
              ? "La feuille ci-dessous ressemble à un registre, mais une colonne obligatoire lui manque : ses lignes ne sont pas comptées tant que vous ne l'avez pas choisie."
              : 'La feuille ci-dessous ressemble à un registre, mais des colonnes obligatoires lui manquent : ses lignes ne sont pas comptées tant que vous ne les avez pas choisies.'
            : `Les ${incomplete.length} feuilles ci-dessous ressemblent à un registre, mais des colonnes obligatoires leur manquent : leurs lignes ne sont pas comptées tant que vous ne les avez pas choisies.`}
        </Text>
      )}
      {incomplete.map(view)}
    </div>
  );
}

const placeValue = (p: HeaderPlace): string => `${p.headerRow}:${p.headerRows}`;

/** How a header place reads in the list: its row or rows and the first headers it holds. */
function placeText(inputs: readonly ChainInput[], mapping: SheetMapping, p: HeaderPlace): string {
  const rows = p.headerRows === 1 ? `Ligne ${p.headerRow}` : `Lignes ${p.headerRow} et ${p.headerRow + 1}`;
  return `${rows}${rowPreview(headersOf(inputs, mapping.file, mapping.sheet, p.headerRow))}`;
}

function SheetMappingView({
  mapping,
  inputs,
  headers,
  base,
  onChoose,
  onChooseHeader,
}: {
  mapping: SheetMapping;
  inputs: readonly ChainInput[];
  headers: Header[];
  base: MappingOverride | undefined;
  onChoose: (c: ColumnChoice) => void;
  onChooseHeader?: (c: HeaderChoice) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const grid = gridOf(inputs, mapping.file, mapping.sheet);
  const current = headerPlaceOf(mapping);
  // The rows the user said (« Ligne d'en-tête »), told apart from column choices.
  const headerSaid = base?.headerRows !== undefined && base.headerRow === current.headerRow;
  // Where else the header may be: only places that keep the sheet what it is, so that it stays here.
  const places = useMemo(() => {
    const found = grid ? headerPlaces(mapping.file, grid, mapping.kind, base?.columns) : [];
    return found.some((p) => placeValue(p) === placeValue(current)) ? found : [current, ...found];
  }, [grid, mapping.file, mapping.kind, base, current.headerRow, current.headerRows]);
  const kind = SHEET_KINDS[mapping.kind];
  const fields = kind.fields as readonly { id: string; label: string; required?: boolean }[];
  // The short list holds the required fields, the recognised ones and the candidates of an
  // ambiguous column (the warning below says « à choisir ci-dessus »).
  const shown = showAll
    ? fields
    : fields.filter(
        (f) =>
          f.required ||
          mapping.columns.some((c) => c.field === f.id) ||
          mapping.ambiguous.some((a) => a.fields.includes(f.id)) ||
          // A choice whose header is gone (the notice says « refaites votre choix »): its field to choose again.
          (mapping.lostChoices ?? []).some((l) => l.field === f.id),
      );
  const titleId = sheetTitleId(mapping.sheet);
  return (
    <section aria-labelledby={titleId} className="sheet-mapping">
      <h3 id={titleId}>Feuille « {mapping.sheet} »</h3>
      <Text as="p" block size={200}>
        {kind.label} —{' '}
        {mapping.firstHeaderRow === undefined ? `ligne d'en-tête ${mapping.headerRow}` : `en-tête sur les lignes ${mapping.firstHeaderRow} et ${mapping.headerRow}`}
        {headerSaid ? ' — en-tête indiqué par vous' : ''}
        {mapping.explicit && (!headerSaid || Object.keys(base?.columns ?? {}).length > 0) ? ' — colonnes choisies par vous' : ''}
      </Text>
      {onChooseHeader && places.length > 1 && (
        <Field label="Ligne d'en-tête" hint={`Si l'en-tête continue sur la ligne du dessous, choisissez les deux lignes : elle n'est plus lue comme ${mapping.kind === 'registre' ? 'un marché' : 'une ligne de la feuille'}.`}>
          <Select
            data-header-place=""
            value={placeValue(current)}
            onChange={(_, data) => {
              const place = places.find((p) => placeValue(p) === data.value);
              if (place) onChooseHeader({ sheet: mapping.sheet, headerRow: place.headerRow, headerRows: place.headerRows, base });
            }}
          >
            {places.map((p) => (
              <option key={placeValue(p)} value={placeValue(p)}>
                {placeText(inputs, mapping, p)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {shown.map((f) => {
        const column = mapping.columns.find((c) => c.field === f.id) ?? null;
        // Shown as chosen, so that « — aucune colonne — » is a change that forgets it (the notice then goes).
        const lost = column === null ? (mapping.lostChoices ?? []).find((l) => l.field === f.id) : undefined;
        const missing = mapping.kind === 'registre' && (REQUIRED_FIELDS as readonly string[]).includes(f.id) && column === null;
        return (
          <Field
            key={f.id}
            label={f.required ? `${f.label} (obligatoire)` : f.label}
            validationState={missing ? 'error' : 'none'}
            validationMessage={missing ? 'Champ obligatoire : choisissez la colonne qui le contient.' : undefined}
          >
            <Select
              data-field={f.id}
              value={column ? String(column.col) : lost ? LOST : NONE}
              onChange={(_, data) =>
                data.value !== LOST &&
                onChoose({
                  sheet: mapping.sheet,
                  // Where the header starts: a header on two rows is read again from its first.
                  headerRow: mapping.firstHeaderRow ?? mapping.headerRow,
                  field: f.id,
                  header: headers.find((h) => String(h.col) === data.value)?.text ?? null,
                  previousHeader: column?.header ?? null,
                  base,
                })
              }
            >
              {lost && <option value={LOST}>{`« ${lost.header} » (en-tête disparu)`}</option>}
              {columnOptions(headers)}
            </Select>
          </Field>
        );
      })}
      <Button appearance="subtle" size="small" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
        {showAll ? 'Afficher seulement les champs reconnus' : `Afficher tous les champs (${fields.length})`}
      </Button>
      {mapping.ambiguous.length > 0 && (
        <MessageBar intent="warning" aria-labelledby={undefined}>
          <MessageBarBody>
            Colonnes ambiguës, à choisir ci-dessus :{' '}
            {mapping.ambiguous.map((a) => ambiguousColumnText(a, (id) => fields.find((f) => f.id === id)?.label ?? id)).join(', ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {mapping.unmapped.length > 0 && (
        <Text as="p" block size={200}>
          Colonnes non utilisées : {mapping.unmapped.map(unusedColumnText).join(', ')}
        </Text>
      )}
    </section>
  );
}

/**
 * The required columns a header row names already, by header text: shown chosen, so that the user
 * picks only the missing ones (the chain maps them again by itself once the sheet is a register).
 */
function recognisedRequired(headers: readonly Header[]): Record<string, string | null> {
  const { columns } = mapHeaderRow(
    headers.map((h) => h.text),
    REGISTER_FIELDS,
    0,
  );
  const out: Record<string, string | null> = {};
  for (const c of columns) if ((REQUIRED_FIELDS as readonly string[]).includes(c.field)) out[c.field] = headers[c.col].text;
  return out;
}

/** A header place of the form: a row alone (its number, as before two rows could be said) or with the row below. */
const formPlaceValue = (p: HeaderPlace): string => (p.headerRows === 1 ? String(p.headerRow) : `${p.headerRow}:2`);

/** No register recognised: the user points at the sheet, its header place (one row or two) and the required columns. */
function ManualMapping({
  inputs,
  onChoose,
  onChooseHeader,
}: {
  inputs: readonly ChainInput[];
  onChoose: (c: ColumnChoice) => void;
  onChooseHeader?: (c: HeaderChoice) => void;
}) {
  const sheets = inputs.flatMap((i) => i.sheets.filter((s) => !s.name.startsWith(SPASER_PREFIX)).map((s) => ({ file: i.file, grid: s })));
  // The choices saved in the workbook, as the run applies them (its message names the same closest sheet).
  const saved = (file: string): MappingOverride[] => {
    const input = inputs.find((i) => i.file === file);
    return input ? mergeOverrides(input, []) : [];
  };
  // A choice builds on the saved one, as in a sheet's section: its header rows and columns stay.
  const baseOf = (s: Sheet): MappingOverride | undefined => overrideFor(s.file, s.grid.name, saved(s.file)) ?? undefined;
  /** The register read on two rows from `row`, as the run will read it once said, if it reads one. */
  const onTwoRows = (s: Sheet, row: number): SheetMapping | null => registerAt(s.file, s.grid, { headerRow: row, headerRows: 2 }, baseOf(s)?.columns);
  /** The headers of a place, read as the run reads them: on both rows (`Dates Signature`), else on that row. */
  const headersAt = (s: Sheet, p: HeaderPlace): Header[] => {
    const two = p.headerRows === 2 ? onTwoRows(s, p.headerRow) : null;
    return two !== null ? mappingHeaders(inputs, two) : headersOf(inputs, s.file, s.grid.name, p.headerRow);
  };
  /** The required columns a place names already: as the run maps them on two rows, by their texts on one. */
  const recognisedAt = (s: Sheet, p: HeaderPlace): Record<string, string | null> => {
    const two = p.headerRows === 2 ? onTwoRows(s, p.headerRow) : null;
    if (two === null) return recognisedRequired(headersAt(s, p));
    const out: Record<string, string | null> = {};
    for (const c of two.columns) if ((REQUIRED_FIELDS as readonly string[]).includes(c.field)) out[c.field] = c.header;
    return out;
  };
  // Start on the sheet and header place that come closest to a register, if any.
  const [closest] = inputs.flatMap((i) => findIncompleteRegisters(i.file, i.sheets, saved(i.file)));
  const firstSheet = sheets.find((s) => s.grid.name === (closest?.sheet ?? sheets[0]?.grid.name));
  const [sheetName, setSheetName] = useState(firstSheet?.grid.name ?? '');
  const [place, setPlace] = useState<HeaderPlace>(() =>
    closest ? headerPlaceOf(closest) : { headerRow: firstSheet?.grid.firstRow ?? 1, headerRows: 1 },
  );
  const [chosen, setChosen] = useState<Record<string, string | null>>(() => (firstSheet ? recognisedAt(firstSheet, place) : {}));
  const sheet = sheets.find((s) => s.grid.name === sheetName);
  const base = sheet ? baseOf(sheet) : undefined;
  // The two-row places worth offering, and the saved one (the run reads it so): listed each under its first row.
  const twoRows = useMemo(() => {
    if (!sheet) return new Set<number>();
    const rows = twoRowRegisterPlaces(sheet.file, sheet.grid, base?.columns).map((p) => p.headerRow);
    if (base?.headerRow !== undefined && base.headerRows === 2 && onTwoRows(sheet, base.headerRow) !== null) rows.push(base.headerRow);
    return new Set(rows);
  }, [sheet?.file, sheet?.grid, base]);
  if (!sheet) return <Text>Ce classeur ne contient aucune feuille à lire.</Text>;
  const headers = headersAt(sheet, place);
  const lastRow = Math.min(sheet.grid.firstRow + sheet.grid.rows.length - 1, sheet.grid.firstRow + 19);
  const rows = Array.from({ length: Math.max(0, lastRow - sheet.grid.firstRow + 1) }, (_, i) => sheet.grid.firstRow + i);
  const places = rows.flatMap((r): HeaderPlace[] => [{ headerRow: r, headerRows: 1 }, ...(twoRows.has(r) ? [{ headerRow: r, headerRows: 2 as const }] : [])]);
  return (
    <section aria-labelledby="manuel-titre" className="step-body">
      <h3 id="manuel-titre">Indiquer le registre</h3>
      <Text as="p" block>
        Aucune feuille n'a été reconnue comme registre. Indiquez la feuille, sa ligne d'en-tête et les colonnes obligatoires qui manquent (celles
        reconnues sont déjà choisies).
      </Text>
      <Field label="Feuille">
        <Select
          value={sheetName}
          onChange={(_, d) => {
            const next = sheets.find((s) => s.grid.name === d.value);
            setSheetName(d.value);
            if (next) setPlace({ headerRow: next.grid.firstRow, headerRows: 1 });
            setChosen(next ? recognisedAt(next, { headerRow: next.grid.firstRow, headerRows: 1 }) : {});
          }}
        >
          {sheets.map((s) => (
            <option key={s.grid.name} value={s.grid.name}>
              {s.grid.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Ligne d'en-tête" hint={twoRows.size > 0 ? "Si l'en-tête continue sur la ligne du dessous, choisissez les deux lignes." : undefined}>
        <Select
          value={formPlaceValue(place)}
          onChange={(_, d) => {
            const next = places.find((p) => formPlaceValue(p) === d.value);
            if (!next) return;
            setPlace(next);
            setChosen(recognisedAt(sheet, next));
            // Read on both rows, the sheet may be a whole register: nothing left to choose, the place is the choice.
            const two = next.headerRows === 2 ? onTwoRows(sheet, next.headerRow) : null;
            if (two !== null && missingRequiredFields(two).length === 0) {
              onChooseHeader?.({ sheet: sheet.grid.name, headerRow: next.headerRow, headerRows: 2, base });
            }
          }}
        >
          {places.map((p) => (
            <option key={formPlaceValue(p)} value={formPlaceValue(p)}>
              {`${p.headerRows === 1 ? `Ligne ${p.headerRow}` : `Lignes ${p.headerRow} et ${p.headerRow + 1}`}${rowPreview(headersOf(inputs, sheet.file, sheet.grid.name, p.headerRow))}`}
            </option>
          ))}
        </Select>
      </Field>
      {REQUIRED_FIELDS.map((id) => {
        const def = SHEET_KINDS.registre.fields.find((f) => f.id === id)!;
        const current = headers.find((h) => h.text === chosen[id]) ?? null;
        return (
          <Field key={id} label={`${def.label} (obligatoire)`}>
            <Select
              value={current ? String(current.col) : NONE}
              onChange={(_, d) => {
                const header = headers.find((h) => String(h.col) === d.value)?.text ?? null;
                setChosen({ ...chosen, [id]: header });
                onChoose({
                  sheet: sheet.grid.name,
                  headerRow: place.headerRow,
                  headerRows: place.headerRows,
                  field: id,
                  header,
                  previousHeader: current?.text ?? null,
                  base,
                });
              }}
            >
              {columnOptions(headers)}
            </Select>
          </Field>
        );
      })}
    </section>
  );
}

function rowPreview(headers: Header[]): string {
  if (headers.length === 0) return ' (vide)';
  const text = headers.slice(0, 3).map((h) => h.text).join(', ');
  return ` : ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}
