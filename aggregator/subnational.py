"""The provinces of China and Canada and the states of the United States and Australia,
each a place key of its own filed under its country (data for `aggregator.entities`).

Why: a Chinese headline about a domestic event names the province and city, not the country
("广东佛山顺德遭龙卷风袭击"), and an American one the state ("Tornado tears through Shawnee,
Oklahoma"). With neither known, a tornado in Foshan and one in Oklahoma the next morning named
no country in common or apart, and the Chinese reports of the American one joined the Foshan
story. Each province or state is a key of its own, as the gazetteer's cities are: it counts
as its country where countries are compared (`entities.countries`), and as a place of its own
where the same day's reports are told apart (floods in Jiangxi and in Hunan on one day).

English names that are also common words or other places are left out: "Georgia" (the
country), "Indiana", "Virginia", "Washington" (already the capital, and so the country),
"Jersey". Chinese forms are Simplified; Traditional text is folded before it is matched, and
Taiwan's own transliterations (奧克拉荷馬, 德克薩斯, 喬治亞州) are listed in their folded form.
德州 is left out: in Taiwan it is Texas, on the mainland a city of Shandong. Pure data: no I/O.
"""

from __future__ import annotations

# key (its English name) -> (country key of `entities._GAZETTEER`, Simplified forms)
_CHINA = {
    "guangdong": ("广东",), "sichuan": ("四川",), "yunnan": ("云南",), "hubei": ("湖北",),
    "hunan": ("湖南",), "henan": ("河南",), "hebei": ("河北",), "shandong": ("山东",),
    "shanxi": ("山西",), "shaanxi": ("陕西",), "jiangsu": ("江苏",), "zhejiang": ("浙江",),
    "fujian": ("福建",), "jiangxi": ("江西",), "anhui": ("安徽",), "guangxi": ("广西",),
    "guizhou": ("贵州",), "hainan": ("海南",), "gansu": ("甘肃",), "qinghai": ("青海",),
    "ningxia": ("宁夏",), "xinjiang": ("新疆",), "tibet": ("西藏",),
    "inner mongolia": ("内蒙古",), "heilongjiang": ("黑龙江",), "jilin": ("吉林",),
    "liaoning": ("辽宁",), "chongqing": ("重庆",), "tianjin": ("天津",),
}  # fmt: skip
_UNITED_STATES = {
    "california": ("加利福尼亚", "加州"), "texas": ("得克萨斯", "德克萨斯", "得州"),
    "florida": ("佛罗里达",), "new york state": ("纽约州",),
    "oklahoma": ("俄克拉何马", "奥克拉荷马"), "kansas": ("堪萨斯",),
    "nebraska": ("内布拉斯加",), "iowa": ("艾奥瓦", "爱荷华"), "missouri": ("密苏里",),
    "arkansas": ("阿肯色",), "louisiana": ("路易斯安那",), "mississippi": ("密西西比",),
    "alabama": ("亚拉巴马", "阿拉巴马"), "tennessee": ("田纳西",), "kentucky": ("肯塔基",),
    "ohio": ("俄亥俄",), "michigan": ("密歇根", "密西根"), "illinois": ("伊利诺伊", "伊利诺"),
    "wisconsin": ("威斯康星",), "minnesota": ("明尼苏达",),
    "pennsylvania": ("宾夕法尼亚", "宾州"), "new jersey": ("新泽西", "纽泽西"),
    "massachusetts": ("马萨诸塞", "麻省"), "connecticut": ("康涅狄格",),
    "maryland": ("马里兰",), "west virginia": ("西弗吉尼亚",),
    "north carolina": ("北卡罗来纳", "北卡罗莱纳"),
    "south carolina": ("南卡罗来纳", "南卡罗莱纳"), "arizona": ("亚利桑那",),
    "new mexico": ("新墨西哥",), "colorado": ("科罗拉多",), "utah": ("犹他",),
    "nevada": ("内华达",), "oregon": ("俄勒冈",), "idaho": ("爱达荷",),
    "montana": ("蒙大拿",), "wyoming": ("怀俄明",), "north dakota": ("北达科他",),
    "south dakota": ("南达科他",), "alaska": ("阿拉斯加",), "hawaii": ("夏威夷",),
    "vermont": ("佛蒙特",), "new hampshire": ("新罕布什尔",), "maine": ("缅因",),
    "delaware": ("特拉华",), "rhode island": ("罗得岛",),
    "georgia state": ("佐治亚州", "乔治亚州"), "washington state": ("华盛顿州",),
    "virginia state": ("弗吉尼亚州", "维吉尼亚州"), "indiana": ("印第安纳", "印地安纳"),
}  # fmt: skip

# Australia's states and Canada's provinces: "西澳" names no country, and coral bleaching
# off Western Australia and in New Caledonia's lagoon the same week were one story.
_AUSTRALIA = {
    "western australia": ("西澳大利亚", "西澳"), "new south wales": ("新南威尔士",),
    "queensland": ("昆士兰",), "south australia": ("南澳大利亚",),
    "tasmania": ("塔斯马尼亚",), "northern territory": ("北领地",),
    "victoria state": ("维多利亚州",),
}  # fmt: skip
_CANADA = {
    "ontario": ("安大略",), "quebec": ("魁北克",),
    "british columbia": ("不列颠哥伦比亚", "卑诗"), "alberta": ("艾伯塔", "亚伯达"),
    "manitoba": ("曼尼托巴",), "saskatchewan": ("萨斯喀彻温",), "nova scotia": ("新斯科舍",),
}  # fmt: skip

# key -> (its country, its Simplified forms)
SUBNATIONAL: dict[str, tuple[str, tuple[str, ...]]] = {
    **{k: ("china", v) for k, v in _CHINA.items()},
    **{k: ("united states", v) for k, v in _UNITED_STATES.items()},
    **{k: ("australia", v) for k, v in _AUSTRALIA.items()},
    **{k: ("canada", v) for k, v in _CANADA.items()},
}
# English names that are a key's but not written as its key ("Georgia state" is no phrase;
# "Victoria" is also a capital, a lake and a name)
EN_LEFT_OUT = frozenset(
    {"georgia state", "washington state", "virginia state", "indiana", "victoria state"}
)
