/**
 * Column choices saved by the user that name a header the sheet no longer has (renamed or removed
 * since): the columns fall back to automatic recognition. Said, not silently dropped: the buyer chose
 * that column because its header was not recognised, so the field is most likely lost with it.
 */
import { SHEET_KINDS } from './fields';
import { frenchList } from './french-text';
import type { LostChoice, SheetMapping } from './model';

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
