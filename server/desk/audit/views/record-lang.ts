// Record text (opinions, attestations, the chain picture) is Chinese whatever the page language; marking
// it so lets a screen reader switch voice on an English page.
import type { DeskContext } from '../../session.js';

/** `lang` for an element holding record text: zh-CN on a page in another language, else inherited. */
export function recordLang(desk: DeskContext): 'zh-CN' | undefined {
  return desk.lang === 'zh-CN' ? undefined : 'zh-CN';
}
