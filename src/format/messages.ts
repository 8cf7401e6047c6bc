/**
 * Every string a person reads. Templates never hold literals: they ask this table.
 * `vi` is the default and `en` is built in; a site can override any message, or add a
 * whole language, with `defineMessages`.
 */
import { lookupLocale } from './locale.js';

/** The message table of one language. Functions take the values they interpolate. */
export interface Messages {
  /** Meta line label before the update date. */
  updated: string;
  /** Meta line label before the publication date (when there is no update date). */
  published: string;
  /** Label before a view count. */
  views: string;
  /** The "show more" button of lists. */
  more: string;
  /** The badge on recent items. */
  new: string;
  /** Screen-reader text for the badge, so it is not colour alone. */
  newLong: string;
  /** Loading state, for assistive technology. */
  loading: string;
  /** Empty state. */
  empty: string;
  /** The error state, for visitors: what happened, plainly, with no technical detail. */
  error: string;
  /** The retry button. */
  retry: string;
  /** The error state's closed disclosure with the technical reason. */
  details: string;
  /** Action buttons. */
  print: string;
  share: string;
  copyLink: string;
  /** Said after the link was copied. */
  linkCopied: string;
  /** Heading of the attachments list. */
  attachments: string;
  /** Label before the category. */
  category: string;
  /** Label before the tags. */
  tags: string;
  /** Note shown with a remembered copy: "fetched at …". */
  staleNote: (when: string) => string;
  /** Polite announcement after "more": how many items are shown. */
  showing: (count: string) => string;
  /** Weekday names, Sunday first (Vietnamese: Chủ nhật, Thứ 2 … Thứ 7). */
  weekdays: readonly string[];
  /** The date line, from its parts. */
  dateLine: (parts: { weekday: string; day: number; month: number; year: number }) => string;
  /** Accessible name of the date line's lunar part. */
  lunar: string;
  /** A label with its punctuation, before the value it names: "Lượt xem:" (view counter). */
  labelled: (label: string) => string;
  /** The view counter's error state, when its feed failed and no count is known. */
  viewsUnavailable: string;
  /** Tooltip on a view count taken from a remembered copy of the feed. */
  viewsAsOf: (when: string) => string;
  /** The bulletin list's ticker: the toggle that stops the scrolling headlines (pressed = stopped). */
  tickerPause: string;
  /** Article card: between the parts of the meta line ("Ngày cập nhật: … | Lượt xem: …"). */
  metaSeparator: string;
  /** Article card: between the items of a short inline list ("PDF, 471 KB"). */
  listSeparator: string;
  /** Article card: a file size from its formatted amount and unit (0 = bytes, 1 = KB, 2 = MB, 3 = GB). */
  fileSize: (amount: string, unit: number) => string;
  /** Article card: the link name of an article that has no title. */
  untitled: string;
  /** Article card: said when copying the link failed (no clipboard access). */
  linkCopyFailed: string;
  /** Article card: shown when the full body could not be displayed (offline, or blocked by the page). */
  bodyUnavailable: string;
  /** Article card: the link to the original article under a body that could not be shown. */
  readOriginal: string;
}

/** What reads the same in both built-in languages. */
const common = {
  labelled: (label: string) => `${label}:`,
  metaSeparator: ' | ',
  listSeparator: ', ',
  fileSize: (amount: string, unit: number) => `${amount} ${['B', 'KB', 'MB', 'GB'][unit] ?? 'B'}`,
};

const vi: Messages = {
  ...common,
  updated: 'Ngày cập nhật',
  published: 'Ngày đăng',
  views: 'Lượt xem',
  more: 'Xem thêm',
  new: 'Mới',
  newLong: 'Tin mới',
  loading: 'Đang tải…',
  empty: 'Chưa có tin',
  error: 'Không tải được tin.',
  retry: 'Thử lại',
  details: 'Chi tiết',
  print: 'In bài',
  share: 'Chia sẻ',
  copyLink: 'Sao chép liên kết',
  linkCopied: 'Đã sao chép liên kết',
  attachments: 'Tệp đính kèm',
  category: 'Chuyên mục',
  tags: 'Từ khóa',
  staleNote: (when) => `Bản lưu lúc ${when}, chưa cập nhật được tin mới`,
  showing: (count) => `Đang hiển thị ${count} tin`,
  weekdays: ['Chủ nhật', 'Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7'],
  dateLine: ({ weekday, day, month, year }) => `${weekday}, Ngày ${day} Tháng ${month} Năm ${year}`,
  lunar: 'Âm lịch',
  viewsUnavailable: 'Không tải được lượt xem',
  viewsAsOf: (when) => `Lượt xem tính đến ${when}`,
  tickerPause: 'Tạm dừng',
  untitled: 'Bài viết không có tiêu đề',
  linkCopyFailed: 'Không sao chép được liên kết',
  bodyUnavailable: 'Không hiển thị được nội dung bài viết.',
  readOriginal: 'Xem bài gốc',
};

const en: Messages = {
  ...common,
  updated: 'Updated',
  published: 'Published',
  views: 'Views',
  more: 'More',
  new: 'New',
  newLong: 'New article',
  loading: 'Loading…',
  empty: 'No news yet',
  error: 'Could not load the news.',
  retry: 'Try again',
  details: 'Details',
  print: 'Print',
  share: 'Share',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  attachments: 'Attachments',
  category: 'Category',
  tags: 'Tags',
  staleNote: (when) => `Saved copy from ${when}; newer news could not be loaded`,
  showing: (count) => `Showing ${count} articles`,
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  dateLine: ({ weekday, day, month, year }) =>
    `${weekday}, ${monthEn().format(Date.UTC(2000, month - 1))} ${day}, ${year}`,
  lunar: 'Lunar calendar',
  viewsUnavailable: 'View count unavailable',
  viewsAsOf: (when) => `Views as of ${when}`,
  tickerPause: 'Pause',
  untitled: 'Untitled article',
  linkCopyFailed: 'The link could not be copied',
  bodyUnavailable: 'The article text could not be shown.',
  readOriginal: 'Read the original article',
};

/**
 * English month names come with every browser: no list of twelve to ship. Built at the
 * first English date line, not at load: a page's first Intl formatter costs tens of ms.
 */
let months: Intl.DateTimeFormat | undefined;
const monthEn = () =>
  (months ??= new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }));

const tables = new Map<string, Messages>([
  ['vi', vi],
  ['en', en],
]);

/**
 * Override messages of a language, or add a language. A regional tag (`vi-VN`) starts
 * from its language's table; a new language from `fallback`'s (English unless said),
 * so a partial table never shows a gap.
 *
 * ```js
 * defineMessages('vi', { more: 'Xem tiếp' });
 * defineMessages('fr', { more: 'Plus', empty: 'Aucune actualité' });
 * ```
 */
export function defineMessages(
  locale: string,
  overrides: Partial<Messages>,
  fallback: string = 'en',
): void {
  const key = locale.toLowerCase();
  const base = tables.get(key) ?? tables.get(key.split('-')[0]) ?? tables.get(fallback) ?? en;
  tables.set(key, { ...base, ...overrides });
  version++;
}

let version = 0;
/** Bumped by every `defineMessages`, so elements can tell their cached table is old. */
export function messagesVersion(): number {
  return version;
}

/** Which table a BCP 47 tag uses: `vi-VN` → `vi`, `en-GB` → `en`, unknown → `vi`. */
export function messageLocale(tag: string): string {
  return lookupLocale(tag, tables.keys());
}

/** The table for a BCP 47 tag, falling back to Vietnamese. */
export function messagesFor(tag: string): Messages {
  return tables.get(messageLocale(tag)) ?? vi;
}
