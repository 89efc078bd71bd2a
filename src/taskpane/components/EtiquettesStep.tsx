/** Step 3 — the considerations of each contract, and the suggestions to confirm or reject. */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import type { ChainOutput } from '../../domain/chain';
import type { Consideration, RegisterRow, SuggestionResult } from '../../domain/model';
import type { DecisionChange } from '../../domain/state';
import { decisionKey, sourceSheet } from '../../domain/tagging';
import { plural } from '../labels';

interface EtiquettesStepProps {
  readonly output: ChainOutput | null;
  readonly onDecide: (decision: DecisionChange) => void;
}

const CONSIDERATIONS: readonly { readonly id: Consideration; readonly label: string }[] = [
  { id: 'sociale', label: 'Considération sociale' },
  { id: 'environnementale', label: 'Considération environnementale' },
  { id: 'innovation', label: 'Innovation' },
];

const PAGE = 30;

/**
 * The source (`file|sheet`) of each suggestion of the result, in its order: the result lists the
 * suggestions of the rows in register order, so the n-th suggestion of a contract and sub-tag is
 * that of its n-th row. Undefined when no row carries it.
 */
function suggestionSources(rows: readonly RegisterRow[], suggestions: readonly SuggestionResult[]): (string | undefined)[] {
  const bySuggestion = new Map<string, { readonly sources: string[]; next: number }>();
  for (const r of rows) {
    // Tags first: only tagged rows build their values object.
    if (!r.tags.some((t) => t.origine !== 'déclaré')) continue;
    const numero = r.values.numero;
    if (numero === undefined) continue;
    for (const t of r.tags) {
      if (t.origine === 'déclaré') continue;
      const key = decisionKey(numero, t.consideration, t.etiquette);
      const entry = bySuggestion.get(key) ?? { sources: [], next: 0 };
      entry.sources.push(`${r.source.file}|${r.source.sheet}`);
      bySuggestion.set(key, entry);
    }
  }
  return suggestions.map((s) => {
    const entry = bySuggestion.get(decisionKey(s.numero, s.consideration, s.etiquette));
    return entry && entry.next < entry.sources.length ? entry.sources[entry.next++] : undefined;
  });
}

interface Listed {
  readonly numero: string;
  readonly etiquette: string;
  readonly source: string | undefined;
}

/**
 * Where each listed suggestion or decision comes from, in French, when the same contract and
 * sub-tag are listed from two sheets (` (feuille « … »)`, with the workbook when the sheets are
 * named alike); empty otherwise, so the usual single-sheet list reads as before.
 */
function placesOf(listed: readonly Listed[]): string[] {
  const groups = new Map<string, Set<string>>();
  for (const l of listed) {
    if (l.source === undefined) continue;
    const key = `${l.numero}\u0000${l.etiquette}`;
    const group = groups.get(key) ?? new Set<string>();
    group.add(l.source);
    groups.set(key, group);
  }
  return listed.map((l) => {
    const group = groups.get(`${l.numero}\u0000${l.etiquette}`);
    if (l.source === undefined || group === undefined || group.size < 2) return '';
    const sheet = sourceSheet(l.source) ?? l.source;
    const sheets = new Set([...group].map((g) => (sourceSheet(g) ?? g).toLowerCase()));
    if (sheets.size === group.size) return ` (feuille « ${sheet} »)`;
    return ` (feuille « ${sheet} » de « ${l.source.slice(0, l.source.length - sheet.length - 1)} »)`;
  });
}

/** Keys for a list: the suggestion's source and key, numbered when repeated (one contract twice in a sheet). */
function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n === 0 ? k : `${k}#${n}`;
  });
}

export function EtiquettesStep({ output, onDecide }: EtiquettesStepProps) {
  const [limit, setLimit] = useState(PAGE);
  const [suggestionLimit, setSuggestionLimit] = useState(PAGE);
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
  // Each suggestion with the source of its row: two sheets' equal numbers are two entries, decided apart.
  const sources = suggestionSources(rows, suggestions);
  const places = placesOf([
    ...suggestions.map((s, i) => ({ numero: s.numero, etiquette: s.etiquette, source: sources[i] })),
    ...rejected.map((d) => ({ numero: d.numero, etiquette: d.etiquette, source: d.source })),
  ]);
  const keyOf = (source: string | undefined, d: { numero: string; consideration: Consideration; etiquette: string }) =>
    `${source ?? ''}|${decisionKey(d.numero, d.consideration, d.etiquette)}`;
  const suggestionKeys = uniqueKeys(suggestions.map((s, i) => keyOf(sources[i], s)));
  const rejectedKeys = uniqueKeys(rejected.map((d) => keyOf(d.source, d)));
  return (
    <div className="step-body" ref={body}>
      <Text as="p" block>
        Considérations déclarées dans vos colonnes ou confirmées ci-dessous, sur {plural(rows.length, 'marché lu', 'marchés lus')}&nbsp;:
      </Text>
      <ul className="counts">
        {CONSIDERATIONS.map((c) => (
          <li key={c.id}>
            {c.label}&nbsp;: {plural(rows.filter((r) => r[c.id]).length, 'marché', 'marchés')}
          </li>
        ))}
      </ul>
      {suggestions.length > 0 && (
        <section aria-labelledby="suggestions-titre">
          <h3 id="suggestions-titre">Suggestions à confirmer ({suggestions.filter((s) => s.decision === null).length})</h3>
          <Text as="p" block size={200}>
            Étiquettes proposées d'après l'objet et les commentaires ; elles ne comptent dans les indicateurs qu'une fois confirmées.
          </Text>
          <ul className="suggestion-list">
            {suggestions.slice(0, suggestionLimit).map((s, i) => {
              const name = `${s.etiquette} pour le marché ${s.numero}${places[i]}`;
              const decide = (decision: DecisionChange['decision']) => {
                focusNext.current =
                  decision === 'confirmée' ? `Annuler la décision : ${name}` : decision === 'rejetée' ? `Rétablir : ${name}` : `Confirmer : ${name}`;
                onDecide({ numero: s.numero, source: sources[i], consideration: s.consideration, etiquette: s.etiquette, decision });
              };
              return (
                <li key={suggestionKeys[i]}>
                  <Text weight="semibold">{`${s.numero} — ${s.etiquette}${places[i]}`}</Text>
                  <Text as="p" block size={200}>{`Mots repérés : « ${s.declencheur} »`}</Text>
                  {s.decision ? (
                    <span className="actions">
                      <Badge appearance="tint" color={s.decision === 'confirmée' ? 'success' : 'informative'}>
                        {s.decision === 'confirmée' ? 'Confirmée' : 'Rejetée'}
                      </Badge>{' '}
                      <Button size="small" appearance="subtle" aria-label={`Annuler la décision : ${name}`} onClick={() => decide('annulée')}>
                        Annuler
                      </Button>
                    </span>
                  ) : (
                    <span className="actions">
                      <Button size="small" appearance="primary" aria-label={`Confirmer : ${name}`} onClick={() => decide('confirmée')}>
                        Confirmer
                      </Button>{' '}
                      <Button size="small" aria-label={`Rejeter : ${name}`} onClick={() => decide('rejetée')}>
                        Rejeter
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {/* A hundred suggestions at once would bury the tagged contracts below them. */}
          {suggestions.length > suggestionLimit && (
            <Button size="small" onClick={() => setSuggestionLimit(suggestionLimit + PAGE)}>
              {`Afficher ${Math.min(PAGE, suggestions.length - suggestionLimit)} de plus (${plural(suggestions.length - suggestionLimit, 'restante', 'restantes')})`}
            </Button>
          )}
        </section>
      )}
      {rejected.length > 0 && (
        <section aria-labelledby="rejetees-titre">
          <h3 id="rejetees-titre">Suggestions rejetées ({rejected.length})</h3>
          <ul className="suggestion-list">
            {rejected.map((d, i) => {
              const place = places[suggestions.length + i];
              const name = `${d.etiquette} pour le marché ${d.numero}${place}`;
              return (
                <li key={rejectedKeys[i]}>
                  <Text weight="semibold">{`${d.numero} — ${d.etiquette}${place}`}</Text>{' '}
                  <Button
                    size="small"
                    aria-label={`Rétablir : ${name}`}
                    onClick={() => {
                      focusNext.current = `Confirmer : ${name}`;
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
            {`Afficher ${Math.min(PAGE, tagged.length - limit)} de plus`}
          </Button>
        )}
      </section>
    </div>
  );
}
