/**
 * The researcher's own annotations in the page: re-anchors stored annotations (position, then quote,
 * then fuzzy; see src/anchor), paints them, reports the ones that no longer anchor as orphans, and
 * hosts the tag editor and the undo toast in a closed shadow root created only when first needed.
 * The browser APIs come in through `AnnotationsBackend`, so this module stays testable.
 */
import { render } from 'preact';
import {
  type AnchorSelectors,
  anchorRange,
  buildTextIndexChunked,
  describe,
  describeRange,
  type TextIndex,
} from '../anchor/index.ts';
import { pageUrlOf } from '../article/page-url.ts';
import { readPageMeta } from '../extract/page-meta.ts';
import type { Painter, PainterFactory } from '../highlight/painter.ts';
import { attachShadowHost } from '../highlight/shadow-host.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import { claimAnnotationId, sameWords } from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';
import type { ClaimView } from '../protocol/views.ts';
import inPageCss from '../ui/in-page.css?inline';
import { TagEditor, type TagEditorValue } from '../ui/TagEditor.tsx';
import tokensCss from '../ui/tokens.css?inline';
import tooltipCss from '../ui/tooltip.css?inline';

export interface AnnotationsBackend {
  list(url: string): Promise<AnnotationRecord[]>;
  save(draft: AnnotationDraft): Promise<AnnotationRecord>;
  /** Deletes and returns an undo token. */
  remove(ids: string[]): Promise<string>;
  undo(token: string): Promise<void>;
  tags(): Promise<string[]>;
  /**
   * What this visit found: annotations not found (orphans), found, and found on words that differ from
   * the quote as tagged (with the selectors of the words found).
   */
  reportAnchoring(
    url: string,
    orphanIds: string[],
    anchoredIds: string[],
    changed: { id: string; selectors: AnchorSelectors }[],
  ): Promise<void>;
}

/** Kinds painted in the page: the researcher's highlights, tagged and pinned claims. */
const PAINTED = new Set(['highlight', 'claim-tag', 'pin']);
const TOAST_MS = 8_000;
const FRAGMENT = '#claimlens=';

export class AnnotationsController {
  private records: AnnotationRecord[] = [];
  private ranges = new Map<string, Range>();
  private painter: Painter | null = null;
  private ui: { host: HTMLElement; editor: HTMLElement; toast: HTMLElement } | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private visible = true;
  private loading = 0;
  /** The words in the open editor, painted like an annotation: the page's selection goes when it opens. */
  private pending: Range | null = null;

  constructor(
    private readonly doc: Document,
    private readonly backend: AnnotationsBackend,
    /**
     * The painter factory of the module that also holds the reader's colours (the content script's
     * on-demand module), so the fallback painter draws in the colours the settings chose.
     */
    private readonly createPainter: PainterFactory,
    /** Called after the researcher changed something the article view shows (tags, pins, dismissals). */
    private readonly onClaimsChanged: () => void = () => {},
  ) {}

  /** Loads this page's annotations, anchors and paints them, and reports orphans. */
  async reload(): Promise<void> {
    const mine = ++this.loading;
    const url = pageUrlOf(this.doc.location.href);
    const records = await this.backend.list(url);
    if (mine !== this.loading) return;
    this.records = records;
    const painted = records.filter((r) => PAINTED.has(r.kind));
    this.ranges.clear();
    if (!painted.length) {
      this.painter?.set('annotation', []);
      return;
    }
    const index = await this.index();
    if (mine !== this.loading) return;
    const orphans: string[] = [];
    const changed: { id: string; selectors: AnchorSelectors }[] = [];
    for (const r of painted) {
      // The words last seen first (they are what the page showed last time), then the words as tagged.
      const hit =
        anchorRange(index, r.textChange?.selectors ?? r.selectors) ??
        (r.textChange ? anchorRange(index, r.selectors) : null);
      if (!hit) {
        orphans.push(r.id);
        continue;
      }
      this.ranges.set(r.id, hit.range);
      // Found on other words than were tagged: a silent edit, which the researcher is shown.
      if (!sameWords(index.text.slice(hit.start, hit.end), r.quote))
        changed.push({ id: r.id, selectors: describe(index.text, hit.start, hit.end) });
    }
    this.paint();
    await this.backend.reportAnchoring(url, orphans, [...this.ranges.keys()], changed);
    this.scrollToFragment();
  }

  /** Shows or hides the researcher's highlights (the toggle shortcut). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.paint();
  }

  /** "Tag as claim" on the current selection (context menu, or the shortcut: Alt+Shift+K by default). */
  async tagSelection(): Promise<void> {
    const selection = this.doc.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    if (!range || range.collapsed) {
      this.toast('Select some text first, then choose “Tag as claim”.');
      return;
    }
    const selectors = describeRange(await this.index(), range);
    if (!selectors) {
      this.toast('This selection holds no page text that ClaimLens can keep.');
      return;
    }
    await this.edit({ ...this.page(), kind: 'highlight', selectors, tags: [] }, range, false);
  }

  /** The page's address and metadata, as every new annotation of it records them. */
  private page(): Pick<AnnotationDraft, 'url' | 'title' | 'outlet' | 'author' | 'published'> {
    const url = pageUrlOf(this.doc.location.href);
    return { url, ...readPageMeta(this.doc, url) };
  }

  /** The tooltip's "Tag…" on an automatic claim. */
  async tagClaim(claim: ClaimView, range: Range): Promise<void> {
    const selectors = describeRange(await this.index(), range);
    if (!selectors) return;
    const id = claim.mine?.annotationId;
    await this.edit(
      {
        ...(id ? { id } : {}),
        ...this.page(),
        kind: 'claim-tag',
        sentenceId: claim.id,
        selectors,
        tags: claim.mine?.tags ?? [],
        ...(claim.mine?.note ? { note: claim.mine.note } : {}),
        ...(claim.mine?.verdict ? { verdict: claim.mine.verdict } : {}),
      },
      range,
      !!id,
    );
  }

  /** The tooltip's "Pin" / "Unpin". */
  async togglePin(claim: ClaimView, range: Range): Promise<void> {
    if (claim.mine?.pinned) {
      await this.backend.remove([claimAnnotationId(claim.id, 'pin')]);
      void this.reload().catch(() => undefined);
      this.toast('Unpinned.');
    } else {
      const selectors = describeRange(await this.index(), range);
      if (!selectors) return;
      await this.backend.save({
        ...this.page(),
        kind: 'pin',
        sentenceId: claim.id,
        selectors,
        tags: [],
      });
      void this.reload().catch(() => undefined);
      this.toast('Pinned: it stays listed whatever the threshold.');
    }
    this.onClaimsChanged();
  }

  /** The tooltip's "Not a claim": hidden from now on, remembered, with undo. */
  async dismiss(claim: ClaimView, range: Range): Promise<void> {
    const selectors = describeRange(await this.index(), range);
    if (!selectors) return;
    const saved = await this.backend.save({
      ...this.page(),
      kind: 'not-a-claim',
      sentenceId: claim.id,
      selectors,
      tags: [],
    });
    this.onClaimsChanged();
    this.toast('Marked as not a claim.', async () => {
      await this.backend.remove([saved.id]);
      this.onClaimsChanged();
    });
  }

  /** Removes the shadow host and highlights. */
  destroy(): void {
    this.loading++;
    this.painter?.clear();
    this.ui?.host.remove();
    this.ui = null;
  }

  private async index(): Promise<TextIndex> {
    return buildTextIndexChunked(this.doc.body, { budgetMs: 4 });
  }

  private paint(): void {
    if (!this.ranges.size && !this.pending && !this.painter) return;
    const painter = this.ensurePainter();
    const ranges = [...this.ranges.values(), ...(this.pending ? [this.pending] : [])];
    painter.set('annotation', this.visible ? ranges : []);
  }

  private ensurePainter(): Painter {
    if (this.painter) return this.painter;
    this.painter = this.createPainter(this.doc);
    return this.painter;
  }

  private ensureUi() {
    if (this.ui) return this.ui;
    const doc = this.doc;
    const { host, shadow } = attachShadowHost(doc, `${tokensCss}\n${inPageCss}\n${tooltipCss}`);
    const editor = doc.createElement('div');
    editor.className = 'cl-editor-wrap cl-root';
    editor.hidden = true;
    const toast = doc.createElement('div');
    toast.className = 'cl-toast cl-root';
    toast.setAttribute('role', 'status');
    toast.hidden = true;
    shadow.append(editor, toast);
    this.ui = { host, editor, toast };
    return this.ui;
  }

  private async edit(draft: AnnotationDraft, range: Range, existing: boolean): Promise<void> {
    const ui = this.ensureUi();
    const knownTags = await this.backend.tags().catch(() => [] as string[]);
    const returnFocus = this.doc.activeElement as HTMLElement | null;
    // Focus moves into the editor and takes the page's selection with it: the words stay marked.
    this.pending = range;
    this.paint();
    const close = (restoreSelection: boolean) => {
      render(null, ui.editor);
      ui.editor.hidden = true;
      this.pending = null;
      this.paint();
      returnFocus?.focus?.();
      if (restoreSelection) {
        const selection = this.doc.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    };
    // This page is updated here and now (a page that is not an article has no other way to hear of it);
    // the background tells other tabs showing it.
    const changed = () => {
      void this.reload().catch(() => undefined);
      this.onClaimsChanged();
    };
    const save = async (value: TagEditorValue) => {
      close(false);
      const { verdict: _v, note: _n, ...rest } = draft;
      await this.backend.save({
        ...rest,
        tags: value.tags,
        ...(value.note.trim() ? { note: value.note } : {}),
        ...(value.verdict ? { verdict: value.verdict } : {}),
      });
      this.toast(
        value.tags.length
          ? `Saved with ${value.tags.length} tag${value.tags.length === 1 ? '' : 's'}.`
          : 'Saved.',
      );
      changed();
    };
    const remove = async () => {
      close(false);
      if (!draft.id) return;
      const token = await this.backend.remove([draft.id]);
      changed();
      this.toast('Annotation deleted.', async () => {
        await this.backend.undo(token);
        changed();
      });
    };
    render(
      <TagEditor
        quote={draft.selectors.quote.exact}
        initial={{
          tags: draft.tags,
          note: draft.note ?? '',
          ...(draft.verdict ? { verdict: draft.verdict } : {}),
        }}
        knownTags={knownTags}
        canDelete={existing}
        onSave={(v) => void save(v).catch((e) => this.toast(`Could not save: ${String(e)}`))}
        onDelete={() => void remove().catch((e) => this.toast(`Could not delete: ${String(e)}`))}
        onCancel={() => close(true)}
      />,
      ui.editor,
    );
    ui.editor.hidden = false;
    const rect = range.getBoundingClientRect();
    const win = this.doc.defaultView!;
    const box = ui.editor.getBoundingClientRect();
    const top =
      rect.bottom + 8 + box.height > win.innerHeight
        ? Math.max(8, rect.top - box.height - 8)
        : rect.bottom + 8;
    ui.editor.style.top = `${Math.max(8, top)}px`;
    ui.editor.style.left = `${Math.max(8, Math.min(rect.left, win.innerWidth - box.width - 8))}px`;
  }

  private toast(message: string, undo?: () => Promise<void>): void {
    const ui = this.ensureUi();
    clearTimeout(this.toastTimer);
    render(
      <>
        <span>{message}</span>
        {undo && (
          <button
            type="button"
            onClick={() => {
              ui.toast.hidden = true;
              void undo().catch((e) => this.toast(`Could not undo: ${String(e)}`));
            }}
          >
            Undo
          </button>
        )}
      </>,
      ui.toast,
    );
    ui.toast.hidden = false;
    this.toastTimer = setTimeout(() => {
      ui.toast.hidden = true;
    }, TOAST_MS);
  }

  /** Opening `page#claimlens=<id>` (from the library) scrolls to that annotation and flashes it. */
  private scrollToFragment(): void {
    const hash = this.doc.location.hash;
    if (!hash.startsWith(FRAGMENT)) return;
    const id = decodeURIComponent(hash.slice(FRAGMENT.length));
    const range = this.ranges.get(id);
    if (!range) {
      if (this.records.some((r) => r.id === id))
        this.toast('This annotation no longer matches the page: it is listed as an orphan.');
      return;
    }
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const painter = this.ensurePainter();
    painter.set('focus', [range]);
    setTimeout(() => painter.set('focus', []), 2_000);
  }
}
