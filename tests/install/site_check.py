"""Run by tests/test_install.py with the freshly installed package, in an empty folder.

Prepares the site as ``yaan-opendata serve`` does (defaults: ./datapackage, ./build),
asks it and a plain ``Datasette([database])`` (the plugin loaded by its entry
point, no metadata given) for the home page and a chart page, and prints JSON.
"""

import asyncio
import json

from datasette.app import Datasette
from datasette.plugins import pm

from yaan_opendata.chart_pages import CHART_PAGES
from yaan_opendata.serve import Site, datasette_app, prepare

TITLE = "雅安市部门决算开放数据"


async def pages(datasette) -> dict:
    chart = CHART_PAGES[0]
    home = await datasette.client.get("/")
    page = await datasette.client.get(f"/charts/{chart.slug}")
    return {
        "home": [home.status_code, TITLE in home.text, 'class="yaan-' in home.text],
        "chart": [page.status_code, chart.title_zh in page.text, "<svg" in page.text],
    }


def main() -> None:
    # Before serve registers anything: the entry point has loaded the plugin.
    plugin = next((name for name, p in pm.list_name_plugin() if p.__name__ == "yaan_opendata.plugin"), None)
    site = Site()
    built = prepare(site)
    seen = {
        "built": built,
        "serve": asyncio.run(pages(datasette_app(site))),
        "plain datasette": asyncio.run(pages(Datasette([str(site.database_path)]))) | {"plugin": plugin},
    }
    print(json.dumps(seen, ensure_ascii=False))


main()
