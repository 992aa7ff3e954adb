"""Escaping untrusted text for HTML, including HTML inside JavaScript templates.

folium puts tooltip text into a JavaScript template literal (between
backticks) and Leaflet then reads it as HTML.  :func:`esc` makes any text safe
for both: HTML's special characters and the template literal's (backtick,
``$``, backslash) become character references.

Example
-------
>>> esc('<img src=x onerror="alert(1)"> `${alert(2)}` \\\\')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#96;&#36;{alert(2)}&#96; &#92;'
"""

from __future__ import annotations

import html

_JS_TEMPLATE = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def esc(text: object) -> str:
    """``text`` as HTML text that is also inert inside a JavaScript template."""
    return html.escape(str(text), quote=True).translate(_JS_TEMPLATE)
