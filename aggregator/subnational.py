"""The provinces of China and the states of the United States, each filed under its country
(data for `aggregator.entities`, which folds them into the country a report is about).

Why: a Chinese headline about a domestic event names the province and city, not the country
("广东佛山顺德遭龙卷风袭击"), and an American one the state ("Tornado tears through Shawnee,
Oklahoma"). With neither known, a tornado in Foshan and one in Oklahoma the next morning named
no country in common or apart, and the Chinese reports of the American one joined the Foshan
story. Folded into "china" and "united states", they tell the two countries apart and keep two
provinces of one country together as the gazetteer's countries do.

English names that are also common words or other places are left out: "Georgia" (the
country), "Indiana", "Virginia", "Washington" (already the capital, and so the country), "Jersey".
Chinese forms are Simplified; Traditional text is folded before it is matched, and Taiwan's own
transliterations (奧克拉荷馬, 德克薩斯, 喬治亞州) are listed in their folded form. 德州 is left out:
in Taiwan it is Texas, on the mainland a city of Shandong. Pure data: no I/O.
"""

from __future__ import annotations

# country key of `entities._GAZETTEER` -> ((English names), (Simplified forms))
SUBNATIONAL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "china": (
        (
            "guangdong", "sichuan", "yunnan", "hubei", "hunan", "henan", "hebei", "shandong",
            "shanxi", "shaanxi", "jiangsu", "zhejiang", "fujian", "jiangxi", "anhui",
            "guangxi", "guizhou", "hainan", "gansu", "qinghai", "ningxia", "xinjiang",
            "tibet", "inner mongolia", "heilongjiang", "jilin", "liaoning", "chongqing",
            "tianjin",
        ),
        (
            "广东", "四川", "云南", "湖北", "湖南", "河南", "河北", "山东", "山西", "陕西",
            "江苏", "浙江", "福建", "江西", "安徽", "广西", "贵州", "海南", "甘肃", "青海",
            "宁夏", "新疆", "西藏", "内蒙古", "黑龙江", "吉林", "辽宁", "重庆", "天津",
        ),
    ),
    "united states": (
        (
            "california", "texas", "florida", "new york state", "oklahoma", "kansas",
            "nebraska", "iowa", "missouri", "arkansas", "louisiana", "mississippi",
            "alabama", "tennessee", "kentucky", "ohio", "michigan", "illinois", "wisconsin",
            "minnesota", "pennsylvania", "new jersey", "massachusetts", "connecticut",
            "maryland", "west virginia", "north carolina", "south carolina", "arizona",
            "new mexico", "colorado", "utah", "nevada", "oregon", "idaho", "montana",
            "wyoming", "north dakota", "south dakota", "alaska", "hawaii", "vermont",
            "new hampshire", "maine", "delaware", "rhode island",
        ),
        (
            "加利福尼亚", "加州", "得克萨斯", "德克萨斯", "得州", "佛罗里达", "纽约州",
            "俄克拉何马", "奥克拉荷马", "堪萨斯", "内布拉斯加", "艾奥瓦", "爱荷华", "密苏里",
            "阿肯色", "路易斯安那", "密西西比", "亚拉巴马", "阿拉巴马", "田纳西", "肯塔基",
            "俄亥俄", "密歇根", "密西根", "伊利诺伊", "伊利诺", "威斯康星", "明尼苏达",
            "宾夕法尼亚", "宾州", "新泽西", "纽泽西", "马萨诸塞", "麻省", "康涅狄格",
            "马里兰", "西弗吉尼亚", "北卡罗来纳", "北卡罗莱纳", "南卡罗来纳", "南卡罗莱纳",
            "亚利桑那", "新墨西哥", "科罗拉多", "犹他", "内华达", "俄勒冈", "爱达荷",
            "蒙大拿", "怀俄明", "北达科他", "南达科他", "阿拉斯加", "夏威夷", "佛蒙特",
            "新罕布什尔", "缅因", "特拉华", "罗得岛", "佐治亚州", "乔治亚州", "华盛顿州",
            "弗吉尼亚州", "维吉尼亚州", "印第安纳", "印地安纳",
        ),
    ),
}  # fmt: skip
