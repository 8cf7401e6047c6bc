/**
 * Layout shift as Chromium reports it (PerformanceObserver 'layout-shift'), for the tests
 * that check a widget does not move the page while its feed arrives.
 */

type ShiftEntry = PerformanceEntry & { value: number; hadRecentInput: boolean };

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

/** Sums the layout shifts Chromium reports from now until `stop()` (input-driven ones excluded). */
export function watchShifts(): { stop: () => Promise<number> } {
  let total = 0;
  const add = (entries: PerformanceEntry[]) => {
    for (const e of entries as ShiftEntry[]) if (!e.hadRecentInput) total += e.value;
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift' });
  return {
    stop: async () => {
      // Shifts are reported after the frame that painted them.
      await frame();
      await frame();
      add(observer.takeRecords());
      observer.disconnect();
      return total;
    },
  };
}
