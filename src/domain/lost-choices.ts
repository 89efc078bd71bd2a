/**
 * Column choices saved by the user that name a header the sheet no longer has (renamed or removed
 * since): the columns fall back to automatic recognition. Said, not silently dropped: the buyer chose
 * that column because its header was not recognised, so the field is most likely lost with it.
 */
import type { ChainInput } from './chain';
import { SHEET_KINDS } from './fields';
import { frenchList } from './french-text';
import type { LostChoice, MappingOverride, SheetMapping } from './model';
import { goneSheetChoices, renamedSheets } from './renamed-sheets';

/** « « Jours pour payer », choisi pour « Délai moyen de paiement (jours) » ». */
function lostChoiceText(m: Pick<SheetMapping, 'kind'>, lost: LostChoice & { readonly field: string }): string {
  const fields = SHEET_KINDS[m.kind].fields as readonly { readonly id: string; readonly label: string }[];
  return `« ${lost.header} », choisi pour « ${fields.find((f) => f.id === lost.field)?.label ?? lost.field} »`;
}

/** One notice per sheet whose saved column choices name headers it no longer has. */
export function lostChoiceNotices(mappings: readonly SheetMapping[]): string[] {
  return mappings.flatMap((m) => {
    // A column set aside whose header is gone is no loss to tell of (and the pane could not clear it).
    const lost = (m.lostChoices ?? []).filter((l): l is LostChoice & { readonly field: string } => l.field !== null);
    if (lost.length === 0) return [];
    const one = lost.length === 1;
    const list = lost.map((l) => lostChoiceText(m, l));
    const listed = frenchList(list);
    return [
      `Feuille « ${m.sheet} » du classeur « ${m.file} » : ` +
        `${one ? "votre choix de colonne ne s'applique plus" : "vos choix de colonnes ne s'appliquent plus"}, car ` +
        `la feuille n'a plus ${one ? "l'en-tête" : 'les en-têtes'} ${listed}. ` +
        `Ses colonnes sont de nouveau reconnues d'après leurs en-têtes ; si ${one ? "l'en-tête" : 'un en-tête'} a été renommé, ` +
        "refaites votre choix à l'étape Colonnes du volet.",
    ];
  });
}

/** A field's label, whichever sheet kind has it (a saved choice does not say its sheet's kind). */
function labelOf(field: string): string {
  for (const kind of Object.values(SHEET_KINDS)) {
    const def = (kind.fields as readonly { readonly id: string; readonly label: string }[]).find((f) => f.id === field);
    if (def) return def.label;
  }
  return field;
}

/**
 * One notice per sheet named by saved column choices that the workbook no longer has (deleted, or
 * renamed beyond telling: see `renamed-sheets.ts`). Such choices are not saved again (`stateInForce`),
 * so the buyer is told once, at the run that lets them go, rather than never.
 */
export function goneSheetNotices(inputs: readonly ChainInput[]): string[] {
  return inputs.flatMap((input) => {
    const saved = input.state?.mappings ?? [];
    const gone = goneSheetChoices(saved, input.sheets, renamedSheets(saved, input.sheets));
    const bySheet = new Map<string, MappingOverride[]>();
    for (const o of gone) {
      const key = o.sheet.toLocaleLowerCase('fr');
      bySheet.set(key, [...(bySheet.get(key) ?? []), o]);
    }
    return [...bySheet.values()].map((choices) => {
      const picked = choices.flatMap((o) => Object.entries(o.columns).flatMap(([header, field]) => (field === null ? [] : [`« ${header} », choisi pour « ${labelOf(field)} »`])));
      const one = picked.length === 1;
      const what = picked.length === 0 ? 'vos choix de colonnes' : `${one ? 'votre choix de colonne' : 'vos choix de colonnes'} (${frenchList(picked)})`;
      return (
        `Feuille « ${choices[0].sheet} » du classeur « ${input.file} » : ${what} ${one ? "ne s'applique plus" : "ne s'appliquent plus"}, ` +
        "car le classeur n'a plus de feuille de ce nom. Si elle a été renommée, refaites " +
        `${one ? 'ce choix' : 'ces choix'} à l'étape Colonnes du volet, sur la feuille renommée ; ${one ? "l'ancien n'est plus gardé" : 'les anciens ne sont plus gardés'}.`
      );
    });
  });
}
