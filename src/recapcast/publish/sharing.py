"""What the show page offers to subscribe and to share: a button per common podcast app
(each opening the app on the feed through the app's own subscribe link), the feed address to
copy, and the link-preview tags (Open Graph, Twitter card) that make a shared link show the
cover and the title."""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from recapcast.model import Show

__all__ = ["App", "APPS", "app_href", "subscribe_html", "preview_tags", "STYLE", "SCRIPT"]


@dataclass(frozen=True)
class App:
    """A podcast app's subscribe link: ``template`` with ``{bare}`` (the feed's address
    without ``http://`` or ``https://``) or ``{encoded}`` (the whole address, percent-
    encoded) in it; ``source`` says where the scheme is documented."""

    name: str
    key: str
    template: str
    source: str


# A custom scheme is followed by the feed's address without its own scheme: a browser
# reads "app://https://host/feed" as the host "https" and writes it back as
# "app://https//host/feed", which no app understands. The apps add http(s) again.
APPS = (
    App("Apple Podcasts", "apple", "podcast://{bare}",
        "Apple's scheme for Podcasts: the feed's address with podcast:// for http(s)://"),
    App("Pocket Casts", "pocketcasts", "pktc://subscribe/{bare}",
        "Pocket Casts' subscribe scheme, as subscribe widgets (Podlove) use it"),
    App("Overcast", "overcast", "overcast://x-callback-url/add?url={encoded}",
        "Overcast's x-callback-url 'add' action, the feed's address as url="),
    App("AntennaPod", "antennapod", "antennapod-subscribe://{bare}",
        "AntennaPod's own scheme (its UrlChecker strips antennapod-subscribe://)"),
    App("Podcast Addict", "podcastaddict", "podcastaddict://{bare}",
        "Podcast Addict's scheme, as subscribe widgets (Podlove) use it"),
)


def app_href(app: App, feed_url: str) -> str:
    """``app``'s subscribe link for the feed at ``feed_url``."""
    bare = feed_url.split("://", 1)[-1]
    return app.template.replace("{bare}", bare).replace("{encoded}", quote(feed_url, safe=""))


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def subscribe_html(feed_url: str) -> str:
    """The row of app buttons and the copy button; the page's script makes each link again
    from the address the page is served from (as it does the feed link)."""
    links = "".join(
        f'<a class="app" data-app="{app.key}" data-template="{_esc(app.template)}" '
        f'href="{_esc(app_href(app, feed_url))}">{_esc(app.name)}</a>' for app in APPS)
    return (f'<nav class="apps" aria-label="Subscribe in a podcast app">{links}'
            '<button type="button" id="copy-feed">Copy feed address</button></nav>'
            '<p id="copy-fallback" hidden>Copy this address: '
            '<input id="copy-field" readonly aria-label="feed address"> '
            '<span id="copy-done" role="status"></span></p>')


def preview_tags(show: Show, *, page_url: str, image_url: str) -> list[str]:
    """The ``<meta>`` tags a link preview reads (Open Graph, and the Twitter card, which
    falls back to Open Graph's title, description and image)."""
    tags = [("property", "og:type", "website"), ("property", "og:title", show.title),
            ("property", "og:description", show.description),
            ("property", "og:image", image_url),
            ("property", "og:image:alt", f"{show.title} cover"),
            ("property", "og:url", page_url), ("property", "og:site_name", show.title),
            ("name", "twitter:card", "summary"), ("name", "description", show.description)]
    return [f'<meta {kind}="{name}" content="{_esc(value)}">' for kind, name, value in tags]


def page_url(feed_url: str) -> str:
    """The page's own address beside the feed (``feed/index.html``)."""
    return urljoin(feed_url, "index.html")


STYLE = """
nav.apps{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0}
nav.apps a,#copy-feed{font:inherit;font-size:.9rem;padding:.35rem .7rem;border-radius:1rem;
border:1px solid #3a2f8f;color:#3a2f8f;background:#fff;text-decoration:none;cursor:pointer}
#copy-field{font:inherit;font-size:.85rem;width:100%;box-sizing:border-box}
"""

# The feed's address is the one the page is served from when it is served (as the feed
# link); a browser without the clipboard (a page opened from a file, a plain-http host
# other than this machine) gets the address shown, selected, to copy by hand.
SCRIPT = r"""
(function () {
  var feed = document.getElementById('subscribe').href;
  if (location.protocol.indexOf('http') === 0) {
    var bare = feed.replace(/^[a-z]+:\/\//, '');
    document.querySelectorAll('nav.apps a[data-template]').forEach(function (a) {
      a.href = a.dataset.template.replace('{bare}', bare)
        .replace('{encoded}', encodeURIComponent(feed));
    });
  } else {
    feed = document.getElementById('feed-url').textContent;
  }
  var fallback = document.getElementById('copy-fallback');
  var field = document.getElementById('copy-field');
  var done = document.getElementById('copy-done');
  function byHand() {
    field.value = feed;
    fallback.hidden = false;
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    done.textContent = copied ? 'Copied.' : 'Press Ctrl+C (or hold and choose Copy).';
  }
  document.getElementById('copy-feed').addEventListener('click', function () {
    if (!navigator.clipboard || !window.isSecureContext) { byHand(); return; }
    navigator.clipboard.writeText(feed).then(function () {
      field.value = feed;
      fallback.hidden = false;
      done.textContent = 'Copied.';
    }, byHand);
  });
})();
"""
