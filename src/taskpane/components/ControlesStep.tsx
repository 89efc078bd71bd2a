/** Step 2 — errors and warnings grouped by code; a click selects the cell in Excel. */
import { useMemo, useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { cellAddress } from '../../domain/cell';
import type { ChainOutput } from '../../domain/chain';
import { FINDING_CODES, type Finding, type FindingCode } from '../../domain/model';
import { orderedFindings } from '../../domain/plan';
import { FINDING_LABELS, plural } from '../labels';

interface ControlesStepProps {
  readonly output: ChainOutput | null;
  /** Present inside Excel; in preview the address is shown instead. */
  readonly onSelect?: (sheet: string, address: string) => void;
  /** Present inside Excel: removes the marks the add-in put on faulty cells. */
  readonly onClearHighlights?: () => void;
}

interface FindingGroup {
  readonly code: FindingCode;
  readonly label: string;
  readonly gravite: Finding['gravite'];
  readonly findings: readonly Finding[];
}

/**
 * Findings grouped by code: errors first, then warnings, in the catalogue's order (the command line
 * counts them in that order); in a group, the order of `SPASER Contrôles` (sheets in reading order, then rows).
 */
export function groupFindings(output: ChainOutput): FindingGroup[] {
  const byCode = new Map<FindingCode, Finding[]>();
  for (const f of orderedFindings(output.register)) {
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  return FINDING_CODES.flatMap((code) => {
    const findings = byCode.get(code);
    return findings ? [{ code, label: FINDING_LABELS[code], gravite: findings[0].gravite, findings }] : [];
  });
}

/** The cell at fault, or the whole row when the finding is about the row. */
function findingAddress(f: Finding): string {
  return f.col !== null ? cellAddress(f.source.row, f.col) : `${f.source.row}:${f.source.row}`;
}

const PAGE = 20;

export function ControlesStep({ output, onSelect, onClearHighlights }: ControlesStepProps) {
  // Sorting every finding again at each render (a page turned, a click) would cost: once per run.
  const groups = useMemo(() => (output ? groupFindings(output) : []), [output]);
  if (!output) return <Text>Les contrôles s'afficheront une fois le registre reconnu.</Text>;
  const errorFindings = groups.filter((g) => g.gravite === 'erreur').flatMap((g) => g.findings);
  const errors = errorFindings.length;
  // A row with several errors is left out once: the rows are counted apart from the errors.
  const rowsOut = new Set(errorFindings.map((f) => `${f.source.file}\u0000${f.source.sheet}\u0000${f.source.row}`)).size;
  const warnings = groups.filter((g) => g.gravite === 'avertissement').reduce((n, g) => n + g.findings.length, 0);
  if (groups.length === 0) {
    return (
      <MessageBar intent="success" aria-labelledby={undefined}>
        <MessageBarBody>Aucune anomalie détectée dans les {plural(output.result.lignes.lues, 'ligne lue', 'lignes lues')}.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className="step-body">
      <Text as="p" block>
        {plural(errors, 'erreur', 'erreurs')} ({plural(rowsOut, 'ligne écartée', 'lignes écartées')} des indicateurs),{' '}
        {plural(warnings, 'avertissement', 'avertissements')} (lignes gardées).
        {onSelect ? ' Cliquez sur une ligne pour aller à la cellule.' : ''}
      </Text>
      {groups.map((g) => (
        <FindingGroupView key={g.code} group={g} onSelect={onSelect} />
      ))}
      {onClearHighlights && (
        <Button appearance="secondary" onClick={onClearHighlights}>
          Retirer le surlignage des cellules
        </Button>
      )}
    </div>
  );
}

function FindingGroupView({ group, onSelect }: { group: FindingGroup; onSelect?: (sheet: string, address: string) => void }) {
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const listId = `controle-${group.code}`;
  return (
    <section className="finding-group">
      <h3>
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          icon={
            <Badge appearance="filled" color={group.gravite === 'erreur' ? 'danger' : 'warning'} aria-hidden="true">
              {group.findings.length}
            </Badge>
          }
        >
          {`${group.label} — ${plural(group.findings.length, group.gravite, group.gravite === 'erreur' ? 'erreurs' : 'avertissements')}`}
        </Button>
      </h3>
      {open && (
        <ul id={listId} className="finding-list">
          {group.findings.slice(0, limit).map((f, i) => {
            const address = findingAddress(f);
            const where = `Feuille « ${f.source.sheet} », ${f.col !== null ? `cellule ${address}` : `ligne ${f.source.row}`}`;
            return (
              <li key={i}>
                {onSelect ? (
                  <Button appearance="transparent" size="small" onClick={() => onSelect(f.source.sheet, address)}>
                    {where}
                  </Button>
                ) : (
                  <Text weight="semibold">{where}</Text>
                )}
                <Text as="p" block size={200}>
                  {f.message}
                </Text>
              </li>
            );
          })}
          {group.findings.length > limit && (
            <li>
              <Button size="small" onClick={() => setLimit(limit + PAGE)}>
                {`Afficher ${Math.min(PAGE, group.findings.length - limit)} de plus (${plural(group.findings.length - limit, 'restant', 'restants')})`}
              </Button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
