import type { BrowserContext } from 'playwright-core';
import type { ReplicaPage } from './replica-pages.ts';

/**
 * Pictures stand in for the ones the captures link to (they are not stored): a landscape for
 * photos and cards, a silhouette for the rest (people), so no page shows a broken-image icon.
 */
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 340">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#9cc9e8"/><stop offset="1" stop-color="#e6f1f8"/></linearGradient></defs>
<rect width="600" height="340" fill="url(#sky)"/>
<path d="M0 260 L140 120 L230 210 L330 90 L470 240 L600 150 L600 340 L0 340Z" fill="#5f7f6b"/>
<path d="M330 90 L365 128 L345 124 L330 140 L312 120Z" fill="#fff"/>
<path d="M0 300 Q150 250 300 290 T600 280 L600 340 L0 340Z" fill="#3f5f4b"/></svg>`;
const PERSON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
<rect width="48" height="48" fill="#c9d4dd"/><circle cx="24" cy="19" r="8" fill="#f4f7f9"/>
<path d="M9 44 Q24 24 39 44Z" fill="#f4f7f9"/></svg>`;

const pictureFor = (url: string) =>
  /\/(media|card_img|amplify_video_thumb)\//.test(url) ? PHOTO : PERSON;

/**
 * Serves each replica at its site's real address (content scripts run on it as on the site), and
 * answers every other https request (pictures, scripts of the capture) from here: the demo needs
 * no network. The sync server is plain http on this machine and passes untouched.
 */
export async function serveReplicas(context: BrowserContext, pages: readonly ReplicaPage[]) {
  await context.route(
    (url) => url.protocol === 'https:',
    (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const page = pages.find((p) => new URL(p.url).host === url.host);
      if (request.resourceType() === 'document' && page)
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page.html });
      if (request.resourceType() === 'image')
        return route.fulfill({
          contentType: 'image/svg+xml',
          body: pictureFor(request.url()),
        });
      return route.fulfill({ status: 204, body: '' });
    },
  );
}
