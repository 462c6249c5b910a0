"""The site's stylesheet (``yaan_opendata/static/``), served by the plugin itself."""

from __future__ import annotations

from importlib import resources

from datasette.utils.asgi import NotFound, Response

STATIC_PREFIX = "/-/yaan-static/"


def url(name: str) -> str:
    return STATIC_PREFIX + name


async def static_file(request):
    name = request.url_vars["name"]
    path = resources.files("yaan_opendata").joinpath("static", name)
    if not path.is_file():
        raise NotFound("没有这个文件 / No such file")
    return Response(path.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8",
                    headers={"Cache-Control": "max-age=300"})
