import type { Page } from 'playwright-core';

/**
 * What each site's own script does around its reply box, played in a fixture page (which has no
 * script): X enables its send button while there is text, LinkedIn renders its submit button
 * once there is text, Facebook sends on Enter; after a send, each empties the box a moment later
 * (as the real sites do once the post is accepted). Switchboard sends nothing itself: this is the
 * site's part, so the test can press the site's own send controls.
 */
export type SiteBehaviour = 'x' | 'linkedin' | 'facebook';

export async function playSite(page: Page, site: SiteBehaviour) {
  await page.evaluate((site) => {
    const SENT_AFTER_MS = 300;
    const text = (el: Element) => (el.textContent ?? '').trim();
    if (site === 'x') {
      const editorSel = '[data-testid="tweetTextarea_0"]';
      const buttonSel = '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]';
      const frameOf = (el: Element) =>
        el.closest('[role="dialog"]') ?? el.closest('[data-testid="cellInnerDiv"]')!;
      const sync = (editor: Element) => {
        const button = frameOf(editor).querySelector<HTMLButtonElement>(buttonSel)!;
        const empty = text(editor) === '';
        const placeholder = editor.closest('.DraftEditor-root')?.firstElementChild;
        if (placeholder instanceof HTMLElement) placeholder.hidden = !empty;
        button.disabled = empty;
        button.setAttribute('aria-disabled', String(empty));
      };
      const clear = (editor: Element) =>
        setTimeout(() => {
          editor.querySelector('[data-contents="true"]')!.innerHTML =
            '<div data-block="true"><div class="public-DraftStyleDefault-block"><span><br data-text="true"></span></div></div>';
          sync(editor);
        }, SENT_AFTER_MS);
      document.addEventListener('input', (e) => {
        const editor = (e.target as Element).closest(editorSel);
        if (editor) sync(editor);
      });
      document.addEventListener('click', (e) => {
        const button = (e.target as Element).closest<HTMLButtonElement>(buttonSel);
        const editor = button && frameOf(button).querySelector(editorSel);
        if (editor && !button.disabled) clear(editor);
      });
      document.addEventListener('keydown', (e) => {
        const editor = (e.target as Element).closest(editorSel);
        if (editor && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text(editor)) clear(editor);
      });
    }
    if (site === 'linkedin') {
      const submitHtml =
        '<button class="comments-comment-box__submit-button--cr artdeco-button artdeco-button--1 artdeco-button--primary" type="submit"><span class="artdeco-button__text">Comment</span></button>';
      const sync = (editor: Element) => {
        const form = editor.closest('form')!;
        const empty = text(editor) === '';
        editor.classList.toggle('ql-blank', empty);
        const submit = form.querySelector('[class*="comments-comment-box__submit-button"]');
        if (empty) submit?.remove();
        else if (!submit) form.insertAdjacentHTML('beforeend', submitHtml);
      };
      document.addEventListener('input', (e) => {
        const editor = (e.target as Element).closest('.ql-editor');
        if (editor) sync(editor);
      });
      document.addEventListener('submit', (e) => {
        e.preventDefault();
        const editor = (e.target as Element).querySelector('.ql-editor')!;
        setTimeout(() => {
          editor.innerHTML = '<p><br></p>';
          sync(editor);
        }, SENT_AFTER_MS);
      });
    }
    if (site === 'facebook') {
      document.addEventListener('input', (e) => {
        const editor = (e.target as Element).closest('[data-lexical-editor="true"]');
        const placeholder = editor?.nextElementSibling;
        if (placeholder instanceof HTMLElement) placeholder.hidden = text(editor!) !== '';
      });
      document.addEventListener('keydown', (e) => {
        const editor = (e.target as Element).closest('[data-lexical-editor="true"]');
        if (!editor || e.key !== 'Enter' || e.shiftKey) return;
        e.preventDefault();
        if (text(editor))
          setTimeout(() => {
            editor.innerHTML = '<p><br></p>';
          }, SENT_AFTER_MS);
      });
    }
  }, site);
}
