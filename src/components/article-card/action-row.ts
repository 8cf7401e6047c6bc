/**
 * The card's action buttons (print, share, copy link) as a controller: which ones the
 * `actions` attribute names, the row in the placeholder and in the card, and the polite
 * note an action leaves ("Đã sao chép liên kết"). The handlers themselves are a lazy
 * chunk (`card-actions.ts`, in `extras`), fetched when the buttons show, so a click finds
 * them ready and a share sheet keeps its user gesture.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { Article } from '../../feed/model.js';
import { headline } from '../../format/headline.js';
import type { Messages } from '../../format/messages.js';
import { chunk } from '../../internal/lazy.js';
import type { CardAction } from './card-actions.js';
import { warn } from '../../internal/warn.js';

const actionsChunk = chunk(() => import('./card-actions.js'), undefined);

/** How long the "link copied" note stays visible; screen readers hear it at once. */
const ANNOUNCE_MS = 5000;

/** The actions a card can offer, in the order their buttons appear. */
const CARD_ACTIONS: readonly CardAction[] = ['print', 'share', 'copy-link'];

/** The known actions named in an `actions` attribute, in display order; unknown ones are said once on the console. */
function parseActions(value: string | null | undefined): CardAction[] {
  const names = new Set((value ?? '').toLowerCase().split(/\s+/).filter(Boolean));
  for (const name of names) {
    if (!(CARD_ACTIONS as readonly string[]).includes(name))
      warn('action', name, CARD_ACTIONS.join(', '));
  }
  return CARD_ACTIONS.filter((a) => names.has(a));
}

/** One card's row of action buttons. */
export class ActionRow implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #messages: () => Messages;
  /** The known actions `actions` names, in display order. */
  #named: CardAction[] = [];
  /** What the last action has to say, read out politely. */
  #announcement = '';
  #announceTimer?: ReturnType<typeof setTimeout>;

  /** `messages` gives the host's message table at the time it is asked. */
  constructor(host: ReactiveControllerHost & HTMLElement, messages: () => Messages) {
    this.#host = host;
    this.#messages = messages;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#announceTimer);
  }

  /** Takes a new `actions` value; call from willUpdate (an unknown name is warned about once). */
  read(value: string | undefined): void {
    this.#named = parseActions(value);
  }

  /** Fetches the handlers when the card shows buttons; call after a render that drew them. */
  prefetch(): void {
    if (this.#named.length) void actionsChunk().catch(() => undefined);
  }

  /** The placeholder's row: the real labels, invisible, so it wraps exactly as the loaded one will. */
  renderPlaceholder(): TemplateResult | typeof nothing {
    if (!this.#named.length) return nothing;
    return html`<div class="actions" aria-hidden="true">
      ${this.#named.map((a) => html`<span class="action">${this.#label(a)}</span>`)}
      <span class="announce"></span>
    </div>`;
  }

  /** The row for `article`, whose link (already checked) is `url`. */
  render(article: Article, url: string | undefined): TemplateResult | typeof nothing {
    if (!this.#named.length) return nothing;
    // Share and copy need a link to hand out; print works for any article. The row stays,
    // as the placeholder drew it, even when no button applies.
    const actions = this.#named.filter((a) => a === 'print' || url);
    return html`<div class="actions" part="actions">
      ${actions.map(
        (action) =>
          html`<button
            type="button"
            class="action"
            data-action=${action}
            aria-describedby="title"
            @click=${() => this.#run(action, article, url)}
          >
            ${this.#label(action)}
          </button>`,
      )}
      <span class="announce" role="status">${this.#announcement}</span>
    </div>`;
  }

  #label(action: CardAction): string {
    const m = this.#messages();
    return action === 'print' ? m.print : action === 'share' ? m.share : m.copyLink;
  }

  #run(action: CardAction, article: Article, url: string | undefined): void {
    // The handlers are fetched when the buttons render; a click that beats them waits.
    const actions = actionsChunk.ready;
    if (!actions) {
      actionsChunk().then(
        () => this.#run(action, article, url),
        () => this.#announce(this.#messages().linkCopyFailed),
      );
      return;
    }
    void actions.runAction(action, this.#host, headline(article), url).then((result) => {
      if (result === 'copied') this.#announce(this.#messages().linkCopied);
      else if (result === 'failed') this.#announce(this.#messages().linkCopyFailed);
    });
  }

  #announce(text: string): void {
    clearTimeout(this.#announceTimer);
    // Cleared first so that saying the same thing twice is heard twice.
    this.#say('');
    void this.#host.updateComplete.then(() => {
      this.#say(text);
      this.#announceTimer = setTimeout(() => this.#say(''), ANNOUNCE_MS);
    });
  }

  #say(text: string): void {
    this.#announcement = text;
    this.#host.requestUpdate();
  }
}
