import type { ToolSpec } from '../types.js';
import { phraseSignature } from './phrase-signature.js';

// git's own translations of "CONFLICT (content): Merge conflict in <file>" and friends.
const conflictWords = [
  'CONFLICT',
  'KONFLIKT',
  'CONFLIT',
  'CONFLITTO',
  'CONFLITO',
  'CONFLICTO',
  'КОНФЛИКТ',
  'КОНФЛІКТ',
  'ÇAKIŞMA',
  'XUNG ĐỘT',
  '冲突',
  '衝突',
  '競合',
  '충돌',
];

/**
 * The merge result could not be created. Committed conflict markers are not here: the
 * merge succeeded and a compiler rejects the file (a build failure).
 */
export const gitTools: readonly ToolSpec[] = [
  {
    id: 'git',
    class: 'conflict',
    signatures: [
      {
        id: 'conflict',
        anchor: conflictWords,
        pattern: new RegExp(`^(?:${conflictWords.join('|')})\\s?[(（]`),
      },
      phraseSignature('merge-failed', [
        'Automatic merge failed',
        'La fusion automatique a échoué',
        'Fusión automática falló',
        'Automatischer Merge fehlgeschlagen',
        'Merge automatico fallito',
        'Automatisk sammanslagning misslyckades',
      ]),
      {
        id: 'could-not-apply',
        anchor: [
          'could not apply',
          'nicht anwenden',
          "d'appliquer",
          'no se pudo aplicar',
          'impossibile applicare',
          'possível aplicar',
        ],
        pattern:
          /(?:could not apply|Konnte|impossible d'appliquer|no se pudo aplicar|impossibile applicare|não foi possível aplicar) [0-9a-f]{7,40}\b/,
      },
      { id: 'patch-failed', anchor: 'Patch failed at', pattern: /^Patch failed at \d+/ },
      // `gh pr merge` refuses for policy reasons too; only this wording means conflicts.
      phraseSignature('not-mergeable', ['merge commit cannot be cleanly created']),
      phraseSignature('resolve-hint', ['Resolve all conflicts manually'], { strength: 'weak' }),
    ],
  },
];
