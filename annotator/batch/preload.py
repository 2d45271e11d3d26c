"""Imported once by the worker pool's fork server, before it forks any worker.

Plugins load their data lazily (gazetteers, exchange-rate tables, stop lists). Running
the pipeline once here loads it in the fork server, so the workers forked from it share
one copy of those pages instead of each building its own.
"""

from __future__ import annotations

from ..annotators.agencies.gazetteer import default_gazetteer
from ..loading import collector_paused
from ..pipeline import Options, annotate_bytes
from ..reading.language import load_identifier

WARM_UP_PAGE = b"""<html lang="en"><head><title>Warm-up</title>
<meta property="article:published_time" content="2010-12-17T08:37:00+08:00"></head>
<body><article>
<p>BEIJING - The Ministry of Finance said on Thursday that it would spend $5 million
(3.8 million euros) on the program by the end of March 2011, according to officials.</p>
<p>"We will act quickly," said Li Wei, a spokesman for the State Council, adding that the
Environmental Protection Agency had fined the company 2.3 billion yuan last year.</p>
</article></body></html>"""


def warm_up() -> None:
    """Run the whole pipeline once on a small page, decode the whole gazetteer, load the
    language identifier's model (70 MB mapped from the cache, shared by every worker instead of
    loaded again by each new one) and trafilatura's stop lists."""
    try:
        annotate_bytes(WARM_UP_PAGE, "warm-up", Options(timestamp=False))
        with collector_paused():
            default_gazetteer().warm()  # read lazily from the cache: all of it, once, here
        load_identifier()
    except Exception:  # a warm-up must never keep a batch from starting
        pass
    try:
        from trafilatura import external

        external.jt_stoplist_init()  # the justext fallback's stop lists, built on first use
    except Exception:
        pass


warm_up()
