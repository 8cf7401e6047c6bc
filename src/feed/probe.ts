/**
 * Why a cross-origin feed could not be fetched: a lazy chunk, loaded only after such a
 * fetch failed. Imports nothing, so it never pulls an entry module into a shared chunk.
 */

/**
 * An opaque (`no-cors`) request tells the two causes apart: if it gets through, the
 * server is up and only CORS kept the body from us.
 */
export async function reachable(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal });
    return true;
  } catch {
    return false;
  }
}
