"""A blog post saved as its feed's item: the post read as a page."""

from recapcast.text.feeditem import feed_item_page
from recapcast.text.sources import source_of_text

ITEM = """<item>
  <title>Starwake 2x04: &#8220;Dust&#8221; &#8211; recap</title>
  <dc:creator><![CDATA[Ana Ruiz]]></dc:creator>
  <guid isPermaLink="false">https://couch.example/?p=1</guid>
  <description><![CDATA[Ana finds the mine flooded [&#8230;]]]></description>
  <content:encoded><![CDATA[<p>Ana finds the mine flooded and the crew gone, and nobody in
the camp will say where they went.</p><h3>The mine</h3><p>She walks the tunnels alone with a
lamp, counting the doors until she finds the one that was bricked up.</p>
<p>The post <a href="#">Starwake 2x04</a> appeared first on <a href="#">Couch</a>.</p>]]>
  </content:encoded>
  <slash:comments>3</slash:comments>
</item>
"""


def test_the_wrapper_fields_are_the_pages_title_author_and_description():
    page = feed_item_page(ITEM)
    assert page is not None and "<h1>Starwake 2x04: “Dust” – recap</h1>" in page
    source = source_of_text(ITEM)
    assert "Ana Ruiz" in source.author
    text = " ".join(b.text for b in source.blocks)
    assert "isPermaLink" not in text and "couch.example/?p=1" not in text
    assert "She walks the tunnels alone" in text


def test_a_page_is_not_a_feed_item():
    assert feed_item_page("<html><body><p>Ana finds the mine.</p></body></html>") is None
    assert feed_item_page("<item><title>No content</title></item>") is None
