"""The one lock every call into PDFium (pypdfium2) in this process takes.

PDFium is not thread-safe, not even for two different documents: two threads inside it at once
can crash the process. The window reads a report on a worker thread while its page view renders
another report's pages on a thread of its own, so both hold ``PDFIUM_LOCK`` around each stretch
of pypdfium2 work, and close (or let go of) their documents, pages and bitmaps while holding it.
Worker processes have their own PDFium and need no lock between them.
"""

from __future__ import annotations

import threading

# Re-entrant: a helper that takes the lock may be called by code that already holds it.
PDFIUM_LOCK = threading.RLock()
