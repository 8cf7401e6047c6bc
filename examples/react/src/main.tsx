// A React 19 app using civic-widgets as a user would: one import, no declaration file.
import { createRoot } from 'react-dom/client';
import { useEffect, useRef, useState } from 'react';
import 'civic-widgets/define.js';
import type { CivicFeed } from 'civic-widgets';

function App() {
  const feed = useRef<CivicFeed>(null);
  const [items, setItems] = useState<number>();
  useEffect(() => {
    const el = feed.current;
    // Typed from the import alone: e.detail.feed is a Feed.
    const onLoad = (e: HTMLElementEventMap['civic-feed-load']) =>
      setItems(e.detail.feed.items.length);
    el?.addEventListener('civic-feed-load', onLoad);
    return () => el?.removeEventListener('civic-feed-load', onLoad);
  }, []);
  return (
    <civic-feed ref={feed} src="/feed.json">
      <civic-article-card variant="summary" heading-level={2} />
      <civic-bulletin-list limit={3} layout="compact" />
      <p id="loaded">{items === undefined ? '' : `${items} items`}</p>
    </civic-feed>
  );
}

// The types are real: a wrong value is an error (the build fails if it is not).
// @ts-expect-error "fancy" is not a variant
export const wrong = <civic-article-card variant="fancy" />;

createRoot(document.getElementById('root')!).render(<App />);
