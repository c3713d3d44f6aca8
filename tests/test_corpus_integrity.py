"""The labelled corpus is consistent: labels, duplicates, scripts, queries and feeds.

Other areas' evaluations trust these labels, so a broken label must fail here first. Every
check runs on every half ("a": tests/data/corpus, "b": tests/data/corpus_b, "c":
tests/data/corpus_c, "d": tests/data/corpus_d, "e": tests/data/corpus_e, "f":
tests/data/corpus_f, ... "n": tests/data/corpus_n, "o": tests/data/corpus_o, "p":
tests/data/corpus_p, "q": tests/data/corpus_q, "r": tests/data/corpus_r, "s":
tests/data/corpus_s, "t": tests/data/corpus_t,
"u": tests/data/corpus_u, "v": tests/data/corpus_v,
"w": tests/data/corpus_w, "x": tests/data/corpus_x,
"y": tests/data/corpus_y, "z": tests/data/corpus_z,
"aa": tests/data/corpus_aa, "ab": tests/data/corpus_ab,
"ac": tests/data/corpus_ac, "ad": tests/data/corpus_ad,
"ae": tests/data/corpus_ae, "af": tests/data/corpus_af,
"ag": tests/data/corpus_ag, "ah": tests/data/corpus_ah,
"ai": tests/data/corpus_ai, "aj": tests/data/corpus_aj,
"ak": tests/data/corpus_ak, "al": tests/data/corpus_al,
"am": tests/data/corpus_am, "an": tests/data/corpus_an,
"ao": tests/data/corpus_ao, "ap": tests/data/corpus_ap,
"aq": tests/data/corpus_aq, "ar": tests/data/corpus_ar,
"as": tests/data/corpus_as, "at": tests/data/corpus_at,
"au": tests/data/corpus_au, "av": tests/data/corpus_av, "aw": tests/data/corpus_aw, "ax":
tests/data/corpus_ax, "ay": tests/data/corpus_ay, "az": tests/data/corpus_az, "ba":
tests/data/corpus_ba, "bb": tests/data/corpus_bb, "bc": tests/data/corpus_bc, "bd":
tests/data/corpus_bd, "be": tests/data/corpus_be, "bf": tests/data/corpus_bf, "bg":
tests/data/corpus_bg, "bh": tests/data/corpus_bh, "bi": tests/data/corpus_bi,
"bj": tests/data/corpus_bj, "bk": tests/data/corpus_bk,
"bl": tests/data/corpus_bl, "bm": tests/data/corpus_bm,
"bn": tests/data/corpus_bn, "bo": tests/data/corpus_bo,
"bp": tests/data/corpus_bp, "bq": tests/data/corpus_bq,
"br": tests/data/corpus_br, "bs": tests/data/corpus_bs,
"bt": tests/data/corpus_bt, "bu": tests/data/corpus_bu,
"bv": tests/data/corpus_bv, "bw": tests/data/corpus_bw,
"bx": tests/data/corpus_bx).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support_corpus import (
    DUP_KINDS,
    HALVES,
    LANGS,
    QUERY_KINDS,
    CorpusArticle,
    CorpusQuery,
    article_id_from_guid,
    article_page_html,
    corpus_dir,
    corpus_to_feeds,
    events,
    feeds_of,
    load_corpus,
    load_queries,
    same_event_pairs,
)

MIN_ARTICLES = 100  # raised to 130 once the corpus is extended
MIN_EVENTS = 26
# Per half: (article id letter, event letter, situation letter), so ids never collide.
_LABELS = {
    "a": ("a", "E", "S"),
    "b": ("b", "F", "T"),
    "c": ("c", "G", "U"),
    "d": ("d", "H", "V"),
    "e": ("e", "J", "W"),
    "f": ("f", "K", "X"),
    "g": ("g", "L", "Y"),
    "h": ("h", "M", "Z"),
    "i": ("i", "N", "Q"),
    "j": ("j", "P", "R"),
    "k": ("k", "T", "D"),
    "l": ("l", "A", "B"),
    "m": ("m", "C", "I"),
    "n": ("n", "O", "K"),
    "o": ("o", "R", "P"),
    "p": ("p", "U", "E"),
    "q": ("q", "V", "C"),
    "r": ("r", "W", "F"),
    "s": ("s", "X", "G"),
    "t": ("t", "Y", "H"),
    "u": ("u", "Z", "J"),
    "v": ("v", "B", "L"),
    "w": ("w", "D", "M"),
    "x": ("x", "I", "N"),
    "y": ("y", "Q", "O"),
    "z": ("z", "S", "A"),
    "aa": ("aa", "E", "S"),
    "ab": ("ab", "F", "T"),
    "ac": ("ac", "G", "U"),
    "ad": ("ad", "H", "V"),
    "ae": ("ae", "I", "W"),
    "af": ("af", "J", "X"),
    "ag": ("ag", "K", "Y"),
    "ah": ("ah", "L", "Z"),
    "ai": ("ai", "M", "A"),
    "aj": ("aj", "N", "B"),
    "ak": ("ak", "O", "C"),
    "al": ("al", "P", "D"),
    "am": ("am", "Q", "E"),
    "an": ("an", "R", "F"),
    "ao": ("ao", "S", "G"),
    "ap": ("ap", "T", "H"),
    "aq": ("aq", "U", "I"),
    "ar": ("ar", "V", "J"),
    "as": ("as", "W", "K"),
    "at": ("at", "X", "L"),
    "au": ("au", "Y", "M"),
    "av": ("av", "Z", "N"),
    "aw": ("aw", "A", "O"),
    "ax": ("ax", "B", "P"),
    "ay": ("ay", "C", "Q"),
    "az": ("az", "D", "R"),
    "ba": ("ba", "E", "S"),
    "bb": ("bb", "F", "T"),
    "bc": ("bc", "G", "U"),
    "bd": ("bd", "H", "V"),
    "be": ("be", "J", "W"),
    "bf": ("bf", "K", "X"),
    "bg": ("bg", "L", "Y"),
    "bh": ("bh", "M", "Z"),
    "bi": ("bi", "N", "A"),
    "bj": ("bj", "O", "B"),
    "bk": ("bk", "P", "C"),
    "bl": ("bl", "Q", "D"),
    "bm": ("bm", "R", "E"),
    "bn": ("bn", "S", "F"),
    "bo": ("bo", "T", "G"),
    "bp": ("bp", "U", "H"),
    "bq": ("bq", "V", "I"),
    "br": ("br", "W", "J"),
    "bs": ("bs", "X", "K"),
    "bt": ("bt", "Y", "L"),
    "bv": ("bv", "B", "N"),
    "bu": ("bu", "Z", "M"),
    "bx": ("bx", "I", "P"),
    "bw": ("bw", "D", "O"),
}
# Per half: (least span of all dates, gap that makes two events of one situation "far").
# Halves c to m are dense on purpose (three weeks, hard negatives days apart), so their
# far gap is shorter.
_SPAN = {
    "a": (timedelta(days=70), timedelta(days=20)),
    "b": (timedelta(days=70), timedelta(days=20)),
    "c": (timedelta(days=18), timedelta(days=7)),
    "d": (timedelta(days=18), timedelta(days=7)),
    "e": (timedelta(days=18), timedelta(days=7)),
    "f": (timedelta(days=18), timedelta(days=7)),
    "g": (timedelta(days=18), timedelta(days=7)),
    "h": (timedelta(days=18), timedelta(days=7)),
    "i": (timedelta(days=18), timedelta(days=7)),
    "j": (timedelta(days=18), timedelta(days=7)),
    "k": (timedelta(days=18), timedelta(days=7)),
    "l": (timedelta(days=18), timedelta(days=7)),
    "m": (timedelta(days=18), timedelta(days=7)),
    "n": (timedelta(days=18), timedelta(days=7)),
    "o": (timedelta(days=18), timedelta(days=7)),
    "p": (timedelta(days=18), timedelta(days=7)),
    "q": (timedelta(days=18), timedelta(days=7)),
    "r": (timedelta(days=18), timedelta(days=7)),
    "s": (timedelta(days=18), timedelta(days=7)),
    "t": (timedelta(days=18), timedelta(days=7)),
    "u": (timedelta(days=18), timedelta(days=7)),
    "v": (timedelta(days=18), timedelta(days=7)),
    "w": (timedelta(days=18), timedelta(days=7)),
    "x": (timedelta(days=18), timedelta(days=7)),
    "y": (timedelta(days=18), timedelta(days=7)),
    "z": (timedelta(days=18), timedelta(days=7)),
    "aa": (timedelta(days=18), timedelta(days=7)),
    "ab": (timedelta(days=18), timedelta(days=7)),
    "ac": (timedelta(days=18), timedelta(days=7)),
    "ad": (timedelta(days=18), timedelta(days=7)),
    "ae": (timedelta(days=18), timedelta(days=7)),
    "af": (timedelta(days=18), timedelta(days=7)),
    "ag": (timedelta(days=18), timedelta(days=7)),
    "ah": (timedelta(days=18), timedelta(days=7)),
    "ai": (timedelta(days=18), timedelta(days=7)),
    "aj": (timedelta(days=18), timedelta(days=7)),
    "ak": (timedelta(days=18), timedelta(days=7)),
    "al": (timedelta(days=18), timedelta(days=7)),
    "am": (timedelta(days=18), timedelta(days=7)),
    "an": (timedelta(days=18), timedelta(days=7)),
    "ao": (timedelta(days=18), timedelta(days=7)),
    "ap": (timedelta(days=18), timedelta(days=7)),
    "aq": (timedelta(days=18), timedelta(days=7)),
    "ar": (timedelta(days=18), timedelta(days=7)),
    "as": (timedelta(days=18), timedelta(days=7)),
    "at": (timedelta(days=18), timedelta(days=7)),
    "au": (timedelta(days=18), timedelta(days=7)),
    "av": (timedelta(days=18), timedelta(days=7)),
    "aw": (timedelta(days=18), timedelta(days=7)),
    "ax": (timedelta(days=18), timedelta(days=7)),
    "ay": (timedelta(days=18), timedelta(days=7)),
    "az": (timedelta(days=18), timedelta(days=7)),
    "ba": (timedelta(days=18), timedelta(days=7)),
    "bb": (timedelta(days=18), timedelta(days=7)),
    "bc": (timedelta(days=18), timedelta(days=7)),
    "bd": (timedelta(days=18), timedelta(days=7)),
    "be": (timedelta(days=18), timedelta(days=7)),
    "bf": (timedelta(days=18), timedelta(days=7)),
    "bg": (timedelta(days=18), timedelta(days=7)),
    "bh": (timedelta(days=18), timedelta(days=7)),
    "bi": (timedelta(days=18), timedelta(days=7)),
    "bj": (timedelta(days=18), timedelta(days=7)),
    "bk": (timedelta(days=18), timedelta(days=7)),
    "bl": (timedelta(days=18), timedelta(days=7)),
    "bm": (timedelta(days=18), timedelta(days=7)),
    "bn": (timedelta(days=18), timedelta(days=7)),
    "bo": (timedelta(days=18), timedelta(days=7)),
    "bp": (timedelta(days=18), timedelta(days=7)),
    "bq": (timedelta(days=18), timedelta(days=7)),
    "br": (timedelta(days=18), timedelta(days=7)),
    "bs": (timedelta(days=18), timedelta(days=7)),
    "bt": (timedelta(days=18), timedelta(days=7)),
    "bv": (timedelta(days=18), timedelta(days=7)),
    "bu": (timedelta(days=18), timedelta(days=7)),
    "bx": (timedelta(days=18), timedelta(days=7)),
    "bw": (timedelta(days=18), timedelta(days=7)),
}
# Queries each half must keep: its names, place names, phrase and Traditional forms.
_REQUIRED_QUERIES = {
    "a": (
        "菲律宾",
        "防务协定",
        "马尼拉",
        "日本",
        "茂木敏充",
        "ACSA",
        "Motegi",
        '"South China Sea"',
        "菲律賓",
    ),
    "b": ("比亚迪", "BYD", "金门", "Kinmen", "華為", '"Thomas Cup"', "黄循财", "台风", "颱風"),
    "c": (
        "仙宾礁",
        "Sabina Shoal",
        "曙光半导体",
        "曙光半導體",
        "Aurora Semiconductor",
        "颱風",
        '"Tour de France"',
        "菲律賓",
        "王欣瑜",
    ),
    "d": (
        "鹿特丹",
        "Rotterdam",
        "越捷航空",
        "VietJet",
        "诺和诺德",
        "諾和諾德",
        '"Golden Shell"',
        "巴西",
        "加德满都",
    ),
    "e": (
        "港铁",
        "MTR",
        "马尔堡",
        "Marburg",
        "幻兽帕鲁",
        "幻獸帕魯",
        '"no-confidence"',
        "墨西哥",
        "哈尔滨",
    ),
    "f": (
        "大疆",
        "DJI",
        "雅万高铁",
        "Whoosh",
        "安洗莹",
        "安洗瑩",
        '"World Tour Finals"',
        "印尼",
        "邱汉林",
    ),
    "g": (
        "小鹏汽车",
        "Xpeng",
        "卡雅银行",
        "宇树科技",
        "宇樹科技",
        '"Asian Cup"',
        "柬埔寨",
        "纳塔蓬",
        "Kaya Bank",
    ),
    "h": (
        "泡泡玛特",
        "Pop Mart",
        "山东泰山",
        "山東泰山",
        "Cyclone Elvira",
        "陳國雄",
        '"Astana Declaration"',
        "莫三比克",
        "Tran Quoc Hung",
    ),
    "i": (
        "京东",
        "JD.com",
        "索纳尔塔里",
        "Sonar Tori",
        "大韓石化",
        "菲利佩六世",
        '"Yellow River Crossing"',
        "坎城",
        "Arequipa",
    ),
    "j": (
        "圣帕",
        "Typhoon Sepat",
        "国泰世华",
        "國泰世華",
        "E.SUN Bank",
        '"persona non grata"',
        "玻利维亚",
        "呼吸道融合病毒",
        "Itabirito",
    ),
    "k": (
        "杨柳",
        "Typhoon Podul",
        "罗马仕",
        "羅馬仕",
        "Romoss",
        '"level crossing"',
        "尼加拉瓜",
        "萨摩斯岛",
        "Balakrishnan",
    ),
    "l": (
        "海参崴",
        "Vladivostok",
        "库迪咖啡",
        "庫迪咖啡",
        "Cotti Coffee",
        '"yellow fever"',
        "肯尼亚",
        "格林达维克",
        "Finnair",
    ),
    "m": (
        "亚庇",
        "Kota Kinabalu",
        "应氏杯",
        "應氏杯",
        "Ing Cup",
        '"Ocean of Peace"',
        "尼日利亚",
        "脊灰",
        "Rokid",
    ),
    "n": (
        "桑托斯",
        "Santos",
        "优必选",
        "優必選",
        "UBTech",
        '"Nuku\'alofa Declaration"',
        "毛里求斯",
        "新山",
        "Ruapehu",
    ),
    "o": (
        "槟城",
        "Penang",
        "月之暗面",
        "Moonshot AI",
        "辛巴威",
        '"golden passports"',
        "塞浦路斯",
        "種子島",
        "花式溜冰",
    ),
    "p": (
        "班加罗尔",
        "Bengaluru",
        "宁德时代",
        "寧德時代",
        "CATL",
        '"independence referendum"',
        "布拉薩市",
        "西洋棋",
        "減息",
    ),
    "q": (
        "新雪谷",
        "Niseko",
        "天问二号",
        "天問二號",
        "Tianwen-2",
        '"Golden Globe"',
        "蓋亞那",
        "二世谷",
        "皇家蘇斯達",
    ),
    "r": (
        "奥雷莉亚之星",
        "Aurelia Star",
        "亚冠精英联赛",
        "亞冠菁英聯賽",
        "Wolf Prize",
        '"slow earthquakes"',
        "泰寮友誼大橋",
        "蘿蔔快跑",
        "諾娃柯娃",
    ),
    "s": (
        "珀斯",
        "Perth Hills",
        "伊诺奈单抗",
        "伊諾奈單抗",
        "Zhuque-3",
        '"Harbour Lights"',
        "喬治亞州",
        "克羅埃西亞",
        "電子菸",
    ),
    "t": (
        "肯尼亚",
        "Masinga Dam",
        "擎天重工",
        "凱斯勒",
        "Qiu Mengyao",
        '"Monte-Carlo Masters"',
        "奧克拉荷馬州",
        "吃到飽",
        "纜車",
    ),
    "u": (
        "波格拉",
        "Porgera",
        "江婉如",
        "鯨骨",
        "Rattana Land",
        '"Whale Bones"',
        "巴布亞紐幾內亞",
        "墨西加利",
        "放空",
    ),
    "v": (
        "阿夸巴",
        "Akwaaba Savings",
        "乾泰药业",
        "乾泰藥業",
        "Coral Meridian",
        '"good manufacturing practice"',
        "迦納",
        "巴托拉冰河",
        "綠膿桿菌",
    ),
    "w": (
        "库尔沙布",
        "Kurshab",
        "曾嘉乐",
        "曾嘉樂",
        "Jeju Air",
        '"Tour of Qinghai Lake"',
        "單車",
        "展延",
        "坍方",
    ),
    "x": (
        "萨普加斯坎达",
        "Sapugaskanda",
        "蒋雨晴",
        "蔣雨晴",
        "Transsion",
        '"Unified Patent Court"',
        "帕運",
        "波夕",
        "庇里尤斯",
    ),
    "y": (
        "马拉维",
        "Malawi",
        "馬拉威",
        "Teluk Intan",
        "安顺",
        "喀拉蚩",
        "柯羅莎",
        '"Aegean Glory"',
        "摺疊手機",
    ),
    "z": (
        "巴拉圭",
        "Paraguay",
        "額爾登特",
        "Erdenet",
        "海洋金盏花",
        "阿蘭西比亞",
        "華士古達嘉馬大橋",
        '"Huangshan Cup"',
        "口罩令",
    ),
    "aa": (
        "克尔什科",
        "Krško",
        "朱邦",
        "雪梨",
        "拿坡里",
        "戴維斯盃",
        "卡古利",
        '"Davis Cup"',
        "學名藥",
    ),
    "ab": (
        "昆仑基因",
        "Kunlun Gene",
        "崑崙基因",
        "Ssebunya",
        "施本雅",
        "象牙海岸",
        "賓尼朗",
        '"Munich airport"',
        "連環追撞",
    ),
    "ac": (
        "北青龙",
        "Kitaseiryu",
        "北青龍",
        "Hendra Wijaya",
        "韓德拉",
        "米芝蓮",
        "紐西蘭",
        '"poison pill"',
        "煙霞",
    ),
    "ad": (
        "安德拉德",
        "Andrade",
        "安德瑞德",
        "Iron Lantern",
        "鐵燈籠",
        "素坤蔚路",
        "威爾斯公開賽",
        '"Welsh Open"',
        "布里斯本",
    ),
    "ae": (
        "天镜",
        "Tianjing",
        "天鏡",
        "Maldives",
        "馬爾地夫",
        "卡帕多奇亞",
        "仙人掌桿菌",
        "韓交所",
        '"Ashen Crown"',
    ),
    "af": (
        "菲律宾证券交易所",
        "Philippine Stock Exchange",
        "林浩然",
        "名人賽",
        "樹熊",
        "無尾熊",
        "人踩人",
        "HashPeak",
        '"green jacket"',
    ),
    "ag": (
        "维德拉鲁",
        "Vidraru",
        "世運主場館",
        "蓮娜哈特",
        "貝南",
        "降息2碼",
        "西洋棋",
        "Xingyao Gaming",
        '"Benin bronze"',
    ),
    "ah": (
        "Kinnari Mobile",
        "金娜莉流動",
        "乌金·拉姆",
        "塞席爾",
        "亞歷山卓",
        "洋紫荊",
        "沽清",
        "霾害",
        '"Hong Kong at work"',
    ),
    "ai": (
        "Qingque Aviation",
        "雲雀S5",
        "穿山甲鳞片",
        "坦尚尼亞",
        "劍擊",
        "雲霄飛車",
        "黃金存摺",
        "爆水管",
        '"gold passbook"',
    ),
    "aj": (
        "Vogelsang",
        "佛格桑",
        "蒙巴薩",
        "銳劍",
        "捷運",
        "峇里島",
        "布吉",
        "脊髓性肌萎缩症",
        '"crane collapsed"',
    ),
    "ak": (
        "Kabwe",
        "尚比亞",
        "滿地可",
        "數碼越南盾",
        "阿空加瓜",
        "學名藥",
        "帖撒羅尼迦",
        "勿加泗",
        '"general average"',
    ),
    "al": (
        "Selatmas",
        "實拉瑪斯",
        "奇諾拉",
        "邦巴貢河",
        "呂宋",
        "鐵木倫",
        "列斯基",
        "糖稅",
        '"Nobel Peace Prize"',
    ),
    "am": (
        "Karnali",
        "卡納利",
        "納卯",
        "寮國",
        "中華隊",
        "叫車",
        "哈薩克",
        "澳門大獎賽",
        '"Azure Lotus"',
    ),
    "an": (
        "Pelita",
        "汶萊投資局",
        "航管員",
        "安納迪亞",
        "史特拉斯堡",
        "耶誕市集",
        "塔夸倫博",
        "范當",
        '"civil requisition"',
    ),
    "ao": (
        "Kuopio",
        "庫奧皮奧",
        "西門銀行",
        "格奇貝哈",
        "釧路",
        "德沃斯卡",
        "寧格魯",
        "衣索比亞",
        '"house arrest"',
    ),
    "ap": (
        "Kairos Lend",
        "基路斯",
        "夏甲拉",
        "告士橋流浪",
        "薩緬托",
        "順達拉",
        "立百病毒",
        "迪馬古蘭根",
        '"Coral Triangle"',
    ),
    "aq": (
        "Seohae Star",
        "西海之星號",
        "鹽田仔",
        "星輝玻璃",
        "傑勒文",
        "瓜地馬拉",
        "普立茲克",
        "攔油索",
        '"red tide"',
    ),
    "ar": (
        "Yanaraju",
        "雅納拉胡湖",
        "聖地牙哥",
        "嘉告茲",
        "達拉迪",
        "瓦卡穆埃爾塔",
        "砂勞越",
        "插水",
        '"geomagnetic storm"',
    ),
    "as": (
        "Korvane",
        "三藩市",
        "柯爾萬",
        "紅潮",
        "勃根地",
        "聖母峰",
        "利曼",
        "中證白酒指數",
        '"Salt and Silver"',
    ),
    "at": (
        "Tunisia",
        "突尼西亞",
        "日利納",
        "金賈",
        "夏爾迦",
        "聖巴納貝",
        "古柯鹼",
        "克羅埃西亞",
        '"Nile Gold"',
    ),
    "au": (
        "Seremban",
        "退伍軍人症",
        "沽空",
        "沙木尼",
        "古里核電廠",
        "蒙特維多",
        "永珍",
        "膠粒",
        '"plastic pellets"',
    ),
    "av": (
        "Serendib",
        "瑟倫迪布",
        "萬那杜",
        "亞塞拜然",
        "馬利",
        "紅桉鋰業",
        "貨櫃",
        "四強",
        '"runway incursion"',
    ),
    "aw": (
        "Vanuatu",
        "萬那杜",
        "退伍軍人症",
        "英倫海峽",
        "莫三比克",
        "卡林·蕭基",
        "永興餅家",
        "斯里蘭卡",
        '"smart ring"',
    ),
    "ax": (
        "Nasimi",
        "納希米",
        "伊斯坦堡",
        "紐斯塔特",
        "茲卡",
        "偉利士",
        "雲呢拿",
        "史基浦",
        '"Acropolis Rally"',
    ),
    "ay": (
        "Nuri Market",
        "努里市集",
        "奈及利亞",
        "杜林",
        "櫻之疾風",
        "廚餘",
        "圖伊流動",
        "金馬獎",
        '"African swine fever"',
    ),
    "az": (
        "Kalesa Pay",
        "卡蕾薩支付",
        "宏都拉斯",
        "庫頁島",
        "獅子山",
        "格旦斯克",
        "摩西閘門",
        "盈警",
        '"St Mark\'s Square"',
    ),
    "ba": (
        "Kestrel Telecom",
        "紅隼電信",
        "大阪地下鐵",
        "布宜諾斯艾利斯",
        "科盧韋齊",
        "凱爾森",
        "中籤率",
        "麥哲倫海峽",
        '"Strait of Magellan"',
        "Vidyasagar Setu",
        "馬榮火山",
        "衞生署",
    ),
    "bb": (
        "Mealbee",
        "蜜蜂外賣",
        "喬治亞",
        "古達烏里",
        "馬拉威",
        "剛果民主共和國",
        "俄斯特拉瓦",
        "供五停二",
        "青葉太空",
        '"Six Nations"',
    ),
    "bc": (
        "Novi Sad",
        "迦納",
        "基爾本",
        "肯雅",
        "坎培拉",
        "坦尚尼亞",
        "新幹線",
        "艾斯美拉達斯",
        "印地安泉",
        "日本公平會",
        '"Lake Victoria"',
    ),
    "bd": (
        "Haoyue",
        "皓月汽車",
        "Keruing",
        "卡薩布蘭加",
        "路沙卡",
        "達達尼爾",
        "查納卡萊",
        "趙無極",
        "墨國",
        "賄選",
        "坦尚尼亞",
        '"Manchester Central"',
    ),
    "be": (
        "Tarini",
        "塔莉妮",
        "Tacumbu",
        "塔昆布監獄",
        "Timok Copper",
        "提莫克銅業",
        "Uffizi",
        "翡冷翠",
        "Lalezar",
        "拉雷札爾",
        "普利托利亞",
        "華倫迪",
        "蘇格蘭鐵路",
        '"Birth of Venus"',
    ),
    "bf": (
        "Baltavia",
        "波羅的航空",
        "拉脫維亞",
        "魯格湖",
        "托托米湖",
        "康斯坦薩",
        "女皇會所",
        "瘦身針",
        "地陷",
        "黃麴毒素",
        "林塔斯行動",
        '"Queen\'s Club"',
    ),
    "bg": (
        "Saryarka Komir",
        "卡拉甘達",
        "薩雅卡煤業",
        "烏凱水壩",
        "環義女子自由車賽",
        "喬治亞",
        "施亞努市",
        "瓜納巴拉灣",
        "Transnet",
        "祕魯",
        "馬爾他",
        "票站調查",
        "恰帕拉湖",
        '"exit poll"',
    ),
    "bh": (
        "Xu Qingyao",
        "許清瑤",
        "錦瀾港口",
        "宿霧",
        "煲滾水",
        "紐西蘭",
        "婆羅洲",
        "星銳手機",
        "鹹水鱷",
        "曼加萊",
        "臺大",
        '"typhoon day"',
    ),
    "bi": (
        "Protea Mobile",
        "普羅蒂亞電信",
        "盧安達",
        "基伍湖",
        "沙摩西島",
        "赫龍儲蓄銀行",
        "擠提",
        "惠特摩",
        "瓦爾奇特蘭",
        "天馬航太",
        "羅老太空中心",
        "竹科",
        "巴斯圖斯",
        '"Lake Kivu"',
    ),
    "bj": (
        "Corvina USD",
        "柯維納美元",
        "振凱",
        "巴科羅德",
        "蘇塔陶薩",
        "山海購",
        "Sandiganbayan",
        "芝馬",
        "聯邦大橋",
        "橋躉",
        "大城府",
        "空氣質素",
        '"Confederation Bridge"',
    ),
    "bk": (
        "Brenner",
        "布倫納",
        "提洛",
        "維沙卡帕南",
        "安達曼航空",
        "大鹽沼",
        "比莉珍金盃",
        "雲峰流動",
        "聖特奧多羅號",
        "將軍澳",
        "Wing Cheong",
        '"Salinas Grandes"',
    ),
    "bl": (
        "Morioka",
        "森岡健太",
        "Arlberg",
        "阿爾貝格",
        "奧里薩邦",
        "昔德蘭",
        "新斯科細亞",
        "班克西亞",
        "恆昌珠寶",
        "提涅",
        "奧迪沙邦",
        '"Arlberg tunnel"',
    ),
    "bm": (
        "Kotuku Spirit",
        "Villalba",
        "Guinea-Bissau",
        "幾內亞比索",
        "阪崎腸桿菌",
        "勞寶渡輪",
        "紐西蘭",
        "號誌",
        "硫磺島",
        "伊斯坦堡",
        "蘇克雷",
        "多蒙特",
        '"Cook Strait"',
    ),
    "bn": (
        "Steppe Capital",
        "草原資本銀行",
        "Zarafshan",
        "杜尚貝",
        "Milford Sound",
        "米佛峽灣",
        "加米施",
        "超級大曲道",
        "比斯凱克",
        "費勒",
        "卡達公開賽",
        '"rolling blackouts"',
    ),
    "bo": (
        "Luansobe",
        "盧安索貝",
        "Chingola",
        "泰寮友誼大橋",
        "永珍",
        "維亞里卡",
        "阿仙奴",
        "春日網購",
        "可倫坡",
        "喬治亞",
        "巴統",
        '"Strait of Gibraltar"',
    ),
    "bp": (
        "Koeberg",
        "柯伯格",
        "Aragats",
        "華倫西亞",
        "錫菲",
        "Gao Yifan",
        "祕魯",
        "山泥傾瀉",
        "恆宇半導體",
        "聖地牙哥",
        "存款保障",
        '"Central Highway"',
        '"Turia General Hospital"',
    ),
    "bq": (
        "Southern Skua",
        "南方賊鷗號",
        "Suriname",
        "蘇利南",
        "沙蘭港",
        "Taebaek Semiconductor",
        "太白半導體",
        "平交道",
        "阿里山林鐵",
        "貓熊",
        "He Yuxi",
        '"Alishan Forest Railway"',
        '"Chapultepec Zoo"',
    ),
    "br": (
        "Durumi",
        "杜魯米",
        "瓦城",
        "達卡",
        "迦納",
        "喀麥隆",
        "韋美倫",
        "紀婉寧",
        "宋薩",
        "希臘",
        "到會",
        "Ninove",
        '"Indonesia Open"',
        '"general strike"',
    ),
    "bs": (
        "Sakuragawa Bank",
        "櫻川銀行",
        "Pinpin Eats",
        "拼拼外送",
        "環法自由車賽",
        "馮杜山",
        "索馬利亞",
        "歐盟執委會",
        "薩丁尼亞",
        "Kurla",
        "孟買",
        "秘魯",
        '"Crystal Globe"',
        '"moral incapacity"',
    ),
    "bt": (
        "Qingchuan Energy",
        "留尼旺",
        "加彭",
        "自由市",
        "台灣高鐵",
        "剎掣",
        "布里斯本",
        "華嘉",
        "南韓公平會",
        "找換店",
        "錫尼什",
        "啟德",
        '"Taiwan High Speed Rail"',
        '"Gulf of Finland"',
    ),
    "bv": (
        "Xe Kaman",
        "寮國",
        "永珍",
        "基羅加",
        "基希涅夫",
        "卓越山脈",
        "辛巴威",
        "青騎出行",
        "巴德岡",
        "惠特康",
        "格甸尼亞",
        "坎皮佛雷格瑞",
        '"saddle dam"',
        '"Curvey Basin"',
    ),
    "bu": (
        "Gao Yufeng",
        "Beitbridge",
        "林園",
        "貝特布里吉",
        "拜特布烈治",
        "哥斯大黎加",
        "蒙薩",
        "亞斯文",
        "廉署",
        "哈薩克",
        "長潮和諧號",
        '"Bay of Biscay"',
        '"Italian Grand Prix"',
    ),
    "bx": (
        "Plovdiv",
        "普羅夫迪夫",
        "伊斯坦堡",
        "拉脫維亞",
        "翠港拍賣",
        "萊茵河",
        "戴莎馬羅",
        "莫三比克",
        "廣寧",
        "啟興艦",
        "美麗河芝士廠",
        '"Hsin Fu Man"',
        '"Court of Arbitration for Sport"',
    ),
    "bw": (
        "Coral Meridian",
        "珊瑚子午線號",
        "坎斯",
        "希臘天空航空",
        "吉爾吉斯",
        "山泥傾瀉",
        "棉蘭",
        "北境鋰業",
        "北極光航太",
        "薩拉特",
        "肯雅",
        "肯亞",
        "歸仁",
        '"Moore Reef"',
        '"behind closed doors"',
    ),
}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# Characters that exist in only one script: simplified forms never appear in Traditional
# text and vice versa, so one of them in the wrong kind of article means a wrong label.
_SIMPLIFIED_ONLY = set("国会说这为发时对经们际门东车长开关总动应机将区湾岛则马协调议")
_TRADITIONAL_ONLY = set("國會說這為發時對經們際門東車長開關總動應機將區灣島則馬協調議")


@pytest.fixture(scope="module", params=sorted(HALVES))
def half(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def corpus(half: str) -> list[CorpusArticle]:
    return load_corpus(half=half)


@pytest.fixture(scope="module")
def by_id(corpus: list[CorpusArticle]) -> dict[str, CorpusArticle]:
    return {a.id: a for a in corpus}


@pytest.fixture(scope="module")
def queries(half: str) -> list[CorpusQuery]:
    return load_queries(half=half)


def _text(a: CorpusArticle) -> str:
    return f"{a.title}\n{a.summary}\n{a.body}"


def han_share(text: str) -> float:
    han = len(_HAN.findall(text))
    letters = han + len(_LATIN.findall(text))
    return han / letters if letters else 0.0


def test_ids_unique_and_fields_valid(corpus: list[CorpusArticle], half: str) -> None:
    ids = [a.id for a in corpus]
    assert len(ids) == len(set(ids))
    art, ev, sit = _LABELS[half]
    for a in corpus:
        assert re.fullmatch(rf"{art}\d{{3}}", a.id), a.id
        assert a.lang in LANGS, a.id
        assert a.feed in feeds_of(half), a.id
        assert re.fullmatch(rf"{ev}\d{{2}}", a.event), a.id
        assert re.fullmatch(rf"{sit}\d{{2}}", a.situation), a.id
        assert a.title.strip() and a.summary.strip(), a.id
        assert a.published.utcoffset() == timedelta(0)
        assert urlsplit(a.url).scheme == "https" and urlsplit(a.url).netloc, a.id
        assert (a.dup_of is None) == (a.dup_kind is None), a.id
        assert a.dup_kind is None or a.dup_kind in DUP_KINDS, a.id


def test_minimum_sizes(corpus: list[CorpusArticle]) -> None:
    langs = Counter(a.lang for a in corpus)
    kinds = Counter(a.dup_kind for a in corpus)
    assert len(corpus) >= MIN_ARTICLES
    assert len(events(corpus)) >= MIN_EVENTS
    assert 7 <= len({a.situation for a in corpus}) <= 12
    assert langs["zh"] >= 0.2 * len(corpus)
    assert langs["zh-Hant"] >= 8
    assert kinds["near"] >= 8 and kinds["syndicated"] >= 6 and kinds["translation"] >= 6


def test_body_shape(corpus: list[CorpusArticle]) -> None:
    for a in corpus:
        paras = a.paragraphs
        assert 2 <= len(paras) <= 5, (a.id, len(paras))
        assert all(p.strip() == p and p for p in paras), a.id
        if a.lang == "en":
            assert 80 <= len(a.body.split()) <= 300, (a.id, len(a.body.split()))
        else:
            chars = len(re.sub(r"\s", "", a.body))
            assert 150 <= chars <= 500, (a.id, chars)


def test_language_labels_match_script(corpus: list[CorpusArticle]) -> None:
    for a in corpus:
        share = han_share(_text(a))
        if a.lang == "en":
            assert share == 0.0, (a.id, share)
            continue
        assert share > 0.6, (a.id, share)  # product names in Latin script are common
        chars = set(_text(a))
        if a.lang == "zh":
            assert not chars & _TRADITIONAL_ONLY, (a.id, chars & _TRADITIONAL_ONLY)
            assert chars & _SIMPLIFIED_ONLY, a.id
        else:
            assert not chars & _SIMPLIFIED_ONLY, (a.id, chars & _SIMPLIFIED_ONLY)
            assert chars & _TRADITIONAL_ONLY, a.id


def test_each_event_belongs_to_one_situation(corpus: list[CorpusArticle]) -> None:
    situation: dict[str, set[str]] = defaultdict(set)
    for a in corpus:
        situation[a.event].add(a.situation)
    assert all(len(s) == 1 for s in situation.values()), situation


def test_events_are_bilingual_and_short(corpus: list[CorpusArticle]) -> None:
    per_event: dict[str, list[CorpusArticle]] = defaultdict(list)
    for a in corpus:
        per_event[a.event].append(a)
    both = [
        e
        for e, arts in per_event.items()
        if {x.lang for x in arts} & {"zh", "zh-Hant"} and "en" in {x.lang for x in arts}
    ]
    assert len(both) >= 0.75 * len(per_event)
    assert any(len(arts) == 1 for arts in per_event.values()), "no singleton event"
    for e, arts in per_event.items():
        assert len(arts) <= 8, e
        span = max(a.published for a in arts) - min(a.published for a in arts)
        assert span <= timedelta(days=3), (e, span)


def test_hard_negatives_present(corpus: list[CorpusArticle], half: str) -> None:
    min_span, far = _SPAN[half]
    start: dict[str, tuple[str, datetime]] = {}
    for a in corpus:
        if a.event not in start or a.published < start[a.event][1]:
            start[a.event] = (a.situation, a.published)
    ev = list(start.values())
    far_same, near_same, same_day_other = 0, 0, 0
    for i, (s1, t1) in enumerate(ev):
        for s2, t2 in ev[i + 1 :]:
            gap = abs(t1 - t2)
            if s1 == s2 and gap >= far:
                far_same += 1
            if s1 == s2 and gap <= timedelta(days=3):
                near_same += 1
            if s1 != s2 and gap <= timedelta(days=1):
                same_day_other += 1
    assert far_same >= 5 and near_same >= 1 and same_day_other >= 2
    times = sorted(a.published for a in corpus)
    assert times[-1] - times[0] >= min_span
    assert sum(a.published.hour >= 20 for a in corpus) >= 5  # late evening UTC


def test_duplicates_are_consistent(
    corpus: list[CorpusArticle], by_id: dict[str, CorpusArticle]
) -> None:
    for a in corpus:
        if a.dup_of is None:
            continue
        o = by_id[a.dup_of]
        assert o.dup_of is None, f"{a.id} points at a copy"
        assert o.event == a.event and o.id != a.id
        assert o.published <= a.published, a.id
        if a.dup_kind == "syndicated":
            assert (a.title, a.body, a.lang) == (o.title, o.body, o.lang), a.id
            assert a.feed != o.feed and a.url != o.url, a.id
            assert a.url.split("?")[0] == o.url and "utm_" in urlsplit(a.url).query, a.id
        elif a.dup_kind == "near":
            assert a.lang == o.lang and a.title != o.title and a.body != o.body, a.id
            shared = set(a.paragraphs) & set(o.paragraphs)
            assert shared, f"{a.id} shares no paragraph with {o.id}"
        else:
            assert (a.lang == "en") != (o.lang == "en"), a.id
            assert len(a.paragraphs) == len(o.paragraphs), a.id


def test_urls_distinct_except_syndication(corpus: list[CorpusArticle]) -> None:
    own = [a.url for a in corpus if a.dup_kind != "syndicated"]
    assert len(own) == len(set(own))
    assert all("?" not in u for u in own)


def test_related_urls_point_into_corpus(corpus: list[CorpusArticle]) -> None:
    urls = {a.url: a for a in corpus}
    with_related = [a for a in corpus if a.related_urls]
    assert len(with_related) >= 3
    for a in with_related:
        for u in a.related_urls:
            assert u in urls and urls[u].id != a.id, (a.id, u)


def test_queries_valid(
    queries: list[CorpusQuery],
    by_id: dict[str, CorpusArticle],
    corpus: list[CorpusArticle],
    half: str,
) -> None:
    assert len(queries) >= 40
    texts = {q.query for q in queries}
    assert len(texts) == len(queries), "a query is listed twice"
    for required in _REQUIRED_QUERIES[half]:
        assert required in texts, required
    dups: dict[str, set[str]] = defaultdict(set)
    for a in corpus:
        if a.dup_of:
            dups[a.dup_of].add(a.id)
    en_finds_zh: list[bool] = []
    for q in queries:
        assert q.kind in QUERY_KINDS and q.lang in LANGS, q
        assert q.relevant and len(set(q.relevant)) == len(q.relevant), q.query
        assert all(r in by_id for r in q.relevant), q.query
        rel = set(q.relevant)
        for r in rel:  # a copy of a relevant article is relevant too
            assert dups[r] <= rel, (q.query, r)
        langs = {by_id[r].lang for r in rel}
        if q.kind == "cross-language":
            assert langs & {"zh", "zh-Hant"}, q.query
        if q.lang == "en":
            en_finds_zh.append(bool(langs & {"zh", "zh-Hant"}))
        if q.lang == "zh-Hant":
            assert "zh" in langs, f"{q.query}: Traditional query must find Simplified articles"
    assert sum(en_finds_zh) >= 0.9 * len(en_finds_zh)  # English queries must reach Chinese
    assert sum(q.lang == "zh-Hant" for q in queries) >= 3
    assert sum(q.kind == "two-char-zh" for q in queries) >= 5


def test_relevant_sets_are_whole_events(
    queries: list[CorpusQuery], corpus: list[CorpusArticle]
) -> None:
    """Relevance is judged per event: an article added to an event joins every query on it."""
    per_event = events(corpus)
    by_id = {a.id: a for a in corpus}
    for q in queries:
        rel = set(q.relevant)
        for e in {by_id[r].event for r in rel}:
            assert set(per_event[e]) <= rel, (q.query, e)


def test_article_page_html(corpus: list[CorpusArticle]) -> None:
    from bs4 import BeautifulSoup

    by_url = {a.url: a for a in corpus}
    art = next(a for a in corpus if a.related_urls and a.lang == "zh")
    related = [by_url[u] for u in art.related_urls]
    soup = BeautifulSoup(article_page_html(art, related), "lxml")
    assert soup.h1 is not None and soup.h1.get_text() == art.title
    text = soup.article.get_text() if soup.article else ""
    assert all(p in text for p in art.paragraphs)
    aside = soup.find("aside", class_="related")
    assert aside is not None
    assert [a["href"] for a in aside.find_all("a")] == list(art.related_urls)


def test_same_event_pairs(corpus: list[CorpusArticle]) -> None:
    pairs = same_event_pairs(corpus)
    by_event = events(corpus)
    assert len(pairs) == sum(len(v) * (len(v) - 1) // 2 for v in by_event.values())
    a, b = next(iter(pairs))
    assert a < b


def test_feeds_render_and_parse(corpus: list[CorpusArticle], half: str) -> None:
    import feedparser

    docs = corpus_to_feeds(corpus)
    feeds = feeds_of(half)
    assert set(docs) == {path for path, _ in feeds.values()}
    per_feed = Counter(a.feed for a in corpus)
    by_id = {a.id: a for a in corpus}
    for name, (path, kind) in feeds.items():
        doc = docs[path]
        ET.fromstring(doc)  # well-formed XML
        parsed = feedparser.parse(doc)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version.startswith(kind), (path, parsed.version)
        assert parsed.feed.title == name
        assert len(parsed.entries) == per_feed[name]
        for e in parsed.entries:
            art = by_id[article_id_from_guid(e.id) or ""]
            assert e.title == art.title and e.link == art.url
            assert e.summary == art.summary
            html_body = e.content[0].value
            assert html_body.count("<p>") >= len(art.paragraphs)
            assert all(p in html.unescape(html_body) for p in art.paragraphs)
            assert e.published_parsed[:5] == art.published.timetuple()[:5]
            for u in art.related_urls:
                assert u in html_body


def test_loader_rejects_non_utc_times(tmp_path: Path, half: str) -> None:
    line = (corpus_dir(half) / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "articles.jsonl"
    bad.write_text(line.replace('Z"', '+08:00"', 1), encoding="utf-8")
    with pytest.raises(ValueError, match="UTC"):
        load_corpus(bad)
    assert han_share("日本 Japan") == 2 / 7


@pytest.mark.parametrize(("h1", "h2"), list(combinations(sorted(HALVES), 2)))
def test_halves_are_independent(h1: str, h2: str) -> None:
    """Any two halves can be loaded, served and scored together: no shared id, URL, event, feed
    or path, and no shared article text (a half must not copy another's events).

    The one-letter halves a-z use 26 distinct event and situation letters. Two-letter halves
    ("aa" to "ag") repeat early halves' letters, so their labels are per half: a scorer that
    mixes halves must key events by half (the id prefix). Events are checked for disjoint
    labels only between halves with other event letters, and situations only between halves
    with other situation letters ("ae" takes its event letter from "x" and its situation
    letter from "e"; "af" takes "e"'s and "f"'s; "ag" takes "f"'s and "g"'s; "ah" "g"'s and
    "h"'s; "ai" "h"'s and "z"'s; "aj" "i"'s and "l"'s; "ak" "n"'s and "q"'s; "al" "j"'s and
    "k"'s; "am" "y"'s and "p"'s; "an" "o"'s and "r"'s; "ao" "z"'s and "s"'s; "ap" "k"'s and
    "t"'s; "aq" "p"'s and "m"'s; "ar" "q"'s and "u"'s; "as" "r"'s and "n"'s; "at" "x"'s and
    "l"'s; "au" "t"'s and "w"'s; "av" "u"'s and "x"'s; "aw" "l"'s and "y"'s; "ax" "v"'s and
    "o"'s; "ay" "m"'s and "i"'s; "az" "w"'s and "j"'s; "ba" "a"'s and "a"'s; "bb" "b"'s and
    "b"'s; "bc" "c"'s and "c"'s; "bd" "d"'s and "d"'s; "be" "e"'s and "e"'s; "bf" "f"'s and
    "f"'s; "bg" "g"'s and "g"'s; "bh" "h"'s and "h"'s; "bi" "i"'s and "z"'s; "bj" "n"'s and
    "l"'s; "bk" "j"'s and "q"'s; "bl" "y"'s and "k"'s; "bm" "o"'s and "p"'s; "bn" "z"'s and "r"'s;
    "bo" "k"'s and "s"'s; "bp" "p"'s and "t"'s; "bq" "q"'s and "m"'s; "br" "r"'s and "u"'s;
    "bs" "s"'s and "n"'s; "bt" "t"'s and "v"'s; "bu" "u"'s and "w"'s; "bv" "v"'s and "x"'s;
    "bw" "w"'s and "y"'s; "bx" "x"'s and "o"'s). Id prefixes always differ."""
    a, b = load_corpus(half=h1), load_corpus(half=h2)
    assert load_corpus(half="a") == load_corpus()  # the default is the first half
    assert not {x.id for x in a} & {x.id for x in b}
    assert not {x.url for x in a} & {x.url for x in b}
    assert not {x.title for x in a} & {x.title for x in b}
    if _LABELS[h1][1] != _LABELS[h2][1]:  # halves after z re-use early halves' letters
        assert not {x.event for x in a} & {x.event for x in b}
    if _LABELS[h1][2] != _LABELS[h2][2]:
        assert not {x.situation for x in a} & {x.situation for x in b}
    assert _LABELS[h1][0] != _LABELS[h2][0]
    assert not set(feeds_of(h1)) & set(feeds_of(h2))
    assert not set(corpus_to_feeds(a)) & set(corpus_to_feeds(b))
    assert {q.query for q in load_queries(half=h1)} != {q.query for q in load_queries(half=h2)}
    with pytest.raises(KeyError, match="half"):
        load_corpus(half="zz")
