"""The pages a citizen reads, one module per kind, and the hooks that make every page Chinese-first.

``ROUTES`` are the site's own pages; ``hooks.py`` holds the Datasette hook
implementations ``plugin.py`` registers.
"""

from __future__ import annotations

from .budget import budget_page
from .chart import chart_page, charts_index
from .compare import compare_page
from .projects import projects_page
from .static_files import static_file

ROUTES = [
    (r"^/charts$", charts_index),
    (r"^/charts/(?P<slug>[a-z-]+)$", chart_page),
    (r"^/budget-vs-actual$", budget_page),
    (r"^/projects$", projects_page),
    (r"^/compare$", compare_page),
    (r"^/-/yaan-static/(?P<name>[a-z-]+\.css)$", static_file),
]
