"""The gazetteer's record types and its curated word lists (see the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass


LEVELS = ("province", "city", "county", "township")
_RANK = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None  # 6-digit GB/T 2260 code of the most specific part known
    zone: str | None = None  # a development or new area that is not a GB/T 2260 unit (东湖新技术开发区)

    def to_dict(self) -> dict:
        return {"province": self.province, "city": self.city, "county": self.county, "zone": self.zone,
                "code": self.code}

    @property
    def level(self) -> str | None:
        """The most specific part present: "county", "city", "province" or None."""
        if self.county:
            return "county"
        if self.city:
            return "city"
        if self.province:
            return "province"
        return None


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # full official name: 环翠区, 舟山市, 浙江省, 桦南镇 (or a former name: 沙县)
    level: str  # legal level: "province" | "city" | "county" | "township"
    region: Region  # the region this place stands for; a township carries its county's


@dataclass(frozen=True, slots=True)
class Mention:
    text: str  # as printed, e.g. 舟山 or 环翠区
    start: int
    end: int
    places: tuple[Place, ...]  # every place the printed name may denote


@dataclass(frozen=True, slots=True)
class Zone:
    name: str  # the name a region shows: 东湖新技术开发区, 徐州经济技术开发区, 平潭综合实验区
    official: str  # 武汉东湖新技术开发区
    host: str  # code of the division that hosts it: a prefecture, or a province (平潭综合实验区)
    code: str | None  # the statistics bureau's code (410173), None when it gives none


@dataclass(frozen=True, slots=True)
class ZoneMention:
    text: str  # as printed: 东湖高新区
    start: int
    end: int
    zone: Zone


@dataclass(frozen=True, slots=True)
class Resolution:
    """What `resolve` found: the region, and how."""

    region: Region
    places: tuple[Place, ...] = ()  # the agency's place: one when settled, the candidates left when not
    source: str | None = None  # "primary", "context" (fallback), "misread" or None
    misread: tuple[str, str] | None = None  # (printed, official) when an OCR-misread name was recognised


# ---------------------------------------------------------------------------
# Word lists (curated; see the module docstring)

ETHNIC = (
    "汉 壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 仡佬 拉祜 佤 水 纳西 羌 土 "
    "仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 阿昌 怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 "
    "乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 塔塔尔"
).split()


_ETH_NO_ZU = ("维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "蒙古", "鄂伦春")


_ETH_RE = "|".join(
    [f"{e}族" for e in sorted(ETHNIC, key=len, reverse=True)] + list(_ETH_NO_ZU) + ["各族"]
)


_AUTONOMOUS = re.compile(rf"^(?P<stem>.+?)(?:{_ETH_RE})+自治(?P<kind>州|县|旗|区)$")


# Stems of prefectures that are ordinary words, or that ordinary prose makes
# by accident (其中卫生 holds 中卫, 确保定期 holds 保定, 创新乡村 holds 新乡);
# they are not short names. Their full names (中山市, 中卫市) still match.
UNSAFE_STEMS = frozenset(
    """
    朝阳 中山 白银 安康 来宾 开封 大同 阿里 文山 海西 海北 中卫 保定 新乡
    """.split()
)


# Common words that contain or overlap a place name. They are matched like
# names (the longest match at the leftmost position wins) and hide what they
# cover: 幸福建设 gives no 福建, 长治久安 no 长治, 小城镇 (a township in 吉林)
# no township.
BLOCKERS = frozenset(
    """
    开发区 新区 市区 社区 辖区 景区 园区 本区 全区 各区 城乡 乡镇 城镇 集镇 村镇 小城镇 小镇
    全市 我市 本市 各市 市委 区委 县委 市政府 区政府 县政府 中华 中华人民共和国 人民 共和国
    中共 幸福 东西 隆重 大理石 三明治 长治久安 北京时间 峨眉山 长白山 北海道
    """.split()
)


ROAD_AFTER = ("路", "街", "大道", "大街", "巷", "弄")


# County-level names that are also ordinary words: these count only right
# after their parent (阳泉市城区) ...
PARENT_ONLY = frozenset({"城区", "郊区", "矿区", "东区", "西区"})


# ... and these (like every two-character name) also at the start of a text
# or after a non-Chinese character, where an agency name starts: generic
# names (新城区, 中心镇) and names whose stem is a common word, which prose
# makes by accident (发展乡村 holds 发展乡, 比如县级 holds 比如县). The second
# group was drawn from jieba's dictionary (stems of frequency >= 1000 for
# counties, >= 3000 for townships) and reviewed by hand.
AT_START_ONLY = frozenset(
    """
    新城区 老城区 新市区 城中区 城东区 城西区 城北区 市中区 市南区 市北区 城区街道 城乡街道
    东风区 中方县 光明区 公安县 前进区 南部县 友好区 友谊县 和平区 和平县 安定区 平安区 延长县 新兴区
    新兴县 新林区 比如县 港口区 红旗区 解放区 资源县 运河区 通道县 金林区
    上升乡 世纪街道 东方街道 东方镇 中心街道 中心镇 交通街道 交通镇 人民街道 健康街道 先进苏木 先进街道
    公园街道 公民镇 创新街道 劳动街道 劳动镇 化工街道 化工镇 发展乡 合作街道 合作镇 团结乡 团结街道 团结镇
    土地乡 地方镇 大门镇 大陆街道 太子镇 妈妈镇 学院街道 安全乡 将军镇 工业街道 工人街道 工程街道 市场街道
    平台街道 平台镇 平等乡 平等镇 幸福乡 幸福街道 幸福镇 广场街道 建筑街道 建设乡 建设街道 建设镇 开发区乡
    开发区街道 文化街道 文化镇 春秋乡 更新乡 机场街道 桃花镇 比如镇 民主乡 民主街道 民主镇 民族街道 河流镇
    点头镇 电力街道 留下街道 皇后乡 皇城街道 皇城镇 石油街道 第一街道 第三街道 第二街道 第四街道 纺织街道
    统一镇 联合乡 联合街道 联合镇 胜利乡 胜利街道 胜利镇 航空街道 行者街道 西街道 解放乡 解放街道 计划乡
    资源镇 重新镇 铁路街道 铁路镇 长期镇 集体乡 青年街道 青年镇 高兴镇 黄金乡 黄金镇
    """.split()
)


NATIONAL = re.compile(r"^\s*(国家|国务院|中华人民共和国|中央|全国|最高人民)")
_LEVEL_HINT = re.compile(r"^\s*(?:中共)?(省|自治区|市(?!场)|自治州|州|盟|地区|县|区(?!域)|旗)")


_HINT_SUFFIX = {
    "省": ("省", "自治区"),
    "自治区": ("自治区",),
    "市": ("市",),
    "自治州": ("州",),
    "州": ("州",),
    "盟": ("盟",),
    "地区": ("地区",),
    "县": ("县",),
    "区": ("区",),
    "旗": ("旗",),
}


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_AFTER_YEAR = re.compile(r"\d\s*年度?$")  # 2020年和县…: the start of a title
_PARTY = ("中共", "中国共产党")  # 中共和县县委
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
