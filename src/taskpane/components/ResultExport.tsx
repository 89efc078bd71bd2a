/** The Indicateurs step's export of the result as JSON (`sortie.md`): copy, and download where the host allows it. */
import { Button, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { SpaserResult } from '../../domain/model';
import { plural } from '../labels';
import { resultJson } from '../../domain/chain';
import { copyText, exportSummary, offerDownload, resultJsonFileName } from '../result-export';

interface ResultExportProps {
  readonly result: SpaserResult;
  readonly workbookName: string | null;
  /** False in Excel for Mac and iPad, whose web view does not download. */
  readonly downloadsFiles: boolean;
  /** Replaced in tests. */
  readonly copy?: (text: string) => Promise<boolean>;
  readonly download?: (text: string, fileName: string) => void;
}

type Outcome = (
  | { readonly kind: 'copied' }
  | { readonly kind: 'copyFailed' }
  | { readonly kind: 'downloaded'; readonly fileName: string }
  | { readonly kind: 'downloadFailed'; readonly reason: string }
) & {
  /** The result it was about: a message about another one (another exercice, a column changed) is not shown. */
  readonly of: SpaserResult;
};

function contents(result: SpaserResult): string {
  const s = exportSummary(result);
  return `exercice ${s.exercice ?? 'non déterminé'}, ${plural(s.indicateurs, 'indicateur', 'indicateurs')}, ${plural(s.controles, 'contrôle', 'contrôles')}`;
}

export function ResultExport(props: ResultExportProps) {
  const { result, workbookName, downloadsFiles } = props;
  const [last, setOutcome] = useState<Outcome | null>(null);
  const outcome = last?.of === result ? last : null;

  const copy = async () => {
    const ok = await (props.copy ?? copyText)(resultJson(result));
    setOutcome({ kind: ok ? 'copied' : 'copyFailed', of: result });
  };
  const download = () => {
    const fileName = resultJsonFileName(workbookName, result.exercice);
    try {
      (props.download ?? offerDownload)(resultJson(result), fileName);
      setOutcome({ kind: 'downloaded', fileName, of: result });
    } catch (err) {
      setOutcome({ kind: 'downloadFailed', reason: err instanceof Error ? err.message : String(err), of: result });
    }
  };

  return (
    <section className="result-export" aria-labelledby="export-titre">
      <h3 id="export-titre">Résultat au format JSON</h3>
      <Text as="p" block size={200}>
        Le même résultat que la ligne de commande avec <code className="option">--json</code> : indicateurs, contrôles et suggestions, pour l'exercice choisi.
      </Text>
      <div className="export-bar">
        <Button onClick={() => void copy()}>Copier le résultat (JSON)</Button>
        {downloadsFiles && <Button onClick={download}>Télécharger le résultat (JSON)</Button>}
      </div>
      {outcome?.kind === 'copied' && (
        <MessageBar intent="success">
          <MessageBarBody>{`Résultat copié dans le presse-papiers (${contents(result)}) : collez-le (Ctrl+V) dans un fichier ou un message.`}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'downloaded' && (
        <MessageBar intent="success">
          <MessageBarBody>{`Fichier « ${outcome.fileName} » proposé au téléchargement (${contents(result)}).`}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'downloadFailed' && (
        <MessageBar intent="error">
          <MessageBarBody>{`Le téléchargement n'a pas pu être proposé (${outcome.reason}). Utilisez « Copier le résultat (JSON) ».`}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'copyFailed' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {downloadsFiles
              ? "Le presse-papiers n'est pas accessible ici : utilisez « Télécharger le résultat (JSON) »."
              : "Le presse-papiers n'est pas accessible ici : sélectionnez le texte ci-dessous (Ctrl+A) puis copiez-le (Ctrl+C)."}
          </MessageBarBody>
        </MessageBar>
      )}
      {/* Last resort where neither the clipboard nor a download works: the text itself, to copy by hand. */}
      {outcome?.kind === 'copyFailed' && !downloadsFiles && (
        <Textarea
          aria-label="Résultat JSON à copier"
          readOnly
          resize="vertical"
          value={resultJson(result)}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </section>
  );
}
