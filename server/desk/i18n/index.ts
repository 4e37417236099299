// Language selection and local formatting for the review desk. Chinese is the default; the choice
// persists in a cookie. Times are shown in China Standard Time, where every Xining user works.
import { en } from './en.js';
import { zhCN, type Messages } from './zh-CN.js';

export type { Messages } from './zh-CN.js';

/** Languages the desk speaks, as BCP 47 tags (also used for `<html lang>`). */
export const langs = ['zh-CN', 'en'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'zh-CN';

const catalogs: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

/** The catalog for `lang`. */
export function messagesFor(lang: Lang): Messages {
  return catalogs[lang];
}

/** A cookie or form value as a language, falling back to Chinese. */
export function parseLang(value: string | undefined | null): Lang {
  return (langs as readonly string[]).includes(value ?? '') ? (value as Lang) : defaultLang;
}

const zone = 'Asia/Shanghai';
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: zone }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: zone }),
};
const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
};

/**
 * A date in the local format (zh-CN: 2026年11月28日). A bare `YYYY-MM-DD` is a calendar date, taken
 * as noon in China so no time zone can move it to a neighbouring day.
 */
export function formatDate(value: string, lang: Lang): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormats[lang].format(date);
}

/** Date and time (zh-CN: 2026年11月28日 14:05). */
export function formatDateTime(value: string, lang: Lang): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${dateFormats[lang].format(date)} ${timeFormats[lang].format(date)}`;
}

/** An amount of yuan with grouping (150,000). */
export function formatYuan(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(amount);
}

/** Whole calendar days in China from `fromIso` to `now` (0 on the same day). */
export function daysBetween(fromIso: string, now: Date): number {
  const day = (d: Date) => Math.floor((d.getTime() + 8 * 3600_000) / 86_400_000);
  return Math.max(0, day(now) - day(new Date(fromIso)));
}
