/** Step 3 — the considerations of each contract, and the suggestions to confirm or reject. */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import type { ChainOutput } from '../../domain/chain';
import type { Consideration, RegisterRow, SuggestionResult } from '../../domain/model';
import type { DecisionChange } from '../../domain/state';
import { decisionKey } from '../../domain/tagging';
import { plural } from '../labels';

export interface EtiquettesStepProps {
  readonly output: ChainOutput | null;
  readonly onDecide: (decision: DecisionChange) => void;
}

const CONSIDERATIONS: readonly { readonly id: Consideration; readonly label: string }[] = [
  { id: 'sociale', label: 'Considération sociale' },
  { id: 'environnementale', label: 'Considération environnementale' },
  { id: 'innovation', label: 'Innovation' },
];

const PAGE = 30;

/** The source key of a suggestion's row (`file|sheet`), so equal numbers in two sources stay apart. */
function sourceOf(rows: readonly RegisterRow[], s: SuggestionResult): string | undefined {
  // Tags first: only tagged rows build their values object.
  const row = rows.find((r) => r.tags.some((t) => t.etiquette === s.etiquette) && r.values.numero === s.numero);
  return row ? `${row.source.file}|${row.source.sheet}` : undefined;
}

export function EtiquettesStep({ output, onDecide }: EtiquettesStepProps) {
  const [limit, setLimit] = useState(PAGE);
  const body = useRef<HTMLDivElement>(null);
  // The button pressed leaves the list once the decision is computed: focus goes to the one that
  // takes its place (Annuler, Rétablir or Confirmer), not to the page.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const name = focusNext.current;
    if (!name || !body.current) return;
    const target = Array.from(body.current.querySelectorAll<HTMLButtonElement>('button[aria-label]')).find((b) => b.getAttribute('aria-label') === name);
    if (target) {
      focusNext.current = null;
      target.focus();
    }
  });
  if (!output) return <Text>Les étiquettes s'afficheront une fois le registre reconnu.</Text>;
  const rows = output.register.rows;
  const tagged = rows.filter((r) => r.tags.length > 0);
  const suggestions = output.result.suggestions;
  // Rejected suggestions leave the results: listed from the decisions in force, so that a rejection can be taken back.
  const rejected = output.state.decisions.filter((d) => d.decision === 'rejetée');
  return (
    <div className="step-body" ref={body}>
      <Text as="p" block>
        Considérations déclarées dans vos colonnes ou confirmées ci-dessous, sur {plural(rows.length, 'marché lu', 'marchés lus')} :
      </Text>
      <ul className="counts">
        {CONSIDERATIONS.map((c) => (
          <li key={c.id}>
            {c.label} : {plural(rows.filter((r) => r[c.id]).length, 'marché', 'marchés')}
          </li>
        ))}
      </ul>
      {suggestions.length > 0 && (
        <section aria-labelledby="suggestions-titre">
          <h3 id="suggestions-titre">Suggestions à confirmer ({suggestions.filter((s) => s.decision === null).length})</h3>
          <Text as="p" block size={200}>
            Étiquettes proposées d'après l'objet et les commentaires ; elles ne comptent dans les indicateurs qu'une fois confirmées.
          </Text>
          <ul className="suggestion-list">
            {suggestions.map((s) => {
              const name = `${s.etiquette} pour le marché ${s.numero}`;
              const decide = (decision: DecisionChange['decision']) => {
                focusNext.current =
                  decision === 'confirmée' ? `Annuler la décision : ${name}` : decision === 'rejetée' ? `Rétablir : ${name}` : `Confirmer : ${name}`;
                onDecide({ numero: s.numero, source: sourceOf(rows, s), consideration: s.consideration, etiquette: s.etiquette, decision });
              };
              return (
                <li key={`${s.numero}|${s.consideration}|${s.etiquette}`}>
                  <Text weight="semibold">{`${s.numero} — ${s.etiquette}`}</Text>
                  <Text as="p" block size={200}>{`Mots repérés : « ${s.declencheur} »`}</Text>
                  {s.decision ? (
                    <span className="actions">
                      <Badge appearance="tint" color={s.decision === 'confirmée' ? 'success' : 'informative'}>
                        {s.decision === 'confirmée' ? 'Confirmée' : 'Rejetée'}
                      </Badge>{' '}
                      <Button size="small" appearance="subtle" aria-label={`Annuler la décision : ${name}`} onClick={() => decide('annulée')}>
                        Annuler
                      </Button>
                    </span>
                  ) : (
                    <span className="actions">
                      <Button size="small" appearance="primary" aria-label={`Confirmer : ${name}`} onClick={() => decide('confirmée')}>
                        Confirmer
                      </Button>{' '}
                      <Button size="small" aria-label={`Rejeter : ${name}`} onClick={() => decide('rejetée')}>
                        Rejeter
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {rejected.length > 0 && (
        <section aria-labelledby="rejetees-titre">
          <h3 id="rejetees-titre">Suggestions rejetées ({rejected.length})</h3>
          <ul className="suggestion-list">
            {rejected.map((d) => {
              const name = `${d.etiquette} pour le marché ${d.numero}`;
              return (
                <li key={decisionKey(d.numero, d.consideration, d.etiquette)}>
                  <Text weight="semibold">{`${d.numero} — ${d.etiquette}`}</Text>{' '}
                  <Button
                    size="small"
                    aria-label={`Rétablir : ${name}`}
                    onClick={() => {
                      focusNext.current = `Confirmer : ${name}`;
                      onDecide({ ...d, decision: 'annulée' });
                    }}
                  >
                    Rétablir
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="marches-titre">
        <h3 id="marches-titre">Marchés étiquetés ({tagged.length})</h3>
        {tagged.length === 0 ? (
          <Text as="p" block>Aucun marché ne porte de considération sociale, environnementale ou innovante.</Text>
        ) : (
          <ul className="tagged-list">
            {tagged.slice(0, limit).map((r) => (
              <li key={r.index}>
                <Text weight="semibold">{r.values.numero ?? `Ligne ${r.source.row}`}</Text>
                {r.values.objet ? <Text size={200}>{` — ${r.values.objet}`}</Text> : null}
                <Text as="p" block size={200}>
                  {r.tags.map((t) => `${t.etiquette} (${t.origine})`).join(', ')}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {tagged.length > limit && (
          <Button size="small" onClick={() => setLimit(limit + PAGE)}>
            {`Afficher ${Math.min(PAGE, tagged.length - limit)} de plus`}
          </Button>
        )}
      </section>
    </div>
  );
}
