/**
 * How an attachment is described next to its link: a short type and a size,
 * "PDF, 471 KB", so readers know what a click will download before they click.
 */
import type { Messages } from './messages.js';

/**
 * MIME types whose subtype is not the name people know the file by. A Map, not an
 * object: a feed's `mime_type: "constructor"` must find nothing, not Object's own.
 */
const KNOWN_TYPES = new Map(
  Object.entries({
    'application/pdf': 'PDF',
    'application/msword': 'DOC',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.ms-excel': 'XLS',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.ms-powerpoint': 'PPT',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
    'application/vnd.oasis.opendocument.text': 'ODT',
    'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
    'application/vnd.oasis.opendocument.presentation': 'ODP',
    'application/rtf': 'RTF',
    'application/zip': 'ZIP',
    'application/x-zip-compressed': 'ZIP',
    'application/vnd.rar': 'RAR',
    'application/x-rar-compressed': 'RAR',
    'application/x-7z-compressed': '7Z',
    'text/plain': 'TXT',
    'text/csv': 'CSV',
    'image/jpeg': 'JPG',
    'image/svg+xml': 'SVG',
    'audio/mpeg': 'MP3',
    'audio/mp4': 'M4A',
    'video/quicktime': 'MOV',
  }),
);

/**
 * A short type label: from the MIME type when it is a known or short one, else from the
 * URL's file extension; undefined when neither says anything readable.
 */
export function fileTypeLabel(mimeType: string | undefined, url: string): string | undefined {
  const mime = mimeType?.split(';')[0]?.trim().toLowerCase();
  const known = mime && KNOWN_TYPES.get(mime);
  if (known) return known;
  const ext = extensionOf(url);
  if (ext) return ext;
  const sub = mime?.split('/')[1];
  return sub && /^[a-z0-9]{2,5}$/.test(sub) ? sub.toUpperCase() : undefined;
}

function extensionOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'https://x.invalid/').pathname;
  } catch {
    return undefined;
  }
  const m = /\.([a-z0-9]{1,5})$/i.exec(path);
  return m?.[1]?.toUpperCase();
}

/** The file name at the end of a URL, for an attachment without a title. */
export function fileNameOf(url: string): string {
  try {
    const segment = new URL(url, 'https://x.invalid/').pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : url;
  } catch {
    return url;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * "471 KB" (482 113 bytes), "1,5 MB" in vi / "1.5 MB" in en: binary multiples, as file
 * managers print them; one decimal below 10 so small files do not all read "1 MB".
 */
export function formatFileSize(bytes: number, locale: string, m: Messages): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  const key = `${locale}|${digits}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, nf);
  }
  return m.fileSize(nf.format(value), unit);
}

/** "PDF, 471 KB", "PDF", "471 KB" or '' from what the attachment tells. */
export function attachmentMeta(
  // The fields used, as plain values: src/format does not import the feed model.
  attachment: { url: string; mimeType?: string; sizeInBytes?: number },
  locale: string,
  m: Messages,
): string {
  const parts = [
    fileTypeLabel(attachment.mimeType, attachment.url),
    attachment.sizeInBytes === undefined
      ? undefined
      : formatFileSize(attachment.sizeInBytes, locale, m),
  ].filter((p): p is string => !!p);
  return parts.join(m.listSeparator);
}
