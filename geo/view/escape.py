"""Escaping untrusted text for HTML, including HTML inside JavaScript templates.

folium puts tooltip text into a JavaScript template literal (between
backticks) and Leaflet then reads it as HTML.  :func:`esc` makes any text safe
for both: HTML's special characters and the template literal's (backtick,
``$``, backslash) become character references.

:func:`md` does the same for Streamlit's Markdown (``st.error``, ``st.subheader``,
``st.caption``, expander labels): a file name, an ACLED field or an error text
never becomes an image, a link, a formula or an emoji code there.

Example
-------
>>> print(md("![b](http://x/y.png) [x](http://x) $E=mc^2$ :smile:"))
\\!\\[b\\]\\(http\\://x/y\\.png\\) \\[x\\]\\(http\\://x\\) \\$E\\=mc\\^2\\$ \\:smile\\:
>>> esc('<img src=x onerror="alert(1)"> `${alert(2)}` \\\\')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#96;&#36;{alert(2)}&#96; &#92;'
"""

from __future__ import annotations

import html

_JS_TEMPLATE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def esc(text: object) -> str:
    """``text`` as HTML text that is also inert inside a JavaScript template."""
    return html.escape(str(text), quote=True).translate(_JS_TEMPLATE)


#: Every character Markdown, KaTeX, Streamlit's colour and emoji codes or HTML give a
#: meaning to.
_MD_SPECIAL = "\\`*_{}[]()#+-.!|<>$~:^=&\"'"
_MD = str.maketrans({c: "\\" + c for c in _MD_SPECIAL})


def md(text: object) -> str:
    """``text`` as literal Markdown: every special character backslash-escaped,
    line breaks as spaces (a heading or a list cannot start)."""
    return " ".join(str(text).split("\n")).translate(_MD)
