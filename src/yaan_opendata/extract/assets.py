"""决算情况说明 十: state-owned assets held at year end (vehicles by use, large
equipment), as counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import WorkMetric
from ..numbers import NUMBER
from ..source import SourceDocument
from . import sections as S
from .clauses import count_metric
from .common import find, section

# Vehicles by use, as the template lists them → key.
VEHICLE_USES = {
    "部级领导干部用车": "ministerial",
    "副部(省)级及以上领导用车": "ministerial",  # the central departments' template
    "主要领导干部用车": "leadership",
    "主要负责人用车": "leadership",
    "机要通信用车": "confidential_communication",
    "应急保障用车": "emergency",
    "执法执勤用车": "law_enforcement",
    "特种专业技术用车": "special_technical",
    "离退休干部用车": "retired_cadres",
    "其他用车": "other",
}
EQUIPMENT_KINDS = {"通用": "general_equipment", "专用": "special_equipment"}

# "截至2020年12月31日,…共有车辆4辆,其中:主要领导干部用车0辆、机要通信用车0辆、
#  应急保障用车1辆、其他用车3辆,…,单价50万元以上通用设备0台(套),
#  单价100万元以上专用设备0台(套)。"
VEHICLES = re.compile(r"共有车辆(?P<count>\d+)辆")
VEHICLE_USE = re.compile(rf"(?P<name>{'|'.join(map(re.escape, VEHICLE_USES))})(?P<count>\d+)辆")
# The 万元 here is a threshold of the category, not an amount of money.
EQUIPMENT = re.compile(
    rf"(?P<name>单价{NUMBER}\s*万元(?:[((]含[))])?以上(?P<kind>{'|'.join(EQUIPMENT_KINDS)})设备)"
    r"(?P<count>\d+)(?P<unit>台[((]套[))]|台|套)"
)


def extract(doc: SourceDocument) -> Iterator[WorkMetric]:
    paragraphs = section(doc, S.ACCOUNTS, S.ASSETS, required=False)
    if not paragraphs:
        return
    topic = paragraphs[0].text  # the section heading
    paragraph, match = find(doc, paragraphs, VEHICLES, "共有车辆…辆")
    yield count_metric(doc, "assets.vehicles", topic, paragraph, match, group="count", label="年末车辆数", unit="辆")
    for use in VEHICLE_USE.finditer(paragraph.text, match.end()):
        yield count_metric(
            doc, f"assets.vehicles.{VEHICLE_USES[use.group('name')]}", topic, paragraph, use,
            group="count", label=f"年末车辆数:{use.group('name')}", unit="辆",
        )
    for equipment in EQUIPMENT.finditer(paragraph.text):
        yield count_metric(
            doc, f"assets.{EQUIPMENT_KINDS[equipment.group('kind')]}", topic, paragraph, equipment,
            group="count", label=equipment.group("name"), unit=equipment.group("unit"),
        )
